/**
 * Entry point of the lab page: mounts {@link App}. Everything the page knows about training
 * comes through the worker protocol (src/train/protocol.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './lab.css';
import { alphaPaletteCss } from './lib/alphaColor';
import { browserLanguages, resolveLanguage, setLanguage } from './i18n';
import { parseLabUrl } from './state/labUrl';

// α colours for both themes as CSS variables (--alpha-0 … --alpha-8).
const paletteStyle = document.createElement('style');
paletteStyle.textContent = alphaPaletteCss();
document.head.appendChild(paletteStyle);

// The language of the first render: ?lang=, else the browser's languages (App follows later switches).
setLanguage(resolveLanguage(parseLabUrl(window.location.search).state.lang, browserLanguages()));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

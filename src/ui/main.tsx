/**
 * Entry point of the lab page: mounts {@link App}. Everything the page knows about training
 * comes through the worker protocol (src/train/protocol.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './lab.css';
import { alphaPaletteCss } from './lib/alphaColor';

// α colours for both themes as CSS variables (--alpha-0 … --alpha-8).
const paletteStyle = document.createElement('style');
paletteStyle.textContent = alphaPaletteCss();
document.head.appendChild(paletteStyle);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

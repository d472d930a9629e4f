/**
 * Entry point of the lab page: mounts {@link App}. Everything the page knows about training
 * comes through the worker protocol (src/train/protocol.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './lab.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

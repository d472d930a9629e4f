import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Vite config for the lab. `base: './'` makes the build work from any static host path.
 * The training worker is an ES module worker (see src/train/worker.ts).
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  server: { host: '127.0.0.1' },
});

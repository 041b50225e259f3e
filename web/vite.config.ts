import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Build with `vite build web` (or `npx vite build --config web/vite.config.ts`): output in web/dist,
// which `csc serve` hands to the API server as its static folder.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    // `npx vite web` during development: the API runs separately on :8080.
    proxy: { '/api': 'http://localhost:8080' },
  },
});

import { defineConfig } from 'vite';

// The browser interface: `vite build web` builds it into dist/web/, which `dragoman serve` ships at `/`.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../dist/web',
    // The folder is outside web/, so Vite must be told it may empty it.
    emptyOutDir: true,
  },
});

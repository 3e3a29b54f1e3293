import { defineConfig } from 'vite';

// The browser interface: `vite build web` builds it into dist/web/, which `dragoman serve` ships at `/`.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // ECharts alone is over Vite's 500 kB warning; it loads only with the chart views.
    chunkSizeWarningLimit: 1200,
  },
});

import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { katexWoff2Only } from './src/compiler/katex-woff2.ts';
import { deckPlugin } from './src/compiler/vite-plugin.ts';

export default defineConfig({
  // Relative URLs: dist/ works from any folder of any static server.
  base: './',
  plugins: [deckPlugin(), katexWoff2Only()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 3000,
    // The deck, its two printable pages (A4 handout, study guide), each compiled from slides/, and the paper's reading view.
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        handout: resolve(import.meta.dirname, 'handout.html'),
        notes: resolve(import.meta.dirname, 'notes.html'),
        paper: resolve(import.meta.dirname, 'paper.html'),
      },
    },
  },
});

import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import { katexWoff2Only } from './src/compiler/katex-woff2.ts';
import { deckPlugin, type DeckPluginOptions } from './src/compiler/vite-plugin.ts';

/**
 * The deck's Vite config for a project folder (its pages, `slides/` and `assets/` under `root`,
 * which the caller also gives Vite as its root); `deck` goes to the deck plugin. The tests build
 * fixture decks with it.
 */
export function deckConfig(root: string, deck: DeckPluginOptions = {}): UserConfig {
  return {
    // Relative URLs: dist/ works from any folder of any static server.
    base: './',
    // KaTeX's CSS loses its woff and ttf sources before the deck plugin puts each stylesheet in its page.
    plugins: [katexWoff2Only(), deckPlugin(deck)],
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 3000,
      // The deck, its two printable pages (A4 handout, study guide), each compiled from slides/, and the paper's reading view.
      rolldownOptions: {
        input: {
          index: resolve(root, 'index.html'),
          handout: resolve(root, 'handout.html'),
          notes: resolve(root, 'notes.html'),
          paper: resolve(root, 'paper.html'),
        },
      },
    },
  };
}

export default defineConfig(deckConfig(import.meta.dirname));

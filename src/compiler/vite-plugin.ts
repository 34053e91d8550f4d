import { relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { compileDeck, type CompiledDeck, type CompileOptions } from './compile-deck.ts';
import { DeckContentError, formatContentError } from './errors.ts';
import { deckFontsPlugin } from './fonts/vite-fonts.ts';
import { escapeHtml } from '../shared/html.ts';
import { deckPagePlugin } from './html/vite-page.ts';
import { deckManifest } from './manifest.ts';

/** Options of the `deck:slides` Vite plugin. */
export interface DeckPluginOptions {
  /** Draw diagrams at build time in Chromium. @default true */
  prerenderDiagrams?: boolean;
  /** Section files' folder, relative to the Vite root. @default 'slides' */
  slidesDir?: string;
  /** Put the font files into the page as data: URLs (the one-file deck). @default false */
  inlineFonts?: boolean;
  /**
   * Build index.html with only its first slide, the others in `assets/slides-<hash>.html`
   * (fetched once the first slide is painted; see html/vite-page.ts). @default !inlineFonts (a
   * page that opens from a file cannot fetch)
   */
  splitSlides?: boolean;
}

/**
 * Compiles `slides/` into the page at build time (the first slide paints before any script
 * runs). Content errors fail `vite build` with every place listed; the dev server shows them in
 * its overlay and in the terminal and keeps serving what compiled. The deck font, subset to
 * the deck's characters, ships with the page (`deck:fonts`).
 */
export function deckPlugin(options: DeckPluginOptions = {}): Plugin[] {
  let config: ResolvedConfig;
  let server: ViteDevServer | undefined;
  let deck: Promise<CompiledDeck> | null = null;

  const compile = (): Promise<CompiledDeck> => {
    const compileOptions: CompileOptions = {
      root: config.root,
      slidesDir: options.slidesDir ?? 'slides',
      prerenderDiagrams: options.prerenderDiagrams ?? true,
    };
    deck ??= compileDeck(compileOptions).then((d) => {
      for (const w of d.warnings) config.logger.warn(w);
      if (d.errors.length) config.logger.error(d.errors.map(formatContentError).join('\n'));
      return d;
    });
    return deck;
  };

  const overlay = (d: CompiledDeck) => ({
    type: 'error' as const,
    err: {
      message: d.errors.map(formatContentError).join('\n'),
      stack: '',
      plugin: 'deck:slides',
      id: resolve(config.root, d.errors[0]?.file ?? ''),
      loc: { file: resolve(config.root, d.errors[0]?.file ?? ''), line: d.errors[0]?.line ?? 1, column: 1 },
    },
  });

  const slides: Plugin = {
    name: 'deck:slides',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(dev) {
      server = dev;
      const watched = [options.slidesDir ?? 'slides', 'assets'].map((d) => resolve(config.root, d));
      dev.watcher.add(watched);
      const onChange = (file: string): void => {
        if (!watched.some((dir) => !relative(dir, file).startsWith('..'))) return;
        deck = null;
        dev.ws.send({ type: 'full-reload' });
      };
      dev.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange);
      // The overlay is sent to each client as it connects: the page itself loads before its socket.
      dev.ws.on('vite:client:connect', (_data, client) => {
        void compile().then((d) => {
          if (d.errors.length) client.send(overlay(d));
        });
      });
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const d = await compile();
        if (d.errors.length && !server) throw new DeckContentError(d.errors);
        return html
          .replace('<!--deck:title-->', escapeHtml(d.meta.title))
          .replace('<!--deck:slides-->', () => d.html)
          .replace('<!--deck:manifest-->', () => `<script type="application/json" id="deck-manifest">${JSON.stringify(deckManifest(d)).replace(/</g, '\\u003c')}</script>`);
      },
    },
  };
  return [deckPagePlugin(compile, { split: options.splitSlides ?? !options.inlineFonts }), slides, deckFontsPlugin(() => compile().then((d) => d.fonts), { inline: options.inlineFonts ?? false })];
}

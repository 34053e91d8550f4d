import { relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { escapeHtml } from '../shared/html.ts';
import { compileDeck, type CompiledDeck, type CompileOptions } from './compile-deck.ts';
import { DIAGRAMS_ENV, type DiagramDrawing } from './diagrams/draw-diagrams.ts';
import { DeckContentError, formatContentError } from './errors.ts';
import { withContentPolicy } from './html/content-policy.ts';
import { withInlineStylesheets } from './html/inline-stylesheets.ts';
import { deckFontsPlugin } from './fonts/vite-fonts.ts';
import { manifestOf, manifestScript } from './model.ts';
import { paperPlugin } from './paper/vite-paper.ts';
import { slidesHtml, type PaperLinks } from './render/slides-html.ts';
import { deckPagePlugin } from './render/vite-page.ts';

/** Options of the `deck:slides` Vite plugin. */
export interface DeckPluginOptions {
  /** Where diagrams are drawn (see compiler/diagrams/draw-diagrams.ts). @default 'build' for `vite build`, 'build-or-browser' for the dev server; 'browser' when DECK_DIAGRAMS=browser */
  diagrams?: DiagramDrawing;
  /** Section files' folder, relative to the Vite root. @default 'slides' */
  slidesDir?: string;
  /** Put the font files into the page as data: URLs (the one-file deck). @default false */
  inlineFonts?: boolean;
  /**
   * Build index.html with only its first slide, the others in `assets/slides-<hash>.html`
   * (fetched once the first slide is painted; see render/vite-page.ts). @default !inlineFonts (a
   * page that opens from a file cannot fetch)
   */
  splitSlides?: boolean;
  /**
   * Where the slides' 「原文 ¶12–13」 links open the paper: `page`, paper.html; `view`, the
   * paper carried in index.html itself, shown at `#paper/p-12-13` (the one-file deck, which has
   * no other page). @default 'page'
   */
  paperLinks?: PaperLinks;
  /**
   * What a build does with content errors: `'fail'` (every build people run), or `'show'`:
   * print them (once, like `'fail'`) and build the pages as the dev server serves them, each
   * refused piece shown as text where it was. For the tests of what a page does with bad or
   * hostile content (tests/browser/injection.test.ts); never for a deck to publish. @default 'fail'
   */
  contentErrors?: 'fail' | 'show';
}

/** The page templates' placeholders, each replaced once per page. */
export const PLACEHOLDERS = {
  title: '<!--deck:title-->',
  /** index.html: the first slide at once, the rest after it (see render/vite-page.ts). */
  firstSlides: '<!--deck:slides first-->',
  /** The printable pages: every slide. */
  allSlides: '<!--deck:slides-->',
  manifest: '<!--deck:manifest-->',
  /** The `lang` attribute of `<html>`: the deck's language (deck.yml `lang`). */
  lang: 'lang="deck-lang"',
} as const;

/**
 * Compiles `slides/` into the pages at build time (the first slide paints before any script
 * runs). Content errors fail `vite build` once, with every place listed; the dev server shows
 * them in its overlay and in the terminal and keeps serving what compiled. The deck font,
 * subset to the deck's characters, ships with the page (`deck:fonts`); the paper's page
 * (`deck:paper`) links each paragraph to the slides that teach it. A build says the paper's
 * coverage in one line (`paper coverage: 45/45 paragraphs, 0 left out`).
 */
export function deckPlugin(options: DeckPluginOptions = {}): Plugin[] {
  let config: ResolvedConfig;
  let server: ViteDevServer | undefined;
  let deck: Promise<CompiledDeck> | null = null;
  const paperLinks = options.paperLinks ?? 'page';
  const showErrors = options.contentErrors === 'show';

  const compile = (): Promise<CompiledDeck> => {
    const compileOptions: CompileOptions = {
      root: config.root,
      slidesDir: options.slidesDir ?? 'slides',
      diagrams: options.diagrams ?? (process.env[DIAGRAMS_ENV] === 'browser' ? 'browser' : config.command === 'build' ? 'build' : 'build-or-browser'),
    };
    deck ??= compileDeck(compileOptions).then(
      (d) => {
        for (const w of d.warnings) config.logger.warn(w);
        // A build fails with the errors (buildStart); the dev server, and a build that shows them, say them here, once per compile.
        if (d.errors.length && (server || showErrors)) config.logger.error(d.errors.map(formatContentError).join('\n'));
        return d;
      },
      (e: unknown) => {
        deck = null; // try again on the next request: the dev server must outlive a bad moment
        throw e;
      },
    );
    return deck;
  };

  const overlay = (errors: CompiledDeck['errors']) => ({
    type: 'error' as const,
    err: {
      message: errors.map(formatContentError).join('\n'),
      stack: '',
      plugin: 'deck:slides',
      id: resolve(config.root, errors[0]?.file ?? ''),
      loc: { file: resolve(config.root, errors[0]?.file ?? ''), line: errors[0]?.line ?? 1, column: 1 },
    },
  });

  const slides: Plugin = {
    name: 'deck:slides',
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      if (config.command !== 'build') return;
      const d = await compile();
      if (d.errors.length && !showErrors) throw new DeckContentError(d.errors);
      if (d.paper) config.logger.info(d.paper.summary);
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
      dev.watcher.on('change', onChange).on('add', onChange).on('unlink', onChange).on('unlinkDir', onChange).on('addDir', onChange);
      // The overlay is sent to each client as it connects: the page itself loads before its socket.
      dev.ws.on('vite:client:connect', (_data, client) => {
        compile().then(
          (d) => {
            if (d.errors.length) client.send(overlay(d.errors));
          },
          (e: unknown) => config.logger.error(`[deck] ${e instanceof Error ? e.message : String(e)}`),
        );
      });
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const d = await compile();
        if (d.errors.length && !server && !showErrors) return html; // buildStart has failed the build
        const { model } = d;
        return html
          .replace(PLACEHOLDERS.lang, () => `lang="${escapeHtml(model.meta.lang)}"`)
          .replace(PLACEHOLDERS.title, () => escapeHtml(model.meta.title))
          .replace(PLACEHOLDERS.allSlides, () => slidesHtml(model.sections, 'all', { paperLinks }))
          .replace(PLACEHOLDERS.manifest, () => manifestScript(d.model));
      },
    },
    generateBundle() {
      if (!deck) return;
      // The model's runtime part beside the pages, for tools (the live classroom's server).
      return deck.then((d) => {
        this.emitFile({ type: 'asset', fileName: 'deck.json', source: `${JSON.stringify(manifestOf(d.model), null, 1)}\n` });
      });
    },
  };
  return [
    deckPagePlugin(compile, { split: options.splitSlides ?? !options.inlineFonts, paperLinks, showErrors }),
    slides,
    deckFontsPlugin(() => compile().then((d) => d.fonts), { inline: options.inlineFonts ?? false }),
    // paper.html, each paragraph linked to the slides that teach it.
    // paper.html, each paragraph linked to the slides that teach it; in the one-file deck, index.html carries it too.
    paperPlugin({
      links: () => compile().then((d) => d.paper?.links ?? []),
      leftOut: () => compile().then((d) => d.paper?.leftOut ?? []),
      inPage: paperLinks === 'view',
    }),
    // The one-file deck's policy is written once its scripts are inlined (export/bundle.ts): a
    // second, earlier one would allow only the scripts it saw then and block the inlined deck.
    ...(options.inlineFonts ? [] : [inlineStylesheetsPlugin(), contentPolicyPlugin()]),
  ];
}

/**
 * Every built page carries its stylesheet in a `<style>` (html/inline-stylesheets.ts) instead of
 * linking it: the phone on slow 4G paints the page one round trip sooner. A stylesheet no other
 * file names afterwards is not published. Only in a build (the dev server's CSS is live); the
 * one-file deck inlines everything in export/bundle.ts.
 */
function inlineStylesheetsPlugin(): Plugin {
  return {
    name: 'deck:inline-stylesheets',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const pages = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.html') && !f.fileName.includes('/'));
      const used = new Set<string>();
      for (const page of pages) {
        if (page.type !== 'asset') continue;
        const { html, inlined } = withInlineStylesheets(String(page.source), '.', (path) => {
          const css = bundle[path];
          return css?.type === 'asset' && path.endsWith('.css') ? String(css.source) : null;
        });
        page.source = html;
        inlined.forEach((path) => used.add(path));
      }
      // Only text can name a file (a font or an image cannot).
      const text = (f: (typeof bundle)[string]): string => (f.type === 'chunk' ? f.code : typeof f.source === 'string' ? f.source : '');
      const named = (path: string): boolean => Object.values(bundle).some((f) => f.fileName !== path && text(f).includes(path.split('/').pop()!));
      for (const path of used) if (!named(path)) delete bundle[path];
    },
  };
}

/**
 * Every built page carries its Content-Security-Policy (html/content-policy.ts), added once the
 * page is final (Vite's own tags in). Only in a build: the dev server's client needs inline script.
 * The one-file deck, whose scripts are inlined after this, gets its policy in export/bundle.ts.
 */
function contentPolicyPlugin(): Plugin {
  return {
    name: 'deck:content-policy',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html') || file.fileName.includes('/')) continue;
        file.source = withContentPolicy(String(file.source));
      }
    },
  };
}

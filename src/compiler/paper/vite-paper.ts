import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { escapeHtml } from '../../shared/html.ts';
import { PAPER_TEMPLATE_ID, type LeftOutParagraph, type ParagraphLinks } from '../../shared/paper.ts';
import { DeckContentError, ErrorSink, formatContentError, type ContentError } from '../errors.ts';
import { loadPaper, PAPER_FILE, type PaperDocument } from './read-paper.ts';
import { paperPageTitle, renderPaper } from './render-paper.ts';

/** Where paper.html takes the paper, and its title. */
const PAPER_PLACEHOLDER = '<!--deck:paper-->';
const TITLE_PLACEHOLDER = '<!--deck:paper-title-->';
/** Where index.html takes the paper in the one-file deck (`inPage`), as an inert `<template>`; elsewhere nothing. */
const IN_PAGE_PLACEHOLDER = '<!--deck:paper in-page-->';

/** Options of the `deck:paper` Vite plugin. */
export interface PaperPluginOptions {
  /** Which slides teach each paragraph (the deck model's, from the slides' `source=`). @default none yet */
  links?: () => ParagraphLinks | Promise<ParagraphLinks>;
  /** The paragraphs the deck leaves out on purpose (`leftOut:` in slides/deck.yml). @default none */
  leftOut?: () => readonly LeftOutParagraph[] | Promise<readonly LeftOutParagraph[]>;
  /**
   * Also put the paper into index.html, as `<template id="deck-paper-template">` (the one-file
   * deck shows it at `#paper/p-12`, src/deck/paper/paper-in-page.ts). @default false
   */
  inPage?: boolean;
}

/**
 * Fills `paper.html` with the paper (`assets/paper/paper.txt`, read and cleaned), at build time
 * and in the dev server. A problem in the paper fails `vite build` with its place; the dev server
 * shows it in the overlay and the terminal and serves what could be read. In dev, the page
 * reloads when the paper's text changes.
 */
export function paperPlugin(options: PaperPluginOptions = {}): Plugin {
  let config: ResolvedConfig;
  let server: ViteDevServer | undefined;

  const read = (): { doc: PaperDocument; errors: ContentError[] } => {
    const sink = new ErrorSink();
    const doc = loadPaper(config.root, sink);
    return { doc, errors: sink.errors };
  };

  const overlay = (errors: readonly ContentError[]) => ({
    type: 'error' as const,
    err: {
      message: errors.map(formatContentError).join('\n'),
      stack: '',
      plugin: 'deck:paper',
      id: resolve(config.root, PAPER_FILE),
      loc: { file: resolve(config.root, errors[0]?.file ?? PAPER_FILE), line: errors[0]?.line ?? 1, column: 1 },
    },
  });

  return {
    name: 'deck:paper',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(dev) {
      server = dev;
      const file = resolve(config.root, PAPER_FILE);
      dev.watcher.add(file);
      dev.watcher.on('change', (changed) => {
        if (resolve(changed) === file) dev.ws.send({ type: 'full-reload' });
      });
      dev.ws.on('vite:client:connect', (_data, client) => {
        const { errors } = read();
        if (errors.length) client.send(overlay(errors));
      });
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const page = html.includes(PAPER_PLACEHOLDER);
        const inPage = html.includes(IN_PAGE_PLACEHOLDER);
        if (!page && !inPage) return html;
        // A deck without the paper (a test fixture) has no view of it either.
        if (inPage && (!options.inPage || !existsSync(resolve(config.root, PAPER_FILE)))) return html.replace(IN_PAGE_PLACEHOLDER, '');
        const { doc, errors } = read();
        if (errors.length) {
          if (!server) throw new DeckContentError(errors);
          config.logger.error(errors.map(formatContentError).join('\n'));
        }
        const links = (await options.links?.()) ?? [];
        const leftOut = (await options.leftOut?.()) ?? [];
        const title = escapeHtml(paperPageTitle(doc));
        const paper = renderPaper(doc, { links, leftOut });
        return html
          .replace(TITLE_PLACEHOLDER, () => title)
          .replace(PAPER_PLACEHOLDER, () => paper)
          .replace(IN_PAGE_PLACEHOLDER, () => `<template id="${PAPER_TEMPLATE_ID}" data-deck-title="${title}">\n${paper}\n</template>`);
      },
    },
  };
}

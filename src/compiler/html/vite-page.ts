import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { REST_LINK_ID } from '../../shared/first-slide.ts';
import type { CompiledDeck } from '../compile-deck.ts';
import { presentFirstSlide } from './first-slide.ts';
import { restDocument, restFileName, splitAfterFirstSlide } from './split-deck.ts';

/** The template's placeholder for a page that shows the first slide at once and the rest after it. */
const FIRST_ONLY = '<!--deck:slides first-->';
/** The template's placeholder for all the slides in the page (the printable pages). */
const ALL_SLIDES = '<!--deck:slides-->';

/**
 * Shapes the pages around the compiled slides, for a fast first slide:
 * - every page with slides gets the diagrams' shared stylesheet in its `<head>` (the SVGs no
 *   longer carry a copy each);
 * - `<!--deck:slides first-->` (index.html) puts only the first slide in the page, marked
 *   `present` so that it paints from the HTML and CSS alone, before any script; the other
 *   slides go to a static HTML document of their own (`assets/slides-<hash>.html`, linked as
 *   `<link rel="next" id="deck-rest">`), which the page fetches once the first slide is painted
 *   (src/deck/main.ts). With `split: false` (the dev server, a page that must open from a file)
 *   all slides stay in the page, the first one marked `present`.
 *
 * Runs before `deck:slides` (which fills the title, the other placeholder and the manifest, and
 * fails the build on content errors).
 */
export function deckPagePlugin(compile: () => Promise<CompiledDeck>, { split = true } = {}): Plugin {
  let config: ResolvedConfig;
  let rest: { fileName: string; html: string } | null = null;

  return {
    name: 'deck:page',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!html.includes(FIRST_ONLY) && !html.includes(ALL_SLIDES)) return html;
        const d = await compile();
        // A build with content errors fails in `deck:slides`; the dev server shows what compiled.
        if (d.errors.length && config.command === 'build') return html;
        let page = d.diagramCss ? html.replace('</head>', () => `<style id="deck-diagram-styles">${d.diagramCss}</style>\n</head>`) : html;
        if (!page.includes(FIRST_ONLY)) return page;
        if (!split || config.command !== 'build') return page.replace(FIRST_ONLY, () => presentFirstSlide(d.html));

        const { first, rest: others } = splitAfterFirstSlide(d.html);
        if (others.trim()) {
          const assets = config.build.assetsDir;
          const document = restDocument(others, d.meta.title, config.base.startsWith('/') ? config.base : `${'../'.repeat(assets.split('/').filter(Boolean).length)}`);
          // The name changes with the images too (their URLs are only known when they are emitted).
          const images = [...document.matchAll(/<img\b[^>]*\ssrc="\/([^"]+)"/g)].map((m) => readFileSync(resolve(config.root, m[1]!)).toString('base64'));
          rest = { fileName: `${assets}/${restFileName(document + images.join(''))}`, html: document };
          page = page.replace('</head>', () => `<link rel="next" id="${REST_LINK_ID}" href="${config.base}${rest!.fileName}">\n</head>`);
        }
        return page.replace(FIRST_ONLY, () => presentFirstSlide(first));
      },
    },
    generateBundle() {
      if (!rest) return;
      // Images in the other slides: emitted like the page's own, their URLs from the site's root.
      const html = rest.html.replace(/(<img\b[^>]*\ssrc=")\/([^"]+)"/g, (_m, before: string, path: string) => {
        const ref = this.emitFile({ type: 'asset', name: basename(path), source: readFileSync(resolve(config.root, path)) });
        return `${before}${this.getFileName(ref)}"`;
      });
      this.emitFile({ type: 'asset', fileName: rest.fileName, source: html });
    },
  };
}

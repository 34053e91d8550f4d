import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin, ResolvedConfig } from 'vite';
import { ATTR, REST_FALLBACK_EXTENSION, REST_LINK_ID } from '../../shared/deck-model.ts';
import { SLIDE_SIZE } from '../../shared/slide-size.ts';
import type { CompiledDeck } from '../compile-deck.ts';
import { attribute, isElement, parseHtmlDocument, serializeHtml, setAttribute, walkHtml, type HtmlDocument, type HtmlElement } from '../html/dom.ts';
import { manifestOf, manifestScript } from '../model.ts';
import { restDocument, restFileName, restId } from './rest-document.ts';
import { studyFirstScreenHtml } from './study-first-screen.ts';
import { slidesHtml, type PaperLinks } from './slides-html.ts';

/** The template's placeholder for a page that shows the first slide at once and the rest after it. */
const FIRST_ONLY = '<!--deck:slides first-->';
/** The template's placeholder for all the slides in the page (the printable pages). */
const ALL_SLIDES = '<!--deck:slides-->';
/** The template's placeholder for the manifest (filled by `deck:slides`; in a split page, the rest document carries it). */
const MANIFEST = '<!--deck:manifest-->';
/** The template's placeholder for the study view's first screen (index.html: what a phone paints first). */
const STUDY_FIRST = '<!--deck:study first-->';

/**
 * The slide's size for the pages' CSS (`--deck-slide-width`, `--deck-slide-height`, and the
 * width as a number, for scales: CSS cannot divide a length by a length), in `<head>` (custom properties apply wherever they are declared).
 */
const SLIDE_SIZE_STYLE: HtmlTagDescriptor = {
  tag: 'style',
  attrs: { id: 'deck-slide-size' },
  children: `:root{--deck-slide-width:${SLIDE_SIZE.width}px;--deck-slide-height:${SLIDE_SIZE.height}px;--deck-slide-width-n:${SLIDE_SIZE.width}}`,
  injectTo: 'head',
};

/**
 * Shapes the pages around the compiled slides, for a fast first slide:
 * - every page with slides gets the slide's size and the diagrams' shared stylesheet in its
 *   `<head>` (the SVGs no longer carry a copy each);
 * - `<!--deck:slides first-->` (index.html) puts only the first slide in the page, marked
 *   `present` so that it paints from the HTML and CSS alone, before any script; the other
 *   slides go to a static HTML document of their own (`assets/slides-<hash>.html`, linked as
 *   `<link rel="next" id="deck-rest">`) with the manifest, which the page fetches once the first slide is painted.
 *   With `split: false` (the dev server, a page that must open from a file) all slides stay in
 *   the page, the first one marked `present`;
 * - `<!--deck:study first-->` (index.html) becomes the study view's first screen, made from the
 *   first slide (render/study-first-screen.ts): a phone paints that, a wide screen the slide.
 *
 * Runs before `deck:slides` (which fills the title, the other placeholder and the manifest).
 */
export function deckPagePlugin(compile: () => Promise<CompiledDeck>, { split = true, paperLinks = 'page' as PaperLinks, showErrors = false } = {}): Plugin {
  let config: ResolvedConfig;
  let rest: { fileName: string; html: string } | null = null;

  const shape = async (html: string): Promise<string> => {
    const d = await compile();
    // A build with content errors fails in `deck:slides` (unless it shows them); the dev server shows what compiled.
    if (d.errors.length && config.command === 'build' && !showErrors) return html;
    const { sections, meta } = d.model;
    let page = d.diagramCss ? html.replace('</head>', () => `<style id="deck-diagram-styles">${d.diagramCss}</style>\n</head>`) : html;
    if (!page.includes(FIRST_ONLY)) return page;
    page = page.replace(STUDY_FIRST, () => studyFirstScreenHtml(sections, manifestOf(d.model)));
    if (!split || config.command !== 'build') return page.replace(FIRST_ONLY, () => slidesHtml(sections, 'all', { present: true, paperLinks }));

    const others = slidesHtml(sections, 'rest', { paperLinks });
    if (others) {
      const assets = config.build.assetsDir;
      const base = config.base.startsWith('/') ? config.base : '../'.repeat(assets.split('/').filter(Boolean).length);
      // The manifest grows with the deck and no script needs it before the rest is merged: it travels with the rest.
      const withManifest = `${manifestScript(d.model)}\n${others}`;
      const unmarked = restDocument(withManifest, meta.title, meta.lang, base);
      // The id changes with the images too (their URLs are only known when they are emitted).
      const images = imageElements(parseHtmlDocument(unmarked)).map((img) => readFileSync(resolve(config.root, imagePath(img))).toString('base64'));
      const id = restId(unmarked + images.join(''));
      rest = { fileName: `${assets}/${restFileName(id)}`, html: restDocument(withManifest, meta.title, meta.lang, base, id) };
      page = page.replace(MANIFEST, '').replace('</head>', () => `<link rel="next" id="${REST_LINK_ID}" ${ATTR.rest}="${id}" href="${config.base}${rest!.fileName}">\n</head>`);
    }
    return page.replace(FIRST_ONLY, () => slidesHtml(sections, 'first', { present: true, paperLinks }));
  };

  return {
    name: 'deck:page',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        if (!html.includes(FIRST_ONLY) && !html.includes(ALL_SLIDES)) return html;
        return { html: await shape(html), tags: [SLIDE_SIZE_STYLE] };
      },
    },
    generateBundle() {
      if (!rest) return;
      // Images in the other slides: emitted like the page's own, their URLs from the site's root.
      const tree = parseHtmlDocument(rest.html);
      const images = imageElements(tree);
      for (const img of images) {
        const path = imagePath(img);
        const ref = this.emitFile({ type: 'asset', name: basename(path), source: readFileSync(resolve(config.root, path)) });
        setAttribute(img, 'src', this.getFileName(ref));
      }
      const source = images.length ? serializeHtml(tree) : rest.html;
      this.emitFile({ type: 'asset', fileName: rest.fileName, source });
      this.emitFile({ type: 'asset', fileName: rest.fileName.replace(/\.html$/, REST_FALLBACK_EXTENSION), source });
    },
  };
}

/** An image's file, from the project root (its `src` is `/` and the path, URI-encoded: see markdown/images.ts). */
function imagePath(img: HtmlElement): string {
  return decodeURI(attribute(img, 'src')!.slice(1));
}

/** The project images (`<img src="/assets/…">`, as the compiler writes them) of a document. */
function imageElements(tree: HtmlDocument): HtmlElement[] {
  const found: HtmlElement[] = [];
  walkHtml(tree, (node) => {
    if (isElement(node) && node.tagName === 'img' && attribute(node, 'src')?.startsWith('/')) found.push(node);
  });
  return found;
}

import { createHash } from 'node:crypto';
import { escapeHtml } from '../../shared/html.ts';
import { restMark } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';

/**
 * The slides after the first as a complete static HTML document: anything that reads HTML
 * without running scripts (a search engine, a validator, a reader) finds them there, and the
 * page merges them in (src/deck/boot/rest-of-slides.ts). It lives in the assets folder (`base`
 * points back at the site's root, where the slides' links lead). `rest` is slidesHtml(…, 'rest').
 */
export function restDocument(rest: string, title: string, lang: string, base: string, id = ''): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    // The page checks it got this document, not another page a server answered with (restMark).
    ...(id ? [restMark(id)] : []),
    `<title>${escapeHtml(UI.restDocument.title(title))}</title>`,
    `<base href="${escapeHtml(base)}">`,
    '</head>',
    '<body>',
    `<p><a href="./">${escapeHtml(title)}</a>${escapeHtml(UI.restDocument.intro)}</p>`,
    '<div class="reveal"><div class="slides">',
    rest,
    '</div></div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The rest document's id: a hash of what it holds (its slides and their images). */
export function restId(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 8);
}

/** The rest document's file name for an id, e.g. `slides-1a2b3c4d.html`; the same name with REST_FALLBACK_EXTENSION is its copy. */
export function restFileName(id: string): string {
  return `slides-${id}.html`;
}

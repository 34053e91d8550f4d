import { createHash } from 'node:crypto';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';

/**
 * The slides after the first as a complete static HTML document: anything that reads HTML
 * without running scripts (a search engine, a validator, a reader) finds them there, and the
 * page merges them in (src/deck/boot/rest-of-slides.ts). It lives in the assets folder (`base`
 * points back at the site's root, where the slides' links lead). `rest` is slidesHtml(…, 'rest').
 */
export function restDocument(rest: string, title: string, lang: string, base: string): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
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

/** A content-hashed file name for the rest document, e.g. `slides-1a2b3c4d.html`. */
export function restFileName(document: string): string {
  return `slides-${createHash('sha256').update(document).digest('hex').slice(0, 8)}.html`;
}

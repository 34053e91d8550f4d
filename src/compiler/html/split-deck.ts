import { createHash } from 'node:crypto';
import { REST_GROUP_MARK } from '../../shared/first-slide.ts';
import { escapeHtml } from '../../shared/html.ts';
import { elementSpan, firstSlideSpan } from './first-slide.ts';

/** The compiled slides cut after the first one. */
export interface SplitDeck {
  /** The first slide in its group: what the page needs before anything else. */
  first: string;
  /** Every other slide, in their groups; the first group again (same attributes) if it has more slides. */
  rest: string;
}

/**
 * Cuts the compiled slides after the first slide: the page carries only the first slide, and
 * the rest follow in a static HTML document of their own (`restDocument`), which the page
 * fetches once the first slide is painted and merges back, group by group (the first group's
 * remaining slides go into the first group, matched by `data-deck-section`).
 */
export function splitAfterFirstSlide(html: string): SplitDeck {
  const span = firstSlideSpan(html);
  if (!span) return { first: html, rest: '' };
  const groupAt = html.lastIndexOf('<section', span.start - 1);
  const group = groupAt >= 0 ? elementSpan(html, 'section', groupAt) : null;
  if (!group || group.end < span.end) {
    // A first slide of its own, not in a group.
    return { first: html.slice(0, span.end), rest: html.slice(span.end) };
  }
  const groupOpen = html.slice(groupAt, html.indexOf('>', groupAt) + 1);
  const closing = html.lastIndexOf('</section>', group.end);
  const inGroup = html.slice(span.end, closing);
  return {
    first: `${html.slice(0, span.end)}\n</section>`,
    rest: (inGroup.includes('<section') ? `${groupOpen}${inGroup}</section>` : '') + html.slice(group.end),
  };
}


/**
 * The rest of the slides as a complete static HTML document: anything that reads HTML without
 * running scripts (a search engine, a validator, a reader) finds them there, and the page
 * merges them in. It lives in the assets folder (`base` points back at the site's root, where
 * the slides' links lead).
 */
export function restDocument(rest: string, title: string, base: string): string {
  const groups = rest.replace(/(^|\n)(<section\s[^>]*data-deck-section=)/g, `$1${REST_GROUP_MARK}\n$2`);
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)} · 其余幻灯片</title>`,
    `<base href="${escapeHtml(base)}">`,
    '</head>',
    '<body>',
    `<p><a href="./">${escapeHtml(title)}</a>：第一张之后的幻灯片（演示请打开这个链接）。</p>`,
    '<div class="reveal"><div class="slides">',
    groups,
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

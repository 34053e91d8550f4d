import { FIRST_SLIDE_MARK } from '../../shared/first-slide.ts';

/*
 * The deck's first slide in the compiled HTML: what it shows (to subset the font it is first
 * painted with), the mark its first paint is measured by, and its `present` class.
 */

/** Where an element starts and ends in an HTML string. */
export interface Span {
  start: number;
  end: number;
}

// Opening or closing tags of one name; quoted attribute values may hold `>`.
const tagsOf = (name: string): RegExp => new RegExp(`<(/?)${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi');

/** The element that starts at `start` (an opening tag of `name`), up to its matching closing tag. */
export function elementSpan(html: string, name: string, start: number): Span | null {
  const tags = tagsOf(name);
  tags.lastIndex = start;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return { start, end: m.index + m[0].length };
  }
  return null;
}

/** The first slide: the first `<section id>` inside the first slide group. */
export function firstSlideSpan(html: string): Span | null {
  const open = /<section\s[^>]*\bid="[^"]*"[^>]*>/.exec(html);
  return open ? elementSpan(html, 'section', open.index) : null;
}

/** The first slide's markup ('' if the deck has none). */
export function firstSlideHtml(html: string): string {
  const span = firstSlideSpan(html);
  return span ? html.slice(span.start, span.end) : '';
}

// An opening tag with the `hidden` attribute.
const HIDDEN = /<([a-z][\w-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?\shidden(?=[\s/>=])(?:[^>"']|"[^"]*"|'[^']*')*>/i;

/**
 * What of a slide's markup is drawn when it is shown: no speaker notes, nothing `hidden` (the
 * glossary's tooltips until one is opened), no attribute but `class` (labels are not drawn).
 */
export function drawnMarkup(slide: string): string {
  let out = slide.replace(/<aside\s+class="notes"[\s\S]*?<\/aside>/g, '');
  for (let m = HIDDEN.exec(out); m; m = HIDDEN.exec(out)) {
    const span = elementSpan(out, m[1]!, m.index);
    out = out.slice(0, m.index) + (span ? out.slice(span.end) : out.slice(m.index + m[0].length));
  }
  return out.replace(/<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g, (_all, tag: string, attrs: string) => {
    const cls = /\sclass\s*=\s*"[^"]*"/.exec(attrs)?.[0] ?? '';
    return `<${tag}${cls}${attrs.trimEnd().endsWith('/') ? '/' : ''}>`;
  });
}

/**
 * Marks the first slide's first heading with `elementtiming`, so its first paint (in the deck
 * font, not during the font's block period) can be observed with a PerformanceObserver of type
 * `element`: the bench's "first slide visible", and the boot's cue to start the scripts.
 */
export function markFirstSlide(html: string): string {
  const span = firstSlideSpan(html);
  if (!span) return html;
  const slide = html.slice(span.start, span.end);
  const marked = slide.replace(/<(h[1-6])(?![^>]*\selementtiming=)(\s[^>]*)?>/, (_m, tag: string, attrs = '') => `<${tag}${attrs} elementtiming="${FIRST_SLIDE_MARK}">`);
  return html.slice(0, span.start) + marked + html.slice(span.end);
}

/**
 * Marks the first slide group and slide `present`, as reveal.js does once it runs: reveal.js's
 * CSS hides every slide but the present one, so the first slide paints from the static HTML and
 * CSS, before any script (and stays put when reveal.js takes over).
 */
export function presentFirstSlide(html: string): string {
  const span = firstSlideSpan(html);
  if (!span) return html;
  const group = html.lastIndexOf('<section', span.start - 1);
  const addPresent = (tag: string): string =>
    /\sclass="/.test(tag) ? tag.replace(/\sclass="/, ' class="present ') : tag.replace(/^<section/, '<section class="present"');
  const openAt = (at: number): [string, number] => {
    const tag = /^<section\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(html.slice(at))![0];
    return [tag, at + tag.length];
  };
  const [slideTag, slideEnd] = openAt(span.start);
  const [groupTag, groupEnd] = group < 0 ? ['', 0] : openAt(group);
  // A slide of its own, not in a vertical group: only it is marked.
  if (!groupTag.includes('data-deck-section')) return html.slice(0, span.start) + addPresent(slideTag) + html.slice(slideEnd);
  return html.slice(0, group) + addPresent(groupTag) + html.slice(groupEnd, span.start) + addPresent(slideTag) + html.slice(slideEnd);
}

import { CLOSING_PUNCTUATION, OPENING_PUNCTUATION } from './cjk-punctuation.ts';

/**
 * Chinese line breaking where the platform's own rules (`line-break: strict`, set in the
 * stylesheets) cannot see: a glossary term (a button) and an inline formula are atomic boxes, so
 * Chromium may break before the closing punctuation after them (a line starting with ”，) or
 * after the opening punctuation before them (a line ending with “); and a citation marker may
 * be left alone at the start of a line. Each such box is joined, in a `span.deck-nobreak`, to
 * the punctuation that must stay with it (and a citation to the two characters before it).
 *
 * The build runs it on every slide (in happy-dom: compiler/render/typeset-slides.ts), so no page
 * pays for it at run time; the printable pages run it again on what they make themselves
 * (covers, worksheets). Hence no browser globals here: nodes are told apart by their type and
 * made by their own document.
 */

/** The boxes that join their neighbours: a term's wrapper, an inline formula, a citation. */
const ATOMS = '.deck-term-wrap, .katex:not(.katex-display .katex), sup.deck-cite';

/** Joins each term, inline formula and citation under `root` to the punctuation beside it. Safe to run twice. */
export function joinPunctuation(root: ParentNode): void {
  for (const found of root.querySelectorAll<HTMLElement>(ATOMS)) {
    // An atom inside another is joined with it, except in a term's tooltip: a text of its own, set apart from the term.
    const outer = found.parentElement?.closest(`${ATOMS}, .deck-term-tip`);
    if ((outer && !outer.matches('.deck-term-tip')) || found.parentElement?.matches('span.deck-nobreak')) continue;
    const citation = found.matches('sup.deck-cite');
    if (found.matches('.katex') && formulaPieces(found).length > WHOLE_FORMULA_PIECES) {
      joinFormulaEnd(found);
      continue;
    }
    const atom = found;
    const before = atom.previousSibling;
    const after = atom.nextSibling;
    // Citations in a row ([5][6]) go in one join, with the characters before the first.
    const joined = citation && isElement(before) && before.matches('span.deck-nobreak') && isElement(before.lastChild) && before.lastChild.matches('sup.deck-cite') ? before : null;
    // Before: the opening punctuation that leads into it; for a citation, the character it follows.
    let lead: Text | null = null;
    if (!joined && isText(before)) {
      const n = citation ? citedWords(before.data) : trailing(before.data, (ch) => OPENING_PUNCTUATION.includes(ch));
      if (n > 0) lead = before.splitText(before.data.length - n);
    }
    let tail: Text | null = null;
    if (isText(after)) {
      const n = leading(after.data, (ch) => CLOSING_PUNCTUATION.includes(ch));
      if (n > 0) {
        tail = after;
        if (n < after.data.length) after.splitText(n);
      }
    }
    if (!lead && !tail && !joined) continue;
    let span = joined;
    if (!span) {
      span = element(atom, 'span', 'deck-nobreak');
      atom.before(span);
    }
    span.append(...[lead, atom, tail].filter((n): n is Text | HTMLElement => n !== null));
  }
}

/** A long formula still breaks where KaTeX allows (after its relations and operators). */
const WHOLE_FORMULA_PIECES = 3;

/**
 * A long formula (more than WHOLE_FORMULA_PIECES of KaTeX's unbreakable pieces) followed by
 * punctuation: its last piece and the punctuation go together, in a join inside the formula
 * (where KaTeX's styles still reach the piece; the punctuation is set back in the deck's font,
 * theme.css). The formula's other pieces keep their breaks. Returns whether it joined them.
 */
function joinFormulaEnd(katex: HTMLElement): boolean {
  const next = katex.nextSibling;
  const last = formulaPieces(katex).at(-1);
  if (!last || !isText(next)) return false;
  const n = leading(next.data, (ch) => CLOSING_PUNCTUATION.includes(ch));
  if (n === 0) return false;
  if (n < next.data.length) next.splitText(n);
  const join = katex.appendChild(element(katex, 'span', 'deck-nobreak'));
  const html = join.appendChild(element(katex, 'span', 'katex-html'));
  html.setAttribute('aria-hidden', 'true');
  html.append(last);
  join.appendChild(element(katex, 'span', 'deck-katex-tail')).append(next);
  return true;
}

/** KaTeX's unbreakable pieces of a formula, in order. */
function formulaPieces(katex: HTMLElement): Element[] {
  const html = katex.querySelector(':scope > .katex-html');
  return html ? [...html.children].filter((c) => c.classList.contains('katex-base')) : [];
}

/**
 * How much of the text before a citation goes with it: the punctuation it follows and the two
 * characters before that, so that neither the marker nor one character with it starts a line.
 */
function citedWords(text: string): number {
  const punctuation = trailing(text, (ch) => /\p{P}/u.test(ch));
  return punctuation + trailing(text.slice(0, text.length - punctuation), (ch) => ch.trim() !== '' && !/\p{P}/u.test(ch), 2);
}

/**
 * Headings break between words, not inside one (新质生产力赋能共同富裕的 / 内在逻辑与推进路径, not
 * 共同富 / 裕): the platform's Chinese word segmenter (`Intl.Segmenter`) finds the words, a
 * `<wbr>` marks each place a line may break, and `word-break: keep-all` (class `deck-words`)
 * allows no other between two characters. One-character words (的, 与, 力 …) stay with the word
 * before them, so a line never starts with one. Punctuation keeps its own rules. Safe to run twice.
 */
export function breakHeadingsAtWords(root: ParentNode): void {
  for (const heading of root.querySelectorAll<HTMLElement>('h1, h2, h3, h4, .deck-opener-question')) {
    if (heading.classList.contains('deck-words') || heading.closest('svg')) continue;
    const walker = heading.ownerDocument.createTreeWalker(heading, SHOW_TEXT);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    for (const text of texts) {
      const words = headingWords(text.data);
      if (words.length > 1) text.replaceWith(...withBreaks(heading, words));
    }
    heading.classList.add('deck-words');
  }
}

/**
 * A heading's text cut where a line may break (see breakHeadingsAtWords): the build gives the
 * titles the pages make headings of at run time (DeckManifest.titleWords), so that no page needs
 * the segmenter, whose dictionary takes a phone a while to load.
 */
export function headingWords(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return [text];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  let run = '';
  let previous: Intl.SegmentData | null = null;
  for (const segment of segmenter.segment(text)) {
    if (previous?.isWordLike && segment.isWordLike && [...segment.segment].length > 1 && /\p{Script=Han}/u.test(segment.segment)) {
      words.push(run);
      run = '';
    }
    run += segment.segment;
    previous = segment;
  }
  words.push(run);
  return words;
}

let segmenter: Intl.Segmenter | undefined;

/** Fills `heading` with `words`, a `<wbr>` between each two, and marks it broken at words. */
export function setHeadingWords(heading: HTMLElement, words: readonly string[]): void {
  heading.replaceChildren(...withBreaks(heading, words));
  heading.classList.add('deck-words');
}

function withBreaks(near: Node, words: readonly string[]): (string | Node)[] {
  return words.flatMap((w, i) => (i === 0 ? [w] : [near.ownerDocument!.createElement('wbr'), w]));
}

/** NodeFilter.SHOW_TEXT (a constant of the DOM standard; NodeFilter is a browser global). */
const SHOW_TEXT = 0x4;

function isText(node: Node | null): node is Text {
  return node?.nodeType === 3;
}

function isElement(node: Node | null): node is HTMLElement {
  return node?.nodeType === 1;
}

/** A new element of `near`'s document, with its class. */
function element(near: Node, tag: string, className: string): HTMLElement {
  const el = near.ownerDocument!.createElement(tag);
  el.className = className;
  return el;
}

/** How many UTF-16 units at the end of `text` are code points that pass `test` (at most `max` of them). */
function trailing(text: string, test: (ch: string) => boolean, max = Infinity): number {
  const chars = [...text];
  let units = 0;
  for (let i = chars.length - 1, n = 0; i >= 0 && n < max && test(chars[i]!); i--, n++) units += chars[i]!.length;
  return units;
}

/** How many UTF-16 units at the start of `text` are code points that pass `test`. */
function leading(text: string, test: (ch: string) => boolean): number {
  let units = 0;
  for (const ch of text) {
    if (!test(ch)) break;
    units += ch.length;
  }
  return units;
}

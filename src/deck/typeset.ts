/**
 * Chinese line breaking where the platform's own rules (`line-break: strict`, set in the
 * stylesheets) cannot see: a glossary term (a button) and an inline formula are atomic boxes, so
 * Chromium may break before the closing punctuation after them (a line starting with ”，) or
 * after the opening punctuation before them (a line ending with “); and a citation marker may
 * be left alone at the start of a line. Each such box is joined, in a `span.deck-nobreak`, to
 * the punctuation that must stay with it (and a citation to the two characters before it).
 */

/** Punctuation that may not start a line. */
export const CLOSING_PUNCTUATION = '，。、；：？！）」』”’》〉】〕';
/** Punctuation that may not end a line. */
export const OPENING_PUNCTUATION = '（「『“‘《〈【〔';

/** The boxes that join their neighbours: a term's wrapper, an inline formula, a citation. */
const ATOMS = '.deck-term-wrap, .katex:not(.katex-display .katex), sup.deck-cite';

/** Joins each term, inline formula and citation under `root` to the punctuation beside it. Safe to run twice. */
export function joinPunctuation(root: ParentNode): void {
  for (const atom of root.querySelectorAll<HTMLElement>(ATOMS)) {
    if (atom.parentElement?.closest(ATOMS) || atom.parentElement?.matches('span.deck-nobreak')) continue;
    const citation = atom.matches('sup.deck-cite');
    const before = atom.previousSibling;
    const after = atom.nextSibling;
    const joined = atom.previousSibling instanceof HTMLElement && atom.previousSibling.matches('span.deck-nobreak') ? atom.previousSibling : null;
    // Before: the opening punctuation that leads into it; for a citation, the character it follows.
    let lead: Text | null = null;
    if (!joined && before instanceof Text) {
      const n = citation ? citedWords(before.data) : trailing(before.data, (ch) => OPENING_PUNCTUATION.includes(ch));
      if (n > 0) lead = before.splitText(before.data.length - n);
    }
    let tail: Text | null = null;
    if (after instanceof Text) {
      const n = leading(after.data, (ch) => CLOSING_PUNCTUATION.includes(ch));
      if (n > 0) {
        tail = after;
        if (n < after.data.length) after.splitText(n);
      }
    }
    if (!lead && !tail && !joined) continue;
    let span = joined;
    if (!span) {
      span = document.createElement('span');
      span.className = 'deck-nobreak';
      atom.before(span);
    }
    span.append(...[lead, atom, tail].filter((n): n is Text | HTMLElement => n !== null));
  }
}

/**
 * How much of the text before a citation goes with it: the punctuation it follows and the two
 * characters before that, so that neither the marker nor one character with it starts a line.
 */
function citedWords(text: string): number {
  const punctuation = trailing(text, (ch) => /\p{P}/u.test(ch));
  return punctuation + trailing(text.slice(0, text.length - punctuation), (ch) => ch.trim() !== '' && !/\p{P}/u.test(ch), 2);
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

/**
 * The fixes for the artefacts of the paper's text extraction, one function per kind. Each keeps
 * the authors' text otherwise as it is: the spacing around numbers ("2023 年 9 月"), the English
 * block and the reference entries are theirs, and are not touched.
 */

/** Stands for an inline element (a reference marker) while the text around it is cleaned. */
export const OBJECT = '\uFFFC';

/** The half-width marks the extraction left in Chinese text, and their full-width forms. */
const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };

// Han characters, CJK and full-width punctuation, and the curly quotes, dash and ellipsis Chinese text uses.
const CJK = /^[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]$/u;
const DIGIT = /^[0-9]$/;
const LATIN_OR_DIGIT = /^[A-Za-z0-9]$/;

/** Marks that end a Chinese paragraph (a closing quote after them counts as the end too). */
const TERMINAL = new Set(['。', '！', '？', '!', '?', '…', '”', '’', '」', '』']);
/** Marks that cannot open a paragraph: a fragment opening with one continues the one before. */
const CLOSING = new Set(['，', '。', '、', '；', '：', '！', '？', '”', '’', '」', '』', '）', ',', '.', ';', ':', '!', '?', ')']);

/** True for a character of Chinese text: Han, CJK punctuation, full-width forms, “”‘’—…. */
export function isCjk(c: string | undefined): boolean {
  return c !== undefined && CJK.test(c);
}

/** The nearest character before (`step` −1) or after (+1) index `i` that is neither a space nor an inline element. */
function neighbour(chars: readonly string[], i: number, step: 1 | -1): string | undefined {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) {
    const c = chars[j]!;
    if (c !== ' ' && c !== OBJECT) return c;
  }
  return undefined;
}

/**
 * Half-width `, ; : ( ) ? !` in Chinese text become full-width (`，；：（）？！`), and the spaces
 * written around them go (a full-width mark carries its own space). A mark counts as in
 * Chinese text when the character next to it on either side is; between two digits (`1,000`,
 * `09:30`) it stays as it is.
 */
export function fullWidthPunctuation(text: string): string {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const full = FULL_WIDTH[c];
    const before = neighbour(chars, i, -1);
    const after = neighbour(chars, i, 1);
    const inNumber = before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after);
    if (!full || inNumber || !(isCjk(before) || isCjk(after))) {
      out.push(c);
      continue;
    }
    while (out.at(-1) === ' ') out.pop();
    out.push(full);
    while (chars[i + 1] === ' ') i++;
  }
  return out.join('');
}

/**
 * A space the extraction left inside a number goes: `8 500` → `8500` (a space before a group
 * of exactly three digits). A space between a number and a word stays: `2023 年 9 月`.
 */
export function joinNumberSpaces(text: string): string {
  return text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1');
}

/** Both fixes, in order, for a run of the authors' Chinese text. */
export function cleanChineseText(text: string): string {
  return fullWidthPunctuation(joinNumberSpaces(text));
}

/** The last character that is text (not a space or an inline element); '' if none. */
function lastTextChar(text: string): string {
  const chars = [...text];
  for (let i = chars.length - 1; i >= 0; i--) if (chars[i] !== ' ' && chars[i] !== OBJECT) return chars[i]!;
  return '';
}

/** True when a Chinese paragraph stops mid-sentence (e.g. at a page break): it does not end with 。！？…”. */
export function isUnfinished(text: string): boolean {
  return !TERMINAL.has(lastTextChar(text));
}

/** True when a fragment cannot start a paragraph: it opens with a closing mark (，。”…). */
export function opensWithClosingMark(text: string): boolean {
  const first = [...text.trimStart()][0];
  return first !== undefined && CLOSING.has(first);
}

/**
 * Puts back together a paragraph the page break split: no space between Chinese characters
 * (「促进共」 + 「同富裕」 → 「促进共同富裕」); one space between two Latin words or numbers.
 */
export function joinPageBreak(before: string, after: string): string {
  const a = before.trimEnd();
  const b = after.trimStart();
  return LATIN_OR_DIGIT.test(lastTextChar(a)) && LATIN_OR_DIGIT.test([...b][0] ?? '') ? `${a} ${b}` : a + b;
}

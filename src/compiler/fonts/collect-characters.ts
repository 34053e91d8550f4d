import { BOLD_TAGS } from './bold-classes.ts';

/** Where a character is first written: file (from the project root) and 1-based line. */
export interface Place {
  file: string;
  line: number;
}

/** Characters shown, and those of them shown bold. */
export interface ShownCharacters {
  all: Set<string>;
  bold: Set<string>;
}

/** Printable ASCII: always in the subset, so Latin, digits and punctuation never fall back. */
export const PRINTABLE_ASCII: readonly string[] = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

// Controls and format marks (zero-width space, joiners, BOM) draw no glyph; spaces such as U+3000 do.
const NO_GLYPH = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;

/** True for a character the deck font has to draw: not ASCII (always included) and not blank. */
export function needsGlyph(char: string): boolean {
  return char > '\x7e' && !NO_GLYPH.test(char);
}

/** Adds the characters of `text` that need a glyph to each set. */
export function addCharacters(text: string, ...sets: Set<string>[]): void {
  for (const c of text) if (needsGlyph(c)) for (const set of sets) set.add(c);
}

// Comments, tags (quoted attribute values may hold `>`), text, or a stray `<`.
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)|</g;
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ENTITY = /&(#x[\da-f]+|#\d+|nbsp|ensp|emsp|thinsp|middot|hellip|mdash|ndash|times);/gi;
const NAMED: Record<string, string> = { nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', middot: '·', hellip: '…', mdash: '—', ndash: '–', times: '×' };

interface Open {
  tag: string;
  bold: boolean;
  /** Inside a KaTeX formula: drawn in KaTeX's fonts, except `\text{…}`. */
  math: boolean;
}

/**
 * The characters compiled slides show in the deck font: their text and attribute values, except
 * inside KaTeX output (KaTeX's own fonts) other than `\text{…}`, where KaTeX leaves Chinese to
 * the page font; KaTeX's MathML is never drawn. `bold` holds those in bold tags or in elements
 * with a class of `boldClasses`.
 */
export function shownCharacters(html: string, boldClasses: ReadonlySet<string>): ShownCharacters {
  const shown: ShownCharacters = { all: new Set(), bold: new Set() };
  const stack: Open[] = [];
  for (const [, close, tag = '', attrs = '', selfClosing, text] of html.matchAll(TOKEN)) {
    const top = stack.at(-1) ?? { tag: '', bold: false, math: false };
    if (text !== undefined) {
      if (!top.math) addCharacters(decode(text), ...(top.bold ? [shown.all, shown.bold] : [shown.all]));
    } else if (close) {
      const at = stack.map((o) => o.tag).lastIndexOf(tag.toLowerCase());
      if (at >= 0) stack.length = at;
    } else if (tag) {
      const name = tag.toLowerCase();
      const classes = (/\sclass\s*=\s*"([^"]*)"/.exec(attrs)?.[1] ?? '').split(/\s+/);
      if (!top.math) for (const [, , value = ''] of attrs.matchAll(/\s[\w:-]+\s*=\s*(["'])([\s\S]*?)\1/g)) addCharacters(decode(value), shown.all);
      const open: Open = {
        tag: name,
        bold: top.bold || BOLD_TAGS.has(name) || classes.some((c) => boldClasses.has(c)),
        // `.katex-mathml` is never drawn; in `.katex-html` only `.text` spans use the page font.
        math: classes.includes('katex') || (top.math && !classes.includes('text')) || classes.includes('katex-mathml'),
      };
      if (!selfClosing && !VOID.has(name)) stack.push(open);
    }
  }
  return shown;
}

function decode(text: string): string {
  return text.replace(ENTITY, (m, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? m;
    const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

/** Each character of `text` that needs a glyph, with the 1-based line it first appears on. */
export function firstLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    for (const c of line) if (needsGlyph(c) && !lines.has(c)) lines.set(c, i + 1);
  });
  return lines;
}

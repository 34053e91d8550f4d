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

/** An empty pair of sets. */
export function noCharacters(): ShownCharacters {
  return { all: new Set(), bold: new Set() };
}

/** Printable ASCII: always in the subset, so Latin, digits and punctuation never fall back. */
export const PRINTABLE_ASCII: readonly string[] = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

// Controls and format marks (zero-width space, joiners, BOM) draw no glyph; spaces such as U+3000 do.
const NO_GLYPH = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;

/** True for a character that is drawn with a glyph (printable ASCII included). */
export function drawable(char: string): boolean {
  return !NO_GLYPH.test(char);
}

/** True for a character the deck font has to be checked for: not ASCII (always included) and drawn. */
export function needsGlyph(char: string): boolean {
  return char > '\x7e' && drawable(char);
}

/** Adds the drawn characters of `text` to each set. */
export function addCharacters(text: string, ...sets: Set<string>[]): void {
  for (const c of text) if (drawable(c)) for (const set of sets) set.add(c);
}

/** Each character of `text` that needs a glyph, with the 1-based line it first appears on. */
export function firstLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    for (const c of line) if (needsGlyph(c) && !lines.has(c)) lines.set(c, i + 1);
  });
  return lines;
}

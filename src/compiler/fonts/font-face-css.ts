import { DECK_FONT_FAMILY } from '../../shared/mermaid-config.ts';
import type { FontFile } from './subset.ts';

/**
 * The @font-face rules of the deck font, one per file; `urlOf` says where each file is served
 * (a URL in the page, a data: URL for the build-time diagram renderer).
 */
export function fontFaceCss(files: readonly FontFile[], urlOf: (file: FontFile) => string): string {
  // Faces with the same descriptors are tried last-defined first: the small slices with their
  // unicode-range come after the main file, which holds every other character.
  const ordered = [...files].sort((a, b) => Number(a.unicodeRange !== null) - Number(b.unicodeRange !== null));
  return ordered
    .map((f) =>
      [
        '@font-face{',
        `font-family:"${DECK_FONT_FAMILY}";`,
        'font-style:normal;',
        `font-weight:${f.weight};`,
        // The files are small and same-origin: wait for them rather than flash a fallback font.
        'font-display:block;',
        `src:url("${urlOf(f)}") format("woff2");`,
        f.unicodeRange ? `unicode-range:${f.unicodeRange};` : '',
        '}',
      ].join(''),
    )
    .join('\n');
}

/** A font file as a data: URL, so a page can use it without a server. */
export function dataUrl(file: FontFile): string {
  return `data:font/woff2;base64,${file.bytes.toString('base64')}`;
}

/** A CSS unicode-range for exactly these characters, runs of code points merged: `U+2190-2193,U+25C9`. */
export function unicodeRange(chars: readonly string[]): string {
  const cps = [...new Set(chars.map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const cp of cps) {
    const last = runs.at(-1);
    if (last && cp === last[1] + 1) last[1] = cp;
    else runs.push([cp, cp]);
  }
  const hex = (n: number): string => n.toString(16).toUpperCase();
  return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

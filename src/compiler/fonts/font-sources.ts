import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { deckError } from '../../node/errors.ts';

/** The weights the theme uses: 400 for text, 700 for headings and `strong`. */
export const DECK_FONT_WEIGHTS = [400, 700] as const;

/** One weight of the deck font. */
export type FontWeight = (typeof DECK_FONT_WEIGHTS)[number];

/** A font file of the npm package that holds some of Noto Sans SC's glyphs. */
export interface SourceSlice {
  /** fontsource's name for it: `chinese-simplified`, `latin`, `109`, … */
  name: string;
  path: string;
}

/** Which characters of the deck each source file supplies, and those no file has. */
export interface SlicePlan {
  slices: { slice: SourceSlice; chars: string[] }[];
  missing: string[];
}

const require = createRequire(import.meta.url);
const PACKAGE = '@fontsource/noto-sans-sc';
const PACKAGE_DIR = dirname(require.resolve(`${PACKAGE}/package.json`));
// One file per weight holds all of simplified Chinese plus ASCII and CJK punctuation; the rest
// of the font (arrows, symbols, rare characters) is cut into ~100 unicode-range slices.
const MAIN_SLICE = 'chinese-simplified';

/** The font package and its version, part of every cache key. */
export function fontSourceId(): string {
  const { version } = require(`${PACKAGE}/package.json`) as { version: string };
  return `${PACKAGE}@${version}`;
}

/**
 * Assigns each character to the package file that has its glyph: the simplified-Chinese file
 * first, then the slices whose unicode-range names it (checked against the file's cmap).
 */
export function planSlices(chars: readonly string[], weight: FontWeight): SlicePlan {
  const main = slice(MAIN_SLICE, weight);
  const inMain = coverage(main);
  const plan: SlicePlan = { slices: [{ slice: main, chars: chars.filter((c) => inMain.has(c.codePointAt(0)!)) }], missing: [] };
  const byName = new Map<string, string[]>();
  for (const c of chars.filter((ch) => !inMain.has(ch.codePointAt(0)!))) {
    const cp = c.codePointAt(0)!;
    const name = candidateSlices(cp).find((n) => coverage(slice(n, weight)).has(cp));
    if (name === undefined) plan.missing.push(c);
    else byName.set(name, [...(byName.get(name) ?? []), c]);
  }
  for (const [name, inSlice] of byName) plan.slices.push({ slice: slice(name, weight), chars: inSlice });
  return plan;
}

function slice(name: string, weight: FontWeight): SourceSlice {
  return { name, path: join(PACKAGE_DIR, 'files', `noto-sans-sc-${name}-${weight}-normal.woff2`) };
}

const coverages = new Map<string, Set<number>>();

/** The code points a package file has glyphs for (read once per process). */
function coverage(source: SourceSlice): Set<number> {
  let set = coverages.get(source.path);
  if (!set) {
    let font: fontkit.Font | fontkit.FontCollection;
    try {
      font = fontkit.create(readFileSync(source.path));
    } catch (e) {
      throw deckError(`cannot read the deck font ${source.path} (run \`npm ci\`)`, e);
    }
    if (!('characterSet' in font)) throw deckError(`${source.path} is a font collection, not a font`);
    set = new Set(font.characterSet);
    coverages.set(source.path, set);
  }
  return set;
}

let ranges: [name: string, from: number, to: number][] | null = null;

/** The slices whose unicode-range (fontsource's unicode.json) contains `cp`, latin first. */
function candidateSlices(cp: number): string[] {
  ranges ??= Object.entries(require(`${PACKAGE}/unicode.json`) as Record<string, string>).flatMap(([key, list]) =>
    list.split(',').map((part): [string, number, number] => {
      const [from = '', to] = part.trim().replace(/^U\+/i, '').split('-');
      return [key.replace(/^\[(\d+)\]$/, '$1'), parseInt(from, 16), parseInt(to ?? from, 16)];
    }),
  );
  const names = ranges.filter(([, from, to]) => cp >= from && cp <= to).map(([name]) => name);
  return [...new Set(names)].sort((a, b) => Number(/^\d/.test(a)) - Number(/^\d/.test(b)));
}

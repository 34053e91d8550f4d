import { needsGlyph, PRINTABLE_ASCII, type ShownCharacters } from './collect-characters.ts';
import { unicodeRange } from './font-face-css.ts';
import { DECK_FONT_WEIGHTS, planSlices, type FontWeight } from './font-sources.ts';
import { subsetDeckFont, type FontFile } from './subset.ts';

/**
 * A small face per weight with only the glyphs the first screen draws (the first slide, and
 * the study view's first screen), limited by `unicode-range` to exactly those characters.
 * Defined after the deck font's main faces, it is tried first for its characters: the first
 * slide paints once these few kilobytes are in, and the main faces (all the deck's glyphs) load
 * when other slides are laid out. The glyphs are the same, so nothing changes when they do.
 *
 * Printable ASCII goes in whole or not at all (when the screen shows none in that weight), so a
 * Latin word is never drawn from two faces (which would lose its kerning). Characters outside
 * the font's main file (arrows, symbols) keep their own small slices.
 */
export async function firstSlideFonts(firstScreen: ShownCharacters, cacheDir: string): Promise<FontFile[]> {
  const chars = {} as Record<FontWeight, string[]>;
  for (const weight of DECK_FONT_WEIGHTS) {
    const inWeight = [...(weight === 400 ? firstScreen.all : firstScreen.bold)];
    const ascii = inWeight.some((c) => c > ' ' && c <= '\x7e') ? PRINTABLE_ASCII : [' '];
    // Only what the main file has: one face per weight, with one unicode-range.
    const main = planSlices(inWeight.filter(needsGlyph).sort(), weight).slices[0]?.chars ?? [];
    chars[weight] = main.length ? [...ascii, ...main] : [];
  }
  if (DECK_FONT_WEIGHTS.every((w) => chars[w].length === 0)) return [];
  // Faces of their own (`deck-sans-sc-400-first-…`, named DeckSansSC-400-first inside).
  const { files } = await subsetDeckFont(chars, cacheDir, { firstSlide: true });
  return files
    .filter((f) => f.unicodeRange === null && chars[f.weight].length > 0)
    .map((f) => ({ ...f, unicodeRange: unicodeRange(chars[f.weight]) }));
}

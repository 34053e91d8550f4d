import { drawnMarkup, firstSlideHtml } from '../html/first-slide.ts';
import { addCharacters, PRINTABLE_ASCII, shownCharacters } from './collect-characters.ts';
import { unicodeRange } from './font-face-css.ts';
import { DECK_FONT_WEIGHTS, planSlices, type FontWeight } from './font-sources.ts';
import { subsetDeckFont, type FontFile } from './subset.ts';

/** What the first screen shows besides the first slide, in both weights (the study view's header and contents, the first part's title). */
export interface FirstScreenText {
  both: readonly string[];
}

/**
 * A small face per weight with only the glyphs the first slide draws (plus the first screen of
 * the study view), limited by `unicode-range` to exactly those characters. Defined after the
 * deck font's main faces, it is tried first for its characters: the first slide paints once
 * these few kilobytes are in, and the main faces (all the deck's glyphs) load when other
 * slides are laid out. The glyphs are the same, so nothing changes when they do.
 *
 * Printable ASCII goes in whole or not at all (when the slide shows none in that weight), so a
 * Latin word is never drawn from two faces (which would lose its kerning). Characters outside
 * the font's main file (arrows, symbols) keep their own small slices.
 */
export async function firstSlideFonts(html: string, boldClasses: ReadonlySet<string>, extra: FirstScreenText, cacheDir: string): Promise<FontFile[]> {
  const slide = firstSlideHtml(html);
  if (!slide) return [];
  const shown = shownCharacters(asciiMarked(drawnMarkup(slide)), boldClasses);
  for (const text of extra.both) addCharacters(text, shown.all, shown.bold);

  const chars = {} as Record<FontWeight, string[]>;
  for (const weight of DECK_FONT_WEIGHTS) {
    const inWeight = [...(weight === 400 ? shown.all : shown.bold)];
    const ascii = inWeight.some((c) => c >= ASCII_MARK && c <= LAST_MARK) ? PRINTABLE_ASCII : [' '];
    // Only what the main file has: one face per weight, with one unicode-range.
    const main = planSlices(inWeight.filter((c) => c < ASCII_MARK || c > LAST_MARK).sort(), weight).slices[0]?.chars ?? [];
    chars[weight] = main.length ? [...ascii, ...main] : [];
  }
  // Faces of their own (`deck-sans-sc-400-first-…`, named DeckSansSC-400-first inside).
  const { files } = await subsetDeckFont(chars, cacheDir, { firstSlide: true });
  return files
    .filter((f) => f.unicodeRange === null && chars[f.weight].length > 0)
    .map((f) => ({ ...f, unicodeRange: unicodeRange(chars[f.weight]) }));
}

/** Private-use characters standing for printable ASCII other than space (U+E021–U+E07E). */
const ASCII_MARK = '\ue021';
const LAST_MARK = '\ue07e';

/** The markup with every printable ASCII character of its text (not of its tags) replaced by its mark, so shownCharacters sees it. */
function asciiMarked(markup: string): string {
  const mark = (c: string): string => String.fromCharCode(0xe000 + c.charCodeAt(0));
  return markup.replace(/>([^<]+)</g, (_m, text: string) =>
    `>${text.replace(/&(#x[\da-f]+|#\d+|\w+);|[\x21-\x7e]/gi, (c, entity?: string) => {
      if (entity === undefined) return mark(c);
      const hex = entity[1] === 'x' || entity[1] === 'X';
      const cp = entity[0] === '#' ? parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10) : 0;
      const decoded = entity[0] === '#' ? (cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : null) : (NAMED_ASCII[entity] ?? null);
      // Other named entities (&nbsp;, &hellip;, …) are left for shownCharacters to decode.
      return decoded === null ? c : decoded >= '\x21' && decoded <= '\x7e' ? mark(decoded) : decoded;
    })}<`);
}

const NAMED_ASCII: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

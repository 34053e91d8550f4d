import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uiText } from '../../shared/ui-strings.ts';
import { formatContentError, type ErrorSink } from '../errors.ts';
import { addCharacters, firstLines, PRINTABLE_ASCII, type Place, type ShownCharacters } from './collect-characters.ts';
import { cssContentText, DECK_CSS_DIR } from './deck-css.ts';
import { dataUrl, fontFaceCss } from './font-face-css.ts';
import { firstSlideFonts } from './first-slide-fonts.ts';
import { DECK_FONT_WEIGHTS, fontSourceId } from './font-sources.ts';
import { subsetDeckFont, type FontFile } from './subset.ts';

/** What the deck shows, to subset the font to. */
export interface DeckText {
  /** Project root. */
  root: string;
  /** The section files' folder, relative to root; its `.md` and `.yml` files name each character's place. */
  slidesDir: string;
  /** What the deck shows in its font, and what of it is bold (see shown-text.ts). */
  shown: ShownCharacters;
  /** What the first screen draws: the first slide, and the study view's first screen. */
  firstScreen: ShownCharacters;
  /** Where subsets are cached. */
  cacheDir: string;
}

/** The deck font, subset for this deck. */
export interface DeckFonts {
  /** The woff2 files, to serve with the page. */
  files: FontFile[];
  /** Their @font-face rules with data: URLs, for pages drawn at build time (diagrams). */
  css: string;
  /** What the glyphs depend on (font, weights), not the character set: diagrams drawn with it stay cached. */
  key: string;
}

/** Where the interface's words are written (their characters' place when the font lacks one). */
export const UI_STRINGS_FILE = 'src/shared/ui-strings.ts';

/**
 * The deck font subset to exactly the characters the deck shows, per weight (700 only gets what
 * is set bold), plus printable ASCII and the interface's strings and the stylesheets' own text
 * (in both weights: which of them end up bold is only known at run time). A character on a slide that the font lacks is a
 * content error at its first place; one that only the interface uses is a warning (it falls
 * back to a system font).
 */
export async function deckFonts(deck: DeckText, sink: ErrorSink, warnings: string[]): Promise<DeckFonts> {
  const ui = new Set<string>();
  for (const text of [...uiText(), ...cssContentText(deck.root, DECK_CSS_DIR)]) addCharacters(text, ui);
  const { files, missing } = await subsetDeckFont(
    { 400: [...PRINTABLE_ASCII, ...deck.shown.all, ...ui], 700: [...PRINTABLE_ASCII, ...deck.shown.bold, ...ui] },
    deck.cacheDir,
  );
  const first = await firstSlideFonts(deck.firstScreen, deck.cacheDir);

  const inContent = missing.filter((c) => deck.shown.all.has(c));
  const places = inContent.length ? sourcePlaces(deck.root, deck.slidesDir) : new Map<string, Place>();
  const found = inContent.map((c) => ({ c, ...(places.get(c) ?? { file: `${deck.slidesDir}/`, line: 1 }) }));
  for (const { c, file, line } of found.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
    sink.add(file, line, notInFont(c), 'Use another character or a common variant of it: the deck font (Noto Sans SC) has no glyph for it.');
  }
  const inInterface = missing.filter((c) => !deck.shown.all.has(c));
  const uiLines = inInterface.length ? firstLines(readFileSync(join(deck.root, UI_STRINGS_FILE), 'utf8')) : new Map<string, number>();
  for (const c of inInterface) {
    warnings.push(formatContentError({ file: UI_STRINGS_FILE, line: uiLines.get(c) ?? 1, problem: notInFont(c), fix: 'It falls back to a system font; use another character or an SVG icon.' }));
  }
  const all = [...files, ...first];
  return { files: all, css: fontFaceCss(all, dataUrl), key: JSON.stringify([fontSourceId(), DECK_FONT_WEIGHTS]) };
}

function notInFont(c: string): string {
  return `character “${c}” (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not in the deck font`;
}

/** The first line each character is written on, over the section files in deck order, then the `.yml` files. */
function sourcePlaces(root: string, slidesDir: string): Map<string, Place> {
  const dir = join(root, slidesDir);
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const places = new Map<string, Place>();
  for (const name of [...names.filter((n) => /^\d+-[\w-]+\.md$/.test(n)), ...names.filter((n) => /\.ya?ml$/.test(n))]) {
    const file = `${slidesDir}/${name}`;
    for (const [c, line] of firstLines(readFileSync(join(dir, name), 'utf8'))) if (!places.has(c)) places.set(c, { file, line });
  }
  return places;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatContentError, type ErrorSink } from '../errors.ts';
import { boldClasses } from './bold-classes.ts';
import { addCharacters, firstLines, PRINTABLE_ASCII, shownCharacters, type Place } from './collect-characters.ts';
import { dataUrl, fontFaceCss } from './font-face-css.ts';
import { firstSlideFonts } from './first-slide-fonts.ts';
import { DECK_FONT_WEIGHTS, fontSourceId } from './font-sources.ts';
import { subsetDeckFont, type FontFile } from './subset.ts';
import { uiCharacters } from './ui-characters.ts';

/** What the deck shows, to subset the font to. */
export interface DeckText {
  /** Project root. */
  root: string;
  /** The section files' folder, relative to root; its `.md` and `.yml` files name each character's place. */
  slidesDir: string;
  /** The compiled slides, diagrams not drawn yet. */
  html: string;
  /** Further text shown in regular weight: the diagrams' sources. */
  text: readonly string[];
  /** Further text shown bold somewhere (menus, study view): the deck's and the sections' titles. */
  boldText: readonly string[];
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

/** The browser code: its strings (menus, help, widgets) are shown in the deck font, its CSS says what is bold. */
const UI_DIR = 'src/deck';
/** The study view's code: its first screen (header, contents) is in the first-slide faces too. */
const STUDY_DIR = 'src/deck/study';

/**
 * The deck font subset to exactly the characters the deck shows, per weight (700 only gets what
 * is set bold), plus printable ASCII and the browser code's strings. A character on a slide that
 * the font lacks is a content error at its first place; one that only the browser code uses is a
 * warning (it falls back to a system font).
 */
export async function deckFonts(deck: DeckText, sink: ErrorSink, warnings: string[]): Promise<DeckFonts> {
  const bold = boldClasses(deck.root, UI_DIR);
  const shown = shownCharacters(deck.html, bold);
  for (const text of deck.text) addCharacters(text, shown.all);
  for (const text of deck.boldText) addCharacters(text, shown.all, shown.bold);
  // The browser code's strings in both weights: which of them end up bold is only known at run time.
  const ui = uiCharacters(deck.root, UI_DIR);
  const { files, missing } = await subsetDeckFont(
    { 400: [...PRINTABLE_ASCII, ...shown.all, ...ui.keys()], 700: [...PRINTABLE_ASCII, ...shown.bold, ...ui.keys()] },
    deck.cacheDir,
  );

  // The study view's first screen: the deck's and the first part's titles (boldText starts with them), its own strings.
  const studyFirstScreen = [...deck.boldText.slice(0, 2), ...uiCharacters(deck.root, STUDY_DIR).keys()];
  const first = await firstSlideFonts(deck.html, bold, { both: studyFirstScreen }, deck.cacheDir);

  const places = missing.some((c) => shown.all.has(c)) ? sourcePlaces(deck.root, deck.slidesDir) : new Map<string, Place>();
  const inSlides = missing.filter((c) => shown.all.has(c)).map((c) => ({ c, ...(places.get(c) ?? { file: `${deck.slidesDir}/`, line: 1 }) }));
  for (const { c, file, line } of inSlides.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
    sink.add(file, line, notInFont(c), 'Use another character or a common variant of it: the deck font (Noto Sans SC) has no glyph for it.');
  }
  for (const c of missing.filter((ch) => !shown.all.has(ch))) {
    warnings.push(formatContentError({ ...ui.get(c)!, problem: notInFont(c), fix: 'It falls back to a system font; use another character or an SVG icon.' }));
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

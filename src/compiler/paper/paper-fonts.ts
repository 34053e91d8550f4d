import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorSink } from '../errors.ts';
import { boldClasses } from '../fonts/bold-classes.ts';
import { shownCharacters, type ShownCharacters } from '../fonts/collect-characters.ts';
import { loadPaper, PAPER_FILE } from './read-paper.ts';
import { renderPaper } from './render-paper.ts';

/** The characters the paper page shows, and those of them it shows bold; none for a deck without the paper (a test fixture). */
function paperCharacters(root: string): ShownCharacters | null {
  if (!existsSync(join(root, PAPER_FILE))) return null;
  // Problems in the paper are not reported here but by the paper page's plugin (`deck:paper`).
  const doc = loadPaper(root, new ErrorSink());
  return shownCharacters(renderPaper(doc, { links: [] }), boldClasses(root, 'src/deck'));
}

/**
 * The characters the paper page shows (the paper, cleaned, and the page's own words around it),
 * for the deck font's subset: one string, to add to what the deck shows (deckFonts' `text`).
 */
export function paperFontText(root: string): string[] {
  const shown = paperCharacters(root);
  return shown ? [[...shown.all].join('')] : [];
}

/**
 * Those of them the page sets bold (its headings), for deckFonts' `boldText`: today they are in
 * the bold subset only because the slides' headings use the same words.
 */
export function paperBoldText(root: string): string[] {
  const shown = paperCharacters(root);
  return shown ? [[...shown.bold].join('')] : [];
}

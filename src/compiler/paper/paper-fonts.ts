import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorSink } from '../errors.ts';
import { shownCharacters } from '../fonts/collect-characters.ts';
import { loadPaper, PAPER_FILE } from './read-paper.ts';
import { renderPaper } from './render-paper.ts';

/**
 * The characters the paper page shows (the paper, cleaned, and the page's own words around it),
 * for the deck font's subset: one string, to add to what the deck shows. A deck without the
 * paper (a test fixture) adds nothing. Problems in the paper are not reported here but by the
 * paper page's plugin (`deck:paper`).
 */
export function paperFontText(root: string): string[] {
  if (!existsSync(join(root, PAPER_FILE))) return [];
  const doc = loadPaper(root, new ErrorSink());
  return [[...shownCharacters(renderPaper(doc, { links: [] }), new Set()).all].join('')];
}

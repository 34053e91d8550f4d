import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorSink } from '../errors.ts';
import { addCharacters, type ShownCharacters } from '../fonts/collect-characters.ts';
import { loadPaper, PAPER_FILE } from './read-paper.ts';

/**
 * Adds the characters the paper page shows (the paper, cleaned: its front matter, headings,
 * paragraphs, references and English block) to `into`, its headings and labels to the bold set
 * too, for the deck font's subset. Nothing for a deck without the paper (a test fixture). The
 * page's own words are in the interface's strings table.
 */
export function addPaperText(root: string, into: ShownCharacters): void {
  if (!existsSync(join(root, PAPER_FILE))) return;
  // Problems in the paper are reported by the paper page's plugin (`deck:paper`), not here.
  const doc = loadPaper(root, new ErrorSink());
  const regular = (text: string): void => addCharacters(text, into.all);
  const bold = (text: string): void => addCharacters(text, into.all, into.bold);
  bold(doc.title);
  doc.authors.forEach(regular);
  for (const f of Object.values(doc.front)) {
    if (!f) continue;
    bold(f.label);
    regular(f.text);
  }
  for (const block of doc.body) (block.kind === 'heading' ? bold : regular)(block.text);
  if (doc.references) {
    bold(doc.references.heading.text);
    doc.references.entries.forEach((e) => regular(e.text));
  }
  if (doc.english) {
    bold(doc.english.title);
    regular(doc.english.authors);
    for (const f of [doc.english.abstract, doc.english.keywords]) {
      if (!f) continue;
      bold(f.label);
      regular(f.text);
    }
  }
  if (doc.editor) regular(`${doc.editor.label}：${doc.editor.text}`);
}

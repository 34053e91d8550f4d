import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from './build.ts';

/** How many slides each generated section holds (a section is one reveal.js stack, one study part). */
const PER_SECTION = 100;

/**
 * A copy of the project (in a temporary folder, node_modules linked with its caches, so that
 * diagrams and font subsets are not redone) whose deck has `factor` times as many slides: the
 * extra slides are made from the deck's own list items and notes (so the deck font needs no new
 * character), in sections of their own between the paper's parts and the conclusion, each slide
 * outside every lecture plan (`plan=none`). Returns the copy's folder and its slide count.
 */
export function bigDeckCopy(root: string, slides: number, factor = 10): { dir: string; slides: number } {
  const dir = mkdtempSync(join(tmpdir(), 'deck-bench-big-'));
  copyProject(root, dir, { caches: true });

  const { items, notes } = deckText(join(root, 'slides'));
  const extra = slides * factor - slides;
  const sections = Math.ceil(extra / PER_SECTION);
  let made = 0;
  for (let s = 0; s < sections; s++) {
    const count = Math.min(PER_SECTION, extra - made);
    const part = [`---\nid: bench-extra-${s + 1}\ntitle: 一、内在逻辑 ${s + 1}\n---\n`];
    for (let i = 0; i < count; i++, made++) {
      const pick = (list: readonly Text[], k: number): Text => list[(made * 3 + k) % list.length]!;
      const shown = [0, 1, 2].map((k) => pick(items, k));
      const said = [0, 1].map((k) => pick(notes, k));
      // The paragraphs its texts were taught from: a quotation among them is from a paragraph the slide names.
      const source = [...new Set([...shown, ...said].flatMap((t) => t.source.split(',')))].join(',');
      part.push(
        [
          // A file's first slide takes the file's id.
          `## ${shown[0]!.text.slice(0, 18)} ${made + 1}${i ? ` {#bench-extra-slide-${made + 1}}` : ''}`,
          `<!-- .slide: ${made % 2 ? 'steps ' : ''}plan=none source=${source} -->`,
          shown.map((t) => `- ${t.text}`).join('\n'),
          `Note:\n${said.map((t) => t.text).join('\n\n')}`,
        ].join('\n\n'),
      );
    }
    // The front matter's closing `---` already opens the first slide.
    const [front, ...slidesOfPart] = part;
    writeFileSync(join(dir, 'slides', `05-0-extra-${String(s + 1).padStart(2, '0')}.md`), `${front}\n${slidesOfPart.join('\n\n---\n\n')}\n`);
  }
  return { dir, slides: slides + made };
}

/** A piece of the deck's text, with the paragraphs of the paper its slide names (`source=`). */
interface Text {
  text: string;
  source: string;
}

/** Plain list items and note paragraphs of the deck's slides that name their paragraphs (no markup that could clash). */
function deckText(slidesDir: string): { items: Text[]; notes: Text[] } {
  const items: Text[] = [];
  const notes: Text[] = [];
  const plain = (line: string): boolean => !/[<>`|{}$\[\]#]/.test(line) && line.length > 6;
  for (const file of readdirSync(slidesDir).filter((f) => /^\d.*\.md$/.test(f))) {
    for (const slide of readFileSync(join(slidesDir, file), 'utf8').split(/\n---\n/)) {
      const source = /<!-- \.slide:[^>]*\bsource=([\d,–-]+)/.exec(slide)?.[1];
      if (!source) continue;
      const [body = '', note = ''] = slide.split(/\nNote:\n/);
      const texts = (list: string[]): Text[] => list.filter(plain).map((text) => ({ text, source }));
      items.push(...texts(body.split('\n').filter((l) => /^- /.test(l)).map((l) => l.slice(2).trim())));
      notes.push(...texts((note.split(/\nCue:\n/)[0] ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => !p.includes('\n'))));
    }
  }
  return { items, notes };
}

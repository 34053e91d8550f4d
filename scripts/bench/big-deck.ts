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
      const pick = (list: readonly string[], k: number): string => list[(made * 3 + k) % list.length]!;
      part.push(
        [
          `## ${pick(items, 0).slice(0, 18)} ${made + 1} {#bench-extra-slide-${made + 1}}`,
          made % 2 ? '<!-- .slide: steps plan=none -->' : '<!-- .slide: plan=none -->',
          [0, 1, 2].map((k) => `- ${pick(items, k)}`).join('\n'),
          `Note:\n${pick(notes, 0)}\n\n${pick(notes, 1)}`,
        ].join('\n\n'),
      );
    }
    // The front matter's closing `---` already opens the first slide.
    const [front, ...slidesOfPart] = part;
    writeFileSync(join(dir, 'slides', `05-0-extra-${String(s + 1).padStart(2, '0')}.md`), `${front}\n${slidesOfPart.join('\n\n---\n\n')}\n`);
  }
  return { dir, slides: slides + made };
}

/** Plain list items and note paragraphs of the deck's sections (no markup that could clash). */
function deckText(slidesDir: string): { items: string[]; notes: string[] } {
  const items: string[] = [];
  const notes: string[] = [];
  const plain = (line: string): boolean => !/[<>`|{}$\[\]#]/.test(line) && line.length > 6;
  for (const file of readdirSync(slidesDir).filter((f) => /^\d.*\.md$/.test(f))) {
    for (const slide of readFileSync(join(slidesDir, file), 'utf8').split(/\n---\n/)) {
      const [body = '', note = ''] = slide.split(/\nNote:\n/);
      items.push(...body.split('\n').filter((l) => /^- /.test(l)).map((l) => l.slice(2).trim()).filter(plain));
      notes.push(...(note.split(/\nCue:\n/)[0] ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => plain(p) && !p.includes('\n')));
    }
  }
  return { items, notes };
}

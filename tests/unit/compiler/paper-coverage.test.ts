import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/compiler/compile-deck.ts';
import { ErrorSink, formatContentError } from '../../../src/compiler/errors.ts';
import { coverage, coverageErrors, leftOutParagraphs, paragraphRange, readLeftOut, type ParagraphLinks } from '../../../src/compiler/paper/coverage.ts';
import { loadPaper } from '../../../src/compiler/paper/read-paper.ts';
import { paragraphFragment, paragraphRanges, parseParagraphFragment } from '../../../src/shared/paper.ts';

const ROOT = join(import.meta.dirname, '../../..');
const paper = loadPaper(ROOT, new ErrorSink());
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const slide = (id: string) => ({ id, title: `标题 ${id}` });
/** Every paragraph but the given ones taught by one slide. */
function allTaughtBut(...skip: number[]): ParagraphLinks {
  return paper.paragraphs.filter((p) => !skip.includes(p.n)).map((p) => ({ paragraph: p.n, slides: [slide(`s${p.n}`)] }));
}

describe('coverage(paragraphs, links, leftOut)', () => {
  const ps = [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }];

  it('returns the body paragraphs no slide teaches and no entry leaves out, in order', () => {
    expect(coverage(ps, [{ paragraph: 2, slides: [slide('a')] }], [{ paragraph: 4 }])).toEqual([1, 3]);
    expect(coverage(ps, [], [])).toEqual([1, 2, 3, 4]);
    expect(coverage(ps, ps.map((p) => ({ paragraph: p.n, slides: [slide('a')] })), [])).toEqual([]);
  });

  it('does not count a paragraph listed with no slides as taught', () => {
    expect(coverage(ps, [{ paragraph: 1, slides: [] }], [])).toEqual([1, 2, 3, 4]);
  });

  it('over the real paper: 45 paragraphs to cover', () => {
    expect(coverage(paper.paragraphs, [], [])).toHaveLength(45);
    expect(coverage(paper.paragraphs, allTaughtBut(17, 18), [{ paragraph: 18 }])).toEqual([17]);
  });
});

describe('what the build reports about coverage', () => {
  it('each run of untaught paragraphs, at its line in the paper', () => {
    const errors = coverageErrors(paper.paragraphs, allTaughtBut(17, 18, 45), []).map(formatContentError);
    expect(errors).toEqual([
      '[deck] assets/paper/paper.txt:59 paragraphs ¶17–¶18 of the paper are taught by no slide. Name them in the slide that teaches them (`<!-- .slide: source=17-18 -->`), or list them under `leftOut:` in slides/deck.yml with a reason.',
      '[deck] assets/paper/paper.txt:129 paragraph ¶45 of the paper is taught by no slide. Name it in the slide that teaches it (`<!-- .slide: source=45 -->`), or list it under `leftOut:` in slides/deck.yml with a reason.',
    ]);
  });

  it('nothing when every paragraph is taught or left out', () => {
    expect(coverageErrors(paper.paragraphs, allTaughtBut(17, 18), [{ paragraphs: [17, 18], reason: '例子', line: 4 }])).toEqual([]);
  });

  it('a paragraph left out that a slide teaches after all', () => {
    expect(coverageErrors(paper.paragraphs, allTaughtBut(), [{ paragraphs: [3], reason: '例子', line: 4 }]).map(formatContentError)).toEqual([
      '[deck] slides/deck.yml:4 ¶3 is listed as left out, but slide `s3` teaches it. Remove it from `leftOut`, or from the slide\'s `source=`.',
    ]);
  });
});

describe('paragraph lists: source=12-13, leftOut paragraphs', () => {
  it('reads one paragraph, a range, or several', () => {
    expect(paragraphRange('12', 45)).toEqual({ paragraphs: [12] });
    expect(paragraphRange(12, 45)).toEqual({ paragraphs: [12] });
    expect(paragraphRange('12-13', 45)).toEqual({ paragraphs: [12, 13] });
    expect(paragraphRange('3,5-7', 45)).toEqual({ paragraphs: [3, 5, 6, 7] });
  });

  it('names what is wrong', () => {
    expect(paragraphRange('46', 45)).toMatchObject({ problem: 'the paper has no paragraph ¶46 (its body has ¶1–¶45)' });
    expect(paragraphRange('0', 45)).toMatchObject({ problem: 'the paper has no paragraph ¶0 (its body has ¶1–¶45)' });
    expect(paragraphRange('13-12', 45)).toEqual({ problem: 'paragraph range `13-12` runs backwards', fix: 'Write the lower number first: `12-13`.' });
    expect(paragraphRange('p12', 45)).toMatchObject({ problem: '`p12` is not a list of paragraphs' });
  });
});

describe('leftOut: in slides/deck.yml', () => {
  function deckYml(text: string): { entries: ReturnType<typeof readLeftOut>; errors: string[] } {
    const root = mkdtempSync(join(tmpdir(), 'deck-left-out-'));
    made.push(root);
    mkdirSync(join(root, 'slides'));
    writeFileSync(join(root, 'slides/deck.yml'), text);
    const sink = new ErrorSink();
    return { entries: readLeftOut(root, 45, sink), errors: sink.errors.map(formatContentError) };
  }

  it('reads each entry with its paragraphs, reason and line', () => {
    const { entries, errors } = deckYml('title: 标题\nleftOut:\n  - paragraphs: 17-18\n    reason: 两个例子\n  - paragraphs: 30\n    reason: 同上\n');
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { paragraphs: [17, 18], reason: '两个例子', line: 3 },
      { paragraphs: [30], reason: '同上', line: 5 },
    ]);
    expect(leftOutParagraphs(entries)).toEqual([
      { paragraph: 17, reason: '两个例子' },
      { paragraph: 18, reason: '两个例子' },
      { paragraph: 30, reason: '同上' },
    ]);
  });

  it('has none without the key', () => {
    expect(deckYml('title: 标题\n')).toEqual({ entries: [], errors: [] });
  });

  it('reports an entry without a reason, a paragraph the paper lacks, a value that is not a list', () => {
    expect(deckYml('title: 标题\nleftOut:\n  - paragraphs: 17\n').errors).toEqual([
      '[deck] slides/deck.yml:3 a `leftOut` entry needs `paragraphs` and a `reason`. Write one `- paragraphs: 12-13` / `  reason: …` item per paragraph or range.',
    ]);
    expect(deckYml('title: 标题\nleftOut:\n  - paragraphs: 44-46\n    reason: 结尾\n').errors).toEqual([
      '[deck] slides/deck.yml:3 leftOut: the paper has no paragraph ¶46 (its body has ¶1–¶45). Name paragraphs of the paper by their numbers ¶1–¶45, as the paper view shows them: `12`, `12-13` or `3,5-7`.',
    ]);
    expect(deckYml('title: 标题\nleftOut: 17\n').errors).toEqual([
      '[deck] slides/deck.yml:2 `leftOut` is not a list. Write one `- paragraphs: 12-13` / `  reason: …` item per paragraph or range.',
    ]);
  });
});

describe('paragraph fragments: #p-12, #p-12-13, #p-3,5-7, #paper/p-12', () => {
  it('reads one paragraph, a range, or several, as a slide\'s source= names them', () => {
    expect(parseParagraphFragment('#p-12')).toEqual([{ from: 12, to: 12 }]);
    expect(parseParagraphFragment('p-12-13')).toEqual([{ from: 12, to: 13 }]);
    expect(parseParagraphFragment('#p-3,5-7')).toEqual([{ from: 3, to: 3 }, { from: 5, to: 7 }]);
    expect(parseParagraphFragment('#p-3%2C5-7')).toEqual([{ from: 3, to: 3 }, { from: 5, to: 7 }]);
    expect(parseParagraphFragment('#paper/p-3', 'paper/')).toEqual([{ from: 3, to: 3 }]);
  });

  it('writes them back: a slide\'s paragraphs as runs, and the runs as a fragment', () => {
    expect(paragraphRanges([7, 3, 5, 6, 3])).toEqual([{ from: 3, to: 3 }, { from: 5, to: 7 }]);
    expect(paragraphFragment(paragraphRanges([7, 3, 5, 6]))).toBe('p-3,5-7');
    expect(paragraphFragment({ from: 12, to: 13 })).toBe('p-12-13');
    expect(paragraphFragment({ from: 12, to: 12 })).toBe('p-12');
  });

  it('names no paragraph for anything else', () => {
    expect(['#ref-4', '#p-0', '#p-13-12', '#p-12-', '#/logic-power', '#p-12', '#p-3,', '#p-3,7-5'].map((f, i) => parseParagraphFragment(f, i === 5 ? 'paper/' : ''))).toEqual([null, null, null, null, null, null, null, null]);
  });
});

describe('the build: every body paragraph taught by a slide (`source=`) or left out on purpose', () => {
  /**
   * tests/fixtures/paper-deck with the real paper: its slides name ¶1–¶43 and `leftOut` names
   * ¶44, so ¶45 is taught by no slide. `edit` changes a file of it first.
   */
  async function build(edit: (root: string) => void = () => undefined) {
    const root = mkdtempSync(join(tmpdir(), 'deck-paper-deck-'));
    made.push(root);
    cpSync(join(ROOT, 'tests/fixtures/paper-deck'), root, { recursive: true });
    mkdirSync(join(root, 'assets/paper'), { recursive: true });
    copyFileSync(join(ROOT, 'assets/paper/paper.txt'), join(root, 'assets/paper/paper.txt'));
    edit(root);
    const deck = await compileDeck({ root, fonts: false, diagrams: 'browser' });
    return { errors: deck.errors.map(formatContentError), paper: deck.paper };
  }

  it('fails naming the paragraphs no slide teaches and no `leftOut` names, at their line in the paper', async () => {
    const { errors, paper: result } = await build();
    expect(errors).toEqual([
      '[deck] assets/paper/paper.txt:129 paragraph ¶45 of the paper is taught by no slide. Name it in the slide that teaches it (`<!-- .slide: source=45 -->`), or list it under `leftOut:` in slides/deck.yml with a reason.',
    ]);
    expect(result?.summary).toBe('paper coverage: 44/45 paragraphs, 1 left out');
  });

  it('passes once the last paragraph is taught, and says the coverage in one line', async () => {
    const { errors, paper: result } = await build((root) => {
      const file = join(root, 'slides/01-intro.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('source=31-43', 'source=31-43,45'));
    });
    expect(errors).toEqual([]);
    expect(result?.summary).toBe('paper coverage: 45/45 paragraphs, 1 left out');
    expect(result?.leftOut).toEqual([{ paragraph: 44, reason: '社会保障的举措，课上不讲' }]);
    expect(result?.links.find((l) => l.paragraph === 14)).toEqual({ paragraph: 14, slides: [{ id: 'intro-logic', title: '内在逻辑与难点' }] });
    expect(result?.links.map((l) => l.paragraph)).toEqual([...Array.from({ length: 43 }, (_, i) => i + 1), 45]);
  });

  it('reports a paragraph left out that a slide teaches after all', async () => {
    const { errors } = await build((root) => {
      const file = join(root, 'slides/01-intro.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('source=31-43', 'source=31-45'));
    });
    expect(errors).toEqual(['[deck] slides/deck.yml:3 ¶44 is listed as left out, but slide `intro-paths` teaches it. Remove it from `leftOut`, or from the slide\'s `source=`.']);
  });

  it('a deck without the paper has no coverage to report', async () => {
    const { errors, paper: result } = await build((root) => rmSync(join(root, 'assets'), { recursive: true }));
    expect(result).toBeNull();
    expect(errors.every((e) => e.includes('names paragraphs of the paper, but the deck has no paper'))).toBe(true);
    expect(errors).toHaveLength(3);
  });
});

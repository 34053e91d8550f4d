import { join } from 'node:path';
import { parseSection, renderSection } from '../../src/compiler/compile-section.ts';
import { ErrorSink } from '../../src/compiler/errors.ts';
import type { DeckContext, GlossaryTerm, Reference } from '../../src/compiler/markdown/env.ts';
import { createMarkdown } from '../../src/compiler/markdown/index.ts';
import { loadPaper, type PaperDocument } from '../../src/compiler/paper/read-paper.ts';
import type { CompiledSlide } from '../../src/compiler/model.ts';
import type { QuizInfo } from '../../src/shared/deck-model.ts';

/** The paper's first references, enough for citation tests. */
export const REFERENCES = new Map<number, Reference>(
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => [n, { n, text: `参考文献${n}` }]),
);

/** A fresh deck context, as the compiler makes one per build. */
export function deckContext(terms: GlossaryTerm[] = [], { paper = false } = {}): DeckContext {
  return { sink: new ErrorSink(), planIds: ['45', '90'], bibliography: REFERENCES, root: process.cwd(), glossary: { terms }, diagrams: [], links: [], citations: [], quizzes: [], paper: paper ? PAPER : null, rendering: { slideTitles: new Map(), drawings: new Map() } };
}

/** The real paper (assets/paper/paper.txt), read once, for tests of `source=` and quotations: ¶1–¶45. */
export const PAPER: PaperDocument = loadPaper(join(import.meta.dirname, '../..'), new ErrorSink());

/** Lines of the front matter a snippet is compiled under. */
const FRONT_MATTER_LINES = 4;

/**
 * Compiles a Markdown snippet as a section (its first slide's id is `id`), with the deck's
 * whole pipeline: the slides' HTML (body, then notes), what went wrong (`file:line problem`, the
 * snippet's first line being file line `lineOffset + 1`), and the questions it recorded.
 */
export function render(markdown: string, lineOffset = 0, deck: DeckContext = deckContext(), id = 'test'): { html: string; errors: string[]; quizzes: QuizInfo[]; slides: CompiledSlide[] } {
  const md = createMarkdown();
  const frontMatter = `---\nid: ${id}\ntitle: 测试\n---\n`;
  const parsed = parseSection(frontMatter + markdown, 'slides/test.md', md, deck, lineOffset - FRONT_MATTER_LINES);
  const section = renderSection(parsed, md);
  const html = section.slides.map((s) => s.body + s.notes).join('\n');
  return { html, errors: deck.sink.errors.map((e) => `${e.file}:${e.line} ${e.problem}`), quizzes: deck.quizzes, slides: section.slides };
}

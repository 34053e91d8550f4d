import { ErrorSink } from '../../src/compiler/errors.ts';
import type { Reference, RenderEnv } from '../../src/compiler/markdown/env.ts';
import { createMarkdown } from '../../src/compiler/markdown/index.ts';

/** The paper's first references, enough for citation tests. */
export const REFERENCES = new Map<number, Reference>(
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => [n, { n, text: `参考文献${n}` }]),
);

/** Renders a Markdown string with the deck's pipeline; returns the HTML and what went wrong. */
export function render(markdown: string, lineOffset = 0): { html: string; errors: string[]; env: RenderEnv } {
  const sink = new ErrorSink();
  const env: RenderEnv = {
    file: 'slides/test.md',
    lineOffset,
    sink,
    bibliography: REFERENCES,
    root: process.cwd(),
    diagrams: [],
    slideId: 'test',
    sectionId: 'test-section',
    inNotes: false,
    glossary: { terms: [] },
  };
  const html = createMarkdown().render(markdown, env);
  return { html, errors: sink.errors.map((e) => `${e.file}:${e.line} ${e.problem}`), env };
}

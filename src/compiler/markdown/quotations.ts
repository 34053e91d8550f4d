import type { MarkdownIt, Token } from 'markdown-it';
import { htmlPieces } from '../html/dom.ts';
import { NOT_TEXT, paperText, quotationProblem, quotationsIn, type PaperText, type TextRun } from '../paper/quotations.ts';
import type { PaperDocument } from '../paper/read-paper.ts';
import { deckEnv, fileLine, placeOf, type RenderEnv } from './env.ts';

/** The paper's text is read for lookups once per paper. */
const texts = new WeakMap<PaperDocument, PaperText>();

/** The paper as quotations are looked up in it (read once). */
export function lookupText(paper: PaperDocument): PaperText {
  let text = texts.get(paper);
  if (!text) texts.set(paper, (text = paperText(paper)));
  return text;
}

/**
 * Quotations are the paper's: every “…” on a slide, in its notes or its cue (text, tables,
 * questions, diagrams, raw HTML) must be the paper's words, found in the cleaned text (each
 * part around an elision ……); and one of ten characters or more must come from a paragraph
 * the slide names in `source=` (a shorter one found in several paragraphs passes if any is in
 * source; a slide without `source=`, and words only the abstract has, are not held to it).
 * Each problem is reported at the line of the quotation's opening mark. Runs once the
 * structure rule has read the slides' options, before anything rewrites the inline tokens (the
 * glossary's terms, the questions). Nothing for a deck without the paper.
 */
export function quotations(md: MarkdownIt): void {
  md.core.ruler.after('deck_structure', 'deck_quotations', (state) => {
    const env = deckEnv(state.env);
    const paper = env.deck?.paper;
    if (state.inlineMode || !paper || !env.section) return;
    const text = lookupText(paper);
    for (const token of state.tokens) {
      const place = placeOf(token);
      if (!place) continue;
      const source = env.section.slides[place.slide]?.options.source ?? null;
      for (const q of quotationsIn(textRuns(token, env))) {
        const problem = quotationProblem(q, source, text);
        if (problem) env.deck.sink.add(env.file, q.line, problem.problem, problem.fix);
      }
    }
  });
}

/** What a token shows as text, with its file lines: an inline token's text children, a fence's source, raw HTML's text. */
export function textRuns(token: Token, env: RenderEnv): TextRun[] {
  const at = (line: number): number => fileLine(env, line);
  if (token.type === 'inline') return inlineRuns(token.children ?? [], at, token.map?.[0] ?? 0);
  if (token.type === 'fence') return [{ text: token.content, line: at((token.map?.[0] ?? 0) + 1) }];
  if (token.type === 'html_block') {
    let line = token.map?.[0] ?? 0;
    const runs: TextRun[] = [];
    for (const piece of htmlPieces(token.content)) {
      if (piece.kind === 'text') {
        runs.push({ text: piece.text, line: at(line) });
        line += piece.text.split('\n').length - 1;
      } else if (piece.kind === 'start' || piece.kind === 'end') runs.push({ text: NOT_TEXT, line: at(line) });
    }
    return runs;
  }
  return [];
}

/**
 * An inline token's children as text runs: text as it is shown, line breaks as nothing (the
 * quotation goes on), markup around text as nothing, and anything else (a citation, a formula,
 * an image, code) as a mark no quotation of the paper holds.
 */
export function inlineRuns(children: readonly Token[], at: (line: number) => number, blockLine = 0): TextRun[] {
  const runs: TextRun[] = [];
  for (const child of children) {
    const line = at((child.meta as { line?: number } | null)?.line ?? blockLine);
    if (child.type === 'text') runs.push({ text: child.content, line });
    else if (child.type === 'softbreak' || child.type === 'hardbreak') runs.push({ text: '\n', line });
    else if (!/_(open|close)$/.test(child.type) && child.type !== 'html_inline') runs.push({ text: NOT_TEXT, line });
  }
  return runs;
}

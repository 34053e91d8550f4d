import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSection } from '../../../src/compiler/compile-section.ts';
import type { Token } from 'markdown-it';
import { deckEnv, placeOf } from '../../../src/compiler/markdown/env.ts';
import { createMarkdown } from '../../../src/compiler/markdown/index.ts';
import { inlineRuns, lookupText, textRuns } from '../../../src/compiler/markdown/quotations.ts';
import { locateQuotation, normaliseQuoted, quotationsIn, type Quotation, type TextRun } from '../../../src/compiler/paper/quotations.ts';
import { deckContext, PAPER } from '../helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCE = readFileSync(join(ROOT, 'assets/paper/paper.txt'), 'utf8');

/** The paper's own quotations that it cites, with the reference number (from the source, where the markers are). */
const citedInPaper = [...SOURCE.replace(/\s+/g, '').matchAll(/“([^“”]+)”[。，,]?<sup>\[(\d+)\]/g)].map((m) => ({ text: normaliseQuoted(m[1]!), n: m[2]! }));

interface Quote extends Quotation {
  file: string;
  slide: string;
  source: number[] | null;
  /** What follows the closing mark on the same source line (where its citation should be). */
  after: string;
}

/**
 * Every quotation of the deck as the build reads it (slides, notes, cues, questions, diagrams;
 * the glossary's definitions), parsed with the deck's own pipeline, which checks each against
 * the paper (verbatim, and from a paragraph of the slide's `source=`).
 */
function deckQuotations(): { quotes: Quote[]; errors: string[] } {
  const md = createMarkdown();
  const deck = deckContext([], { paper: true });
  const quotes: Quote[] = [];
  const lineAfter = (file: string, q: Quotation): string => {
    const line = readFileSync(join(ROOT, file), 'utf8').split('\n')[q.line - 1] ?? '';
    const at = line.indexOf(`“${q.text}”`);
    return at < 0 ? '' : line.slice(at + q.text.length + 2);
  };
  // Taken as the build's rule sees them, just after it: before the glossary and the questions rewrite the tokens.
  let seen: { token: Token; runs: TextRun[] }[] = [];
  md.core.ruler.after('deck_quotations', 'test_quotations', (state) => {
    for (const token of state.tokens) if (placeOf(token)) seen.push({ token, runs: textRuns(token, deckEnv(state.env)) });
  });
  for (const name of readdirSync(join(ROOT, 'slides')).filter((f) => f.endsWith('.md')).sort()) {
    const file = `slides/${name}`;
    seen = [];
    const parsed = parseSection(readFileSync(join(ROOT, file), 'utf8'), file, md, deck);
    for (const { token, runs } of seen) {
      const slide = parsed.section.slides[placeOf(token)!.slide]!;
      for (const q of quotationsIn(runs)) quotes.push({ ...q, file, slide: slide.id, source: slide.options.source, after: lineAfter(file, q) });
    }
  }
  const glossary = readFileSync(join(ROOT, 'slides/glossary.yml'), 'utf8').split('\n');
  glossary.forEach((line, i) => {
    if (!line.trim().startsWith('definition:')) return;
    for (const q of quotationsIn(inlineRuns(md.parseInline(line.slice(line.indexOf(':') + 1), {})[0]?.children ?? [], () => i + 1))) {
      quotes.push({ ...q, file: 'slides/glossary.yml', slide: '', source: null, after: line.slice(line.indexOf(`“${q.text}”`) + q.text.length + 2) });
    }
  });
  return { quotes, errors: deck.sink.errors.filter((e) => e.problem.startsWith('quotation')).map((e) => `${e.file}:${e.line} ${e.problem}`) };
}

const { quotes, errors } = deckQuotations();
const paper = lookupText(PAPER);

describe('every quotation in the deck is the paper’s, from the paragraphs its slide teaches', () => {
  it('finds the quotations (slides, notes, questions, diagrams, glossary)', () => {
    expect(quotes.length).toBeGreaterThan(300);
    expect(quotes.filter((q) => q.file === 'slides/glossary.yml').length).toBeGreaterThan(15);
  });

  it('passes the build’s check: each “…” verbatim, each long one from a paragraph of its slide’s `source=`', () => {
    expect(errors).toEqual([]);
  });

  it('finds most quotations in a paragraph the slide names', () => {
    const sourced = quotes.filter((q) => q.source && locateQuotation(q.text, paper).verbatim);
    const inSource = sourced.filter((q) => {
      const place = locateQuotation(q.text, paper);
      return place.verbatim && place.paragraphs.some((n) => q.source!.includes(n));
    });
    expect(inSource.length / sourced.length).toBeGreaterThan(0.9);
  });

  it('has the glossary’s definitions verbatim too (they are not a slide’s: no source)', () => {
    const missing = quotes.filter((q) => q.file === 'slides/glossary.yml' && !locateQuotation(q.text, paper).verbatim).map((q) => `${q.file}:${q.line} “${q.text}”`);
    expect(missing).toEqual([]);
  });

  it('gives a quotation the paper cites its reference number', () => {
    const uncited = quotes.flatMap((q) => {
      const text = normaliseQuoted(q.text.split(/…+/)[0] ?? '');
      if (text.length < 12) return [];
      const source = citedInPaper.find((c) => c.text.includes(text));
      if (!source || new RegExp(`\\[@${source.n}\\b`).test(q.after.slice(0, 40))) return [];
      return [`${q.file}:${q.line} “${q.text.slice(0, 16)}…” needs [@${source.n}]`];
    });
    expect(uncited).toEqual([]);
  });

  it('would catch an invented quotation', () => {
    expect(locateQuotation('共同富裕就是平均分配', paper)).toEqual({ verbatim: false, missing: '共同富裕就是平均分配' });
  });
});

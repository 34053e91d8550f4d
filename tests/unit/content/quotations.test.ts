import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const PAPER = readFileSync(join(ROOT, 'assets/paper/paper.txt'), 'utf8');

/** Text as compared: no markup, no whitespace, one width for punctuation (the source mixes both). */
export function normalise(text: string): string {
  const halfToFull: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };
  return text
    .replace(/<sup>.*?<\/sup>/g, '')
    .replace(/<br\s*\/?>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|\\/g, '')
    .replace(/\s+/g, '')
    .replace(/[,:;()?!]/g, (c) => halfToFull[c] ?? c);
}

const paper = normalise(PAPER);

/** The paper's own quotations that it cites, with the reference number. */
const citedInPaper = [...PAPER.replace(/\s+/g, '').matchAll(/“([^“”]+)”[。，,]?<sup>\[(\d+)\]/g)].map((m) => ({ text: normalise(m[1]!), n: m[2]! }));

interface Quote {
  file: string;
  line: number;
  text: string;
  /** What follows the closing mark on the same line (where its citation should be). */
  after: string;
}

function quotesIn(file: string): Quote[] {
  const out: Quote[] = [];
  readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/“([^“”]*)”/g)) out.push({ file, line: i + 1, text: m[1]!, after: line.slice(m.index! + m[0].length) });
  });
  return out;
}

const files = [...readdirSync(join(ROOT, 'slides')).filter((f) => /\.(md|yml)$/.test(f)).map((f) => `slides/${f}`)];
const quotes = files.flatMap(quotesIn);

describe('every quotation in the deck is the paper’s', () => {
  it('finds the quotations (slides, notes, glossary)', () => {
    expect(quotes.length).toBeGreaterThan(200);
  });

  it('quotes the paper verbatim: each “…” (each part around an elision ……) is in the paper', () => {
    const missing = quotes.flatMap((q) =>
      q.text
        .split(/…+/)
        .map(normalise)
        .filter((part) => part && !paper.includes(part))
        .map((part) => `${q.file}:${q.line} “${part}”`),
    );
    expect(missing).toEqual([]);
  });

  it('gives a quotation the paper cites its reference number', () => {
    const uncited = quotes.flatMap((q) => {
      const text = normalise(q.text.split(/…+/)[0] ?? '');
      if (text.length < 12) return [];
      const source = citedInPaper.find((c) => c.text.includes(text));
      if (!source || new RegExp(`\\[@${source.n}\\b`).test(q.after.slice(0, 40))) return [];
      return [`${q.file}:${q.line} “${q.text.slice(0, 16)}…” needs [@${source.n}]`];
    });
    expect(uncited).toEqual([]);
  });

  it('would catch an invented quotation', () => {
    const invented = normalise('共同富裕就是平均分配');
    expect(paper.includes(invented)).toBe(false);
  });
});

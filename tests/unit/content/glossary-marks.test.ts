import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * A glossary entry is the paper's words only when it says where in the paper they are and
 * quotes them (the quotations test checks each quotation is verbatim); everything else is
 * ours and is marked `teaching: true`, saying so in its text. Xi's words carry their reference.
 */
const ROOT = join(import.meta.dirname, '../../..');
const entries = parse(readFileSync(join(ROOT, 'slides/glossary.yml'), 'utf8')) as { term: string; definition: string; teaching?: boolean }[];

const PLACE = /论文(摘要|引言|第[一二三]部分)|作者的界定，见论文第[一二三]部分/;
const QUOTATION = /“[^”]+”/;
const OURS = /论文未下定义/;

describe('the glossary’s marks say whose words each definition is', () => {
  it('has the paper’s key terms', () => {
    expect(entries.length).toBeGreaterThan(15);
  });

  it('marks as the paper’s only a definition that quotes the paper and names its place', () => {
    const wrong = entries.filter((e) => !e.teaching && !(PLACE.test(e.definition) && QUOTATION.test(e.definition))).map((e) => e.term);
    expect(wrong).toEqual([]);
  });

  it('marks every gloss of ours as a teaching addition, and says so in its text', () => {
    const unmarked = entries.filter((e) => OURS.test(e.definition) !== !!e.teaching).map((e) => e.term);
    expect(unmarked).toEqual([]);
  });

  it('cites a quotation of Xi Jinping’s words with its reference number', () => {
    const uncited = entries.filter((e) => /习近平/.test(e.definition) && !/“[^”]+”\[@\d+/.test(e.definition)).map((e) => e.term);
    expect(uncited).toEqual([]);
  });

  it('explains on the glossary page the mark the page shows (only 教学补充), not a mark it does not', () => {
    const page = readFileSync(join(ROOT, 'slides/06-glossary.md'), 'utf8');
    expect(page).toMatch(/标（教学补充）的/);
    expect(page).toMatch(/没有标注的释义全部引自论文/);
    expect(page).not.toMatch(/标注「原文」|术语后面的页码/);
  });
});

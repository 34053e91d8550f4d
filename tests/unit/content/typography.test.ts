import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiText } from '../../../src/shared/ui-strings.ts';

const ROOT = join(import.meta.dirname, '../../..');

/**
 * The deck's text in one typographic style, checked in the source (slides/*.md, the glossary,
 * the references, deck.yml) and in every string the interface shows (with each of its numbers
 * filled in, as uiText does): numbers and dates set close to their Chinese units (`2023年9月`, `8500万`,
 * never `2023 年 9 月`), full-width ？ and ！ in Chinese sentences, and a citation set close
 * to the punctuation after it. Formulas, code and markup are left out: they have rules of their own.
 */
const FILES = readdirSync(join(ROOT, 'slides'))
  .filter((f) => f.endsWith('.md') || ['glossary.yml', 'references.yml', 'deck.yml'].includes(f))
  .map((f) => `slides/${f}`);

/** Each line of a file with what is not prose blanked out (kept the same length, so columns hold). */
function proseLines(file: string): string[] {
  // A diagram's labels are prose; other code is not.
  let fence: 'code' | 'mermaid' | null = null;
  return readFileSync(join(ROOT, file), 'utf8').split('\n').map((line) => {
    if (line.startsWith('```')) {
      fence = fence ? null : line.startsWith('```mermaid') ? 'mermaid' : 'code';
      return '';
    }
    if (fence === 'code') return '';
    const blank = (m: string): string => ' '.repeat(m.length);
    return line
      .replace(/^\s*(?:\d+[.)]|[-*+])\s/, blank)
      .replace(/\$\$.*?\$\$|\$(?:\\\$|[^$])+\$/g, blank)
      .replace(/`[^`]*`/g, blank)
      .replace(/<!--.*?-->/g, blank)
      .replace(/\]\([^)]*\)/g, (m) => `]${blank(m.slice(1))}`);
  });
}

/** The rules, each a pattern that must not match prose, and what it asks for. */
const RULES: { name: string; pattern: RegExp }[] = [
  // A number in a Latin or mathematical token (GB/T 7714, 1.07^t) keeps its own spacing.
  { name: 'a number set apart from the Chinese after it (write 2023年9月, 8500万, 11条)', pattern: /(?<![A-Za-z/^².][ \t]*)(?<![\d.])\d[\d.,%]*[ \t\u3000]+\p{Script=Han}/u },
  { name: 'a number set apart from the Chinese before it (write 是2023年, 第2卷)', pattern: /\p{Script=Han}[ \t\u3000]+\d[\d.,%]*(?![\d.^A-Za-z])/u },
  { name: 'a half-width ? or ! in a Chinese sentence (write ？ ！)', pattern: /[\p{Script=Han}，。、；：」』”）][?!]|[?!][\p{Script=Han}“「『（]/u },
  { name: 'a space between a citation and the punctuation after it', pattern: /\[@[^\]]*\][ \t\u3000]+[，。、；：？！）」』”]/u },
];

function violations(lines: string[], file: string): string[] {
  return lines.flatMap((line, i) => RULES.filter((r) => r.pattern.test(line)).map((r) => `${file}:${i + 1} ${r.name}: ${line.trim().slice(0, 60)}`));
}

describe('the deck’s typography is one style', () => {
  it('reads every content file', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
  });

  it('sets numbers and dates close to their units, full-width ？ ！ in Chinese, citations close to their punctuation', () => {
    expect(FILES.flatMap((f) => violations(proseLines(f), f))).toEqual([]);
  });

  it('sets the interface’s numbers the same way (第3年, 共45分钟, 年增7%)', () => {
    const strings = uiText();
    expect(strings.length).toBeGreaterThan(300);
    expect(strings.filter((s) => RULES.slice(0, 2).some((r) => r.pattern.test(s)))).toEqual([]);
    expect(uiText({ sample: (n: number): string => `第 ${n} 年`, preset: '年增 7%' }).filter((s) => RULES.slice(0, 2).some((r) => r.pattern.test(s)))).toEqual(['第 0 年', '年增 7%']);
  });

  it('catches each rule in a sample', () => {
    const samples = ['2023 年9月', '2023年 9月', '第 2 卷', '是什么?', '为何!而', '见原文[@3] 。'];
    expect(samples.map((s) => RULES.filter((r) => r.pattern.test(s)).map((r) => RULES.indexOf(r)))).toEqual([[0], [1], [0, 1], [2], [2], [3]]);
    expect(violations(['2023年9月，全球8500万个岗位？见[@3]。GB/T 7714 的写法，「t² 对 1.07^t」'], 'x')).toEqual([]);
  });
});

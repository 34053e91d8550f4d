// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readQuizzes } from '../../../src/deck/pages/quiz-questions.ts';
import { answersHtml, questionHtml, worksheetHtml } from '../../../src/deck/pages/worksheet.ts';

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures', 'quiz-forms.html'), 'utf8');
const SECTIONS = [
  { id: 'logic', title: '一、内在逻辑' },
  { id: 'problems', title: '二、难点问题' },
  { id: 'paths', title: '三、推进路径' },
];

/** Text of an HTML string, whitespace collapsed. */
function text(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  return (div.textContent ?? '').replace(/\s+/g, ' ').trim();
}

beforeEach(() => {
  document.body.innerHTML = FIXTURE;
});

describe('reading the questions back from the built slides', () => {
  it('reads each form of the build contract, in deck order, and skips one whose answer names no option', () => {
    const qs = readQuizzes(document);
    expect(qs.map((q) => [q.id, q.type, q.sectionId])).toEqual([
      ['quiz-logic-quiz-1-1', 'single', 'logic'],
      ['quiz-logic-quiz-3-1', 'order', 'logic'],
      ['quiz-logic-quiz-5-1', 'multiple', 'logic'],
      ['quiz-paths-quiz-1-1', 'single', 'paths'],
    ]);
  });

  it('takes the question from the legend and the options without their inputs', () => {
    const [single] = readQuizzes(document);
    expect(text(single!.question)).toBe('作者用“幂数效应”说明新动能做大“蛋糕”的什么效果？');
    expect(single!.options).toEqual(['线性稳步增长', '几何级数增长', '先快后慢、逐渐饱和', '平均分配“蛋糕”']);
    expect(single!.answer).toEqual([1]);
    expect(text(single!.explanation)).toContain('参见 新动能：做大“蛋糕”');
  });

  it('reads several right options of a multiple-choice question', () => {
    expect(readQuizzes(document)[2]!.answer).toEqual([0, 1, 3]);
  });

  it('keeps an order question’s steps as the slide shows them, and the right order from data-deck-order-item', () => {
    const order = readQuizzes(document)[1]!;
    expect(order.options).toEqual(['有效避免“马太效应”', '构成社会发展的新模式', '必然形成新型生产关系']);
    expect(order.answer.map((i) => order.options[i])).toEqual(['必然形成新型生产关系', '构成社会发展的新模式', '有效避免“马太效应”']);
  });

  it('finds nothing in slides without questions', () => {
    document.body.innerHTML = '<section id="x"><h2>无题</h2><form class="search"></form></section>';
    expect(readQuizzes(document)).toEqual([]);
  });
});

describe('the worksheet and its answers on paper', () => {
  it('prints every question with an empty box before each option, numbered through the deck', () => {
    const [single, order] = readQuizzes(document);
    const q = questionHtml(single!, 1);
    expect(text(q)).toBe('1. （单选题，勾选一项）作者用“幂数效应”说明新动能做大“蛋糕”的什么效果？ A.线性稳步增长B.几何级数增长C.先快后慢、逐渐饱和D.平均分配“蛋糕”');
    expect(q.match(/deck-ws-box-single/g)).toHaveLength(4);
    const o = questionHtml(order!, 2);
    expect(text(o)).toContain('在方框里填写顺序');
    expect(o.match(/deck-ws-box-order/g)).toHaveLength(3);
    expect(o).not.toContain('<button');
  });

  it('groups the worksheet by section, in deck order, leaving out sections without questions', () => {
    const sheet = worksheetHtml(readQuizzes(document), SECTIONS);
    const headings = [...sheet.matchAll(/<h3 class="deck-ws-section">([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual(['一、内在逻辑', '三、推进路径']);
    expect(text(sheet)).toMatch(/^自测练习/);
    expect(text(sheet)).toContain('4. （单选题，勾选一项）深化“东数西算”工程');
  });

  it('answers with the letters of the right options, the right order of steps, and the explanation', () => {
    const answers = text(answersHtml(readQuizzes(document)));
    expect(answers).toMatch(/^答案与解析/);
    expect(answers).toContain('1. 答案：B');
    expect(answers).toContain('2. 正确顺序：必然形成新型生产关系构成社会发展的新模式有效避免“马太效应”');
    expect(answers).toContain('3. 答案：A、B、D');
    expect(answers).toContain('新型生产关系构成新模式，使各方更平等地分享红利');
  });

  it('is absent, not empty, when the deck has no questions', () => {
    expect(worksheetHtml([], SECTIONS)).toBe('');
    expect(answersHtml([])).toBe('');
  });
});

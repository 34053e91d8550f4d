// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { answersHtml, questionHtml, worksheetHtml } from '../../../src/deck/pages/worksheet.ts';
import type { QuizInfo } from '../../../src/shared/deck-model.ts';

const SECTIONS = [
  { id: 'logic', title: '一、内在逻辑' },
  { id: 'problems', title: '二、难点问题' },
  { id: 'paths', title: '三、推进路径' },
];

/** Questions as the compiler records them in the deck model (options in the order written). */
const QUESTIONS: QuizInfo[] = [
  {
    id: 'quiz-logic-quiz-1-1', slideId: 'logic-quiz-1', sectionId: 'logic', kind: 'single',
    question: '作者用“幂数效应”说明新动能做大“蛋糕”的什么效果？',
    options: ['线性稳步增长', '几何级数增长', '先快后慢、逐渐饱和', '平均分配“蛋糕”'], answer: [1], shown: [0, 1, 2, 3],
    explanation: '<p>参见 <a href="#/logic-new-momentum">新动能：做大“蛋糕”</a>。</p>',
  },
  {
    id: 'quiz-logic-quiz-3-1', slideId: 'logic-quiz-3', sectionId: 'logic', kind: 'order',
    question: '把“新模式”的推理链排好：',
    options: ['必然形成新型生产关系', '构成社会发展的新模式', '有效避免“马太效应”'], answer: [0, 1, 2], shown: [2, 1, 0],
    explanation: '<p>新型生产关系构成新模式，使各方更平等地分享红利。参见 <a href="#/logic-new-model">新模式</a>。</p>',
  },
  {
    id: 'quiz-logic-quiz-5-1', slideId: 'logic-quiz-5', sectionId: 'logic', kind: 'multiple',
    question: '逻辑共契性包括哪些方面？',
    options: ['价值基点', '本质要求', '分配方式', '目标指向'], answer: [0, 1, 3], shown: [0, 1, 2, 3],
    explanation: '<p>参见 <a href="#/logic-congruence">逻辑共契性</a>。</p>',
  },
  {
    id: 'quiz-paths-quiz-1-1', slideId: 'paths-quiz-1', sectionId: 'paths', kind: 'single',
    question: '深化“东数西算”工程，是为了弥合哪一方面的不平衡？',
    options: ['接入', '应用', '收入'], answer: [2], shown: [0, 1, 2],
    explanation: '<p>参见 <a href="#/paths-income">收入</a>。</p>',
  },
];

/** Text of an HTML string, whitespace collapsed. */
function text(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  return (div.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('the worksheet and its answers on paper', () => {
  it('prints every question with an empty box before each option, numbered through the deck', () => {
    const [single, order] = QUESTIONS;
    const q = questionHtml(single!, 1);
    expect(text(q)).toBe('1. （单选题，勾选一项）作者用“幂数效应”说明新动能做大“蛋糕”的什么效果？ A.线性稳步增长B.几何级数增长C.先快后慢、逐渐饱和D.平均分配“蛋糕”');
    expect(q.match(/deck-ws-box-single/g)).toHaveLength(4);
    const o = questionHtml(order!, 2);
    expect(text(o)).toContain('在方框里填写顺序');
    expect(o.match(/deck-ws-box-order/g)).toHaveLength(3);
    expect(o).not.toContain('<button');
  });

  it('groups the worksheet by section, in deck order, leaving out sections without questions', () => {
    const sheet = worksheetHtml(QUESTIONS, SECTIONS);
    const headings = [...sheet.matchAll(/<h3 class="deck-ws-section">([^<]*)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual(['一、内在逻辑', '三、推进路径']);
    expect(text(sheet)).toMatch(/^自测练习/);
    expect(text(sheet)).toContain('4. （单选题，勾选一项）深化“东数西算”工程');
  });

  it('prints an order question\u2019s steps as the slide shows them (shuffled)', () => {
    expect(text(questionHtml(QUESTIONS[1]!, 2))).toContain('有效避免“马太效应” 构成社会发展的新模式 必然形成新型生产关系'.replace(/ /g, ''));
  });

  it('answers with the letters of the right options, the right order of steps, and the explanation', () => {
    const answers = text(answersHtml(QUESTIONS));
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

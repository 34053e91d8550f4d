import { describe, expect, it } from 'vitest';
import { shuffled } from '../../../src/compiler/markdown/quiz.ts';
import { render } from '../helpers.ts';

const quiz = (type: string, body: string): string => `::: quiz ${type}\n${body}\n:::`;

describe('::: quiz — checks of understanding', () => {
  it('renders a single-choice question as a form with radios, the answer and a hidden explanation', () => {
    const { html, errors, quizzes } = render(quiz('single', '做大“蛋糕”靠什么？\n\n- [ ] 新产业\n- [x] 新动能\n\n见 [强大动力](#/logic-power)。'));
    expect(errors).toEqual([]);
    expect(html).toContain('data-deck-quiz="quiz-test-1"');
    // The model carries its kind, section and answer; the browser reads them there, by the form's id.
    expect(quizzes.map((q) => [q.id, q.kind, q.sectionId, q.answer])).toEqual([['quiz-test-1', 'single', 'test', [1]]]);
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toContain('<legend class="deck-quiz-question">做大“蛋糕”靠什么？</legend>');
    expect(html).toMatch(/<div class="deck-quiz-explanation" hidden>.*href="#\/logic-power"/s);
    expect(html).not.toContain('[x]');
  });

  it('renders a multiple-choice question with checkboxes and every right option in the answer', () => {
    const { html, errors, quizzes } = render(quiz('multiple', '哪些？\n\n- [x] 甲\n- [ ] 乙\n- [x] 丙\n\n见 [此页](#/a)。'));
    expect(errors).toEqual([]);
    expect(quizzes[0]!.answer).toEqual([0, 2]);
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
  });

  it('renders an order question shuffled, each step knowing its right place, with move buttons', () => {
    const { html, errors, quizzes } = render(quiz('order', '排序：\n\n1. 新动能\n2. 做大“蛋糕”\n3. 幂数效应\n\n见 [此页](#/a)。'));
    expect(errors).toEqual([]);
    const order = [...html.matchAll(/data-deck-option="(\d)"/g)].map((m) => Number(m[1]));
    expect([...order].sort()).toEqual([0, 1, 2]);
    expect(order).not.toEqual([0, 1, 2]);
    expect(quizzes[0]!.shown).toEqual(order);
    expect(quizzes[0]!.answer).toEqual([0, 1, 2]);
    expect(html.match(/data-move="-1"/g)).toHaveLength(3);
  });

  it('shuffles the same way every time and never leaves the right order', () => {
    expect(shuffled(4, 'quiz-x-1')).toEqual(shuffled(4, 'quiz-x-1'));
    for (const id of ['a', 'b', 'c', 'quiz-logic-quiz-3-1']) expect(shuffled(3, id)).not.toEqual([0, 1, 2]);
  });

  it.each([
    ['an unknown type', quiz('pick', '问？\n\n- [x] 甲\n- [ ] 乙\n\n见 [此页](#/a)。'), /unknown question type `pick`/],
    ['no right option in single', quiz('single', '问？\n\n- [ ] 甲\n- [ ] 乙\n\n见 [此页](#/a)。'), /needs exactly 1 right option, not 0/],
    ['two right options in single', quiz('single', '问？\n\n- [x] 甲\n- [x] 乙\n\n见 [此页](#/a)。'), /needs exactly 1 right option, not 2/],
    ['no right option in multiple', quiz('multiple', '问？\n\n- [ ] 甲\n- [ ] 乙\n\n见 [此页](#/a)。'), /needs at least 1 right option/],
    ['an option not marked', quiz('single', '问？\n\n- [x] 甲\n- 乙\n\n见 [此页](#/a)。'), /every option must start with `\[x\]`/],
    ['no options', quiz('single', '问？\n\n见 [此页](#/a)。'), /question has no options/],
    ['too few steps', quiz('order', '排序：\n\n1. 甲\n2. 乙\n\n见 [此页](#/a)。'), /at least 3 steps, not 2/],
    ['steps as a bullet list', quiz('order', '排序：\n\n- 甲\n- 乙\n- 丙\n\n见 [此页](#/a)。'), /needs a numbered list/],
    ['no explanation', quiz('single', '问？\n\n- [x] 甲\n- [ ] 乙'), /no explanation that links/],
    ['an explanation without a slide link', quiz('single', '问？\n\n- [x] 甲\n- [ ] 乙\n\n因为甲。'), /no explanation that links/],
  ])('reports a malformed question (%s) with its line', (_name, markdown, message) => {
    const { errors, html } = render(markdown, 20);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
    expect(errors[0]).toMatch(/^slides\/test\.md:2[1-9] /);
    expect(html).toContain('deck-error');
  });
});

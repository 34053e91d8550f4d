import type { QuizQuestion } from './quiz-questions.ts';
import { escapeHtml } from '../../shared/html.ts';

/** How each kind of question is named on paper and what the reader is asked to do. */
const KIND: Record<QuizQuestion['type'], { label: string; how: string }> = {
  single: { label: '单选题', how: '勾选一项' },
  multiple: { label: '多选题', how: '勾选所有正确项' },
  order: { label: '排序题', how: '在方框里填写顺序 1、2、3……' },
};

/** The running heads of the worksheet's and the answers' printed pages (see page-rules.ts). */
export const WORKSHEET_HEADS = [
  { page: 'deck-worksheet', title: '自测练习' },
  { page: 'deck-answers', title: '答案与解析' },
] as const;

/** A, B, C, … for the options of a question. */
export function optionLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** One question on paper: its number, kind, text, and an empty box before each option or step. */
export function questionHtml(q: QuizQuestion, n: number): string {
  const kind = KIND[q.type];
  const options = q.options
    .map((html, i) => {
      const mark = q.type === 'order' ? '' : `<span class="deck-ws-letter">${optionLetter(i)}.</span>`;
      return `<li><span class="deck-ws-box deck-ws-box-${q.type}" aria-hidden="true"></span>${mark}<span class="deck-ws-option">${html}</span></li>`;
    })
    .join('');
  return `<div class="deck-ws-question" data-deck-ws-question="${escapeHtml(q.id)}">
<p class="deck-ws-prompt"><span class="deck-ws-number">${n}.</span> <span class="deck-ws-kind">（${kind.label}，${kind.how}）</span>${q.question}</p>
<ul class="deck-ws-options">${options}</ul>
</div>`;
}

/** The section groups of questions, in deck order (questions of an unknown section come last). */
function bySection(questions: readonly QuizQuestion[], sections: readonly { id: string; title: string }[]): { title: string; items: { q: QuizQuestion; n: number }[] }[] {
  const numbered = questions.map((q, i) => ({ q, n: i + 1 }));
  const known = new Set(sections.map((s) => s.id));
  const groups = sections.map((s) => ({ title: s.title, items: numbered.filter((x) => x.q.sectionId === s.id) }));
  groups.push({ title: '其他', items: numbered.filter((x) => !known.has(x.q.sectionId)) });
  return groups.filter((g) => g.items.length > 0);
}

/** The worksheet: every question, grouped by section, numbered through; '' when there are none. */
export function worksheetHtml(questions: readonly QuizQuestion[], sections: readonly { id: string; title: string }[]): string {
  if (questions.length === 0) return '';
  const groups = bySection(questions, sections)
    .map((g) => `<h3 class="deck-ws-section">${escapeHtml(g.title)}</h3>${g.items.map(({ q, n }) => questionHtml(q, n)).join('\n')}`)
    .join('\n');
  return `<section class="deck-worksheet" aria-labelledby="deck-worksheet-title">
<h2 id="deck-worksheet-title">自测练习</h2>
<p class="deck-ws-intro">学完本讲后独立作答，再翻到最后一页核对答案与解析。</p>
${groups}
</section>`;
}

/** The answers: for each question the right options (or the right order) and the explanation; '' when none. */
export function answersHtml(questions: readonly QuizQuestion[]): string {
  if (questions.length === 0) return '';
  const items = questions
    .map((q, i) => {
      const right =
        q.type === 'order'
          ? `正确顺序：</p><ol class="deck-ans-order">${q.answer.map((k) => `<li>${q.options[k] ?? ''}</li>`).join('')}</ol>`
          : `答案：<strong>${q.answer.map(optionLetter).join('、')}</strong></p>`;
      const explanation = q.explanation ? `<div class="deck-ans-explanation">${q.explanation}</div>` : '';
      return `<div class="deck-ans" data-deck-ans="${escapeHtml(q.id)}"><p class="deck-ans-right"><span class="deck-ws-number">${i + 1}.</span> ${right}${explanation}</div>`;
    })
    .join('\n');
  return `<section class="deck-answers" aria-labelledby="deck-answers-title">
<h2 id="deck-answers-title">答案与解析</h2>
<div class="deck-ans-list">
${items}
</div>
</section>`;
}

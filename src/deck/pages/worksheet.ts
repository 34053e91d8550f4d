import type { QuizInfo } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';

/** The running heads of the worksheet's and the answers' printed pages (see page-rules.ts). */
export const WORKSHEET_HEADS = [
  { page: 'deck-worksheet', title: UI.worksheet.title },
  { page: 'deck-answers', title: UI.worksheet.answersTitle },
] as const;

/** A, B, C, … for the options of a question. */
export function optionLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/** One question on paper: its number, kind, text, and an empty box before each option or step, in the order the slide shows them. */
export function questionHtml(q: QuizInfo, n: number): string {
  const kind = UI.worksheet.kinds[q.kind];
  const options = q.shown
    .map((k, i) => {
      const mark = q.kind === 'order' ? '' : `<span class="deck-ws-letter">${optionLetter(i)}.</span>`;
      return `<li><span class="deck-ws-box deck-ws-box-${q.kind}" aria-hidden="true"></span>${mark}<span class="deck-ws-option">${q.options[k] ?? ''}</span></li>`;
    })
    .join('');
  return `<div class="deck-ws-question" data-deck-ws-question="${escapeHtml(q.id)}">
<p class="deck-ws-prompt"><span class="deck-ws-number">${n}.</span> <span class="deck-ws-kind">${UI.worksheet.kindNote(kind.label, kind.how)}</span>${q.question}</p>
<ul class="deck-ws-options">${options}</ul>
</div>`;
}

/** The section groups of questions, in deck order (questions of an unknown section come last). */
function bySection(questions: readonly QuizInfo[], sections: readonly { id: string; title: string }[]): { title: string; items: { q: QuizInfo; n: number }[] }[] {
  const numbered = questions.map((q, i) => ({ q, n: i + 1 }));
  const known = new Set(sections.map((s) => s.id));
  const groups = sections.map((s) => ({ title: s.title, items: numbered.filter((x) => x.q.sectionId === s.id) }));
  groups.push({ title: UI.worksheet.other, items: numbered.filter((x) => !known.has(x.q.sectionId)) });
  return groups.filter((g) => g.items.length > 0);
}

/** The worksheet: every question, grouped by section, numbered through; '' when there are none. */
export function worksheetHtml(questions: readonly QuizInfo[], sections: readonly { id: string; title: string }[]): string {
  if (questions.length === 0) return '';
  const groups = bySection(questions, sections)
    .map((g) => `<h3 class="deck-ws-section">${escapeHtml(g.title)}</h3>${g.items.map(({ q, n }) => questionHtml(q, n)).join('\n')}`)
    .join('\n');
  return `<section class="deck-worksheet" aria-labelledby="deck-worksheet-title">
<h2 id="deck-worksheet-title">${UI.worksheet.title}</h2>
<p class="deck-ws-intro">${UI.worksheet.intro}</p>
${groups}
</section>`;
}

/** The answers: for each question the right options, by their letters on the worksheet (or the right order), and the explanation; '' when none. */
export function answersHtml(questions: readonly QuizInfo[]): string {
  if (questions.length === 0) return '';
  const W = UI.worksheet;
  const items = questions
    .map((q, i) => {
      const right =
        q.kind === 'order'
          ? `${W.rightOrder}</p><ol class="deck-ans-order">${q.answer.map((k) => `<li>${q.options[k] ?? ''}</li>`).join('')}</ol>`
          : `${W.answer}<strong>${q.shown.flatMap((k, pos) => (q.answer.includes(k) ? [optionLetter(pos)] : [])).join(W.letterSeparator)}</strong></p>`;
      const explanation = q.explanation ? `<div class="deck-ans-explanation">${q.explanation}</div>` : '';
      return `<div class="deck-ans" data-deck-ans="${escapeHtml(q.id)}"><p class="deck-ans-right"><span class="deck-ws-number">${i + 1}.</span> ${right}${explanation}</div>`;
    })
    .join('\n');
  return `<section class="deck-answers" aria-labelledby="deck-answers-title">
<h2 id="deck-answers-title">${W.answersTitle}</h2>
<div class="deck-ans-list">
${items}
</div>
</section>`;
}

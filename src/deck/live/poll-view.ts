import type { QuizInfo } from '../../shared/deck-model.ts';
import { percentOf, type PollStatus, type Tally } from '../../shared/live-protocol.ts';
import { UI } from '../../shared/ui-strings.ts';
import { optionItems } from '../controllers/quiz-answer.ts';

/**
 * How a live poll looks inside a question's own form (the compiled `::: quiz`), on the projector
 * and on a student's page: the tally as a bar in each option (the right answer, once revealed,
 * is quiz-answer.ts's `showAnswer`, as after an answer in self-study). The form's
 * `data-deck-live-status` carries the poll's status for the styles.
 */

/** Marks the poll's status on its form. */
export function markStatus(form: HTMLFormElement, status: PollStatus): void {
  form.dataset.deckLiveStatus = status;
}

/** The text of an option's HTML (for the commonest mistake, in a line of text). */
function textOf(html: string): string {
  const t = document.createElement('template');
  t.innerHTML = html;
  return (t.content.textContent ?? '').trim();
}

/**
 * Draws a tally in its form: in each option a bar as long as its share, with the count and the
 * percentage (`percentOf`, as the results CSV has it); under the options how many answered, and
 * once revealed how many had it all right and, for an order, the commonest wrong order.
 */
export function drawTally(form: HTMLFormElement, info: QuizInfo, tally: Tally | undefined, revealed: boolean): void {
  const P = UI.live.poll;
  const total = tally?.total ?? 0;
  for (const { item, index } of optionItems(form, info)) {
    const count = tally?.counts[index] ?? 0;
    const percent = percentOf(count, total);
    item.style.setProperty('--deck-live-share', String(percent / 100));
    let text = item.querySelector<HTMLElement>('.deck-live-count');
    if (!text) {
      text = document.createElement('span');
      text.className = 'deck-live-count';
      item.append(text);
    }
    text.textContent = info.kind === 'order' ? P.inPlace(count, percent) : P.count(count, percent);
  }
  let summary = form.querySelector<HTMLElement>('.deck-live-summary');
  if (!summary) {
    summary = document.createElement('p');
    summary.className = 'deck-live-summary';
    form.querySelector('.deck-quiz-actions')?.append(summary);
  }
  const parts = [P.answered(total)];
  if (revealed && tally) parts.push(P.allRight(tally.allRight, percentOf(tally.allRight, total)));
  if (revealed && info.kind === 'order' && tally?.commonestMistake) {
    const { answer, count } = tally.commonestMistake;
    parts.push(P.mistake(answer.map((i) => textOf(info.options[i] ?? '')).join(P.then), count));
  }
  summary.replaceChildren(
    ...parts.map((p) => {
      const span = document.createElement('span');
      span.textContent = p;
      return span;
    }),
  );
}

/** Takes the tally's drawing out of a form (when the live layer stops). */
export function clearTally(form: HTMLFormElement, info: QuizInfo): void {
  for (const { item } of optionItems(form, info)) {
    item.style.removeProperty('--deck-live-share');
    item.querySelector('.deck-live-count')?.remove();
  }
  form.querySelector('.deck-live-summary')?.remove();
}

import { ATTR, type QuizInfo } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { htmlEl } from '../html-element.ts';

/** On each right option (every step, once an order is shown right) while the answer is shown. */
export const RIGHT_ATTR = 'data-deck-right';

/** The options (for `order`: the steps) of a form, each with its index in `QuizInfo.options`. */
export function optionItems(form: HTMLFormElement, info: QuizInfo): { item: HTMLElement; index: number }[] {
  const selector = info.kind === 'order' ? `li[${ATTR.option}]` : `.deck-quiz-option[${ATTR.option}]`;
  return [...form.querySelectorAll<HTMLElement>(selector)].map((item) => ({ item, index: Number(item.getAttribute(ATTR.option)) }));
}

/**
 * Shows the right answer (or takes it away): the right options marked in colour and in words
 * (the word is inside the option's label, so a screen reader says it with the option), the
 * steps put in the right order, the explanation. The reader's own answer in self-study and a
 * live poll's reveal both end here.
 */
export function showAnswer(form: HTMLFormElement, info: QuizInfo, shown: boolean): void {
  const items = optionItems(form, info);
  for (const { item, index } of items) {
    const right = shown && (info.kind === 'order' || info.answer.includes(index));
    item.toggleAttribute(RIGHT_ATTR, right);
    const label = item.querySelector<HTMLElement>('.deck-quiz-right-label');
    if (right && info.kind !== 'order' && !label) htmlEl('span', 'deck-quiz-right-label', UI.quizFeedback.rightLabel, item);
    else if (!right) label?.remove();
  }
  if (shown && info.kind === 'order') {
    const list = items[0]?.item.parentElement;
    if (list) list.append(...[...items].sort((a, b) => info.answer.indexOf(a.index) - info.answer.indexOf(b.index)).map((i) => i.item));
  }
  const explanation = form.querySelector<HTMLElement>('.deck-quiz-explanation');
  if (explanation) explanation.hidden = !shown;
}

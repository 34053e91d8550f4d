/** A check-your-understanding question as the build rendered it, read back for print. */
export interface QuizQuestion {
  id: string;
  type: 'single' | 'multiple' | 'order';
  /** The section it belongs to (`data-deck-quiz-section`). */
  sectionId: string;
  /** The question, as HTML. */
  question: string;
  /** The options (for `order`: the steps) as HTML, in the order the slide shows them. */
  options: string[];
  /** Indices into `options`: the right ones (single, multiple), or every step in the right order (order). */
  answer: number[];
  /** The explanation, as HTML. */
  explanation: string;
}

const TYPES = new Set(['single', 'multiple', 'order']);

/**
 * Reads every `form.deck-quiz` under `root` (the build's contract: `data-deck-quiz`,
 * `data-deck-quiz-type`, `data-deck-quiz-section`, `data-deck-answer` = 0-based right options,
 * `li[data-deck-order-item=k]` = step k of the right order). A form that breaks the contract is
 * skipped rather than printed with a wrong answer.
 */
export function readQuizzes(root: ParentNode): QuizQuestion[] {
  const questions: QuizQuestion[] = [];
  for (const form of root.querySelectorAll<HTMLElement>('form.deck-quiz[data-deck-quiz]')) {
    const type = form.dataset.deckQuizType ?? '';
    if (!TYPES.has(type)) continue;
    const legend = form.querySelector('legend');
    const explanation = form.querySelector('.deck-quiz-explanation');
    let options: string[];
    let answer: number[];
    if (type === 'order') {
      const items = [...form.querySelectorAll<HTMLElement>('li[data-deck-order-item]')];
      options = items.map(optionHtml);
      const steps = items.map((li, shown) => ({ shown, k: Number(li.dataset.deckOrderItem) }));
      if (steps.some((s) => !Number.isInteger(s.k))) continue;
      answer = steps.sort((a, b) => a.k - b.k).map((s) => s.shown);
    } else {
      options = [...form.querySelectorAll<HTMLElement>('label')].map(optionHtml);
      answer = (form.dataset.deckAnswer ?? '').split(',').filter((s) => s.trim() !== '').map(Number);
      if (answer.length === 0 || answer.some((i) => !Number.isInteger(i) || i < 0 || i >= options.length)) continue;
    }
    questions.push({
      id: form.dataset.deckQuiz ?? '',
      type: type as QuizQuestion['type'],
      sectionId: form.dataset.deckQuizSection ?? '',
      question: legend?.innerHTML.trim() ?? '',
      options,
      answer,
      explanation: explanation?.innerHTML.trim() ?? '',
    });
  }
  return questions;
}

/** An option's content without its input or move buttons. */
function optionHtml(el: HTMLElement): string {
  const step = el.querySelector('.deck-quiz-step, label > span');
  if (step) return step.innerHTML.trim();
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('input, button').forEach((n) => n.remove());
  return copy.innerHTML.trim();
}

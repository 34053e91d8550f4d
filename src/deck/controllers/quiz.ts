import { ATTR, type DeckManifest, type QuizInfo } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { QUIZ_RESULTS, readStored, writeStored } from '../storage.ts';
import type { DeckTool, ToolFactory } from '../tool.ts';
import { showAnswer } from './quiz-answer.ts';

/**
 * On a question's form while the live classroom runs it as a poll: the room's answer is the
 * lecturer's to reveal, so the self-study feedback (right or wrong at once) stays off.
 */
export const LIVE_POLL_ATTR = 'data-deck-live-poll';

/** What the reader chose: the option indices checked (single, multiple), or the steps in the order given (order). */
export function chosenOptions(form: HTMLFormElement, quiz: QuizInfo): number[] {
  const selector = quiz.kind === 'order' ? `li[${ATTR.option}]` : `input:checked`;
  return [...form.querySelectorAll<HTMLElement>(selector)].map((el) => Number(quiz.kind === 'order' ? el.getAttribute(ATTR.option) : (el as HTMLInputElement).value));
}

/** Whether an answer is right: the right options exactly, or every step in the right order. */
export function isRight(quiz: QuizInfo, chosen: readonly number[]): boolean {
  if (quiz.kind === 'order') return chosen.length === quiz.answer.length && chosen.every((k, i) => k === quiz.answer[i]);
  return [...chosen].sort().join(',') === [...quiz.answer].sort().join(',');
}

/** What an answer shown with its right answer says (self-study, and a live poll once revealed). */
export function verdict(quiz: QuizInfo, right: boolean): string {
  const F = UI.quizFeedback;
  return right ? F.right : quiz.kind === 'multiple' ? F.partly : quiz.kind === 'order' ? F.wrongOrder : F.wrong;
}

/**
 * Checks of understanding: answering shows at once whether it is right, the right answer
 * (options marked, steps in the right order), the explanation and its link; `order` questions move steps with ↑/↓ buttons (keyboard and screen reader friendly).
 * Each question's kind, answer and section come from the manifest. Results are kept per
 * browser and summed per section where the content asks for it (`::: scores`).
 */
export const quiz: ToolFactory<DeckTool> = ({ bus, manifest }) => {
  const byId = new Map(manifest.quizzes.map((q) => [q.id, q]));
  const stops: (() => void)[] = [];
  let forms: HTMLFormElement[] = [];

  const onSubmit = (e: Event): void => {
    const form = e.currentTarget as HTMLFormElement;
    const info = byId.get(form.getAttribute(ATTR.quiz) ?? '');
    e.preventDefault();
    if (info && !form.hasAttribute(LIVE_POLL_ATTR)) answer(form, info);
  };
  const onClick = (e: Event): void => {
    const move = (e.target as Element).closest<HTMLButtonElement>('[data-move]');
    if (move) moveStep(move);
  };
  // The keys that choose and press (arrows on an option, Space, Enter) are the question's; the
  // deck keeps its own (→ after answering, M, ?), or a keyboard user is stuck on the slide.
  const onKey = (e: KeyboardEvent): void => {
    if (e.key === ' ' || e.key === 'Enter' || (e.target instanceof HTMLInputElement && e.key.startsWith('Arrow'))) e.stopPropagation();
  };

  const answer = (form: HTMLFormElement, info: QuizInfo): void => {
    const feedback = form.querySelector<HTMLElement>('.deck-quiz-feedback')!;
    const chosen = chosenOptions(form, info);
    if (info.kind !== 'order' && chosen.length === 0) {
      feedback.textContent = UI.quizFeedback.choose;
      feedback.dataset.result = 'empty';
      return;
    }
    const right = isRight(info, chosen);
    feedback.textContent = verdict(info, right);
    feedback.dataset.result = right ? 'right' : 'wrong';
    form.dataset.deckAnswered = right ? 'right' : 'wrong';
    showAnswer(form, info, true);
    const results = readStored(QUIZ_RESULTS);
    results[info.id] = right;
    writeStored(QUIZ_RESULTS, results);
    bus.emit('answered', { section: info.sectionId, question: info.id, correct: right });
  };

  return {
    id: 'deck-quiz',
    init() {
      forms = [...document.querySelectorAll<HTMLFormElement>(`form[${ATTR.quiz}]`)];
      for (const form of forms) {
        form.addEventListener('submit', onSubmit);
        form.addEventListener('click', onClick);
        form.addEventListener('keydown', onKey);
      }
      const progress = (): void => renderScores(manifest);
      stops.push(bus.on('answered', progress));
      progress();
    },
    destroy() {
      stops.forEach((stop) => stop());
      for (const form of forms) {
        form.removeEventListener('submit', onSubmit);
        form.removeEventListener('click', onClick);
        form.removeEventListener('keydown', onKey);
      }
    },
  };
};

function moveStep(button: HTMLButtonElement): void {
  const li = button.closest('li')!;
  const by = Number(button.dataset.move);
  const sibling = by < 0 ? li.previousElementSibling : li.nextElementSibling;
  if (!sibling) return;
  if (by < 0) sibling.before(li);
  else sibling.after(li);
  button.focus();
  const list = li.parentElement!;
  const n = [...list.children].indexOf(li) + 1;
  const live = list.closest('form')!.querySelector<HTMLElement>('.deck-quiz-feedback')!;
  live.dataset.result = 'moving';
  live.textContent = UI.quizFeedback.moved(li.querySelector('.deck-quiz-step')?.textContent ?? '', n);
}

/** The reader's scores per section, in every `::: scores` box (a print of it shows the table blank, to fill in). */
function renderScores(manifest: DeckManifest): void {
  const boxes = document.querySelectorAll(`[${ATTR.scores}]`);
  if (boxes.length === 0) return;
  const html = scoresTableHtml(manifest, readStored(QUIZ_RESULTS));
  boxes.forEach((el) => (el.innerHTML = html));
}

/**
 * The table of scores per section. With the reader's results, each cell shows them on screen
 * and, in print, a blank line to fill in (a printed page cannot know what the reader answered);
 * without (`null`: the printable pages), only the blank lines.
 */
export function scoresTableHtml(manifest: DeckManifest, results: Record<string, boolean> | null): string {
  const blank = (total: number | null): string => `<span class="deck-score-blank"><span class="deck-score-line"></span>${total === null ? '' : `/${total}`}</span>`;
  const cell = (live: string, total: number | null): string => (results ? `<span class="deck-score-live">${live}</span>${blank(total)}` : blank(total));
  const rows = manifest.sections.flatMap((s) => {
    const ids = manifest.quizzes.filter((q) => q.sectionId === s.id).map((q) => q.id);
    if (ids.length === 0) return [];
    const answered = results ? ids.filter((id) => id in results).length : 0;
    const right = results ? ids.filter((id) => results[id] === true).length : 0;
    return [`<tr><th scope="row">${escapeHtml(s.title)}</th><td>${cell(`${answered}/${ids.length}`, ids.length)}</td><td>${cell(String(right), null)}</td></tr>`];
  });
  const { part, answered, right } = UI.quizFeedback.scores;
  return `<table class="deck-quiz-scores${results ? '' : ' deck-quiz-scores-blank'}"><thead><tr><th scope="col">${part}</th><th scope="col">${answered}</th><th scope="col">${right}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The printable pages' `::: scores` boxes: the table, blank, to fill in by hand. */
export function blankScores(root: ParentNode, manifest: DeckManifest): void {
  const html = scoresTableHtml(manifest, null);
  root.querySelectorAll(`[${ATTR.scores}]`).forEach((el) => (el.innerHTML = html));
}

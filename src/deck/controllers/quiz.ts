import { emit, on } from '../bus.ts';
import { readStored, writeStored } from '../storage.ts';
import type { DeckManifest } from '../../shared/manifest.ts';

/** Answers kept per browser: question id → answered right. */
type Results = Record<string, boolean>;
const KEY = 'quiz-results';
const isResults = (v: unknown): v is Results =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'boolean');

/** Whether the form's current answer is right (pure: reads the form, changes nothing). */
export function isRight(form: HTMLFormElement): boolean {
  if (form.dataset.deckQuizType === 'order') {
    const order = [...form.querySelectorAll<HTMLElement>('[data-deck-order-item]')].map((li) => Number(li.dataset.deckOrderItem));
    return order.every((k, i) => k === i);
  }
  const chosen = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value).sort().join(',');
  const answer = (form.dataset.deckAnswer ?? '').split(',').sort().join(',');
  return chosen === answer;
}

/**
 * Checks of understanding: answering shows at once whether it is right, the explanation and
 * its link; `order` questions move steps with ↑/↓ buttons (keyboard and screen reader friendly).
 * Results are kept per browser and summed per section in every `[data-deck-quiz-progress]`.
 */
export function startQuiz(manifest: DeckManifest): void {
  const forms = [...document.querySelectorAll<HTMLFormElement>('form[data-deck-quiz]')];
  if (forms.length === 0) return;
  const results = readStored(KEY, isResults, {});

  for (const form of forms) {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      answer(form, results);
    });
    form.addEventListener('click', (e) => {
      const move = (e.target as Element).closest<HTMLButtonElement>('[data-move]');
      if (move) moveStep(move);
    });
    // The keys that choose and press (arrows on an option, Space, Enter) are the question's; the
    // deck keeps its own (→ after answering, M, ?), or a keyboard user is stuck on the slide.
    form.addEventListener('keydown', (e) => {
      if (e.key === ' ' || e.key === 'Enter' || (e.target instanceof HTMLInputElement && e.key.startsWith('Arrow'))) e.stopPropagation();
    });
  }
  const progress = (): void => renderProgress(manifest, forms, results);
  on('answered', progress);
  progress();
}

function answer(form: HTMLFormElement, results: Results): void {
  const type = form.dataset.deckQuizType;
  const feedback = form.querySelector<HTMLElement>('.deck-quiz-feedback')!;
  if (type !== 'order' && !form.querySelector('input:checked')) {
    feedback.textContent = '请先选择答案。';
    feedback.dataset.result = 'empty';
    return;
  }
  const right = isRight(form);
  feedback.textContent = right ? '回答正确！' : type === 'multiple' ? '还不完全对：请看下面的解析。' : '不对：请看下面的解析。';
  feedback.dataset.result = right ? 'right' : 'wrong';
  form.dataset.deckAnswered = right ? 'right' : 'wrong';
  form.querySelector<HTMLElement>('.deck-quiz-explanation')!.hidden = false;
  const id = form.dataset.deckQuiz!;
  results[id] = right;
  writeStored(KEY, results);
  emit('answered', { section: form.dataset.deckQuizSection ?? '', question: id, correct: right });
}

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
  live.textContent = `「${li.querySelector('.deck-quiz-step')?.textContent ?? ''}」移到第 ${n} 位`;
}

function renderProgress(manifest: DeckManifest, forms: HTMLFormElement[], results: Results): void {
  const rows = manifest.sections.flatMap((s) => {
    const ids = forms.filter((f) => f.dataset.deckQuizSection === s.id).map((f) => f.dataset.deckQuiz!);
    if (ids.length === 0) return [];
    const answered = ids.filter((id) => id in results).length;
    const right = ids.filter((id) => results[id] === true).length;
    return [`<tr><th scope="row">${s.title}</th><td>${answered}/${ids.length}</td><td>${right}</td></tr>`];
  });
  const html = `<table class="deck-quiz-scores"><thead><tr><th scope="col">部分</th><th scope="col">已答</th><th scope="col">答对</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  document.querySelectorAll('[data-deck-quiz-progress]').forEach((el) => (el.innerHTML = html));
}

import type { LiveClient } from '../../live/client.ts';
import type { LiveView } from '../../live/live-view.ts';
import { ATTR, type DeckManifest, type QuizInfo } from '../../shared/deck-model.ts';
import type { PollStatus } from '../../shared/live-protocol.ts';
import { UI } from '../../shared/ui-strings.ts';
import { chosenOptions, isRight, LIVE_POLL_ATTR, verdict } from '../controllers/quiz.ts';
import { optionItems, showAnswer } from '../controllers/quiz-answer.ts';
import { markStatus } from './poll-view.ts';

/**
 * The questions on a student's page are the lecturer's polls: the form answers only while its
 * poll is open (the answer goes to the server, and the page says 已提交 — no right or wrong,
 * which would make the room switch answers); closed, it is locked; revealed, it shows the
 * student's result, the right answer and the explanation. A reload brings back the student's
 * own answers (the server keeps them). The self-study feedback stays off (LIVE_POLL_ATTR).
 */
export function studentPolls(client: LiveClient, manifest: DeckManifest): { destroy(): void } {
  const A = UI.live.answer;
  const byId = new Map(manifest.quizzes.map((q) => [q.id, q]));
  const forms = [...document.querySelectorAll<HTMLFormElement>(`form[${ATTR.quiz}]`)].filter((f) => byId.has(f.getAttribute(ATTR.quiz)!));
  /** A message about the last try to answer (sending, a refusal), until the poll changes. */
  const notes = new Map<string, { text: string; result: string; status: PollStatus }>();

  const infoOf = (form: HTMLFormElement): QuizInfo => byId.get(form.getAttribute(ATTR.quiz)!)!;
  const onSubmit = (e: Event): void => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const info = infoOf(form);
    if (client.view.polls[info.id]?.status !== 'open') return;
    const answer = chosenOptions(form, info);
    if (info.kind !== 'order' && answer.length === 0) {
      notes.set(info.id, { text: UI.quizFeedback.choose, result: 'empty', status: 'open' });
      return render(client.view);
    }
    notes.set(info.id, { text: A.sending, result: 'sending', status: 'open' });
    render(client.view);
    void client.send('answer', { quizId: info.id, answer }).then((reply) => {
      if (reply.ok) notes.delete(info.id);
      else notes.set(info.id, { text: reply.error === 'offline' || reply.error === 'timeout' ? A.offline : A.refused, result: 'wrong', status: 'open' });
      render(client.view);
    });
  };

  const feedback = (info: QuizInfo, status: PollStatus, yours: readonly number[] | undefined): { text: string; result: string } => {
    const note = notes.get(info.id);
    if (note && note.status === status) return note;
    if (status === 'idle') return { text: A.waiting, result: 'waiting' };
    if (status === 'open') return yours ? { text: A.submitted, result: 'submitted' } : { text: '', result: '' };
    if (status === 'closed') return yours ? { text: A.closed, result: 'submitted' } : { text: A.closedNone, result: 'empty' };
    if (!yours) return { text: A.none, result: 'wrong' };
    const right = isRight(info, yours);
    return { text: verdict(info, right), result: right ? 'right' : 'wrong' };
  };

  const render = (view: LiveView): void => {
    for (const form of forms) {
      const info = infoOf(form);
      const status = view.polls[info.id]?.status ?? 'idle';
      const note = notes.get(info.id);
      if (note && note.status !== status) notes.delete(info.id);
      markStatus(form, status);
      form.querySelector('fieldset')!.disabled = status !== 'open';
      form.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = status !== 'open';
      const { text, result } = feedback(info, status, view.yours[info.id]);
      const line = form.querySelector<HTMLElement>('.deck-quiz-feedback')!;
      line.textContent = text;
      line.dataset.result = result;
      showAnswer(form, info, status === 'revealed');
    }
  };

  /** Puts the student's answers, as the server has them, back into the forms (after a reload). */
  const restore = (): void => {
    for (const form of forms) {
      const info = infoOf(form);
      const yours = client.view.yours[info.id];
      if (!yours || client.view.polls[info.id]?.status === 'revealed') continue;
      if (info.kind === 'order') {
        const items = new Map(optionItems(form, info).map(({ item, index }) => [index, item]));
        const list = items.get(0)?.parentElement;
        list?.append(...yours.flatMap((i) => items.get(i) ?? []));
      } else {
        for (const input of form.querySelectorAll<HTMLInputElement>('input')) input.checked = yours.includes(Number(input.value));
      }
    }
  };

  for (const form of forms) {
    form.setAttribute(LIVE_POLL_ATTR, '');
    form.addEventListener('submit', onSubmit);
  }
  let restored = false;
  const stops = [
    client.onView(render),
    client.on('state', () => {
      // Once per page: later states must not undo what the student is choosing.
      if (!restored) restore();
      restored = true;
      render(client.view);
    }),
  ];
  render(client.view);
  return {
    destroy() {
      stops.forEach((stop) => stop());
      for (const form of forms) {
        form.removeEventListener('submit', onSubmit);
        form.removeAttribute(LIVE_POLL_ATTR);
        delete form.dataset.deckLiveStatus;
        form.querySelector('fieldset')!.disabled = false;
        form.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled = false;
        showAnswer(form, infoOf(form), false);
      }
    },
  };
}

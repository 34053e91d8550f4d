import type { LiveClient } from '../../live/client.ts';
import type { LiveView } from '../../live/live-view.ts';
import { ATTR, type DeckManifest, type QuizInfo } from '../../shared/deck-model.ts';
import type { PollStatus } from '../../shared/live-protocol.ts';
import { UI } from '../../shared/ui-strings.ts';
import { LIVE_POLL_ATTR } from '../controllers/quiz.ts';
import { showAnswer } from '../controllers/quiz-answer.ts';
import { clearTally, drawTally, markStatus } from './poll-view.ts';

type Action = 'poll:open' | 'poll:close' | 'poll:reveal';

/** The projector's side of the live polls. */
export interface LecturerPolls {
  /** Draws every poll as the view has it. */
  render(view: LiveView): void;
  /** `Q` (open or close) or `R` (reveal) for the question on this slide. */
  key(key: 'Q' | 'R', slide: Element | null): void;
  destroy(): void;
}

/**
 * Each question of the deck becomes a poll on the projector: its submit button gives way to
 * 开始投票 / 结束投票 / 公布答案 (also `Q` and `R`) and a status line; the options show the
 * live tally; nothing is marked right until the lecturer reveals it.
 */
export function lecturerPolls(client: LiveClient, manifest: DeckManifest): LecturerPolls {
  const byId = new Map(manifest.quizzes.map((q) => [q.id, q]));
  const forms = [...document.querySelectorAll<HTMLFormElement>(`form[${ATTR.quiz}]`)].filter((f) => byId.has(f.getAttribute(ATTR.quiz)!));
  const failed = new Set<string>();
  const P = UI.live.poll;

  const statusOf = (id: string): PollStatus => client.view.polls[id]?.status ?? 'idle';
  const act = async (info: QuizInfo, action: Action): Promise<void> => {
    const reply = await client.send(action, { quizId: info.id });
    if (reply.ok) failed.delete(info.id);
    else failed.add(info.id);
    render(client.view);
  };
  const onClick = (e: Event): void => {
    const button = (e.target as Element).closest<HTMLButtonElement>('[data-deck-live-action]');
    const form = button?.closest('form');
    const info = form ? byId.get(form.getAttribute(ATTR.quiz)!) : undefined;
    if (button && info) void act(info, button.dataset.deckLiveAction as Action);
  };

  for (const form of forms) {
    form.setAttribute(LIVE_POLL_ATTR, '');
    form.querySelector<HTMLElement>('button[type="submit"]')?.setAttribute('hidden', '');
    const controls = document.createElement('div');
    controls.className = 'deck-live-poll-controls';
    controls.setAttribute('role', 'group');
    controls.setAttribute('aria-label', P.label);
    controls.innerHTML = `
      <button type="button" class="deck-button" data-deck-live-action="poll:open" aria-keyshortcuts="Q">${P.open}</button>
      <button type="button" class="deck-button" data-deck-live-action="poll:close" aria-keyshortcuts="Q">${P.close}</button>
      <button type="button" class="deck-button" data-deck-live-action="poll:reveal" aria-keyshortcuts="R">${P.reveal}</button>
      <p class="deck-live-poll-status" role="status"></p>`;
    form.querySelector('.deck-quiz-actions')?.prepend(controls);
    form.addEventListener('click', onClick);
  }

  const render = (view: LiveView): void => {
    for (const form of forms) {
      const info = byId.get(form.getAttribute(ATTR.quiz)!)!;
      const status = statusOf(info.id);
      markStatus(form, status);
      // The projector shows the room's answers, not the lecturer's clicks.
      form.querySelector('fieldset')!.disabled = status !== 'idle';
      const button = (action: Action): HTMLButtonElement => form.querySelector<HTMLButtonElement>(`[data-deck-live-action="${action}"]`)!;
      button('poll:open').hidden = status === 'open' || status === 'revealed';
      button('poll:open').textContent = status === 'closed' ? P.reopen : P.open;
      button('poll:close').hidden = status !== 'open';
      button('poll:reveal').hidden = status === 'revealed' || status === 'idle';
      const line = form.querySelector<HTMLElement>('.deck-live-poll-status')!;
      line.textContent = failed.has(info.id) ? P.failed : P.status[status];
      if (status === 'idle') clearTally(form, info);
      else drawTally(form, info, view.tallies[info.id], status === 'revealed');
      showAnswer(form, info, status === 'revealed');
    }
  };

  return {
    render,
    key(key, slide) {
      const form = forms.find((f) => slide?.contains(f));
      const info = form ? byId.get(form.getAttribute(ATTR.quiz)!) : undefined;
      if (!info) return;
      const status = statusOf(info.id);
      if (key === 'R') {
        if (status !== 'idle' && status !== 'revealed') void act(info, 'poll:reveal');
      } else if (status === 'open') void act(info, 'poll:close');
      else if (status !== 'revealed') void act(info, 'poll:open');
    },
    destroy() {
      for (const form of forms) {
        const info = byId.get(form.getAttribute(ATTR.quiz)!)!;
        form.removeEventListener('click', onClick);
        form.removeAttribute(LIVE_POLL_ATTR);
        delete form.dataset.deckLiveStatus;
        form.querySelector('.deck-live-poll-controls')?.remove();
        form.querySelector<HTMLElement>('button[type="submit"]')?.removeAttribute('hidden');
        form.querySelector('fieldset')!.disabled = false;
        clearTally(form, info);
        showAnswer(form, info, false);
      }
    },
  };
}

import type { LiveClient } from '../../live/client.ts';
import type { LiveView } from '../../live/live-view.ts';
import { placeOf, type DeckManifest } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { connectionBanner } from './connection-banner.ts';
import { studentPolls } from './student-polls.ts';

/** Where a student's page shows the lecture: reveal.js's slides (a laptop) or the study view (a phone). */
export interface FollowSurface {
  /** Shows the lecturer's slide, by id, at the lecturer's step. */
  show(slideId: string, step: number): void;
  /** The student browses alone from where they are. */
  release(): void;
  /** Hears the student moving on their own (which ends following); returns the unsubscribe. */
  onOwnMove(listener: () => void): () => void;
}

/**
 * A student's page of a live lecture (`?join`): it follows the lecturer's slide and step until
 * the student chooses 自由浏览 (or, on the slides, moves on their own), and 回到老师这里 takes
 * it back to where the class is. Every (re)connect's catch-up puts a following page on the
 * current slide at once. `<html data-deck-live-follow>` says which, for the styles and tests.
 */
export function startStudent(client: LiveClient, surface: FollowSurface, manifest: DeckManifest): { destroy(): void } {
  const F = UI.live.follow;
  const root = document.documentElement;
  const banner = connectionBanner();
  banner.watch(client);
  const polls = studentPolls(client, manifest);

  const bar = document.createElement('div');
  bar.className = 'deck-live-follow';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', F.label);
  bar.innerHTML = `<p class="deck-live-follow-status" aria-live="polite"></p><button type="button" class="deck-button" data-deck-live-follow></button>`;
  document.body.append(bar);
  const status = bar.querySelector<HTMLElement>('.deck-live-follow-status')!;
  const button = bar.querySelector<HTMLButtonElement>('[data-deck-live-follow]')!;

  let following = true;
  let shown = '';
  const follow = (view: LiveView): void => {
    const p = view.position;
    if (!following || !p) return;
    const at = `${p.slideId}#${p.step}`;
    if (at === shown) return;
    shown = at;
    surface.show(p.slideId, p.step);
  };
  const render = (): void => {
    root.dataset.deckLiveFollow = following ? 'following' : 'free';
    const place = client.view.position ? placeOf(manifest, client.view.position.slideId) : null;
    status.textContent = following ? F.following : place ? F.freeAt(place.inDeck) : F.freeNow;
    button.textContent = following ? F.free : F.back;
  };
  const setFollowing = (on: boolean): void => {
    if (on === following) return;
    following = on;
    shown = '';
    if (on) follow(client.view);
    else surface.release();
    render();
  };

  button.addEventListener('click', () => setFollowing(!following));
  const stops = [
    client.onView((view) => {
      follow(view);
      render();
    }),
    // A new connection's catch-up: show it even if it is where the page already was.
    client.on('state', () => {
      shown = '';
      follow(client.view);
    }),
    surface.onOwnMove(() => setFollowing(false)),
  ];
  render();
  return {
    destroy() {
      stops.forEach((stop) => stop());
      polls.destroy();
      banner.destroy();
      bar.remove();
      delete root.dataset.deckLiveFollow;
    },
  };
}

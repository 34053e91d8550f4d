import type { RevealApi } from 'reveal.js';
import { switchPlan } from '../plans/switch-plan.ts';
import { fromSameOrigin, isSpeakerMessage, sameOrigin, type LiveSummary, type PresenterState } from '../speaker/protocol.ts';
import { whenReady, type ToolFactory } from '../tool.ts';

/**
 * The speaker view (`S`): opens the deck's own speaker view (`?view=speaker`, see
 * speaker/speaker-view.ts) in a window of its own and keeps it where the lecture is; the
 * speaker view's buttons and keys move the presentation. The lecture's clock starts at the
 * first move away from the first slide. In a live lecture it passes on the class (students,
 * the results download) as the bus tells it.
 */
export const speakerLink: ToolFactory = ({ bus, manifest, plan }) => {
  let deck: RevealApi | null = null;
  let speaker: Window | null = null;
  let startedAt: number | null = null;
  let live: LiveSummary | undefined;
  let stops: (() => void)[] = [];

  const state = (): PresenterState | null => {
    const slide = deck?.getCurrentSlide();
    if (!deck || !slide) return null;
    const { h, v, f } = deck.getIndices();
    if (startedAt === null && (h > 0 || (v ?? 0) > 0)) startedAt = Date.now();
    return { from: 'deck-presenter', state: deck.getState(), slideId: slide.id, step: (f ?? -1) + 1, startedAt, plan: plan.id, ...(live ? { live } : {}) };
  };
  const send = (): void => {
    const now = state();
    if (now && speaker && !speaker.closed) speaker.postMessage(now, sameOrigin());
  };
  const onMessage = (e: MessageEvent): void => {
    if (!fromSameOrigin(e) || !isSpeakerMessage(e.data) || !deck) return;
    // A speaker view left open while this page reloaded says it is there: it is ours again.
    if (e.data.kind === 'ready' && e.source) speaker = e.source as Window;
    if (e.source !== speaker) return;
    if (e.data.kind === 'plan') return switchPlan(manifest, e.data.plan, deck.getCurrentSlide()?.id ?? null);
    if (e.data.kind === 'command') {
      if (e.data.command === 'next') deck.next();
      else if (e.data.command === 'prev') deck.prev();
      else startedAt = Date.now();
    }
    send();
  };
  const open = (): void => {
    const url = new URL(location.href);
    url.searchParams.set('view', 'speaker');
    url.hash = '';
    speaker = window.open(url.href, 'deck-speaker', 'popup,width=1280,height=800');
  };

  return {
    id: 'deck-speaker',
    init(revealDeck) {
      deck = revealDeck;
      for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(event, send);
      whenReady(deck, send);
      window.addEventListener('message', onMessage);
      stops = [
        bus.on('command', ({ key }) => {
          if (key === 'S') open();
        }),
        bus.on('live', (summary) => {
          live = summary;
          send();
        }),
      ];
    },
    destroy() {
      stops.forEach((stop) => stop());
      for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck?.off(event, send);
      window.removeEventListener('message', onMessage);
      speaker?.close();
    },
  };
};

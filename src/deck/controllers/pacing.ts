import type { RevealApi } from 'reveal.js';
import { UI } from '../../shared/ui-strings.ts';
import { clock, pacingOn, planLecture } from '../pacing/plan.ts';
import type { ToolFactory } from '../tool.ts';

/**
 * Pacing for the speaker view: the lecture's planned minutes (deck.yml `minutes`, per-slide
 * `minutes=N`) against the time since the lecture started (the first move away from the title).
 * reveal.js's notes plugin shows a slide's `aside.notes`; a pacing line is written at the top
 * of the current slide's notes before the plugin reads them, with a style that sets the notes
 * in large type in the speaker window.
 */
export const pacing: ToolFactory = ({ manifest }) => {
  const plan = planLecture(manifest);
  let startedAt: number | null = null;
  let deckRef: RevealApi | null = null;

  const update = (): void => {
    const slide = deckRef?.getCurrentSlide();
    if (!deckRef || !slide) return;
    if (startedAt === null && deckRef.getIndices().h > 0) startedAt = Date.now();
    const elapsed = startedAt === null ? 0 : (Date.now() - startedAt) / 60000;
    const status = pacingOn(plan, slide.id, elapsed);
    if (!status) return;
    const { planned, ahead } = status;
    const verdict = Math.abs(ahead) < 0.5 ? UI.pacing.onTime : ahead > 0 ? UI.pacing.ahead(clock(ahead)) : UI.pacing.behind(clock(ahead));
    const text = UI.pacing.line(clock(planned.minutes), clock(planned.start), clock(elapsed), manifest.meta.minutes, verdict);
    const asides = [...slide.querySelectorAll<HTMLElement>('aside.notes')];
    if (asides.length === 0) {
      const aside = document.createElement('aside');
      aside.className = 'notes';
      slide.append(aside);
      asides.push(aside);
    }
    for (const aside of asides) {
      let line = aside.querySelector<HTMLElement>(':scope > .deck-pacing');
      if (!line) {
        line = document.createElement('div');
        line.className = 'deck-pacing';
        line.dataset.deckCue = '';
        aside.prepend(line);
      }
      line.dataset.deckAhead = String(Math.round(ahead * 60));
      line.innerHTML = `<style>.speaker-controls-notes .value{font-size:28px;line-height:1.6}.deck-pacing{font-size:20px;font-weight:bold;color:${ahead < -0.5 ? '#b00020' : '#1b5e20'}}</style>`;
      line.append(text);
    }
  };

  return {
    id: 'deck-pacing',
    init(deck) {
      deckRef = deck;
      deck.on('slidechanged', update);
      deck.on('fragmentshown', update);
      deck.on('fragmenthidden', update);
      deck.on('ready', update);
    },
    destroy() {
      deckRef?.off('slidechanged', update);
      deckRef?.off('fragmentshown', update);
      deckRef?.off('fragmenthidden', update);
      deckRef?.off('ready', update);
      document.querySelectorAll('.deck-pacing').forEach((el) => el.remove());
    },
  };
};

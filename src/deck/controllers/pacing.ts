import type { ControllerFactory } from '../controller.ts';
import { clock, pacingOn, planLecture } from '../pacing/plan.ts';

/**
 * Pacing for the speaker view: the lecture's planned minutes (deck.yml `minutes`, per-slide
 * `minutes=N`) against the time since the lecture started (the first move away from the title).
 * reveal.js's notes plugin shows a slide's `aside.notes`; a pacing line is written at the top
 * of the current slide's notes before the plugin reads them, with a style that sets the notes
 * in large type in the speaker window.
 */
export const pacing: ControllerFactory = (deck, manifest) => {
  const plan = planLecture(manifest);
  let startedAt: number | null = null;

  const update = (): void => {
    const slide = deck.getCurrentSlide();
    if (!slide) return;
    if (startedAt === null && deck.getIndices().h > 0) startedAt = Date.now();
    const elapsed = startedAt === null ? 0 : (Date.now() - startedAt) / 60000;
    const status = pacingOn(plan, slide.id, elapsed);
    if (!status) return;
    const { planned, ahead } = status;
    const verdict = Math.abs(ahead) < 0.5 ? '进度正常' : ahead > 0 ? `提前 ${clock(ahead)}` : `落后 ${clock(ahead)}`;
    const text = `计划：本页约 ${clock(planned.minutes)} · 应在第 ${clock(planned.start)} 讲到此页 · 已讲 ${clock(elapsed)} · 全讲 ${manifest.minutes} 分钟 · ${verdict}`;
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
      line.innerHTML = `<style>.speaker-controls-notes .value{font-size:28px;line-height:1.6}.deck-pacing{font-size:20px;font-weight:bold;color:${ahead < -0.5 ? '#b00020' : '#1b5e20'}}</style>${text}`;
    }
  };

  return {
    start() {
      deck.on('slidechanged', update);
      deck.on('fragmentshown', update);
      deck.on('fragmenthidden', update);
      update();
    },
    destroy() {
      deck.off('slidechanged', update);
      deck.off('fragmentshown', update);
      deck.off('fragmenthidden', update);
    },
  };
};

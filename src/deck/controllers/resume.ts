import { allSlides, placeOf } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { LAST_SLIDE, readStored, writeStored } from '../storage.ts';
import type { DeckTool, ToolFactory } from '../tool.ts';

/**
 * Remembers the last slide per browser and, when the deck opens at its start, offers to
 * go back there ("继续上次的位置"). Storage that fails or holds garbage is ignored.
 */
export const resume: ToolFactory<DeckTool> = ({ bus, manifest, plan, live }) => {
  let box: HTMLElement | null = null;
  let stop = (): void => undefined;
  const remember = (slide: string): void => void writeStored(LAST_SLIDE, { slide });
  return {
    id: 'deck-resume',
    init() {
      // In a live lecture the lecturer decides where the page is.
      if (live) return;
      const last = readStored(LAST_SLIDE).slide ?? '';
      const opened = location.hash.replace(/^#\/?/, '');
      const first = allSlides(manifest)[0]?.id ?? '';
      // Numbered as this view counts (a presentation, its plan's slides); a slide it leaves out is not offered.
      const place = last ? placeOf(manifest, last, plan.id) : null;
      if (place && last !== first && (!opened || opened === first)) box = offer(last, place.title, place.inDeck);
      // A deck opened at a slide (a deep link) is at that slide already; the start page is not a place to resume.
      else if (opened && opened !== first && placeOf(manifest, opened)) remember(opened);
      stop = bus.on('slide', ({ id }) => {
        if (id !== first) remember(id);
      });
    },
    destroy() {
      stop();
      box?.remove();
    },
  };
};

function offer(id: string, title: string, n: number): HTMLElement {
  const box = document.createElement('div');
  box.className = 'deck-resume';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', UI.resume.label);
  box.innerHTML = `<p>${UI.resume.lastRead(n)}<strong></strong></p>
    <a class="deck-button" href="#/${id}" data-deck-resume>${UI.resume.resume}</a>
    <button type="button" class="deck-button deck-button-quiet" data-deck-resume-dismiss>${UI.resume.restart}</button>`;
  box.querySelector('strong')!.textContent = title;
  const close = (): void => box.remove();
  box.querySelector('[data-deck-resume]')!.addEventListener('click', close);
  box.querySelector('[data-deck-resume-dismiss]')!.addEventListener('click', close);
  document.body.append(box);
  return box;
}

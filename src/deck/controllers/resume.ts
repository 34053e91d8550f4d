import { on } from '../bus.ts';
import { placeOf } from '../manifest.ts';
import { readStored, writeStored } from '../storage.ts';
import type { DeckManifest } from '../../shared/manifest.ts';

const KEY = 'last-slide';
const isSlideId = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z0-9-]*$/.test(v);

/**
 * Remembers the last slide per browser and, when the deck opens at its start, offers to
 * go back there ("继续上次的位置"). Storage that fails or holds garbage is ignored.
 */
export function startResume(manifest: DeckManifest): void {
  const last = readStored(KEY, isSlideId, '');
  const opened = location.hash.replace(/^#\/?/, '');
  const first = manifest.sections[0]?.slides[0]?.id ?? '';
  const place = last ? placeOf(manifest, last) : null;
  if (place && last !== first && (!opened || opened === first)) offer(last, place.title, place.inDeck);
  // A deck opened at a slide (a deep link) is at that slide already; the start page is not a place to resume.
  else if (opened && opened !== first && placeOf(manifest, opened)) writeStored(KEY, opened);
  on('slide', ({ id }) => {
    if (id !== first) writeStored(KEY, id);
  });
}

function offer(id: string, title: string, n: number): void {
  const box = document.createElement('div');
  box.className = 'deck-resume';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', '继续上次的位置');
  box.innerHTML = `<p>上次读到第 ${n} 页：<strong></strong></p>
    <a class="deck-button" href="#/${id}" data-deck-resume>继续上次的位置</a>
    <button type="button" class="deck-button deck-button-quiet" data-deck-resume-dismiss>从头开始</button>`;
  box.querySelector('strong')!.textContent = title;
  const close = (): void => box.remove();
  box.querySelector('[data-deck-resume]')!.addEventListener('click', close);
  box.querySelector('[data-deck-resume-dismiss]')!.addEventListener('click', close);
  document.body.append(box);
}

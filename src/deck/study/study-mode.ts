import { emit } from '../bus.ts';
import { placeOf } from '../manifest.ts';
import { urlForMode } from '../mode.ts';
import type { DeckManifest } from '../../shared/manifest.ts';
import { buildStudyDocument } from './study-view.ts';

/**
 * Runs the study view: replaces the reveal.js container by the reading document, keeps the
 * URL on the slide being read (`#/slide-id`), tells the bus which slide that is, and shows
 * where the reader is in the part and in the deck.
 */
export function startStudy(manifest: DeckManifest): void {
  const reveal = document.querySelector<HTMLElement>('.reveal');
  const slides = reveal?.querySelector<HTMLElement>('.slides');
  if (!reveal || !slides) return;
  const main = buildStudyDocument(manifest, slides);
  const header = studyHeader();
  reveal.replaceWith(header, main);
  document.documentElement.classList.add('deck-study-mode');

  let current = '';
  const show = (id: string): void => {
    if (id === current) return;
    current = id;
    const place = placeOf(manifest, id);
    if (place) {
      header.querySelector('.deck-study-place')!.textContent =
        `${place.sectionTitle} ${place.inSection}/${place.sectionSize} · 全讲 ${place.inDeck}/${place.deckSize}`;
      const bar = header.querySelector<HTMLElement>('.deck-study-bar')!;
      bar.style.setProperty('--deck-progress', String(place.inDeck / place.deckSize));
    }
    header.querySelector<HTMLAnchorElement>('.deck-mode-switch')!.href = urlForMode('present', id, location);
    history.replaceState(null, '', `#/${id}`);
    emit('slide', { id });
  };

  // The slide being read is the one that crosses the upper third of the screen.
  const observer = new IntersectionObserver(
    (entries) => {
      const hit = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0];
      if (hit) show(hit.target.id);
    },
    { rootMargin: '-30% 0px -65% 0px' },
  );
  main.querySelectorAll('article.deck-study-slide').forEach((a) => observer.observe(a));

  const goToHash = (): void => {
    const id = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      if (target.matches('article')) show(id);
    }
  };
  window.addEventListener('hashchange', goToHash);
  goToHash();
  if (!current) show(main.querySelector('article')?.id ?? '');
}

function studyHeader(): HTMLElement {
  const header = document.createElement('header');
  header.className = 'deck-study-header';
  header.innerHTML = `
    <p class="deck-study-place" aria-live="polite"></p>
    <a class="deck-mode-switch" href="?view=present">演示模式</a>
    <div class="deck-study-bar" role="presentation"></div>`;
  return header;
}

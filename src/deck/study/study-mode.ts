import { placeOf, type DeckManifest } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { DeckBus } from '../bus.ts';
import { popovers } from '../controllers/popovers.ts';
import { quiz } from '../controllers/quiz.ts';
import { resume } from '../controllers/resume.ts';
import { typesetting } from '../controllers/typesetting.ts';
import { urlForMode } from '../mode.ts';
import { EVERY_SLIDE } from '../plans/apply-plan.ts';
import type { DeckTool, ToolContext } from '../tool.ts';
import { buildStudyDocument } from './study-view.ts';

/** The study view, running: `destroy()` stops its tools and listeners. */
export interface StudyView {
  destroy(): void;
}

/**
 * Runs the study view: replaces the reveal.js container by the reading document, keeps the
 * URL on the slide being read (`#/slide-id`), tells its bus which slide that is, shows where the
 * reader is in the part and in the deck, and runs the tools the study view shares with the
 * presentation (questions, definitions and citations, the place to resume).
 */
export function startStudy(manifest: DeckManifest): StudyView | null {
  const reveal = document.querySelector<HTMLElement>('.reveal');
  const slides = reveal?.querySelector<HTMLElement>('.slides');
  if (!reveal || !slides) return null;
  const ctx: ToolContext = { bus: new DeckBus(), manifest, plan: EVERY_SLIDE };
  // The build marked the first slide `present` for the static page; the study view has no present slide.
  slides.querySelectorAll('section.present').forEach((s) => s.classList.remove('present'));
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
      header.querySelector('.deck-study-place')!.textContent = UI.study.place(place.sectionTitle, place.inSection, place.sectionSize, place.inDeck, place.deckSize);
      header.querySelector<HTMLElement>('.deck-study-bar')!.style.setProperty('--deck-progress', String(place.inDeck / place.deckSize));
    }
    header.querySelector<HTMLAnchorElement>('.deck-mode-switch')!.href = urlForMode('present', id, location);
    history.replaceState(null, '', `#/${id}`);
    ctx.bus.emit('slide', { id });
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
  const tools: DeckTool[] = [typesetting(ctx), resume(ctx), quiz(ctx), popovers(ctx)];
  for (const tool of tools) void tool.init();
  window.addEventListener('hashchange', goToHash);
  goToHash();
  if (!current) show(main.querySelector('article')?.id ?? '');
  return {
    destroy() {
      observer.disconnect();
      window.removeEventListener('hashchange', goToHash);
      tools.forEach((t) => t.destroy());
    },
  };
}

function studyHeader(): HTMLElement {
  const header = document.createElement('header');
  header.className = 'deck-study-header';
  header.innerHTML = `
    <p class="deck-study-place" aria-live="polite"></p>
    <a class="deck-mode-switch" href="?view=present">${UI.study.toPresent}</a>
    <div class="deck-study-bar" role="presentation"></div>`;
  return header;
}

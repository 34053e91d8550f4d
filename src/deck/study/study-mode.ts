import { STUDY_FIRST_SCREEN_CLASS, type DeckManifest } from '../../shared/deck-model.ts';
import { PAPER_VIEW_PREFIX } from '../../shared/paper.ts';
import { partSlides, showPlace, studyDocument, studyGroups, studyHeader, studyPartFrame, studySlide } from '../../shared/study-document.ts';
import { UI } from '../../shared/ui-strings.ts';
import { DeckBus } from '../bus.ts';
import { popovers } from '../controllers/popovers.ts';
import { quiz } from '../controllers/quiz.ts';
import { resume } from '../controllers/resume.ts';
import { urlForMode, type LiveRole } from '../mode.ts';
import { EVERY_SLIDE } from '../plans/apply-plan.ts';
import type { DeckTool, ToolContext } from '../tool.ts';

/** Slides put into the reading document per task: a few, so that no task is long on a phone. */
const STUDY_PIECE_SLIDES = 4;

/** The study view, running: `destroy()` stops its tools and listeners. */
export interface StudyView {
  destroy(): void;
}

/**
 * Runs the study view: puts the reading document where the page painted its first screen (on
 * a phone, index.html's static copy of it: the same markup, so nothing moves) and removes the
 * reveal.js container; the first slides go in at once, the others a few per task after them
 * (no long task), and a slide far from the screen is not laid out (study.css). Keeps the URL on the slide being
 * read (`#/slide-id`), tells its bus which slide that is, shows where the reader is in the part
 * and in the deck, and runs the tools the study view shares with the presentation (questions,
 * definitions and citations, the place to resume). Resolves once every part is in.
 */
export async function startStudy(manifest: DeckManifest, live: LiveRole | null = null): Promise<StudyView | null> {
  const reveal = document.querySelector<HTMLElement>('.reveal');
  const slides = reveal?.querySelector<HTMLElement>('.slides');
  if (!reveal || !slides) return null;
  const ctx: ToolContext = { bus: new DeckBus(), manifest, plan: EVERY_SLIDE, live };
  // The build marked the first slide `present` for the static page; the study view has no present slide.
  slides.querySelectorAll('section.present').forEach((s) => s.classList.remove('present'));
  const groups = studyGroups(slides);
  const firstGroup = groups[0];
  const main = studyDocument(manifest, document);
  // What the first screen shows goes in at once (the first piece of the first part); the rest a piece per task.
  const pieces = groups.flatMap((group) => {
    const part = studyPartFrame(manifest, group);
    const slidesOfPart = partSlides(group);
    return Array.from({ length: Math.ceil(slidesOfPart.length / STUDY_PIECE_SLIDES) }, (_, i) => ({ part, slides: slidesOfPart.slice(i * STUDY_PIECE_SLIDES, (i + 1) * STUDY_PIECE_SLIDES) }));
  });
  const addPiece = (piece: (typeof pieces)[number]): void => {
    if (piece.part.parentNode !== main) main.append(piece.part);
    piece.part.append(...piece.slides.map(studySlide));
  };
  const [firstPiece, ...otherPieces] = pieces;
  if (firstPiece) addPiece(firstPiece);
  main.querySelector('.deck-study-toc')?.after(paperLink());
  const header = studyHeader(manifest, document, firstGroup?.querySelector('section[id]')?.id ?? '');
  const painted = document.querySelector(`.${STUDY_FIRST_SCREEN_CLASS}`);
  document.documentElement.classList.add('deck-study-mode');
  (painted ?? reveal).replaceWith(header, main);
  reveal.remove();

  let current = '';
  const show = (id: string): void => {
    if (id === current) return;
    current = id;
    showPlace(header, manifest, id);
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
  for (const piece of otherPieces) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    addPiece(piece);
  }
  // Watched once all are in: the address's slide (read below) is not overwritten by the first one's.
  main.querySelectorAll('article.deck-study-slide').forEach((a) => observer.observe(a));

  const goToHash = (): void => {
    const id = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      if (target.matches('article')) show(id);
    }
  };
  const tools: DeckTool[] = [resume(ctx), quiz(ctx), popovers(ctx)];
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

/** Under the contents: the paper itself, each paragraph with the slides that teach it (paper.html, or the one-file deck's view of it). */
function paperLink(): HTMLElement {
  const p = document.createElement('p');
  p.className = 'deck-study-paper';
  const a = document.createElement('a');
  a.href = import.meta.env.VITE_DECK_ONE_FILE ? `#${PAPER_VIEW_PREFIX}` : './paper.html';
  a.textContent = UI.menu.paper;
  p.append(UI.menu.read, a);
  return p;
}


import './styles/deck.css';
import { FIRST_SLIDE_MARK, REST_GROUP_MARK, REST_LINK_ID } from '../shared/first-slide.ts';
import { readManifest } from './manifest.ts';
import { decideMode } from './mode.ts';
import { registerWidgets, registerWidgetsInView, registerWidgetsNearSlide, type SlideDeck } from './widgets/index.ts';

/**
 * Boots the deck in the mode the URL and the screen ask for. The first slide is painted from
 * the static HTML and CSS alone (index.html); the scripts and the other slides load once it
 * is, so that nothing competes with it for the network or the main thread. Reveal.js and the
 * lecture tools load only in the modes that use them; the study view never loads reveal.js;
 * the widgets (and KaTeX's JavaScript) load when their slide is near (print: at once).
 */
async function boot(): Promise<void> {
  const mode = decideMode(location.search, window.innerWidth);
  document.documentElement.dataset.deckMode = mode;
  const manifest = readManifest();
  if (mode !== 'print') await firstSlidePainted();
  const rest = restOfSlides();
  if (mode === 'study') {
    const [{ startStudy }, { startShared }] = await Promise.all([import('./study/study-mode.ts'), import('./shared-controllers.ts'), rest]);
    // The build marked the first slide `present` for the static page; the study view has no present slide.
    document.querySelectorAll('.reveal .slides section.present').forEach((s) => s.classList.remove('present'));
    startStudy(manifest);
    staticLayoutDone();
    startShared(manifest);
    registerWidgetsInView();
  } else {
    const [{ startPresentation }] = await Promise.all([import('./present.ts'), rest]);
    await startPresentation(mode, manifest);
    staticLayoutDone();
    const deck = (window as unknown as { Reveal: SlideDeck }).Reveal;
    if (mode === 'print') await registerWidgets();
    else registerWidgetsNearSlide(deck, { idle: mode === 'present' });
  }
  document.documentElement.dataset.deckReady = 'true';
}

/**
 * The built index.html carries only the first slide; the others are in a static document of
 * their own (`<link rel="next" id="deck-rest">`), fetched now and merged in a group at a time
 * (no long task): the first group's other slides into the first group. Without the link (the
 * dev server, the one-file deck) every slide is in the page already.
 */
async function restOfSlides(): Promise<void> {
  const link = document.getElementById(REST_LINK_ID) as HTMLLinkElement | null;
  const slides = document.querySelector('.reveal .slides');
  if (!link || !slides) return;
  try {
    const response = await fetch(link.href);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    const [, ...groups] = (await response.text()).split(REST_GROUP_MARK);
    for (const markup of groups) {
      const template = document.createElement('template');
      template.innerHTML = markup;
      for (const group of [...template.content.children].filter((el): el is HTMLElement => el.matches('section[data-deck-section]'))) {
        const same = [...slides.children].find((s) => (s as HTMLElement).dataset.deckSection === group.dataset.deckSection);
        if (same) same.append(...group.children);
        else slides.append(group);
      }
      await new Promise((r) => setTimeout(r, 0));
    }
  } catch (e) {
    console.error(`[deck] the slides after the first could not be loaded from ${link.href}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The static page's layout (index.html) gives way to reveal.js's or the study view's. */
function staticLayoutDone(): void {
  document.documentElement.classList.remove('deck-static');
}

/** Longest wait for the first slide: the font block period (the text shows in a fallback font after it). */
const FIRST_PAINT_TIMEOUT_MS = 3000;

/**
 * Resolves once the first slide's heading has been painted (Element Timing), or where the
 * browser cannot tell, once the fonts it started loading are in and a frame has been drawn;
 * never later than FIRST_PAINT_TIMEOUT_MS (a background tab draws no frames).
 */
function firstSlidePainted(): Promise<void> {
  const painted = new Promise<void>((resolve) => {
    if (!document.querySelector(`[elementtiming="${FIRST_SLIDE_MARK}"]`)) return resolve();
    if (PerformanceObserver.supportedEntryTypes?.includes('element')) {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === FIRST_SLIDE_MARK)) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe({ type: 'element', buffered: true });
    } else {
      const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      void frame().then(() => document.fonts.ready).then(frame).then(resolve);
    }
  });
  return Promise.race([painted, new Promise<void>((r) => setTimeout(r, FIRST_PAINT_TIMEOUT_MS))]);
}

void boot();

import './styles/deck.css';
import { firstSlidePainted } from './boot/first-paint.ts';
import { restOfSlides } from './boot/rest-of-slides.ts';
import { decideMode } from './mode.ts';
import { readManifest } from './read-manifest.ts';
import { keepAcceptedParameters } from './url-parameters.ts';
import { registerWidgets, registerWidgetsInView, registerWidgetsNearSlide, type SlideDeck } from './widgets/index.ts';

/**
 * Boots the deck in the mode the URL and the screen ask for. The first slide is painted from
 * the static HTML and CSS alone (index.html); the scripts and the other slides load once it
 * is, so that nothing competes with it for the network or the main thread. Reveal.js and the
 * lecture tools load only in the modes that use them; the study view never loads reveal.js;
 * the widgets (and KaTeX's JavaScript) load when their slide is near (print: at once).
 */
async function boot(): Promise<void> {
  keepAcceptedParameters();
  const mode = decideMode(location.search, window.innerWidth);
  document.documentElement.dataset.deckMode = mode;
  const manifest = readManifest();
  if (mode !== 'print') await firstSlidePainted();
  const rest = restOfSlides();
  if (mode === 'speaker') {
    const [{ startSpeakerView }] = await Promise.all([import('./speaker/speaker-view.ts'), rest]);
    startSpeakerView(manifest);
    staticLayoutDone();
  } else if (mode === 'study') {
    const [{ startStudy }] = await Promise.all([import('./study/study-mode.ts'), rest]);
    startStudy(manifest);
    staticLayoutDone();
    registerWidgetsInView();
  } else {
    const [{ startPresentation }] = await Promise.all([import('./present/present.ts'), rest]);
    await startPresentation(mode, manifest);
    staticLayoutDone();
    const deck = (window as unknown as { Reveal: SlideDeck }).Reveal;
    if (mode === 'print') await registerWidgets();
    else registerWidgetsNearSlide(deck, { idle: mode === 'present' });
  }
  document.documentElement.dataset.deckReady = 'true';
}

/** The static page's layout (index.html) gives way to reveal.js's or the study view's. */
function staticLayoutDone(): void {
  document.documentElement.classList.remove('deck-static');
}

void boot();

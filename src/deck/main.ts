import './styles/deck.css';
import { STUDY_FIRST_SCREEN_CLASS } from '../shared/deck-model.ts';
import { firstSlidePainted } from './boot/first-paint.ts';
import { restOfSlides } from './boot/rest-of-slides.ts';
import { takeLecturerToken } from './live/token.ts';
import { decideLive, decideMode } from './mode.ts';
import { readManifest } from './read-manifest.ts';
import { keepAcceptedParameters } from './url-parameters.ts';
import { registerWidgets, registerWidgetsInView, registerWidgetsNearSlide, type SlideDeck } from './widgets/index.ts';

/**
 * Boots the deck in the mode the URL and the screen ask for. The first slide is painted from
 * the static HTML and CSS alone (index.html); the scripts and the other slides load once it
 * is, so that nothing competes with it for the network or the main thread. Reveal.js and the
 * lecture tools load only in the modes that use them; the study view never loads reveal.js;
 * the widgets (and KaTeX's JavaScript) load when their slide is near (print: at once). The live
 * classroom's layer (and socket.io-client) loads only on a page opened with `?join` or `?live`.
 * The one-file deck opened at `#paper/…` shows the paper first, and starts the deck when the
 * reader turns to the slides.
 */
async function boot(): Promise<void> {
  keepAcceptedParameters();
  const mode = decideMode(location.search, window.innerWidth, phoneSideways());
  const live = decideLive(location.search, mode);
  // The lecturer's token leaves the address bar before anything can show or copy it.
  const token = live === 'lecturer' ? takeLecturerToken() : null;
  // The one-file deck carries the paper as a view of its own (#paper/p-12): its listener goes first.
  if (import.meta.env.VITE_DECK_ONE_FILE) await (await import('./paper/paper-in-page.ts')).paperInPage();
  document.documentElement.dataset.deckMode = mode;
  if (live) document.documentElement.dataset.deckLive = live;
  if (mode !== 'print') await firstSlidePainted();
  // Every mode but the study view runs on the slides: the phone's copy of the study view's first screen goes.
  if (mode !== 'study') document.querySelector(`.${STUDY_FIRST_SCREEN_CLASS}`)?.remove();
  // The manifest comes with the other slides (a built page carries only the first).
  const manifestWithRest = restOfSlides().then(readManifest);
  const liveLayer = live ? import('./live/index.ts') : null;
  if (mode === 'speaker') {
    const [{ startSpeakerView }, manifest] = await Promise.all([import('./speaker/speaker-view.ts'), manifestWithRest]);
    startSpeakerView(manifest);
    staticLayoutDone();
  } else if (mode === 'study') {
    const [{ startStudy }, layer, manifest] = await Promise.all([import('./study/study-mode.ts'), liveLayer, manifestWithRest]);
    await startStudy(manifest, live);
    staticLayoutDone();
    layer?.startLiveStudy(manifest);
    registerWidgetsInView();
  } else {
    const [{ startPresentation }, layer, manifest] = await Promise.all([import('./present/present.ts'), liveLayer, manifestWithRest]);
    await startPresentation(mode, manifest, layer && live ? { role: live, tools: layer.liveTools(live, token) } : null);
    staticLayoutDone();
    const deck = (window as unknown as { Reveal: SlideDeck }).Reveal;
    if (mode === 'print') await registerWidgets();
    else registerWidgetsNearSlide(deck, { idle: mode === 'present' });
  }
  document.documentElement.dataset.deckReady = 'true';
}

/** A phone held sideways: a touch screen whose short side is a phone's. */
function phoneSideways(): boolean {
  return matchMedia('(pointer: coarse)').matches && Math.min(screen.width, screen.height) <= 500;
}

/** The static page's layout (index.html) gives way to reveal.js's or the study view's. */
function staticLayoutDone(): void {
  document.documentElement.classList.remove('deck-static');
}

void boot();

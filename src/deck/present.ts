import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import type { DeckManifest } from '../shared/manifest.ts';
import type { Controller, ControllerFactory } from './controller.ts';
import { diagramsController } from './controllers/diagrams.ts';
import { help } from './controllers/help.ts';
import { keyBindings } from './controllers/keys.ts';
import { laser } from './controllers/laser.ts';
import { menu } from './controllers/menu.ts';
import { pacing } from './controllers/pacing.ts';
import { pen } from './controllers/pen.ts';
import { penPrint } from './controllers/pen-print.ts';
import { printView } from './controllers/print-view.ts';
import { revealAria } from './controllers/reveal-aria.ts';
import { slideEvents } from './controllers/slide-events.ts';
import { toolbar } from './controllers/toolbar.ts';
import { keysForDeck } from './focused-control-keys.ts';
import type { DeckMode } from './mode.ts';
import { startShared } from './shared-controllers.ts';

/** The controllers of the presentation, one concern each, started in this order. */
const LECTURE_TOOLS: ControllerFactory[] = [keyBindings, revealAria, toolbar, menu, help, laser, pen, pacing, slideEvents];

/** Starts reveal.js and, outside print and speaker previews, the lecture tools. */
export async function startPresentation(mode: Exclude<DeckMode, 'study'>, manifest: DeckManifest): Promise<void> {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  const deck = new Reveal({
    width: 1280,
    height: 720,
    // In print, a page is exactly one 1280×720 slide (Ctrl+P gives the same pages as npm run pdf).
    margin: mode === 'print' ? 0 : 0.04,
    hash: true,
    // → and ← walk every slide in order, down each section's stack, as a lecture runs.
    navigationMode: 'linear',
    // Slides kept laid out around the current one: 2 halves the long tasks on a slow classroom PC.
    viewDistance: 2,
    history: false,
    center: false,
    slideNumber: 'c/t',
    showSlideNumber: 'all',
    progress: true,
    controls: true,
    controlsTutorial: false,
    help: false,
    keyboardCondition: keysForDeck,
    // Slides move only for those who have not asked for less motion (fragments: theme.css).
    ...motion(reducedMotion.matches),
    // Print and PDF: each slide once, in its final state, on exactly one page.
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    // Our own study view replaces reveal.js's scroll view (see README, Architecture).
    scrollActivationWidth: 0,
    plugins: [Notes, Search, Zoom],
  });
  // Third-party tools (PDF exporters, test drivers) look for the instance here.
  (window as unknown as { Reveal: typeof deck }).Reveal = deck;

  const factories = mode === 'present' ? [diagramsController, ...LECTURE_TOOLS] : mode === 'print' ? [diagramsController, printView, penPrint] : [diagramsController];
  const controllers: Controller[] = factories.map((make) => make(deck, manifest));
  await deck.initialize();
  reducedMotion.addEventListener('change', (e) => deck.configure(motion(e.matches)));
  await Promise.all(controllers.map((c) => c.start()));
  if (mode === 'present') startShared(manifest);
}

/** reveal.js's transitions: none at all under `prefers-reduced-motion: reduce`. */
function motion(reduce: boolean): { transition: 'none' | 'slide'; backgroundTransition: 'none' | 'fade'; autoAnimate: boolean } {
  return reduce ? { transition: 'none', backgroundTransition: 'none', autoAnimate: false } : { transition: 'slide', backgroundTransition: 'fade', autoAnimate: true };
}

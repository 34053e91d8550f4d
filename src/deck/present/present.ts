import Reveal from 'reveal.js';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import type { DeckManifest } from '../../shared/deck-model.ts';
import { SLIDE_SIZE } from '../../shared/slide-size.ts';
import { DeckBus } from '../bus.ts';
import { diagrams } from '../controllers/diagrams.ts';
import { help } from '../controllers/help.ts';
import { keyBindings } from '../controllers/keys.ts';
import { laser } from '../controllers/laser.ts';
import { lectureChrome } from '../controllers/lecture-chrome.ts';
import { menu } from '../controllers/menu.ts';
import { outOfPlan } from '../controllers/out-of-plan.ts';
import { pen } from '../controllers/pen.ts';
import { penPrint } from '../controllers/pen-print.ts';
import { popovers } from '../controllers/popovers.ts';
import { printView } from '../controllers/print-view.ts';
import { quiz } from '../controllers/quiz.ts';
import { resume } from '../controllers/resume.ts';
import { revealAria } from '../controllers/reveal-aria.ts';
import { revealWords } from '../controllers/reveal-words.ts';
import { slideEvents } from '../controllers/slide-events.ts';
import { speakerLink } from '../controllers/speaker-link.ts';
import { toolbar } from '../controllers/toolbar.ts';
import { keysForDeck } from '../focused-control-keys.ts';
import type { DeckMode, LiveRole } from '../mode.ts';
import { EVERY_SLIDE, hideOutsidePlan, planForPage } from '../plans/apply-plan.ts';
import type { ToolContext, ToolFactory } from '../tool.ts';
import { zoomKey, type ZoomKey } from '../zoom-key.ts';

/** The modes that run reveal.js. */
export type PresentationMode = Exclude<DeckMode, 'study' | 'speaker'>;

/** The tools of each mode, one concern each, as reveal.js plugins (initialised in this order). */
const TOOLS: Record<PresentationMode, ToolFactory<{ id: string }>[]> = {
  present: [diagrams, keyBindings, revealAria, revealWords, toolbar, lectureChrome, menu, help, laser, pen, speakerLink, slideEvents, resume, quiz, popovers, outOfPlan],
  print: [diagrams, printView, penPrint, quiz],
  preview: [diagrams],
};

/** A live lecture's part in the presentation: the page's role, and the live layer's tools (loaded apart). */
export interface PresentationLive {
  role: LiveRole;
  tools: ToolFactory<{ id: string }>[];
}

/**
 * Starts reveal.js with the mode's tools as its plugins: each builds what it needs in `init`
 * and removes it in `destroy` (`Reveal.destroy()`). The tools share one bus, this deck's own.
 * In a live lecture the live layer's tools come last (they build on the quiz forms and the keys).
 */
export async function startPresentation(mode: PresentationMode, manifest: DeckManifest, live: PresentationLive | null = null): Promise<void> {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
  // Print and PDF have every slide; the presentation and its previews, the lecture plan's. A
  // student's live page has every slide too: it shows whatever slide the lecturer does.
  const slides = document.querySelector<HTMLElement>('.reveal .slides');
  const everySlide = mode === 'print' || !slides || live?.role === 'student';
  const plan = everySlide ? EVERY_SLIDE : hideOutsidePlan(slides, manifest, planForPage(manifest));
  const ctx: ToolContext = { bus: new DeckBus(), manifest, plan, live: live?.role ?? null };
  const deck = new Reveal({
    ...SLIDE_SIZE,
    // In print, a page is exactly one slide (Ctrl+P gives the same pages as npm run pdf).
    margin: mode === 'print' ? 0 : 0.04,
    hash: true,
    // → and ← walk every slide in order, down each section's stack, as a lecture runs.
    navigationMode: 'linear',
    // Slides kept laid out around the current one: 2 halves the long tasks on a slow classroom PC.
    viewDistance: 2,
    // Each slide is shown with its own layout's display (flex, grid; theme.css): laid out once, before it is in view.
    display: 'var(--deck-slide-display, block)',
    history: false,
    center: false,
    // A printed page is the slide alone (the PDF viewer numbers the pages).
    slideNumber: mode === 'print' ? false : 'c/t',
    showSlideNumber: 'all',
    progress: true,
    controls: true,
    controlsTutorial: false,
    help: false,
    keyboardCondition: keysForDeck,
    // The zoom plugin's click modifier, the one the help names (reveal.js's types leave plugins' options out).
    ...zoomOption(),
    // Slides move only for those who have not asked for less motion (fragments: theme.css).
    ...motion(reducedMotion.matches),
    // Print and PDF: each slide once, in its final state, on exactly one page.
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    // Our own study view replaces reveal.js's scroll view (see README, Architecture).
    scrollActivationWidth: 0,
    plugins: [Search, Zoom, ...[...TOOLS[mode], ...(live?.tools ?? [])].map((make) => make(ctx))],
  });
  // Third-party tools (PDF exporters, test drivers) look for the instance here.
  (window as unknown as { Reveal: typeof deck }).Reveal = deck;
  await deck.initialize();
  reducedMotion.addEventListener('change', (e) => deck.configure(motion(e.matches)));
}

/** The zoom plugin's option, `zoomKey`. */
function zoomOption(): { zoomKey: ZoomKey['config'] } {
  return { zoomKey: zoomKey().config };
}

/** reveal.js's transitions: none at all under `prefers-reduced-motion: reduce`. */
function motion(reduce: boolean): { transition: 'none' | 'slide'; backgroundTransition: 'none' | 'fade'; autoAnimate: boolean } {
  return reduce ? { transition: 'none', backgroundTransition: 'none', autoAnimate: false } : { transition: 'slide', backgroundTransition: 'fade', autoAnimate: true };
}

import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import 'reveal.js/reveal.css';
import 'katex/dist/katex.min.css';
import './styles/theme.css';
import type { Controller, ControllerFactory } from './controller.ts';
import { diagramsController } from './controllers/diagrams.ts';

/** The controllers of the running deck, one concern each, started in this order. */
const CONTROLLERS: ControllerFactory[] = [diagramsController];

const deck = new Reveal({
  width: 1280,
  height: 720,
  margin: 0.04,
  hash: true,
  history: false,
  center: false,
  slideNumber: 'c/t',
  showSlideNumber: 'all',
  progress: true,
  controls: true,
  transition: 'slide',
  plugins: [Notes, Search, Zoom],
});

// Third-party tools (PDF exporters, test drivers) look for the instance here.
(window as unknown as { Reveal: typeof deck }).Reveal = deck;

const controllers: Controller[] = CONTROLLERS.map((make) => make(deck));
void deck.initialize().then(() => Promise.all(controllers.map((c) => c.start())));

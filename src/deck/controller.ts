import type { RevealApi } from 'reveal.js';

/**
 * One concern of the running deck (after reveal.js's js/controllers): made with the deck,
 * `start()` once reveal.js is ready, `destroy()` to undo everything it added.
 * Controllers never call each other; they listen to reveal.js events or the bus.
 */
export interface Controller {
  start(): void | Promise<void>;
  destroy(): void;
}

import type { DeckManifest } from '../shared/manifest.ts';

export type ControllerFactory = (deck: RevealApi, manifest: DeckManifest) => Controller;

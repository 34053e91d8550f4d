import type { RevealApi, RevealPlugin } from 'reveal.js';
import type { DeckManifest } from '../shared/deck-model.ts';
import type { DeckBus } from './bus.ts';
import type { LiveRole } from './mode.ts';
import type { ActivePlan } from './plans/apply-plan.ts';

/** What every tool of a running deck is given: the deck's bus, its manifest, and the lecture plan it shows. */
export interface ToolContext {
  bus: DeckBus;
  manifest: DeckManifest;
  plan: ActivePlan;
  /** The page's part in a live lecture (see mode.ts); absent or null: the static deck. */
  live?: LiveRole | null;
}

/**
 * One concern of the running deck (after reveal.js's js/controllers), as a reveal.js plugin:
 * made by its factory (nothing built yet), `init(deck)` builds its DOM and listens, `destroy()`
 * (called by `Reveal.destroy()`) removes everything it added. Tools never call each other;
 * they listen to reveal.js events or the bus. A tool of both the presentation and the study
 * view works without reveal.js (`init()` without a deck).
 */
export interface DeckTool extends RevealPlugin {
  init(deck?: RevealApi): void | Promise<void>;
  destroy(): void;
}

/** A presentation tool: a reveal.js plugin that needs the deck. */
export interface PresentationTool extends RevealPlugin {
  init(deck: RevealApi): void | Promise<void>;
  destroy(): void;
}

export type ToolFactory<T extends RevealPlugin = PresentationTool> = (ctx: ToolContext) => T;

/** Runs `fn` once reveal.js is ready (at once if it is): slides hidden by the plan are gone by then. */
export function whenReady(deck: RevealApi, fn: () => void): void {
  if (deck.isReady()) fn();
  else deck.on('ready', fn, { once: true });
}

import type { LiveSummary } from './speaker/protocol.ts';

/** The events the deck's tools share, whatever the mode: they never call each other. */
export interface DeckEvents {
  /** The reader is now on this slide (present: reveal.js navigation; study: scrolling). */
  slide: { id: string };
  /** A lecture tool was asked for, by its key or by its toolbar button (see keys.ts). */
  command: { key: string };
  /** A quiz question was answered. */
  answered: { section: string; question: string; correct: boolean };
  /** The live lecture changed (lecturer's page only): connection, lecture id, students. */
  live: LiveSummary;
}

type Listener<K extends keyof DeckEvents> = (detail: DeckEvents[K]) => void;

/** The event bus of one running deck (each deck, each test page, has its own). */
export class DeckBus {
  private readonly target = new EventTarget();

  /** Tells every listener. */
  emit<K extends keyof DeckEvents>(type: K, detail: DeckEvents[K]): void {
    this.target.dispatchEvent(new CustomEvent(type, { detail }));
  }

  /** Listens; returns the function that stops listening. */
  on<K extends keyof DeckEvents>(type: K, listener: Listener<K>): () => void {
    const handler = (e: Event): void => listener((e as CustomEvent<DeckEvents[K]>).detail);
    this.target.addEventListener(type, handler);
    return () => this.target.removeEventListener(type, handler);
  }
}

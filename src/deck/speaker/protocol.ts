import type { RevealState } from 'reveal.js';

/**
 * What the presentation and its speaker view (`?view=speaker`, a window of the same page) say
 * to each other, by `postMessage`. The speaker view reads the notes from its own copy of the
 * slides; only where the lecture is, and when it started, crosses between the windows.
 */

/** From the presentation: where it is. */
export interface PresenterState {
  from: 'deck-presenter';
  /** reveal.js's state (slide indices, step), for the speaker view's previews. */
  state: RevealState;
  slideId: string;
  /** The current step (0 = the slide before its first step). */
  step: number;
  /** When the lecture started (the first move away from the title), ms since the epoch; null before. */
  startedAt: number | null;
  /** The lecture plan shown (its slides are the previews' and the pacing's). */
  plan: string;
  /** In a live lecture (npm run live): the class as the presentation's connection knows it. */
  live?: LiveSummary;
}

/** The live classroom as the speaker view shows it: who is there, and what the results download needs. */
export interface LiveSummary {
  /** The connection's state (see src/live/client.ts): `connected`, `reconnecting`, … */
  connection: string;
  /** The lecture's id (the results download is saved as `<lectureId>.csv`); null until known. */
  lectureId: string | null;
  /** Students connected; null until known. */
  students: number | null;
  /** The lecturer's token, for the results download (only ever posted to this page's own origin). */
  token: string;
}

/**
 * From the speaker view: it is there (said again while it hears nothing, so a presentation that
 * reloaded finds it); a command for the presentation; or another lecture plan to show.
 */
export type SpeakerMessage =
  | { from: 'deck-speaker'; kind: 'ready' }
  | { from: 'deck-speaker'; kind: 'command'; command: 'next' | 'prev' | 'restart-clock' }
  | { from: 'deck-speaker'; kind: 'plan'; plan: string };

/** The target origin for a window of the same page: its origin, or any for a page opened from a file (an opaque origin). */
export function sameOrigin(): string {
  return location.protocol === 'file:' ? '*' : location.origin;
}

/** Whether a message comes from a window of this page's origin (any, for a page opened from a file). */
export function fromSameOrigin(e: MessageEvent): boolean {
  return location.protocol === 'file:' || e.origin === location.origin;
}

/** Whether a message's data is the speaker view's. */
export function isSpeakerMessage(data: unknown): data is SpeakerMessage {
  const d = data as Partial<SpeakerMessage> | null;
  if (!d || d.from !== 'deck-speaker') return false;
  if (d.kind === 'ready') return true;
  if (d.kind === 'plan') return typeof (d as { plan?: unknown }).plan === 'string';
  return d.kind === 'command' && ['next', 'prev', 'restart-clock'].includes(String((d as { command?: unknown }).command));
}

/** Whether a message's data is the presentation's. */
export function isPresenterState(data: unknown): data is PresenterState {
  const d = data as Partial<PresenterState> | null;
  return !!d && d.from === 'deck-presenter' && typeof d.slideId === 'string' && typeof d.step === 'number' && typeof d.state === 'object' && typeof d.plan === 'string';
}

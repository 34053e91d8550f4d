import { UI } from '../shared/ui-strings.ts';
import { zoomKey } from './zoom-key.ts';

/**
 * Every key of the presentation, in one table: the help overlay lists it, and the keys that
 * are ours are bound here (reveal.js's own bindings for the same key are replaced).
 */
export interface KeyInfo {
  /** What the help overlay shows, e.g. `Ctrl+Shift+F`. */
  keys: string;
  /** What it does, in the deck's language. */
  does: string;
  /** Set for our own commands: the key name the bus carries and reveal.js's keyCode. */
  command?: { key: string; keyCode: number };
  /** Only on the lecturer's page of a live lecture (elsewhere the key stays reveal.js's, e.g. J). */
  live?: true;
}

const K = UI.keys;
const zoom = zoomKey().label;

export const KEYS: KeyInfo[] = [
  K.next,
  K.previous,
  K.upDown,
  K.homeEnd,
  { ...K.menu, command: { key: 'M', keyCode: 77 } },
  { ...K.speaker, command: { key: 'S', keyCode: 83 } },
  { ...K.laser, command: { key: 'L', keyCode: 76 } },
  { ...K.pen, command: { key: 'D', keyCode: 68 } },
  { ...K.clear, command: { key: 'C', keyCode: 67 } },
  K.overview,
  K.blackout,
  K.fullscreen,
  K.jump,
  K.search,
  { keys: K.zoom.keys(zoom), does: K.zoom.does(zoom) },
  { ...K.help, command: { key: '?', keyCode: 191 } },
  { ...K.join, command: { key: 'J', keyCode: 74 }, live: true },
  { ...K.poll, command: { key: 'Q', keyCode: 81 }, live: true },
  { ...K.reveal, command: { key: 'R', keyCode: 82 }, live: true },
];

/** The keys of a page: the live classroom's only on the lecturer's page. */
export function keysFor(live: 'lecturer' | 'student' | null | undefined): KeyInfo[] {
  return KEYS.filter((k) => !k.live || live === 'lecturer');
}

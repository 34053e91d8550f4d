import { UI } from '../shared/ui-strings.ts';

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
}

const K = UI.keys;

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
  K.zoom,
  { ...K.help, command: { key: '?', keyCode: 191 } },
];

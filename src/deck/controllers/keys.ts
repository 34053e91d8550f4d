import type { RevealApi } from 'reveal.js';
import { keysFor } from '../keys.ts';
import type { ToolFactory } from '../tool.ts';

/**
 * Home and End: the very first and the very last slide. reveal.js's own go to the first or last
 * section, at the slide last seen in it, which is not where a lecture begins or ends.
 */
const ENDS: { keyCode: number; key: string; go: (deck: RevealApi) => void }[] = [
  { keyCode: 36, key: 'Home', go: (deck) => deck.slide(0, 0) },
  { keyCode: 35, key: 'End', go: (deck) => deck.slide(deck.getHorizontalSlides().length - 1, Number.MAX_SAFE_INTEGER) },
];

/** Binds our own keys in reveal.js (replacing its binding of the same key, e.g. L); each sends a command on the bus. */
export const keyBindings: ToolFactory = ({ bus, live }) => {
  const commands = keysFor(live).flatMap((k) => (k.command ? [k.command] : []));
  let bound: RevealApi | null = null;
  return {
    id: 'deck-keys',
    init(deck) {
      bound = deck;
      for (const { key, keyCode } of commands) deck.addKeyBinding({ keyCode, key, description: key }, () => bus.emit('command', { key }));
      for (const { key, keyCode, go } of ENDS) deck.addKeyBinding({ keyCode, key, description: key }, () => go(deck));
    },
    destroy() {
      for (const { keyCode } of [...commands, ...ENDS]) bound?.removeKeyBinding(keyCode);
    },
  };
};

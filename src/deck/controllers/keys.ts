import { keysFor } from '../keys.ts';
import type { ToolFactory } from '../tool.ts';

/** Binds our own keys in reveal.js (replacing its binding of the same key, e.g. L); each sends a command on the bus. */
export const keyBindings: ToolFactory = ({ bus, live }) => {
  const commands = keysFor(live).flatMap((k) => (k.command ? [k.command] : []));
  let bound: { removeKeyBinding(keyCode: number): void } | null = null;
  return {
    id: 'deck-keys',
    init(deck) {
      bound = deck;
      for (const { key, keyCode } of commands) deck.addKeyBinding({ keyCode, key, description: key }, () => bus.emit('command', { key }));
    },
    destroy() {
      for (const { keyCode } of commands) bound?.removeKeyBinding(keyCode);
    },
  };
};

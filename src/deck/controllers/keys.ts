import type { ControllerFactory } from '../controller.ts';
import { emit } from '../bus.ts';
import { KEYS } from '../keys.ts';

/** Binds our own keys in reveal.js (replacing its binding of the same key, e.g. L); each emits a command. */
export const keyBindings: ControllerFactory = (deck) => {
  const commands = KEYS.flatMap((k) => (k.command ? [k.command] : []));
  return {
    start() {
      for (const { key, keyCode } of commands) {
        deck.addKeyBinding({ keyCode, key, description: key }, () => emit('command', { key }));
      }
    },
    destroy() {
      for (const { keyCode } of commands) deck.removeKeyBinding(keyCode);
    },
  };
};

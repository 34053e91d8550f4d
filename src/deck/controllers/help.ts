import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { keysFor } from '../keys.ts';
import { Overlay } from '../overlay.ts';
import type { ToolFactory } from '../tool.ts';

/** The help overlay (`?`): every key of the deck, in the deck's language. */
export const help: ToolFactory = ({ bus, live }) => {
  let overlay: Overlay | null = null;
  let stop = (): void => undefined;
  return {
    id: 'deck-help',
    init(deck) {
      const H = UI.help;
      overlay = new Overlay(H.label, 'deck-help');
      overlay.panel.innerHTML = `
    <h2 class="deck-overlay-title">${H.title}</h2>
    <table class="deck-help-keys"><thead><tr><th scope="col">${H.keyColumn}</th><th scope="col">${H.doesColumn}</th></tr></thead><tbody>${keysFor(live).map(
      (k) => `<tr><td><kbd>${escapeHtml(k.keys)}</kbd></td><td>${escapeHtml(k.does)}</td></tr>`,
    ).join('')}</tbody></table>
    <p>${H.buttons}</p>
    <button type="button" class="deck-button" data-deck-close>${H.close}</button>`;
      const shown = overlay;
      shown.mount(deck.getRevealElement()?.parentElement ?? document.body);
      shown.panel.querySelector('[data-deck-close]')!.addEventListener('click', () => shown.close());
      stop = bus.on('command', ({ key }) => {
        if (key === '?') shown.toggle();
      });
    },
    destroy() {
      stop();
      overlay?.unmount();
    },
  };
};

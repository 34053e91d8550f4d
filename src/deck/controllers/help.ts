import type { ControllerFactory } from '../controller.ts';
import { on } from '../bus.ts';
import { KEYS } from '../keys.ts';
import { Overlay } from '../overlay.ts';

/** The help overlay (`?`): every key of the deck, in Chinese. */
export const help: ControllerFactory = (deck) => {
  const overlay = new Overlay('快捷键帮助', 'deck-help');
  overlay.panel.innerHTML = `
    <h2 class="deck-overlay-title">快捷键</h2>
    <table class="deck-help-keys"><thead><tr><th scope="col">按键</th><th scope="col">作用</th></tr></thead><tbody>${KEYS.map(
      (k) => `<tr><td><kbd>${k.keys}</kbd></td><td>${k.does}</td></tr>`,
    ).join('')}</tbody></table>
    <p>每项功能也可用屏幕左下角的按钮操作。</p>
    <button type="button" class="deck-button" data-deck-close>关闭</button>`;
  let stop = (): void => undefined;
  return {
    start() {
      overlay.mount(deck.getRevealElement()?.parentElement ?? document.body);
      overlay.panel.querySelector('[data-deck-close]')!.addEventListener('click', () => overlay.close());
      stop = on('command', ({ key }) => {
        if (key === '?') overlay.toggle();
      });
    },
    destroy() {
      stop();
      overlay.unmount();
    },
  };
};

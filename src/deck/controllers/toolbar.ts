import type { RevealApi } from 'reveal.js';
import type { SearchPlugin } from 'reveal.js/plugin/search';
import type { ControllerFactory } from '../controller.ts';
import { emit, on } from '../bus.ts';
import { placeOf } from '../manifest.ts';
import { urlForMode } from '../mode.ts';

/** A tool the toolbar offers: its label and the key it stands for. */
interface Tool {
  label: string;
  key: string;
  /** For reveal.js's own keys: what the button does (our keys send their command instead). */
  run?: (deck: RevealApi) => void;
}

/** Everything a keyboard user can do is one click or tap away too. */
const TOOLS: Tool[] = [
  { label: '目录', key: 'M' },
  { label: '画笔', key: 'D' },
  { label: '激光笔', key: 'L' },
  { label: '总览', key: 'O', run: (deck) => deck.toggleOverview() },
  { label: '黑屏', key: 'B', run: (deck) => deck.togglePause() },
  { label: '全屏', key: 'F', run: () => void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined) },
  { label: '搜索', key: 'Control+Shift+F', run: (deck) => (deck.getPlugin('search') as SearchPlugin | undefined)?.toggle() },
  { label: '帮助', key: '?' },
];

/**
 * The bar at the bottom of every slide: where you are in the section, the switch to the study
 * view, and buttons for the lecture tools (each sends the same command as its key).
 */
export const toolbar: ControllerFactory = (deck, manifest) => {
  const bar = document.createElement('nav');
  bar.className = 'deck-toolbar';
  bar.setAttribute('aria-label', '演示工具');
  bar.innerHTML = `
    <span class="deck-toolbar-place" data-deck-place></span>
    <a class="deck-toolbar-button deck-mode-switch-present" href="?view=scroll">阅读模式</a>
    ${TOOLS.map((t) => `<button type="button" class="deck-toolbar-button" data-deck-key="${t.key}" aria-keyshortcuts="${t.key === '?' ? 'Shift+?' : t.key}">${t.label}</button>`).join('')}`;
  const byKey = new Map(TOOLS.map((t) => [t.key, t]));
  let stop = (): void => undefined;

  const onClick = (e: MouseEvent): void => {
    const button = (e.target as Element).closest<HTMLElement>('[data-deck-key]');
    if (!button) return;
    const tool = byKey.get(button.dataset.deckKey!);
    // Ours: the same command its key sends, one path for keyboard and mouse. reveal.js's: its API.
    if (tool?.run) tool.run(deck);
    else emit('command', { key: button.dataset.deckKey! });
  };

  return {
    start() {
      deck.getRevealElement()?.append(bar);
      bar.addEventListener('click', onClick);
      stop = on('slide', ({ id }) => {
        const place = placeOf(manifest, id);
        bar.querySelector('[data-deck-place]')!.textContent = place ? `${place.sectionTitle} · ${place.inSection}/${place.sectionSize}` : '';
        bar.querySelector<HTMLAnchorElement>('.deck-mode-switch-present')!.href = urlForMode('study', id, location);
      });
    },
    destroy() {
      stop();
      bar.remove();
    },
  };
};

import type { RevealApi } from 'reveal.js';
import type { SearchPlugin } from 'reveal.js/plugin/search';
import { placeOf } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { urlForMode } from '../mode.ts';
import type { ToolFactory } from '../tool.ts';

/** A tool the toolbar offers: its label and the key it stands for. */
interface Tool {
  label: string;
  key: string;
  /** For reveal.js's own keys: what the button does (our keys send their command instead). */
  run?: (deck: RevealApi) => void;
  /** Only on the lecturer's page of a live lecture. */
  live?: true;
}

/** Everything a keyboard user can do is one click or tap away too. */
const TOOLS: Tool[] = [
  { label: UI.toolbar.menu, key: 'M' },
  { label: UI.toolbar.pen, key: 'D' },
  { label: UI.toolbar.laser, key: 'L' },
  { label: UI.toolbar.overview, key: 'O', run: (deck) => deck.toggleOverview() },
  { label: UI.toolbar.blackout, key: 'B', run: (deck) => deck.togglePause() },
  { label: UI.toolbar.fullscreen, key: 'F', run: () => void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined) },
  { label: UI.toolbar.search, key: 'Control+Shift+F', run: (deck) => (deck.getPlugin('search') as SearchPlugin | undefined)?.toggle() },
  { label: UI.toolbar.help, key: '?' },
  { label: UI.toolbar.join, key: 'J', live: true },
];

/** How long the bar stays after the last mouse move or touch (reveal.js hides its cursor after 5 s). */
export const TOOLBAR_IDLE_MS = 2500;

/**
 * The bar at the bottom of every slide: where you are in the section, the switch to the study
 * view, and buttons for the lecture tools (each sends the same command as its key). On a
 * projector it is out of the room's sight while the lecturer talks: it fades once the mouse has
 * been still (and no finger has touched the screen) for TOOLBAR_IDLE_MS, and comes back on the
 * next move or touch, or while a control in it has the keyboard's focus (overlays.css).
 */
export const toolbar: ToolFactory = ({ bus, manifest, plan, live }) => {
  const tools = TOOLS.filter((t) => !t.live || live === 'lecturer');
  const byKey = new Map(tools.map((t) => [t.key, t]));
  let bar: HTMLElement | null = null;
  let stop = (): void => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wake = (): void => {
    bar?.classList.remove('deck-toolbar-idle');
    clearTimeout(timer);
    timer = setTimeout(() => bar?.classList.add('deck-toolbar-idle'), TOOLBAR_IDLE_MS);
  };
  const WAKE_EVENTS = ['pointermove', 'pointerdown', 'touchstart'] as const;
  return {
    id: 'deck-toolbar',
    init(deck) {
      const shown = document.createElement('nav');
      bar = shown;
      shown.className = 'deck-toolbar';
      shown.setAttribute('aria-label', UI.toolbar.label);
      shown.innerHTML = `
    <span class="deck-toolbar-place" data-deck-place></span>
    <a class="deck-toolbar-button deck-mode-switch-present" href="?view=scroll">${UI.toolbar.toStudy}</a>
    ${tools.map((t) => `<button type="button" class="deck-toolbar-button" data-deck-key="${t.key}" aria-keyshortcuts="${t.key === '?' ? 'Shift+?' : t.key}">${t.label}</button>`).join('')}`;
      deck.getRevealElement()?.append(shown);
      for (const type of WAKE_EVENTS) document.addEventListener(type, wake, { passive: true });
      wake();
      shown.addEventListener('click', (e) => {
        const button = (e.target as Element).closest<HTMLElement>('[data-deck-key]');
        if (!button) return;
        const tool = byKey.get(button.dataset.deckKey!);
        // Ours: the same command its key sends, one path for keyboard and mouse. reveal.js's: its API.
        if (tool?.run) tool.run(deck);
        else bus.emit('command', { key: button.dataset.deckKey! });
      });
      stop = bus.on('slide', ({ id }) => {
        const place = placeOf(manifest, id, plan.id);
        const section = manifest.sections.find((s) => s.slides.some((sl) => sl.id === id));
        shown.querySelector('[data-deck-place]')!.textContent = place && section ? UI.toolbar.place(section.short, place.inSection, place.sectionSize) : '';
        shown.querySelector<HTMLAnchorElement>('.deck-mode-switch-present')!.href = urlForMode('study', id, location);
      });
    },
    destroy() {
      stop();
      clearTimeout(timer);
      for (const type of WAKE_EVENTS) document.removeEventListener(type, wake);
      bar?.remove();
    },
  };
};

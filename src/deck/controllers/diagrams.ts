import { ATTR } from '../../shared/deck-model.ts';
import { MERMAID_CONFIG } from '../../shared/mermaid-config.ts';
import { UI } from '../../shared/ui-strings.ts';
import type { DeckTool, ToolFactory } from '../tool.ts';

/**
 * Draws the diagrams that the build left to the browser (`pre.mermaid`: a build without
 * Chromium that asked for it). Mermaid is loaded only then, after fonts are ready, and each
 * diagram is rendered off-slide by `mermaid.render` so a hidden slide never yields a zero-size
 * SVG. A diagram that fails shows an error box on its slide.
 */
export const diagrams: ToolFactory<DeckTool> = () => {
  let stopped = false;
  return {
    id: 'deck-diagrams',
    async init() {
      const pending = [...document.querySelectorAll<HTMLElement>(`figure[${ATTR.diagram}] > pre.mermaid`)];
      if (pending.length === 0) return;
      const [{ default: mermaid }] = await Promise.all([import('mermaid'), document.fonts.ready]);
      mermaid.initialize({ ...MERMAID_CONFIG });
      for (const pre of pending) {
        if (stopped) return;
        const figure = pre.parentElement!;
        const id = figure.getAttribute(ATTR.diagram)!;
        try {
          const { svg } = await mermaid.render(`${id}-svg`, pre.textContent ?? '');
          figure.innerHTML = svg;
        } catch (e) {
          figure.classList.add('deck-error');
          figure.setAttribute('role', 'alert');
          const message = document.createElement('p');
          message.textContent = UI.diagram.error(e instanceof Error ? e.message : String(e));
          figure.prepend(message);
        }
      }
    },
    destroy() {
      stopped = true;
    },
  };
};

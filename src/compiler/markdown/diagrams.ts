import type { MarkdownIt } from 'markdown-it';
import { ATTR } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { diagramFigure } from '../diagrams/drawing.ts';
import { deckEnv, fileLine, slideIdOf } from './env.ts';

/** What a diagram's fence token carries once it is collected. */
export interface DiagramTokenMeta {
  diagramId: string;
}

/**
 * ```` ```mermaid ```` fences: collected into the deck's diagrams while parsing (the compiler
 * draws them all at once, in Chromium, before anything is rendered); each renders as its
 * drawing, its error box, or (no drawing at all) the source for Mermaid in the browser.
 */
export function diagrams(md: MarkdownIt): void {
  md.core.ruler.push('deck_diagrams', (state) => {
    const env = deckEnv(state.env);
    if (state.inlineMode || !env.deck) return;
    const perSlide = new Map<string, number>();
    for (const token of state.tokens) {
      if (token.type !== 'fence' || token.info.trim() !== 'mermaid') continue;
      const line = fileLine(env, token.map?.[0] ?? 0);
      if (!token.content.trim()) {
        env.deck.sink.add(env.file, line, 'empty Mermaid diagram', 'Write the diagram inside the fence, or remove the fence.');
        continue;
      }
      const slideId = slideIdOf(env, token);
      const n = (perSlide.get(slideId) ?? 0) + 1;
      perSlide.set(slideId, n);
      const id = `diagram-${slideId}-${n}`;
      env.deck.diagrams.push({ id, slideId, source: token.content, file: env.file, line });
      token.meta = { ...(token.meta as object | null), diagramId: id } satisfies Partial<DiagramTokenMeta>;
    }
  });

  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, rawEnv, self) => {
    const env = deckEnv(rawEnv);
    const token = tokens[idx]!;
    if (token.info.trim() !== 'mermaid') return fallback(tokens, idx, options, env, self);
    const id = (token.meta as Partial<DiagramTokenMeta> | null)?.diagramId;
    if (!id) return ''; // an empty diagram: reported while parsing
    const drawing = env.deck.rendering?.drawings.get(id);
    if (drawing?.kind === 'svg') return diagramFigure(id, drawing);
    if (drawing?.kind === 'error') return diagramErrorFigure(id, drawing.message, token.content);
    return `<figure class="deck-diagram" ${ATTR.diagram}="${id}"><pre class="mermaid">${escapeHtml(token.content)}</pre></figure>`;
  };
}

/** The error box of a diagram Mermaid refused: the message and the source, never a blank. */
export function diagramErrorFigure(id: string, message: string, source: string): string {
  return `<figure class="deck-diagram deck-error" role="alert" ${ATTR.diagram}="${id}"><p>${escapeHtml(UI.diagram.error(message))}</p><pre>${escapeHtml(source)}</pre></figure>`;
}

import type { MarkdownIt } from 'markdown-it';
import { escapeHtml } from '../../shared/html.ts';
import { fileLine, deckEnv } from './env.ts';

/** Placeholder left in the HTML where a diagram goes once it is drawn. */
export function diagramPlaceholder(id: string): string {
  return `<!--deck:diagram:${id}-->`;
}

/**
 * ```` ```mermaid ```` fences: collected into `env.diagrams` and replaced by a placeholder;
 * the deck compiler draws them all at once (in Chromium) and fills the placeholders in.
 */
export function diagrams(md: MarkdownIt): void {
  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, rawEnv, self) => {
    const env = deckEnv(rawEnv);
    const token = tokens[idx]!;
    if (token.info.trim() !== 'mermaid') return fallback(tokens, idx, options, env, self);
    const id = `diagram-${env.slideId}-${env.diagrams.filter((d) => d.id.startsWith(`diagram-${env.slideId}-`)).length + 1}`;
    const line = fileLine(env, token.map?.[0] ?? 0);
    if (!token.content.trim()) {
      env.sink.add(env.file, line, 'empty Mermaid diagram', 'Write the diagram inside the fence, or remove the fence.');
      return '';
    }
    env.diagrams.push({ id, source: token.content, file: env.file, line });
    return diagramPlaceholder(id);
  };
}

/** Fallback markup for a diagram that the browser draws (dev server without Chromium). */
export function diagramForBrowser(id: string, source: string): string {
  return `<figure class="deck-diagram" data-deck-diagram="${id}"><pre class="mermaid">${escapeHtml(source)}</pre></figure>`;
}

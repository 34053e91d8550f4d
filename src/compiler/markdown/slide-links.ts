import type { MarkdownIt } from 'markdown-it';
import { deckEnv, fileLine } from './env.ts';

/**
 * Collects every link to a slide (`[text](#/slide-id)`) with its line: the compiler checks them
 * once every slide of the deck is known (a link to an id that does not exist is an error).
 */
export function slideLinks(md: MarkdownIt): void {
  md.core.ruler.push('deck_slide_links', (state) => {
    const env = deckEnv(state.env);
    if (!env.deck) return;
    for (const block of state.tokens) {
      for (const child of block.children ?? []) {
        const href = child.type === 'link_open' ? String(child.attrGet('href') ?? '') : '';
        if (!href.startsWith('#/')) continue;
        const line = (child.meta as { line?: number } | null)?.line ?? block.map?.[0] ?? 0;
        env.deck.links.push({ target: href.slice(2), file: env.file, line: fileLine(env, line) });
      }
    }
  });
}

import type { MarkdownIt } from 'markdown-it';

/**
 * Gives every inline child token `meta.line`: its 0-based line in the block, so that
 * plugins that render inline tokens (math, citations) can report errors with a place.
 */
export function inlineLines(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_inline_lines', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.map || !token.children) continue;
      let line = token.map[0];
      for (const child of token.children) {
        child.meta = { ...(child.meta as object | null), line };
        if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
        else line += (child.content.match(/\n/g) ?? []).length;
      }
    }
  });
}

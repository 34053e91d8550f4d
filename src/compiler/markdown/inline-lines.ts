import type { MarkdownIt } from 'markdown-it';

/**
 * Gives every inline child token `meta.line`: its 0-based line in the text parsed, so that
 * plugins that render inline tokens (math, citations) can report errors with a place. Inline
 * tokens that markdown-it leaves without a line (a table's cells) take the line of the block
 * they are in.
 */
export function inlineLines(md: MarkdownIt): void {
  md.core.ruler.after('inline', 'deck_inline_lines', (state) => {
    let blockLine = 0;
    for (const token of state.tokens) {
      if (token.map) blockLine = token.map[0];
      if (token.type !== 'inline' || !token.children) continue;
      let line = token.map?.[0] ?? blockLine;
      for (const child of token.children) {
        child.meta = { ...(child.meta as object | null), line };
        if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
        else line += (child.content.match(/\n/g) ?? []).length;
      }
    }
  });
}

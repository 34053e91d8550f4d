import type { MarkdownIt } from 'markdown-it';
import { deckEnv, fileLine } from './env.ts';

/**
 * A code fence that is never closed runs to the end of the file, taking every later slide and
 * its notes with it onto one slide: report it at its opening line.
 */
export function fences(md: MarkdownIt): void {
  md.core.ruler.push('deck_unclosed_fences', (state) => {
    const env = deckEnv(state.env);
    if (state.inlineMode || !env.deck) return;
    let lines: string[] | null = null;
    for (const token of state.tokens) {
      if (token.type !== 'fence' || !token.map) continue;
      lines ??= state.src.split('\n');
      const last = (lines[token.map[1] - 1] ?? '').trim();
      const closed = token.map[1] - token.map[0] >= 2 && last.length >= token.markup.length && [...last].every((c) => c === token.markup[0]);
      if (!closed) {
        env.deck.sink.add(env.file, fileLine(env, token.map[0]), `code fence opened with ${token.markup} is not closed`, `End it with a line ${token.markup}: until then it runs to the end of the file.`);
      }
    }
  });
}

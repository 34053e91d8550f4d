import type { StateBlock } from 'markdown-it';

/**
 * What a line of the file is, as written: block rules see lines after their container's markers
 * (a quote's `>`, a list item's indent) are taken off; the deck's own structure lines (`---`,
 * `Note:`, `Cue:`) count only where they start the line of the file itself.
 */

/** `Note:` (the slide's notes), `Note 2:` (the notes of its 2nd step), `Cue:` (for the lecturer only), at the start of a line. */
export const NOTE_MARKER = /^(?:Note(?: (\d+))?|(Cue)):[ \t]*/;

/** The line's text from the start of the file's line, if its content starts there; null if it is indented or inside a quote. */
export function lineAtColumnZero(state: StateBlock, line: number): string | null {
  const start = state.bMarks[line]! + state.tShift[line]!;
  const lineStart = state.src.lastIndexOf('\n', start - 1) + 1;
  return start === lineStart ? state.src.slice(start, state.eMarks[line]) : null;
}

/** The innermost `:::` block that is open where the rule runs, with its opening line (0-based); null at the top level. */
export function openContainer(state: StateBlock): { name: string; line: number } | null {
  let depth = 0;
  for (let i = state.tokens.length - 1; i >= 0; i--) {
    const token = state.tokens[i]!;
    if (token.nesting === -1) depth++;
    else if (token.nesting === 1) {
      if (depth > 0) depth--;
      else if (token.type.startsWith('container_')) return { name: token.info.trim().split(/\s/)[0] ?? '', line: token.map?.[0] ?? 0 };
    }
  }
  return null;
}

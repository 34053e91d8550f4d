import type { MarkdownIt } from 'markdown-it';
import { SLIDE_BREAK } from './slide-breaks.ts';
import { lineAtColumnZero } from './source-lines.ts';

/**
 * A file that starts with `---` starts with its front matter, YAML up to the next `---` line:
 * a `front_matter` token holding the YAML (`meta.closed` is false when no line ends it, and
 * then it runs to the end of the file). The structure rule reads it (see slide-structure.ts).
 */
export function frontMatter(md: MarkdownIt): void {
  md.block.ruler.before('slide_break', 'front_matter', (state, startLine, endLine, silent) => {
    if (startLine !== 0 || state.level > 0 || lineAtColumnZero(state, 0) !== SLIDE_BREAK) return false;
    if (silent) return false;
    let end = 1;
    while (end < endLine && lineAtColumnZero(state, end) !== SLIDE_BREAK) end++;
    const token = state.push('front_matter', '', 0);
    token.map = [0, Math.min(end + 1, endLine)];
    token.content = state.getLines(1, end, 0, false);
    token.meta = { closed: end < endLine };
    state.line = Math.min(end + 1, endLine);
    return true;
  });
}

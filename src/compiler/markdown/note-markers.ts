import type { MarkdownIt } from 'markdown-it';
import { deckEnv, fileLine, type SlidePart } from './env.ts';
import { ENDS } from './slide-breaks.ts';
import { lineAtColumnZero, NOTE_MARKER, openContainer } from './source-lines.ts';


/**
 * A line that starts with `Note:`, `Note N:` or `Cue:` starts that part of the slide, up to the
 * next such line or slide break (a `note_marker` token; the structure rule cuts the slide there).
 * Text after the colon is the part's first line. Inside a fence it is code; inside a `:::` block
 * that was not closed it is reported there.
 */
export function noteMarkers(md: MarkdownIt): void {
  md.block.ruler.before('table', 'note_marker', (state, startLine, _endLine, silent) => {
    const text = lineAtColumnZero(state, startLine);
    const m = text === null ? null : NOTE_MARKER.exec(text);
    if (!m) return false;
    const container = state.level > 0 ? openContainer(state) : null;
    if (state.level > 0 && !container) return false;
    if (silent) return true;
    const env = deckEnv(state.env);
    if (container) {
      env.deck.sink.add(env.file, fileLine(env, container.line), `\`::: ${container.name}\` is not closed before \`${m[0].trim()}\` at line ${fileLine(env, startLine)}`, 'End the block with a line `:::`.');
      return false; // the line stays text inside the block: nothing the author wrote is lost
    }
    const token = state.push('note_marker', '', 0);
    token.map = [startLine, startLine + 1];
    token.markup = m[0].trim();
    token.meta = { part: (m[2] ? 'cue' : m[1] ? `step:${Number(m[1])}` : 'notes') satisfies SlidePart };
    if (m[0].length === text!.length) {
      state.line = startLine + 1;
      return true;
    }
    // Text after the marker: the line now starts after it, and the other rules read it from there.
    state.bMarks[startLine] = state.bMarks[startLine]! + state.tShift[startLine]! + m[0].length;
    state.tShift[startLine] = 0;
    state.sCount[startLine] = 0;
    return false;
  }, ENDS);
}

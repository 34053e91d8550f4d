import type { MarkdownIt, StateBlock } from 'markdown-it';
import { deckEnv, fileLine } from './env.ts';
import { lineAtColumnZero, NOTE_MARKER, openContainer } from './source-lines.ts';

/** The line that separates two slides of a file. */
export const SLIDE_BREAK = '---';

/** The block rules that a slide break (or a notes marker) ends, as a thematic break does. */
export const ENDS = { alt: ['paragraph', 'reference', 'blockquote', 'list'] };

/**
 * `---` alone at the start of a line separates the slides of a file (a `slide_break` token).
 * Inside a fence it is code (markdown-it's own fence rule has the line by then); under a
 * paragraph it is a break, never a setext heading underline; inside a `:::` block that was not
 * closed it is reported there, since the block would swallow the slides after it.
 */
export function slideBreaks(md: MarkdownIt): void {
  md.block.ruler.before('table', 'slide_break', (state, startLine, _endLine, silent) => {
    if (lineAtColumnZero(state, startLine) !== SLIDE_BREAK) return false;
    const container = state.level > 0 ? openContainer(state) : null;
    if (state.level > 0 && !container) return false;
    if (silent) return true;
    if (container) {
      const env = deckEnv(state.env);
      env.deck.sink.add(env.file, fileLine(env, container.line), `\`::: ${container.name}\` is not closed before the slide break at line ${fileLine(env, startLine)}`, 'End the block with a line `:::`.');
      state.push('hr', 'hr', 0).map = [startLine, startLine + 1];
    } else {
      state.push('slide_break', '', 0).map = [startLine, startLine + 1];
    }
    state.line = startLine + 1;
    return true;
  }, ENDS);

  // A paragraph's setext underline (`text` then `---`) would take the break: stop it short.
  // (markdown-it keeps its rules by name in `__rules__`; `at` replaces one, keeping its place.)
  const lheading = md.block.ruler.__rules__.find((rule) => rule.name === 'lheading')?.fn;
  if (!lheading) throw new Error('markdown-it has no lheading rule');
  md.block.ruler.at('lheading', (state, startLine, endLine, silent) => lheading(state, startLine, nextBreak(state, startLine, endLine), silent));

  // An HTML block (a comment `<!--` not closed, a `<div>` run on) would take the break and the
  // slides after it, up to a `-->` or a blank line in another slide: it ends at the break or a notes
  // marker, and the HTML policy reports what is left open.
  const htmlBlock = md.block.ruler.__rules__.find((rule) => rule.name === 'html_block')?.fn;
  if (!htmlBlock) throw new Error('markdown-it has no html_block rule');
  md.block.ruler.at('html_block', (state, startLine, endLine, silent) => htmlBlock(state, startLine, nextStructureLine(state, startLine, endLine), silent));
}

const structureLines = new WeakMap<StateBlock, number[]>();

/** The first line after `from` that is a slide break or a notes marker as written (or `end`). */
function nextStructureLine(state: StateBlock, from: number, end: number): number {
  let lines = structureLines.get(state);
  if (!lines) {
    lines = [];
    for (let line = 0; line < state.lineMax; line++) {
      const text = lineAtColumnZero(state, line);
      if (text === SLIDE_BREAK || (text !== null && NOTE_MARKER.test(text))) lines.push(line);
    }
    structureLines.set(state, lines);
  }
  return Math.min(end, lines.find((l) => l > from) ?? end);
}

const breaks = new WeakMap<StateBlock, number[]>();

/** The first line after `from` that is a slide break as written (or `end`). */
function nextBreak(state: StateBlock, from: number, end: number): number {
  let lines = breaks.get(state);
  if (!lines) {
    lines = [];
    for (let line = 0; line < state.lineMax; line++) if (lineAtColumnZero(state, line) === SLIDE_BREAK) lines.push(line);
    breaks.set(state, lines);
  }
  return Math.min(end, lines.find((l) => l > from) ?? end);
}

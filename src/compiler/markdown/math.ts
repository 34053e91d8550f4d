import type { MarkdownIt } from 'markdown-it';
import katex from 'katex';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { deckEnv, fileLine, type RenderEnv } from './env.ts';
import { SLIDE_BREAK } from './slide-breaks.ts';
import { lineAtColumnZero, NOTE_MARKER } from './source-lines.ts';

/**
 * `$…$` inline and `$$…$$` display math, rendered by KaTeX at build time (HTML + MathML).
 * A formula KaTeX cannot parse is reported with its line and shown as an error box.
 */
export function math(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', (state, silent) => {
    const src = state.src;
    const start = state.pos;
    if (src[start] !== '$' || src[start + 1] === '$') return false;
    if (/\s/.test(src[start + 1] ?? ' ')) return false;
    const end = closingDollar(src, start + 1);
    if (end === -1 || /\d/.test(src[end + 1] ?? '')) return false;
    if (!silent) {
      const token = state.push('math_inline', 'math', 0);
      token.content = src.slice(start + 1, end);
      token.markup = '$';
    }
    state.pos = end + 1;
    return true;
  });

  md.block.ruler.before('fence', 'math_block', (state, startLine, endLine, silent) => {
    const first = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
    if (!first.startsWith('$$')) return false;
    const rest = first.slice(2);
    const closedOnSameLine = rest.trimEnd().endsWith('$$') && rest.trim().length > 2;
    if (silent) return true;
    const lines: string[] = [];
    let line = startLine;
    let closed = closedOnSameLine;
    if (closedOnSameLine) lines.push(rest.trimEnd().slice(0, -2));
    else {
      if (rest.trim()) lines.push(rest);
      while (++line < endLine) {
        // A slide break or a notes marker ends the slide's part: the formula was not closed in it.
        const asWritten = lineAtColumnZero(state, line);
        if (asWritten !== null && (asWritten === SLIDE_BREAK || NOTE_MARKER.test(asWritten))) {
          line--;
          break;
        }
        const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
        if (text.trimEnd().endsWith('$$')) {
          const before = text.trimEnd().slice(0, -2);
          if (before.trim()) lines.push(before);
          closed = true;
          break;
        }
        lines.push(text);
      }
    }
    const token = state.push('math_block', 'math', 0);
    token.block = true;
    token.content = lines.join('\n');
    token.map = [startLine, line + 1];
    token.meta = { closed, line: startLine };
    state.line = line + 1;
    return true;
  }, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });

  md.renderer.rules.math_inline = (tokens, idx, _o, rawEnv) => {
    const env = deckEnv(rawEnv);
    const token = tokens[idx]!;
    return renderFormula(token.content, false, env, (token.meta as { line: number }).line);
  };
  md.renderer.rules.math_block = (tokens, idx, _o, rawEnv) => {
    const env = deckEnv(rawEnv);
    const token = tokens[idx]!;
    const meta = token.meta as { closed: boolean; line: number };
    if (!meta.closed) {
      env.deck.sink.add(env.file, fileLine(env, meta.line), 'display math `$$` is not closed', 'End the formula with a line `$$`.');
    }
    return `<div class="deck-math-display">${renderFormula(token.content, true, env, meta.line + 1)}</div>\n`;
  };
}

/** The last search for a closing `$`: a later search that starts before its result finds the same one. */
let lastSearch: { src: string; from: number; end: number } | null = null;

/**
 * The first `$` at or after `from` that can close a formula (not escaped, not after a space),
 * or -1. Each `$` is looked at once per paragraph: a paragraph of many `$` that close nothing
 * (prices, say) costs linear time, not quadratic.
 */
function closingDollar(src: string, from: number): number {
  if (lastSearch && lastSearch.src === src && lastSearch.from <= from && (lastSearch.end === -1 || lastSearch.end >= from)) return lastSearch.end;
  let end = from;
  while ((end = src.indexOf('$', end)) !== -1) {
    if (src[end - 1] !== '\\' && !/\s/.test(src[end - 1] ?? ' ')) break;
    end++;
  }
  lastSearch = { src, from, end };
  return end;
}

function renderFormula(tex: string, displayMode: boolean, env: RenderEnv, blockLine: number): string {
  // KaTeX asks before it renders a command that links, loads or sets markup (\href, \url,
  // \includegraphics, \htmlClass…); the deck allows none of them, and says so.
  const untrusted: string[] = [];
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      throwOnError: true,
      output: 'htmlAndMathml',
      strict: 'error',
      trust: (context) => {
        untrusted.push(context.command);
        return false;
      },
    });
    if (untrusted.length === 0) return html;
    env.deck.sink.add(env.file, fileLine(env, blockLine), `formula uses \`${[...new Set(untrusted)].join('`, `')}\`, which the deck does not allow in \`${tex.trim()}\``, 'Formulas may not link or load anything: write the link in Markdown beside the formula.');
  } catch (e) {
    const error = e as katex.ParseError;
    const before = error.position === undefined ? '' : tex.slice(0, error.position);
    const line = fileLine(env, blockLine) + (before.match(/\n/g) ?? []).length;
    const reason = (error.rawMessage ?? error.message).replace(/\.$/, '');
    env.deck.sink.add(env.file, line, `formula KaTeX cannot parse: ${reason} in \`${tex.trim()}\``, 'Fix the TeX (try it at the KaTeX demo).');
  }
  return `<span class="deck-error" role="alert">${escapeHtml(UI.math.error(tex))}</span>`;
}

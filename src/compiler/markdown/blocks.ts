import type { MarkdownIt, Token } from 'markdown-it';
import container from 'markdown-it-container';
import { ATTR } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { fileLine, deckEnv } from './env.ts';

/** The `::: name` blocks the format knows; anything else is reported. */
export const BLOCK_NAMES = ['teaching', 'discussion', 'references', 'quiz', 'glossary', 'scores', 'timing'] as const;

/**
 * `::: teaching` — a teaching addition, labelled so it is never taken for the authors' words.
 * `::: discussion` — a discussion question of ours, labelled as a teaching addition.
 * `::: scores` — the table of the reader's quiz scores, per section (filled in the browser).
 * `::: timing` — in a cue: each section's minutes in the lecture plan shown (filled by the speaker view).
 * `::: references [from-to]` — the paper's reference list (or a part of it).
 */
export function blocks(md: MarkdownIt): void {
  md.use(container, 'teaching', {
    render: (tokens: { nesting: number }[], idx: number) =>
      tokens[idx]!.nesting === 1
        ? `<aside class="deck-teaching" aria-label="${UI.blocks.teaching}"><p class="deck-teaching-label">${UI.blocks.teachingLabel}</p>\n`
        : '</aside>\n',
  });

  md.use(container, 'discussion', {
    render: (tokens: { nesting: number }[], idx: number) =>
      tokens[idx]!.nesting === 1
        ? `<aside class="deck-teaching deck-discussion" aria-label="${UI.blocks.discussion}"><p class="deck-teaching-label">${UI.blocks.discussionLabel}</p>\n`
        : '</aside>\n',
  });

  md.use(container, 'scores', {
    render: (tokens: { nesting: number }[], idx: number) => (tokens[idx]!.nesting === 1 ? `<div class="deck-quiz-scores-box" ${ATTR.scores}>` : '</div>\n'),
  });

  md.use(container, 'timing', {
    render: (tokens: { nesting: number }[], idx: number) => (tokens[idx]!.nesting === 1 ? `<div class="deck-plan-timing" ${ATTR.timing}>` : '</div>\n'),
  });

  md.use(container, 'references', {
    render: (tokens: { nesting: number; info: string; map: [number, number] | null }[], idx: number, _o: unknown, rawEnv: unknown) => {
      const env = deckEnv(rawEnv);
      const token = tokens[idx]!;
      if (token.nesting !== 1) return '';
      const arg = token.info.trim().replace(/^references\s*/, '');
      const all = [...env.deck.bibliography.values()];
      let shown = all;
      if (arg) {
        const m = /^(\d+)-(\d+)$/.exec(arg);
        if (!m) {
          env.deck.sink.add(env.file, fileLine(env, token.map?.[0] ?? 0), `bad reference range \`${arg}\``, 'Write `::: references` or `::: references 1-6`.');
        } else {
          shown = all.filter((r) => r.n >= Number(m[1]) && r.n <= Number(m[2]));
        }
      }
      const items = shown
        .map((r) => `<li id="ref-${r.n}" value="${r.n}"><span class="deck-ref-n">[${r.n}]</span> ${escapeHtml(r.text)}</li>`)
        .join('\n');
      return `<ol class="deck-references">\n${items}\n</ol>\n`;
    },
  });

  // A block never closed runs to the end of the file (or of the list or quote it is in) and takes
  // in everything there: say so at the block, unless a slide break or a notes marker inside it has.
  md.core.ruler.push('deck_unclosed_blocks', (state) => {
    const env = deckEnv(state.env);
    if (!env.deck) return;
    const lines = state.src.split('\n');
    const open: Token[] = [];
    const reported = new Set<Token>();
    const nameOf = (t: Token): string => t.info.trim().split(/\s/)[0] ?? '';
    for (const token of state.tokens) {
      if (!token.type.startsWith('container_')) continue;
      if (token.nesting === -1) open.pop();
      if (token.nesting !== 1 || !token.map) continue;
      // The first `:::` ends the outer block: a block inside one of the same marker means the outer was left open.
      const outer = open.find((o) => o.markup === token.markup);
      open.push(token);
      if (outer) {
        if (!reported.has(outer)) {
          reported.add(outer);
          env.deck.sink.add(env.file, fileLine(env, outer.map?.[0] ?? 0), `\`${outer.markup} ${nameOf(outer)}\` is not closed before \`${token.markup} ${nameOf(token)}\` at line ${fileLine(env, token.map[0])}`, `End the block with a line \`${outer.markup}\` (to put one block inside another, open the outer one with a longer marker, \`${outer.markup}:\`).`);
        }
        continue;
      }
      const [first, close] = token.map;
      if (/^\s*:{3,}\s*$/.test(lines[close] ?? '')) continue;
      const line = fileLine(env, first);
      const name = nameOf(token);
      if (env.deck.sink.errors.some((e) => e.file === env.file && e.line === line && e.problem.startsWith(`\`::: ${name}\` is not closed`))) continue;
      env.deck.sink.add(env.file, line, `\`::: ${name}\` is not closed: it takes in everything after it`, 'End the block with a line `:::`.');
    }
  });

  // A `:::` line that no block claimed is a typo or an unknown block: say so.
  md.core.ruler.push('deck_unknown_blocks', (state) => {
    const env = deckEnv(state.env);
    for (const token of state.tokens) {
      if (token.type === 'inline' && token.content.startsWith(':::') && token.map) {
        const name = token.content.slice(3).trim().split(/\s/)[0] ?? '';
        env.deck.sink.add(env.file, fileLine(env, token.map[0]), `unknown block \`::: ${name}\``, `Use one of: ${BLOCK_NAMES.map((b) => `::: ${b}`).join(', ')}; close a block with \`:::\`.`);
      }
    }
  });
}

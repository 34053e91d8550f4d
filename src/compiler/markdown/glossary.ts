import type { MarkdownIt, Token } from 'markdown-it';
import container from 'markdown-it-container';
import { GLOSSARY_FILE } from '../deck-meta.ts';
import { escapeHtml } from '../../shared/html.ts';
import { deckEnv, type GlossaryTerm, type RenderEnv } from './env.ts';

/** Where the glossary list goes; the deck compiler fills it once every slide is compiled. */
export function glossaryPlaceholder(range: string): string {
  return `<!--deck:glossary:${range}-->`;
}

/**
 * Marks each glossary term where it first appears on a slide (not in headings, links or notes)
 * as a button that shows its definition on hover, focus or tap; `::: glossary [from-to]`
 * places the list of terms, each with a link to the slide where it is first marked.
 */
export function glossary(md: MarkdownIt): void {
  md.use(container, 'glossary', {
    render: (tokens: Token[], idx: number) => {
      const token = tokens[idx]!;
      return token.nesting === 1 ? glossaryPlaceholder(token.info.trim().replace(/^glossary\s*/, '')) : '';
    },
  });

  md.core.ruler.push('deck_glossary_terms', (state) => {
    const env = deckEnv(state.env);
    if (state.inlineMode || env.inNotes || !env.glossary) return;
    let tip = 0;
    state.tokens.forEach((block, b) => {
      if (block.type !== 'inline' || !block.children || state.tokens[b - 1]?.type === 'heading_open') return;
      let inLink = 0;
      const out: Token[] = [];
      for (const child of block.children) {
        if (child.type === 'link_open') inLink++;
        if (child.type === 'link_close') inLink--;
        if (child.type !== 'text' || inLink > 0) {
          out.push(child);
          continue;
        }
        out.push(...markTerms(child, env, state.Token, md, () => ++tip));
      }
      block.children = out;
    });
  });
}

function markTerms(text: Token, env: RenderEnv, TokenClass: typeof Token, md: MarkdownIt, nextTip: () => number): Token[] {
  const out: Token[] = [];
  let rest = text.content;
  for (;;) {
    const hit = firstUnmarked(rest, env.glossary.terms);
    if (!hit) break;
    const { at, term } = hit;
    term.firstSlide = env.slideId;
    const tipId = `tip-${env.slideId}-${nextTip()}`;
    const before = new TokenClass('text', '', 0);
    before.content = rest.slice(0, at);
    const button = new TokenClass('html_inline', '', 0);
    // Problems in a definition are reported at its line in the glossary file.
    const definition = md.renderInline(term.definition, { ...env, file: GLOSSARY_FILE, lineOffset: term.line - 1, inNotes: true });
    const label = term.teaching ? '教学补充' : '原文';
    button.content = `<span class="deck-term-wrap"><button type="button" class="deck-term" aria-expanded="false" aria-describedby="${tipId}">${escapeHtml(term.term)}</button><span role="tooltip" id="${tipId}" class="deck-term-tip" hidden><strong>${escapeHtml(term.term)}</strong>：${definition}<span class="deck-term-source">（${label}）</span></span></span>`;
    out.push(before, button);
    rest = rest.slice(at + term.term.length);
  }
  const after = new TokenClass('text', '', 0);
  after.content = rest;
  out.push(after);
  return out;
}

/** The earliest term in `text` not yet marked anywhere in the deck; the longest one at a tie. */
function firstUnmarked(text: string, terms: GlossaryTerm[]): { at: number; term: GlossaryTerm } | null {
  let best: { at: number; term: GlossaryTerm } | null = null;
  for (const term of terms) {
    if (term.firstSlide !== null) continue;
    const at = text.indexOf(term.term);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && term.term.length > best.term.term.length)) best = { at, term };
  }
  return best;
}

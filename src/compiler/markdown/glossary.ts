import type { MarkdownIt, Token } from 'markdown-it';
import container from 'markdown-it-container';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { GLOSSARY_FILE } from '../deck-meta.ts';
import { deckEnv, placeOf, slideIdOf, type GlossaryTerm, type RenderEnv } from './env.ts';

/** What a `deck_term` token carries: the term, and the id of its definition's tooltip. */
export interface TermTokenMeta {
  term: GlossaryTerm;
  tipId: string;
}

/**
 * Marks each glossary term where it first appears on a slide (not in headings, links or notes)
 * as a `deck_term` token: a button that shows its definition on hover, focus or tap.
 * `::: glossary [from-to]` lists the terms, each with a link to the slide where it is first
 * marked (rendered once every file is parsed, so every first appearance is known).
 */
export function glossary(md: MarkdownIt): void {
  md.use(container, 'glossary', {
    render: (tokens: Token[], idx: number, _o: unknown, rawEnv: unknown) => {
      const token = tokens[idx]!;
      return token.nesting === 1 ? glossaryList(token.info.trim().replace(/^glossary\s*/, ''), md, deckEnv(rawEnv)) : '';
    },
  });

  md.core.ruler.push('deck_glossary_terms', (state) => {
    const env = deckEnv(state.env);
    if (state.inlineMode || env.inNotes || !env.deck) return;
    const tips = new Map<string, number>();
    state.tokens.forEach((block, b) => {
      if (block.type !== 'inline' || !block.children || state.tokens[b - 1]?.type === 'heading_open') return;
      if (placeOf(block)?.part !== 'body') return;
      const slideId = slideIdOf(env, block);
      let inLink = 0;
      const out: Token[] = [];
      for (const child of block.children) {
        if (child.type === 'link_open') inLink++;
        if (child.type === 'link_close') inLink--;
        if (child.type !== 'text' || inLink > 0) {
          out.push(child);
          continue;
        }
        out.push(...markTerms(child, env.deck.glossary.terms, slideId, state.Token, () => {
          const n = (tips.get(slideId) ?? 0) + 1;
          tips.set(slideId, n);
          return `tip-${slideId}-${n}`;
        }));
      }
      block.children = out;
    });
  });

  md.renderer.rules.deck_term = (tokens, idx, _o, rawEnv) => {
    const env = deckEnv(rawEnv);
    const { term, tipId } = tokens[idx]!.meta as unknown as TermTokenMeta;
    const source = term.teaching ? UI.glossary.teaching : UI.glossary.paper;
    return `<span class="deck-term-wrap"><button type="button" class="deck-term" aria-expanded="false" aria-describedby="${tipId}">${escapeHtml(term.term)}</button><span role="tooltip" id="${tipId}" class="deck-term-tip" hidden><strong>${escapeHtml(term.term)}</strong>：${definitionHtml(term, md, env)}<span class="deck-term-source">（${source}）</span></span></span>`;
  };
}

/** A term's definition, with problems in it reported at its line in the glossary file. */
export function definitionHtml(term: GlossaryTerm, md: MarkdownIt, env: RenderEnv): string {
  return md.renderInline(term.definition, { ...env, file: GLOSSARY_FILE, lineOffset: term.line - 1, inNotes: true });
}

function markTerms(text: Token, terms: GlossaryTerm[], slideId: string, TokenClass: typeof Token, nextTip: () => string): Token[] {
  const out: Token[] = [];
  let rest = text.content;
  for (;;) {
    const hit = firstUnmarked(rest, terms);
    if (!hit) break;
    const { at, term } = hit;
    term.firstSlide = slideId;
    const before = new TokenClass('text', '', 0);
    before.content = rest.slice(0, at);
    const marked = new TokenClass('deck_term', 'button', 0);
    marked.content = term.term;
    marked.meta = { term, tipId: nextTip() } satisfies TermTokenMeta;
    out.push(before, marked);
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

/**
 * The `::: glossary [from-to]` list, under a one-line legend: each term, its definition, the
 * mark of a teaching addition (an unmarked entry quotes the paper, or a source it cites, and
 * says where), and the slide where it is first used.
 */
function glossaryList(range: string, md: MarkdownIt, env: RenderEnv): string {
  const terms = env.deck.glossary.terms;
  const [from, to] = range ? range.split('-').map(Number) : [1, terms.length];
  const titles = env.deck.rendering?.slideTitles;
  const items = terms.slice((from ?? 1) - 1, to).map((t) => {
    // By title: slide numbers change with the lecture plan.
    const title = t.firstSlide ? titles?.get(t.firstSlide) : undefined;
    const where = title ? ` <a class="deck-glossary-where" href="#/${t.firstSlide}">${escapeHtml(UI.glossary.seeSlide(title))}</a>` : '';
    const source = t.teaching ? `<span class="deck-term-source">（${UI.glossary.teaching}）</span>` : '';
    return `<div class="deck-glossary-entry"><dt>${escapeHtml(t.term)}</dt><dd>${definitionHtml(t, md, env)}${source}${where}</dd></div>`;
  });
  return `<p class="deck-glossary-legend">${escapeHtml(UI.glossary.legend)}</p><dl class="deck-glossary">${items.join('')}</dl>`;
}

import type { MarkdownIt } from 'markdown-it';
import { ATTR, REFERENCES_SLIDE_ID } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { fileLine, deckEnv } from './env.ts';

const CITATION = /^\[@(\d+)(?:,\s*(P[\d-–]+))?\]/;

/**
 * `[@7]` or `[@7, P502]`: a citation of the paper's reference 7 (page 502), rendered as a
 * superscript link to the references slide that carries the full reference.
 */
export function citations(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'citation', (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */ || state.src[state.pos + 1] !== '@') return false;
    const m = CITATION.exec(state.src.slice(state.pos));
    if (!m) {
      if (!silent) {
        const token = state.push('citation_malformed', '', 0);
        token.content = state.src.slice(state.pos, state.src.indexOf(']', state.pos) + 1 || undefined);
      }
      state.pos += 2;
      return true;
    }
    if (!silent) {
      const token = state.push('citation', 'sup', 0);
      token.meta = { n: Number(m[1]), page: m[2] ?? null };
    }
    state.pos += m[0].length;
    return true;
  });

  md.renderer.rules.citation_malformed = (tokens, idx, _o, rawEnv) => {
    const env = deckEnv(rawEnv);
    const token = tokens[idx]!;
    env.deck.sink.add(env.file, fileLine(env, (token.meta as { line: number }).line), `malformed citation \`${token.content}\``, 'Write `[@7]` or `[@7, P502]`.');
    return escapeHtml('[@');
  };

  md.renderer.rules.citation = (tokens, idx, _o, rawEnv) => {
    const env = deckEnv(rawEnv);
    const { n, page, line } = tokens[idx]!.meta as { n: number; page: string | null; line: number };
    const ref = env.deck.bibliography.get(n);
    const label = `[${n}]${page ? `(${page})` : ''}`;
    if (!ref) {
      const known = [...env.deck.bibliography.keys()];
      const range = known.length ? `[${Math.min(...known)}]–[${Math.max(...known)}]` : 'none';
      env.deck.sink.add(env.file, fileLine(env, line), `unknown citation [@${n}]`, `The references are ${range} in slides/references.yml.`);
      return `<sup class="deck-error" role="alert">${escapeHtml(label)}</sup>`;
    }
    env.deck.citations.push({ n, page, slideId: env.currentSlide });
    const full = `[${n}] ${ref.text}${page ? `${UI.citation.pageSeparator}${page}` : ''}`;
    return `<sup class="deck-cite"><a href="#/${REFERENCES_SLIDE_ID}" ${ATTR.ref}="${n}" aria-label="${escapeHtml(UI.citation.label(full))}">${escapeHtml(label)}</a></sup>`;
  };
}

import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { MANIFEST_ID, REFERENCES_SLIDE_ID, REST_LINK_ID } from '../../shared/deck-model.ts';
import { htmlPieces, type HtmlPiece } from '../html/dom.ts';
import { imageFile } from './images.ts';
import { deckEnv, fileLine, placeOf, type RenderEnv } from './env.ts';

/**
 * The deck's policy for HTML written in the content (slides, notes, cues, questions, glossary):
 * an allowlist of elements and attributes, in the spirit of Marp's `html` allowlist and Hugo's
 * `unsafe: false`. What it allows is kept as written; anything else — a script, an event
 * handler, a style, a frame, a URL to another host, a tag that closes what it did not open — is
 * an error with its place, and is shown as text (never run, never dropped in silence).
 */

/** The deck's widgets (src/deck/widgets/), with the attributes each may carry. */
export const WIDGET_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  'growth-explorer': ['preset'],
  'cake-explorer': ['seed'],
};

/** Elements the content may use, with the attributes each may carry besides the global ones. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  // Text.
  span: [], br: [], wbr: [], b: [], strong: [], i: [], em: [], u: [], s: [], del: [], ins: [], sub: [], sup: [], small: [],
  mark: [], abbr: [], code: [], kbd: [], q: [], cite: [], ruby: [], rt: [], rp: [], bdi: [], time: ['datetime'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
  // Blocks.
  p: [], div: [], blockquote: [], hr: [], figure: [], figcaption: [], details: ['open'], summary: [],
  ul: [], ol: ['start', 'reversed', 'type'], li: ['value'], dl: [], dt: [], dd: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'],
  // The deck's widgets, with their own attributes.
  ...WIDGET_ELEMENTS,
};

/** Attributes any allowed element may carry. */
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'lang', 'dir', 'title', 'role', 'aria-label', 'aria-describedby', 'aria-labelledby', 'aria-hidden']);

/** Elements with no end tag (HTML's void elements, allowed or not). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Ids the pages already use: content that took one would break the deck. */
const RESERVED_IDS = new Set([MANIFEST_ID, REST_LINK_ID, REFERENCES_SLIDE_ID]);

/** A link within the deck: to a slide or a place in the page (`#…`), or to one of the deck's pages (`paper.html#p-3`). */
function staysInDeck(href: string): boolean {
  return href.startsWith('#') || /^(\.\/)?[\w-]+\.html(#[^\s]*)?$/.test(href);
}

/** What is wrong with one tag (none if the policy allows it). */
export function tagProblems(piece: Extract<HtmlPiece, { kind: 'start' }>, root: string): string[] {
  const allowed = ALLOWED_ELEMENTS[piece.name];
  if (!allowed) return [`HTML element \`<${piece.name}>\` is not allowed`];
  const problems: string[] = [];
  for (const { name, value } of piece.attrs) {
    const known = GLOBAL_ATTRIBUTES.has(name) || allowed.includes(name) || (name.startsWith('data-') && !name.startsWith('data-deck-'));
    if (!known) problems.push(`attribute \`${name}\` on \`<${piece.name}>\` is not allowed`);
    else if (name === 'id' && (RESERVED_IDS.has(value) || value.startsWith('deck-'))) problems.push(`id \`${value}\` is reserved by the deck`);
    else if (name === 'href' && !staysInDeck(value)) problems.push(`link \`${value}\` leads out of the deck`);
    else if (name === 'src' && imageFile(value, root).problem) problems.push(`image \`${value}\` is not a file under assets/`);
  }
  if (piece.name === 'img' && !piece.attrs.some((a) => a.name === 'alt' && a.value.trim())) problems.push('`<img>` has no alt text');
  return problems;
}

/** The policy's fix for every problem it reports. */
const FIX = `Use Markdown, or only the allowed HTML: ${Object.keys(ALLOWED_ELEMENTS).join(', ')}, with class, id, lang, title and aria-* attributes (see the README, "HTML in the content"); links only to slides (#/id) or the deck's pages; images only from assets/.`;

/** The policy as a markdown-it plugin (a core rule before the others read the HTML tokens). */
export function htmlPolicy(md: MarkdownIt): void {
  md.core.ruler.after('deck_structure', 'deck_html_policy', (state) => {
    const env = deckEnv(state.env);
    if (!env.deck) return;
    // Each slide part's tags must balance, so content never closes the slide around it.
    const open = new Map<string, { name: string; line: number; refused: boolean }[]>();
    const partKey = (token: Token): string => {
      const place = placeOf(token);
      return place ? `${place.slide}:${place.part}` : 'inline';
    };
    const check = (token: Token, line: number, key: string): void => {
      const problems: string[] = [];
      const stack = open.get(key) ?? [];
      open.set(key, stack);
      let closesRefused = false;
      for (const piece of htmlPieces(token.content)) {
        if (piece.kind === 'comment') continue;
        if (piece.kind === 'start') {
          const refused = tagProblems(piece, env.deck.root);
          problems.push(...refused);
          // Refused or not, it opens an element: its end tag must find it (and is shown as text with it).
          if (!VOID.has(piece.name) && !piece.selfClosing) stack.push({ name: piece.name, line, refused: refused.length > 0 });
        } else if (piece.kind === 'end') {
          if (stack.at(-1)?.name === piece.name) closesRefused ||= stack.pop()!.refused;
          else if (!ALLOWED_ELEMENTS[piece.name]) problems.push(`HTML element \`</${piece.name}>\` is not allowed`);
          else problems.push(`\`</${piece.name}>\` closes an element it did not open`);
        }
      }
      if (closesRefused && problems.length === 0) return blockToken(token);
      if (token.type === 'html_block' && token.content.includes('<!--') && !token.content.includes('-->')) problems.push('HTML comment `<!--` is not closed');
      if (problems.length === 0) return;
      for (const problem of problems) env.deck.sink.add(env.file, line, problem, FIX);
      blockToken(token);
    };
    walk(state, env, check, partKey);
    checkAttributes(state, env);
    for (const stack of open.values()) {
      for (const { name, line } of stack) env.deck.sink.add(env.file, line, `\`<${name}>\` is not closed`, `Close it with \`</${name}>\` in the same part of the slide.`);
    }
  });

  md.renderer.rules.deck_blocked_html = (tokens, idx) => {
    const token = tokens[idx]!;
    const text = md.utils.escapeHtml(token.content);
    return token.block ? `<pre class="deck-error" role="alert">${text}</pre>\n` : `<code class="deck-error" role="alert">${text}</code>`;
  };
}

/** Every HTML token (blocks, and inline children), with its file line and the part it is in. */
function walk(state: StateCore, env: RenderEnv, check: (token: Token, line: number, key: string) => void, partKey: (token: Token) => string): void {
  for (const token of state.tokens) {
    const key = partKey(token);
    if (token.type === 'html_block' && !isOptionsComment(token)) check(token, fileLine(env, token.map?.[0] ?? 0), key);
    for (const child of token.children ?? []) {
      if (child.type === 'html_inline') check(child, fileLine(env, (child.meta as { line?: number } | null)?.line ?? token.map?.[0] ?? 0), key);
    }
  }
}

/** The `<!-- .slide: … -->` comment: read by the structure rule. */
function isOptionsComment(token: Token): boolean {
  return token.content.trim().startsWith('<!--') && token.content.includes('.slide:');
}

/** Turns an HTML token the policy refused into text: it shows, it does not run. */
function blockToken(token: Token): void {
  token.type = 'deck_blocked_html';
}

/**
 * What Markdown itself sets on elements must keep to the policy too: an id from `{#id}` that the
 * pages use, a `data-deck-*` attribute (the compiler's), a link to another host.
 */
function checkAttributes(state: StateCore, env: RenderEnv): void {
  const report = (line: number, problem: string): void => env.deck.sink.add(env.file, line, problem, FIX);
  for (const token of state.tokens) {
    const line = fileLine(env, token.map?.[0] ?? 0);
    for (const t of [token, ...(token.children ?? [])]) {
      const at = t === token ? line : fileLine(env, (t.meta as { line?: number } | null)?.line ?? token.map?.[0] ?? 0);
      for (const [name, raw] of t.attrs ?? []) {
        const value = String(raw);
        if (name === 'id' && (RESERVED_IDS.has(value) || value.startsWith('deck-'))) report(at, `id \`${value}\` is reserved by the deck`);
        if (name.startsWith('data-deck-')) report(at, `attribute \`${name}\` is the deck's own`);
      }
      const href = t.type === 'link_open' ? String(t.attrGet('href') ?? '') : '';
      if (href && !staysInDeck(href)) {
        report(at, `link \`${href}\` leads out of the deck`);
        // Where the page is still shown (the dev server), its text stays and leads nowhere.
        t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'href');
      }
    }
  }
}

import type { Token } from 'markdown-it';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import type { ParsedFile } from '../compile-section.ts';
import { partTokens } from '../compile-section.ts';

/**
 * The deck's slide layouts: one per kind of slide, chosen from what the slide holds (never set
 * by hand, so two slides of a kind cannot look different), each a class on the slide
 * (`deck-layout-<kind>`, theme.css):
 * - `opener`: a section's first slide that opens a part of the argument: its heading, the
 *   guiding question (a paragraph `Label：question`), and a labelled list of goals (a paragraph
 *   `Label：` and a list). It gets the part's number above the heading and, at its foot, where
 *   the part stands among the others;
 * - `quote`: a quotation with at most two short blocks beside it (a list of up to three items or
 *   a paragraph): the quotation set large;
 * - `list`: a short text slide (a list of up to five items, a paragraph before it at most): its
 *   text set large, each item's lead phrase (`Lead：rest`) in bold.
 * In the quote and list layouts the content stands in the middle of the room under the heading,
 * and a list of two items (a pair) is set in two columns. Other slides keep the plain layout.
 */
export type SlideLayout = 'opener' | 'quote' | 'list';

/** What a slide's layout adds around its body (HTML, before and after it). */
export interface LayoutOfSlide {
  layout: SlideLayout;
  before: string;
  after: string;
}

/** A text slide holds at most this many characters (besides its heading) to be set large. */
const SHORT_TEXT = 150;
/** A lead phrase (before a full-width colon) is at most this many characters. */
const LEAD_MAX = 8;
const COLON = '\uFF1A';
/** The heading of a numbered part: a Chinese numeral and 、 (一、新质生产力……). */
const PART_NUMERAL = /^([一二三四五六七八九十]+)、/u;

/** A slide's top-level blocks: each opening token at level 0 with its children up to its close. */
function blocks(body: readonly Token[]): { open: Token; tokens: Token[] }[] {
  const out: { open: Token; tokens: Token[] }[] = [];
  for (const token of body) {
    if (token.level === 0 && token.nesting !== -1) out.push({ open: token, tokens: [token] });
    else out.at(-1)?.tokens.push(token);
  }
  // Options comments and the notes' markers lay nothing out.
  return out.filter((b) => b.open.type !== 'slide_options');
}

const kindOf = (b: { open: Token }): string => b.open.type.replace(/_open$/, '');
const textOf = (b: { tokens: Token[] }): string => b.tokens.filter((t) => t.type === 'inline').map((t) => t.content).join('');
const itemsOf = (b: { tokens: Token[] }): number => b.tokens.filter((t) => t.type === 'list_item_open' && t.level === 1).length;
const nested = (b: { tokens: Token[] }): boolean => b.tokens.some((t) => (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && t.level > 0);
const isList = (kind: string): boolean => kind === 'bullet_list' || kind === 'ordered_list';

/**
 * Chooses each slide's layout and marks its tokens for it (in place, before the deck's font is
 * subset, so that what it sets bold is in the bold face): the opener's labels, a pair's list,
 * each lead phrase. Every file of the deck at once: an opener shows every part.
 */
export function applySlideLayouts(files: readonly ParsedFile[]): Map<string, LayoutOfSlide> {
  const layouts = new Map<string, LayoutOfSlide>();
  const openers = files.filter((f) => f.section.slides.length > 0 && openerParts(partTokens(f, 0, 'body')) !== null);
  for (const file of files) {
    file.section.slides.forEach((slide, i) => {
      const body = partTokens(file, i, 'body');
      const opener = i === 0 ? openerParts(body) : null;
      if (opener) {
        layouts.set(slide.id, { layout: 'opener', ...openerFrame(file, opener, openers) });
        label(opener.question, 'deck-opener-label');
        opener.question.open.attrJoin('class', 'deck-opener-question');
        opener.goalsLabel.open.attrJoin('class', 'deck-opener-goals-label');
        opener.goals.open.attrJoin('class', 'deck-opener-goals');
        return;
      }
      const layout = textLayout(blocks(body));
      if (!layout) return;
      layouts.set(slide.id, { layout, before: '', after: '' });
      for (const list of blocks(body).filter((b) => isList(kindOf(b)))) {
        if (itemsOf(list) === 2) list.open.attrJoin('class', 'deck-pair');
        if (layout === 'list') leads(list);
      }
    });
  }
  return layouts;
}

/** The blocks of an opener (see SlideLayout), or null if the slide is not one. */
function openerParts(body: readonly Token[]): { heading: Token; question: { open: Token; tokens: Token[] }; goalsLabel: { open: Token; tokens: Token[] }; goals: { open: Token; tokens: Token[] } } | null {
  const b = blocks(body);
  if (b.length !== 4 || b[0]!.open.tag !== 'h1') return null;
  const [, question, goalsLabel, goals] = b as [unknown, (typeof b)[0], (typeof b)[0], (typeof b)[0]];
  if (kindOf(question) !== 'paragraph' || kindOf(goalsLabel) !== 'paragraph' || !isList(kindOf(goals))) return null;
  const q = textOf(question);
  const at = q.indexOf(COLON);
  if (at <= 0 || at > LEAD_MAX || at === q.length - 1 || !textOf(goalsLabel).endsWith(COLON)) return null;
  return { heading: b[0]!.open, question, goalsLabel, goals };
}

/** The opener's part number (above its heading) and where the part stands among the deck's parts (at its foot). */
function openerFrame(file: ParsedFile, opener: NonNullable<ReturnType<typeof openerParts>>, openers: readonly ParsedFile[]): { before: string; after: string } {
  const heading = partTokens(file, 0, 'body')[partTokens(file, 0, 'body').indexOf(opener.heading) + 1]?.content ?? '';
  const numeral = PART_NUMERAL.exec(heading)?.[1];
  const before = `<p class="deck-opener-part">${escapeHtml(numeral ? UI.opener.part(numeral) : UI.opener.lead)}</p>`;
  const here = openers.indexOf(file);
  const steps = openers.map((f, k) => {
    const state = k < here ? ' class="deck-opener-done"' : k === here ? ' class="deck-opener-here" aria-current="step"' : '';
    return `<li${state}>${escapeHtml(f.section.short)}</li>`;
  });
  const after = `<ol class="deck-opener-track" aria-label="${escapeHtml(UI.opener.track)}">${steps.join('')}</ol>`;
  return { before, after };
}

/** The layout of a slide that is not an opener: quote, list, or none. */
function textLayout(b: ReturnType<typeof blocks>): SlideLayout | null {
  if (b.length < 2 || b[0]!.open.type !== 'heading_open') return null;
  const content = b.slice(1);
  const kinds = content.map(kindOf);
  if (!kinds.every((k) => k === 'paragraph' || k === 'blockquote' || isList(k))) return null;
  if (content.some(nested) || content.map(textOf).join('').length > SHORT_TEXT) return null;
  const lists = content.filter((c) => isList(kindOf(c)));
  const quotes = kinds.filter((k) => k === 'blockquote').length;
  if (quotes === 1 && content.length <= 2 && lists.every((l) => itemsOf(l) <= 3)) return 'quote';
  if (quotes === 0 && lists.length === 1 && itemsOf(lists[0]!) <= 5 && content.length <= 2 && isList(kinds.at(-1)!)) return 'list';
  return null;
}

/** markdown-it exports Token only as a type; its class is the one every token has. */
const tokenClass = (like: Token): new (type: string, tag: string, nesting: Token["nesting"]) => Token => like.constructor as new (type: string, tag: string, nesting: Token["nesting"]) => Token;

/** Wraps the label before a block's first full-width colon (its colon with it) in a span of `className`. */
function label(block: { tokens: Token[] }, className: string): void {
  const inline = block.tokens.find((t) => t.type === 'inline');
  const first = inline?.children?.[0];
  if (!inline?.children || first?.type !== 'text') return;
  const at = first.content.indexOf(COLON);
  if (at <= 0) return;
  const TokenClass = tokenClass(first);
  const open = new TokenClass('html_inline', '', 0);
  open.content = `<span class="${className}">`;
  const text = new TokenClass('text', '', 0);
  text.content = first.content.slice(0, at + 1);
  const close = new TokenClass('html_inline', '', 0);
  close.content = '</span>';
  first.content = first.content.slice(at + 1);
  inline.children.unshift(open, text, close);
}

/**
 * Sets each item's lead phrase (the words before its first full-width colon, if short) in bold.
 * The phrase may be a glossary term, already its own token (glossary.ts marks terms first).
 */
function leads(list: { tokens: Token[] }): void {
  for (const inline of list.tokens.filter((t) => t.type === 'inline' && t.level === 3)) {
    const children = inline.children ?? [];
    const end = children.findIndex((c) => c.type !== 'deck_term' && (c.type !== 'text' || c.content.includes(COLON)));
    const last = children[end];
    if (!last || last.type !== 'text') continue;
    const at = last.content.indexOf(COLON);
    const lead = children.slice(0, end).map((c) => c.content).join('') + last.content.slice(0, at);
    if (lead.length === 0 || lead.length > LEAD_MAX || /[\p{P}\s]/u.test(lead)) continue;
    const TokenClass = tokenClass(last);
    const open = new TokenClass('strong_open', 'strong', 1);
    open.attrSet('class', 'deck-lead');
    open.markup = '**';
    const text = new TokenClass('text', '', 0);
    text.content = last.content.slice(0, at + 1);
    const close = new TokenClass('strong_close', 'strong', -1);
    close.markup = '**';
    last.content = last.content.slice(at + 1);
    children.splice(end, 0, text, close);
    children.unshift(open);
  }
}

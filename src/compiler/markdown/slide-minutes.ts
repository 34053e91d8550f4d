import type { Token } from 'markdown-it';
import { htmlPieces } from '../html/dom.ts';
import { WIDGET_ELEMENTS } from './html-policy.ts';

/**
 * A slide's planned minutes when it sets none (`minutes=N`), by what it asks of the class:
 * reading a slide, answering a question, trying a widget, discussing. Declared once, here;
 * each lecture plan must add up to 90–100 % of its minutes (compile-deck.ts checks).
 */
export const SLIDE_MINUTES = { content: 1, quiz: 2, widget: 3, discussion: 4 } as const;

export type SlideKind = keyof typeof SLIDE_MINUTES;

/** No slide is planned shorter than this (`minutes=` below it is an error). */
export const MIN_SLIDE_MINUTES = 0.5;

/** What a slide asks of the class, from its content's tokens: a discussion over a widget over a question over reading. */
export function slideKind(body: readonly Token[]): SlideKind {
  const all = body.flatMap((t) => [t, ...(t.children ?? [])]);
  if (all.some((t) => t.type === 'container_discussion_open')) return 'discussion';
  const html = all.filter((t) => t.type === 'html_block' || t.type === 'html_inline');
  if (html.some((t) => htmlPieces(t.content).some((p) => p.kind === 'start' && p.name in WIDGET_ELEMENTS))) return 'widget';
  if (all.some((t) => t.type === 'deck_quiz')) return 'quiz';
  return 'content';
}

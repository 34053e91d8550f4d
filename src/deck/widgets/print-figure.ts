import { htmlEl } from '../html-element.ts';

/**
 * Whether the page exists to be printed: reveal.js's print view (`?print-pdf`, see mode.ts), the
 * A4 handout and the study guide (pages/). There a widget is only its static figure: nothing to
 * operate, nothing to focus. Elsewhere it is live on screen and prints as the same figure.
 */
export function printOnlyPage(): boolean {
  const html = document.documentElement;
  return html.dataset.deckMode === 'print' || html.classList.contains('deck-handout-mode') || html.classList.contains('deck-study-guide-mode');
}

/** What a widget prints: its default state drawn once, described, and captioned. */
export interface PrintedFigure {
  /** Draws the chart(s) of the default state into `box` and returns what they show, for a screen reader and the PDF's /Alt. */
  draw: (box: HTMLElement) => string;
  /** What the figure shows. */
  caption: string;
  /** That it is interactive on screen. */
  onScreen: string;
}

/**
 * The static figure a widget prints as, appended to `host`: its charts and a caption. The figure
 * is named by the charts' description (`aria-label`: Chromium makes it the tagged PDF's Figure
 * with that /Alt), and the charts' own marks are hidden from assistive technology, so the PDF
 * has one Figure for it, never one without /Alt. widgets.css shows it in print, and on screen
 * where the widget has no live part (a print-only page).
 */
export function printedFigure(host: Element, figure: PrintedFigure): HTMLElement {
  const el = htmlEl('figure', 'widget-print', '', host);
  const image = htmlEl('div', 'widget-print-image', '', el);
  image.setAttribute('aria-hidden', 'true');
  el.setAttribute('aria-label', figure.draw(image));
  const caption = htmlEl('figcaption', 'widget-print-caption', figure.caption, el);
  htmlEl('span', 'widget-print-on-screen', figure.onScreen, caption);
  return el;
}

import { htmlText } from '../compiler/html/dom.ts';

/**
 * The text of a question's or option's HTML, for the results file and CSV: read by the HTML
 * parser (tags dropped, entities decoded), spaces collapsed. (The deck's questions hold no formulas.)
 */
export function htmlToText(html: string): string {
  return htmlText(html);
}

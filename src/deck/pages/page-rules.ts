import { UI } from '../../shared/ui-strings.ts';

/**
 * The printed page's margin boxes (page numbers, running section titles), written at run time
 * because they must name the deck font as a literal family list: a margin box has no element to
 * inherit `--deck-font` from, and a system fallback font would embed as Type 3 in a PDF.
 */

/** A CSS string literal for any text (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** The named page of a section: `deck-sec-<id>` (section ids are lowercase letters, digits and `-`). */
export function sectionPageName(sectionId: string): string {
  return `deck-sec-${sectionId.replace(/[^a-z0-9-]/gi, '-')}`;
}

/** What the margin boxes show. */
export interface PageRuleOptions {
  /** The font family list of the page body, e.g. `getComputedStyle(document.body).fontFamily`. */
  fontFamily: string;
  /** Named pages that carry a title at the top left (a section's pages: `sectionPageName(id)`). @default [] */
  runningHeads?: readonly { page: string; title: string }[];
  /** Named pages with no header or footer at all (covers). @default [] */
  blankPages?: readonly string[];
}

/** The `@page` rules for those margin boxes. */
export function pageRulesCss(options: PageRuleOptions): string {
  const box = `font-family: ${options.fontFamily}; font-size: 8.5pt; color: #4a5568;`;
  const rules: string[] = [];
  const { before, middle, after } = UI.print.page;
  rules.push(`@page { @bottom-center { content: ${cssString(before)} counter(page) ${cssString(middle)} counter(pages) ${cssString(after)}; ${box} } }`);
  for (const head of options.runningHeads ?? []) {
    rules.push(`@page ${head.page} { @top-left { content: ${cssString(head.title)}; ${box} vertical-align: bottom; padding-bottom: 3mm; } }`);
  }
  for (const name of options.blankPages ?? []) {
    rules.push(`@page ${name} { @top-left { content: none; } @bottom-center { content: none; } }`);
  }
  return rules.join('\n');
}

/** Adds (or replaces) the page's margin-box rules. */
export function installPageRules(options: PageRuleOptions): void {
  let style = document.getElementById('deck-page-rules');
  if (!style) {
    style = document.createElement('style');
    style.id = 'deck-page-rules';
    document.head.append(style);
  }
  style.textContent = pageRulesCss(options);
}

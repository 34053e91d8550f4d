import type { DeckTool, ToolFactory } from '../tool.ts';
import { breakHeadingsAtWords, joinPunctuation } from '../typeset.ts';

/**
 * Chinese line breaking where the stylesheets cannot reach (typeset.ts): terms, inline formulas
 * and citations joined to the punctuation beside them, headings broken between words. Once, on
 * the whole page, in every mode (presentation, print, preview, study view).
 */
export const typesetting: ToolFactory<DeckTool> = () => ({
  id: 'deck-typesetting',
  init() {
    joinPunctuation(document.body);
    breakHeadingsAtWords(document.body);
  },
  destroy() {
    // What it joined stays joined: the text reads the same, only its line breaks differ.
  },
});

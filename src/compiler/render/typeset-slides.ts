import { Window } from 'happy-dom';
import { breakHeadingsAtWords, joinPunctuation } from '../../shared/typeset.ts';
import { parseHtml, serializeHtml } from '../html/dom.ts';
import type { CompiledSection } from '../model.ts';

/**
 * Chinese line breaking done once, at build time, on every slide's body and notes (the rules and
 * why: shared/typeset.ts): the pages carry the joins and the headings' word breaks in their
 * static HTML, so neither the presentation nor a phone's study view spends its first seconds
 * walking thousands of elements to add them. Run in a DOM of happy-dom's; returns new sections.
 */
export function typesetSections(sections: readonly CompiledSection[]): CompiledSection[] {
  const window = new Window();
  try {
    const box = (window.document as unknown as Document).createElement('div');
    const typeset = (html: string): string => {
      if (!html) return html;
      // Through parse5 first: it writes a self-closed MathML or SVG element (KaTeX's `<mspace/>`)
      // with its end tag, which happy-dom's parser would otherwise leave open over its siblings.
      box.innerHTML = serializeHtml(parseHtml(html));
      joinPunctuation(box);
      breakHeadingsAtWords(box);
      return box.innerHTML;
    };
    return sections.map((section) => ({
      ...section,
      slides: section.slides.map((slide) => ({ ...slide, body: typeset(slide.body), notes: typeset(slide.notes) })),
    }));
  } finally {
    void window.happyDOM.close();
  }
}

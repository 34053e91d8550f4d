import MarkdownItFactory, { type MarkdownIt } from 'markdown-it';
import attrs from 'markdown-it-attrs';
import { blocks } from './blocks.ts';
import { citations } from './citations.ts';
import { diagrams } from './diagrams.ts';
import { glossary } from './glossary.ts';
import { images } from './images.ts';
import { inlineLines } from './inline-lines.ts';
import { math } from './math.ts';
import { quiz } from './quiz.ts';

/**
 * The deck's Markdown pipeline: one plugin per construct, in this order.
 * Raw HTML is allowed (custom elements, `lang` wrappers); typographer is off so Chinese
 * quotation marks stay as written.
 */
export function createMarkdown(): MarkdownIt {
  return new MarkdownItFactory({ html: true, linkify: false, typographer: false })
    .use(attrs, { allowedAttributes: ['id', 'class', 'lang', /^data-/] })
    .use(inlineLines)
    .use(math)
    .use(citations)
    .use(diagrams)
    .use(images)
    .use(blocks)
    .use(quiz)
    // After quiz: terms are never marked inside a question's labels.
    .use(glossary);
}

import MarkdownItFactory, { type MarkdownIt } from 'markdown-it';
import attrs from 'markdown-it-attrs';
import { blocks } from './blocks.ts';
import { citations } from './citations.ts';
import { diagrams } from './diagrams.ts';
import { fences } from './fences.ts';
import { frontMatter } from './front-matter.ts';
import { glossary } from './glossary.ts';
import { htmlPolicy } from './html-policy.ts';
import { images } from './images.ts';
import { inlineLines } from './inline-lines.ts';
import { math } from './math.ts';
import { noteMarkers } from './note-markers.ts';
import { quiz } from './quiz.ts';
import { quotations } from './quotations.ts';
import { slideBreaks } from './slide-breaks.ts';
import { slideLinks } from './slide-links.ts';
import { slideStructure } from './slide-structure.ts';

/**
 * The deck's Markdown pipeline: one plugin per construct, in this order. A section file is
 * parsed whole: the structure plugins (slide breaks, front matter, notes markers, then the
 * structure rule) work on markdown-it's tokens, so code fences are markdown-it's own and every
 * token keeps its source line. Raw HTML is kept to an allowlist (html-policy.ts: `lang`
 * wrappers, the widgets' custom elements, …); typographer is off so Chinese quotation marks
 * stay as written.
 */
export function createMarkdown(): MarkdownIt {
  return new MarkdownItFactory({ html: true, linkify: false, typographer: false })
    .use(attrs, { allowedAttributes: ['id', 'class', 'lang', /^data-/] })
    .use(inlineLines)
    .use(slideBreaks)
    .use(frontMatter)
    .use(noteMarkers)
    // After markdown-it-attrs: a heading's `{#id}` names its slide.
    .use(slideStructure)
    // After the structure rule (each slide's `source=`), before the glossary and the questions rewrite inline tokens.
    .use(quotations)
    // After the structure rule: each slide part's HTML must balance.
    .use(htmlPolicy)
    .use(fences)
    .use(math)
    .use(citations)
    .use(images)
    // Before quiz: a question's explanation links are checked too.
    .use(slideLinks)
    .use(blocks)
    .use(quiz)
    .use(diagrams)
    // After quiz: terms are never marked inside a question's labels.
    .use(glossary);
}

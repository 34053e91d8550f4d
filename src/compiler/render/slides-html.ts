import { ATTR, REST_GROUP_MARK } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { paragraphFragment, paragraphRanges, sourceLinkText } from '../../shared/paper.ts';
import { UI } from '../../shared/ui-strings.ts';
import type { CompiledSection, CompiledSlide } from '../model.ts';

/**
 * Which slides a page carries: `all` of them; only the `first` (index.html, which paints it
 * before any script); or the `rest` (the document index.html fetches after the first paint:
 * the first group's other slides in a group of the same section, then every other group, in
 * pieces of REST_PIECE_SLIDES slides, each piece a group of its section after a REST_GROUP_MARK line).
 */
export type SlideSet = 'all' | 'first' | 'rest';

/**
 * Where a slide's 「原文 ¶12–13」 link opens the paper: `page` is paper.html (`./paper.html#p-12-13`),
 * `view` the deck's own view of it (`#paper/p-12-13`, the one-file deck, which has no other page).
 */
export type PaperLinks = 'page' | 'view';

/** The URL of some paragraphs of the paper, from a slide. */
export function paperHref(fragment: string, links: PaperLinks): string {
  return links === 'view' ? `#paper/${fragment}` : `./paper.html#${fragment}`;
}

/**
 * The slide groups for `.reveal .slides`. With `present`, the first group and slide are marked
 * `present`, as reveal.js marks them once it runs: reveal.js's CSS hides every slide but the
 * present one, so the first slide paints from the static HTML and CSS, before any script.
 */
export function slidesHtml(sections: readonly CompiledSection[], set: SlideSet, { present = false, paperLinks = 'page' as PaperLinks } = {}): string {
  const groups = sections.map((section, s) => {
    const slides = section.slides.map((slide, i) => ({ slide, first: s === 0 && i === 0 }));
    const shown = set === 'all' ? slides : set === 'first' ? slides.slice(0, s === 0 ? 1 : 0) : slides.filter((x) => !x.first);
    if (shown.length === 0) return '';
    const mark = present && s === 0 && set !== 'rest';
    const group = (part: typeof shown): string =>
      `<section${mark ? ' class="present"' : ''} ${ATTR.section}="${escapeHtml(section.id)}">\n${part.map(({ slide, first }) => slideHtml(slide, mark && first, paperLinks)).join('\n')}\n</section>`;
    if (set !== 'rest') return group(shown);
    // The page parses the rest a piece at a time: a few slides each, so no piece is a long task on a phone.
    const pieces: string[] = [];
    for (let i = 0; i < shown.length; i += REST_PIECE_SLIDES) pieces.push(`${REST_GROUP_MARK}\n${group(shown.slice(i, i + REST_PIECE_SLIDES))}`);
    return pieces.join('\n');
  });
  return groups.filter(Boolean).join('\n');
}

/** Slides per piece of the rest document (each piece a group of its section's; the page merges them). */
export const REST_PIECE_SLIDES = 4;

function slideHtml(slide: CompiledSlide, present: boolean, paperLinks: PaperLinks): string {
  const classes = present ? ['present', ...slide.classes] : slide.classes;
  const attrs = [
    `id="${escapeHtml(slide.id)}"`,
    classes.length ? `class="${escapeHtml(classes.join(' '))}"` : '',
    // Minutes only where a lecture gives the slide time; a self-study slide has none.
    slide.plans.length ? `${ATTR.minutes}="${slide.minutes}"` : '',
    `${ATTR.plans}="${escapeHtml(slide.plans.join(' '))}"`,
  ].filter(Boolean).join(' ');
  return `<section ${attrs}>\n${slide.body}${slide.source ? sourceLink(slide.source, paperLinks) : ''}${slide.notes}\n</section>`;
}

/**
 * A slide's link to the paragraphs it teaches (「原文 ¶12–13」), after its content: the
 * presentation puts it in the slide's corner, the study view under the slide, the study guide
 * beside it; it carries the paragraphs' fragment (`p-12-13`) as ATTR.source.
 */
export function sourceLink(source: readonly number[], paperLinks: PaperLinks): string {
  const ranges = paragraphRanges(source);
  const fragment = paragraphFragment(ranges);
  return `<a class="deck-source" href="${escapeHtml(paperHref(fragment, paperLinks))}" ${ATTR.source}="${fragment}" title="${escapeHtml(UI.paper.sourceTitle)}">${escapeHtml(sourceLinkText(ranges))}</a>\n`;
}

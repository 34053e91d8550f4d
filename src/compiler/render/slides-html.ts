import { ATTR, REST_GROUP_MARK } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import type { CompiledSection, CompiledSlide } from '../model.ts';

/**
 * Which slides a page carries: `all` of them; only the `first` (index.html, which paints it
 * before any script); or the `rest` (the document index.html fetches after the first paint:
 * the first group's other slides in a group of the same section, then every other group, each
 * group after a REST_GROUP_MARK line).
 */
export type SlideSet = 'all' | 'first' | 'rest';

/**
 * The slide groups for `.reveal .slides`. With `present`, the first group and slide are marked
 * `present`, as reveal.js marks them once it runs: reveal.js's CSS hides every slide but the
 * present one, so the first slide paints from the static HTML and CSS, before any script.
 */
export function slidesHtml(sections: readonly CompiledSection[], set: SlideSet, { present = false } = {}): string {
  const groups = sections.map((section, s) => {
    const slides = section.slides.map((slide, i) => ({ slide, first: s === 0 && i === 0 }));
    const shown = set === 'all' ? slides : set === 'first' ? slides.slice(0, s === 0 ? 1 : 0) : slides.filter((x) => !x.first);
    if (shown.length === 0) return '';
    const mark = present && s === 0 && set !== 'rest';
    const inner = shown.map(({ slide, first }) => slideHtml(slide, mark && first)).join('\n');
    const group = `<section${mark ? ' class="present"' : ''} ${ATTR.section}="${escapeHtml(section.id)}">\n${inner}\n</section>`;
    return set === 'rest' ? `${REST_GROUP_MARK}\n${group}` : group;
  });
  return groups.filter(Boolean).join('\n');
}

function slideHtml(slide: CompiledSlide, present: boolean): string {
  const classes = present ? ['present', ...slide.classes] : slide.classes;
  const attrs = [
    `id="${escapeHtml(slide.id)}"`,
    classes.length ? `class="${escapeHtml(classes.join(' '))}"` : '',
    // Minutes only where a lecture gives the slide time; a self-study slide has none.
    slide.plans.length ? `${ATTR.minutes}="${slide.minutes}"` : '',
    `${ATTR.plans}="${escapeHtml(slide.plans.join(' '))}"`,
  ].filter(Boolean).join(' ');
  return `<section ${attrs}>\n${slide.body}${slide.notes}\n</section>`;
}

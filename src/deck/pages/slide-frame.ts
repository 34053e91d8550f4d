import { htmlEl } from '../html-element.ts';

/**
 * Puts one compiled slide, the real DOM, on a 1280×720 stage that CSS scales into a 16:9 box
 * (`--deck-frame-width`, `--deck-frame-scale`): text stays text, diagrams stay vectors. Every
 * step is shown and the notes are left out. The slide's headings become outline entries at
 * `headingLevel` (the page around it has its own h1/h2), without changing how they look.
 */
export function framedSlide(slide: HTMLElement, group: HTMLElement, headingLevel = 3): HTMLElement {
  slide.querySelectorAll('aside.notes').forEach((n) => n.remove());
  for (const el of slide.querySelectorAll('.fragment')) el.classList.remove('fragment', 'visible', 'current-fragment');
  const headings = [...slide.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].filter((h) => !h.closest('svg'));
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  for (const h of headings) h.setAttribute('aria-level', String(Math.min(6, headingLevel + Number(h.tagName[1]) - top)));

  // The same nesting as in the deck (.reveal > .slides > section group > section slide), so
  // the theme's selectors apply unchanged.
  const frame = htmlEl('div', 'deck-frame');
  const slides = htmlEl('div', 'slides', '', htmlEl('div', 'reveal deck-frame-stage', '', frame));
  const wrapper = group.cloneNode(false) as HTMLElement;
  wrapper.append(slide);
  slides.append(wrapper);
  return frame;
}

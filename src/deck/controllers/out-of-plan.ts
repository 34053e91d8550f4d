import type { RevealApi } from 'reveal.js';
import { ALL_PLANS, allSlides, ATTR, inPlan } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { Overlay } from '../overlay.ts';
import { framedSlide } from '../pages/slide-frame.ts';
import '../pages/slide-frame.css';
import { addressWithPlan, planById } from '../plans/choose-plan.ts';
import { whenReady, type ToolFactory } from '../tool.ts';

/**
 * A link to a slide the lecture plan leaves out (a quiz's explanation, the glossary, an address
 * typed or bookmarked) still leads somewhere: the slide is shown over the presentation, scaled to
 * fit, saying that the plan leaves it out, with a way to the whole deck. The lecture stays where
 * it was (an address that opens on such a slide starts at the plan's slide before it).
 */
export const outOfPlan: ToolFactory = ({ manifest, plan }) => {
  let deck: RevealApi | null = null;
  let overlay: Overlay | null = null;
  const sectionOf = new Map(manifest.sections.flatMap((s) => s.slides.map((sl) => [sl.id, s.id])));
  const planTitle = planById(manifest.meta, plan.id)?.title ?? plan.id;

  const show = (id: string): void => {
    const copy = plan.outside.get(id);
    if (!copy || !overlay) return;
    const group = document.createElement('section');
    group.setAttribute(ATTR.section, sectionOf.get(id) ?? '');
    const slide = copy.cloneNode(true) as HTMLElement;
    slide.removeAttribute('data-visibility');
    // reveal.js's stylesheet shows only the present slide of the present group.
    group.classList.add('present');
    slide.classList.add('present');
    const title = allSlides(manifest).find((s) => s.id === id)?.title ?? id;
    overlay.panel.innerHTML = `
      <h2 class="deck-overlay-title">${escapeHtml(title)}</h2>
      <p>${escapeHtml(UI.plans.outside.note(planTitle))}</p>`;
    overlay.panel.append(framedSlide(slide, group, 3));
    const actions = document.createElement('p');
    actions.innerHTML = `<a class="deck-button" href="${escapeHtml(addressWithPlan(location.href, ALL_PLANS, id))}">${UI.plans.outside.openAll}</a>
      <button type="button" class="deck-button deck-button-quiet" data-close>${UI.plans.outside.close}</button>`;
    const close = actions.querySelector<HTMLButtonElement>('[data-close]')!;
    close.addEventListener('click', () => overlay?.close());
    overlay.panel.append(actions);
    overlay.open(close);
    // The frame's size: as wide as the panel, as high as the screen leaves (and its scale: CSS cannot divide a length by one).
    const room = overlay.panel.clientHeight - overlay.panel.scrollHeight + overlay.panel.querySelector<HTMLElement>('.deck-frame')!.offsetHeight;
    const width = Math.min(overlay.panel.clientWidth - 56, (room * 16) / 9);
    overlay.panel.style.setProperty('--deck-frame-width', `${width}px`);
    overlay.panel.style.setProperty('--deck-frame-scale', String(width / (deck?.getConfig().width as number)));
  };

  const idOf = (href: string): string | null => (href.startsWith('#/') ? decodeURIComponent(href.slice(2).split('/')[0] ?? '') : null);

  const onClick = (e: MouseEvent): void => {
    const a = (e.target as Element | null)?.closest?.('a[href^="#/"]');
    const id = a ? idOf(a.getAttribute('href') ?? '') : null;
    if (!id || !plan.outside.has(id)) return;
    e.preventDefault();
    e.stopPropagation();
    show(id);
  };

  /** An address naming a slide outside the plan: back to the plan's slide before it, and the slide shown over it. */
  const onAddress = (hash: string = location.hash): void => {
    const id = idOf(hash);
    if (!id || !plan.outside.has(id) || !deck) return;
    const slides = allSlides(manifest);
    const before = slides.slice(0, slides.findIndex((s) => s.id === id)).reverse().find((s) => inPlan(s, plan.id));
    const landing = before ? document.getElementById(before.id) : null;
    if (landing) {
      const { h, v } = deck.getIndices(landing);
      deck.slide(h, v ?? 0);
    }
    history.replaceState(null, '', `#/${deck.getCurrentSlide()?.id ?? ''}`);
    show(id);
  };

  const onHashChange = (): void => onAddress();

  return {
    id: 'deck-out-of-plan',
    init(revealDeck) {
      if (plan.outside.size === 0) return;
      deck = revealDeck;
      overlay = new Overlay(UI.plans.outside.label, 'deck-outside-plan');
      overlay.mount(deck.getRevealElement()?.parentElement ?? document.body);
      document.addEventListener('click', onClick, true);
      window.addEventListener('hashchange', onHashChange);
      // reveal.js rewrites an address it cannot find a slide for as it starts: read it before.
      const opened = location.hash;
      whenReady(deck, () => onAddress(opened));
    },
    destroy() {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('hashchange', onHashChange);
      overlay?.unmount();
    },
  };
};

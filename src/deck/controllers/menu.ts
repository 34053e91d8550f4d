import { ALL_PLANS, allSlides, inPlan, type DeckManifest } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { PAPER_VIEW_PREFIX } from '../../shared/paper.ts';
import { UI } from '../../shared/ui-strings.ts';
import { Overlay } from '../overlay.ts';
import type { ActivePlan } from '../plans/apply-plan.ts';
import { planById } from '../plans/choose-plan.ts';
import { switchPlan } from '../plans/switch-plan.ts';
import type { ToolFactory } from '../tool.ts';

/** The printable pages; the one-file deck has no other pages, only the slides' print view. */
const printLinks = (): string =>
  import.meta.env.VITE_DECK_ONE_FILE
    ? `<a href="?print-pdf">${UI.menu.slidesPdfOneFile}</a>`
    : [
        `<a href="./handout.html">${UI.menu.handout}</a>`,
        `<a href="./notes.html">${UI.menu.studyGuide}</a>`,
        `<a href="?print-pdf">${UI.menu.slidesPdf}</a>`,
      ].join(UI.menu.separator);

/** The paper, each paragraph with the slides that teach it: paper.html, or the one-file deck's own view of it. */
const paperLink = (): string => `<a href="${import.meta.env.VITE_DECK_ONE_FILE ? `#${PAPER_VIEW_PREFIX}` : './paper.html'}" data-deck-paper>${UI.menu.paper}</a>`;

/** Which plan the presentation shows (and whether by default), and buttons for the others. */
function planChoice(manifest: DeckManifest, plan: ActivePlan): string {
  const { plans } = manifest.meta;
  const title = (id: string): string => (id === ALL_PLANS ? UI.plans.all : (planById(manifest.meta, id)?.title ?? id));
  const others = [...plans.map((p) => p.id), ALL_PLANS].filter((id) => id !== plan.id);
  const shown = UI.plans.shown(title(plan.id), allSlides(manifest, plan.id).length) + (plan.from === 'default' ? UI.plans.byDefault : '');
  const buttons = others.map((id) => `<button type="button" class="deck-button deck-button-quiet" data-deck-plan="${escapeHtml(id)}">${escapeHtml(title(id))}</button>`);
  return `<p class="deck-menu-plan">${escapeHtml(shown)} <span>${UI.plans.change}${buttons.join(' ')}</span></p>`;
}

/**
 * The section menu (`M`): every section and slide title, the current one marked; arrows move,
 * Enter or a click jumps, Esc closes. Also links the printable handout and study guide, and the
 * paper (its reading view, each paragraph with the slides that teach it). A student's live page
 * has every slide and no plan to choose (the lecturer's plan is the lecture's).
 */
export const menu: ToolFactory = ({ bus, manifest, plan, live }) => {
  let overlay: Overlay | null = null;
  const stops: (() => void)[] = [];
  return {
    id: 'deck-menu',
    init(deck) {
      const links = (): HTMLAnchorElement[] => [...shown.panel.querySelectorAll<HTMLAnchorElement>('a[data-deck-slide]')];
      const shown = new Overlay(UI.menu.title, 'deck-menu', (e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false;
        const all = links();
        const i = all.indexOf(document.activeElement as HTMLAnchorElement);
        all[Math.max(0, Math.min(all.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
        return true;
      });
      overlay = shown;
      shown.panel.innerHTML = `
    <h2 class="deck-overlay-title">${UI.menu.title}</h2>
    ${live === 'student' ? '' : planChoice(manifest, plan)}
    <nav aria-label="${UI.menu.nav}"><ol class="deck-menu-sections">${manifest.sections
      .map((s) => ({ ...s, slides: s.slides.filter((sl) => inPlan(sl, plan.id)) }))
      .filter((s) => s.slides.length > 0)
      .map(
        (s) => `<li><span class="deck-menu-section">${escapeHtml(s.title)}</span><ol>${s.slides
          .map((sl) => `<li><a href="#/${sl.id}" data-deck-slide="${sl.id}">${escapeHtml(sl.title || sl.id)}</a></li>`)
          .join('')}</ol></li>`,
      )
      .join('')}</ol></nav>
    <p class="deck-menu-print">${UI.menu.print}${printLinks()}</p>
    <p class="deck-menu-print">${UI.menu.read}${paperLink()}</p>`;
      shown.mount(deck.getRevealElement()?.parentElement ?? document.body);

      let current = '';
      const jump = (id: string): void => {
        const slide = document.getElementById(id);
        if (!slide) return;
        const { h, v } = deck.getIndices(slide);
        shown.close();
        deck.slide(h, v ?? 0);
      };
      shown.panel.addEventListener('click', (e) => {
        const choice = (e.target as Element).closest<HTMLButtonElement>('button[data-deck-plan]');
        if (choice) return switchPlan(manifest, choice.dataset.deckPlan!, current || null);
        // The one-file deck shows the paper in place of the slides: the menu is not left open under it.
        if ((e.target as Element).closest('a[data-deck-paper]')) return shown.close();
        const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-deck-slide]');
        if (!a) return;
        e.preventDefault();
        jump(a.dataset.deckSlide!);
      });
      stops.push(
        bus.on('command', ({ key }) => {
          if (key !== 'M') return;
          if (shown.isOpen) return shown.close();
          shown.open(shown.panel.querySelector<HTMLElement>(`a[data-deck-slide="${current}"]`));
        }),
        bus.on('slide', ({ id }) => {
          current = id;
          for (const a of links()) {
            if (a.dataset.deckSlide === id) a.setAttribute('aria-current', 'page');
            else a.removeAttribute('aria-current');
          }
        }),
      );
    },
    destroy() {
      stops.forEach((stop) => stop());
      overlay?.unmount();
    },
  };
};

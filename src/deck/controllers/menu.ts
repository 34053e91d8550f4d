import type { ControllerFactory } from '../controller.ts';
import { on } from '../bus.ts';
import { Overlay } from '../overlay.ts';
import { escapeHtml } from '../../shared/html.ts';

/** The printable pages; the one-file deck has no other pages, only the slides' print view. */
const PRINT_LINKS = import.meta.env.VITE_DECK_ONE_FILE
  ? '<a href="?print-pdf">幻灯片 PDF（用浏览器打印）</a>'
  : '<a href="./handout.html">讲义（A4，每页三张）</a> · <a href="./notes.html">学习指南（含讲解）</a> · <a href="?print-pdf">幻灯片 PDF</a>';

/**
 * The section menu (`M`): every section and slide title, the current one marked; arrows move,
 * Enter or a click jumps, Esc closes. Also links the printable handout and study guide.
 */
export const menu: ControllerFactory = (deck, manifest) => {
  const links = (): HTMLAnchorElement[] => [...overlay.panel.querySelectorAll<HTMLAnchorElement>('a[data-deck-slide]')];
  const overlay = new Overlay('目录', 'deck-menu', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return false;
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    all[Math.max(0, Math.min(all.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    return true;
  });
  overlay.panel.innerHTML = `
    <h2 class="deck-overlay-title">目录</h2>
    <nav aria-label="章节与页面"><ol class="deck-menu-sections">${manifest.sections
      .map(
        (s) => `<li><span class="deck-menu-section">${escapeHtml(s.title)}</span><ol>${s.slides
          .map((sl) => `<li><a href="#/${sl.id}" data-deck-slide="${sl.id}">${escapeHtml(sl.title || sl.id)}</a></li>`)
          .join('')}</ol></li>`,
      )
      .join('')}</ol></nav>
    <p class="deck-menu-print">打印：${PRINT_LINKS}</p>`;

  let current = '';
  const stops: (() => void)[] = [];
  const jump = (id: string): void => {
    const slide = document.getElementById(id);
    if (!slide) return;
    const { h, v } = deck.getIndices(slide);
    overlay.close();
    deck.slide(h, v ?? 0);
  };

  return {
    start() {
      overlay.mount(deck.getRevealElement()?.parentElement ?? document.body);
      overlay.panel.addEventListener('click', (e) => {
        const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-deck-slide]');
        if (!a) return;
        e.preventDefault();
        jump(a.dataset.deckSlide!);
      });
      stops.push(
        on('command', ({ key }) => {
          if (key !== 'M') return;
          if (overlay.isOpen) return overlay.close();
          overlay.open(overlay.panel.querySelector<HTMLElement>(`a[data-deck-slide="${current}"]`));
        }),
        on('slide', ({ id }) => {
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
      overlay.unmount();
    },
  };
};

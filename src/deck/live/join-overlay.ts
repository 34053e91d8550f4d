import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { Overlay } from '../overlay.ts';
import { qrSvg } from './qr-svg.ts';

/** The students' address of this lecture: the deck's own, with `?join` (what `npm run live` prints). */
export function studentUrl(where: Pick<Location, 'origin' | 'pathname'> = location): string {
  return `${where.origin}${where.pathname}?join`;
}

/** An address only this machine can open (the lecturer opened the deck at localhost). */
function isLocalOnly(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname);
}

/** The join overlay (`J`, or the toolbar's 加入课堂): the students' address as a QR code and as text, and how many have joined. */
export interface JoinOverlay {
  toggle(): void;
  /** The number of students connected (null: not known yet). */
  students(count: number | null): void;
  destroy(): void;
}

export function joinOverlay(parent: HTMLElement): JoinOverlay {
  const J = UI.live.join;
  const url = studentUrl();
  const overlay = new Overlay(J.label, 'deck-live-join', (e) => {
    // J closes it again (while it is open, the deck's keys do not reach reveal.js).
    if (e.key !== 'j' && e.key !== 'J') return false;
    overlay.close();
    return true;
  });
  overlay.panel.innerHTML = `
    <h2 class="deck-overlay-title">${J.title}</h2>
    <div class="deck-live-join-body">
      <div class="deck-live-qr" role="img" aria-label="${escapeHtml(J.qr(url))}">${qrSvg(url)}</div>
      <div class="deck-live-join-text">
        <p>${J.how}</p>
        <p class="deck-live-url" translate="no">${escapeHtml(url)}</p>
        ${isLocalOnly(location.hostname) ? `<p class="deck-live-warning">${J.localOnly}</p>` : ''}
        <p class="deck-live-join-count" aria-live="polite"></p>
        <button type="button" class="deck-button" data-deck-close>${J.close}</button>
      </div>
    </div>`;
  overlay.mount(parent);
  overlay.panel.querySelector('[data-deck-close]')!.addEventListener('click', () => overlay.close());
  const count = overlay.panel.querySelector<HTMLElement>('.deck-live-join-count')!;
  return {
    toggle: () => overlay.toggle(),
    students(n) {
      count.textContent = n === null ? '' : J.students(n);
    },
    destroy: () => overlay.unmount(),
  };
}

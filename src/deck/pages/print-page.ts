import { UI } from '../../shared/ui-strings.ts';
import { settle } from '../settle.ts';
import { installPageRules, type PageRuleOptions } from './page-rules.ts';

/**
 * What the two printable pages (handout, study guide) share: the note on screen that says how
 * to print, links inside the page instead of into the deck, the margin boxes, and the signal
 * that the page is finished (`data-deck-ready`), given once widgets, fonts and layout are done.
 */

/** The screen-only bar: what this page is, how to print it (Ctrl+P), and the way back. */
export function printBanner(what: string, other: { href: string; label: string }): HTMLElement {
  const bar = document.createElement('header');
  bar.className = 'deck-print-banner';
  const { press, mac, macKey, after } = UI.print.banner;
  bar.innerHTML = `<p><strong>${what}</strong>${press}<kbd>Ctrl</kbd>+<kbd>P</kbd>${mac}<kbd>${macKey}</kbd>+<kbd>P</kbd>${after}</p>
<p class="deck-print-banner-actions"><button type="button" class="deck-print-button" data-deck-print>${UI.print.print}</button>
<a class="deck-print-button deck-print-button-quiet" href="./index.html">${UI.print.back}</a>
<a class="deck-print-button deck-print-button-quiet" href="${other.href}">${other.label}</a></p>`;
  bar.querySelector('[data-deck-print]')!.addEventListener('click', () => window.print());
  return bar;
}

/** Deck links (`#/slide-id`) point into this page (`#slide-id`), where the slide also is. */
export function linkWithinPage(root: ParentNode): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) {
    a.setAttribute('href', `#${a.getAttribute('href')!.slice(2)}`);
  }
}

/**
 * Paper has no links to follow: each deck link inside `root` also says which slide it leads
 * to, by its number in the deck (`（幻灯片 12）`).
 */
export function numberSlideLinks(root: ParentNode, slideIds: readonly string[]): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) {
    const n = slideIds.indexOf(a.getAttribute('href')!.slice(2)) + 1;
    if (n === 0 || a.nextElementSibling?.classList.contains('deck-slide-ref')) continue;
    const ref = document.createElement('span');
    ref.className = 'deck-slide-ref';
    ref.textContent = UI.print.slideRef(n);
    a.after(ref);
  }
}

/**
 * On a screen narrower than the printed page (a phone), the page is shown zoomed out to fit
 * (`--deck-screen-zoom`, used by the pages' screen CSS) rather than cut off; print is unaffected.
 */
export function fitToScreen(sheet: HTMLElement): void {
  const fit = (): void => {
    document.documentElement.style.removeProperty('--deck-screen-zoom');
    const width = sheet.getBoundingClientRect().width + 24;
    document.documentElement.style.setProperty('--deck-screen-zoom', String(Math.min(1, window.innerWidth / width)));
  };
  fit();
  window.addEventListener('resize', fit);
}

/** Installs the margin boxes in the body's font, then marks the page ready for print. */
export async function finishPrintPage(rules: Omit<PageRuleOptions, 'fontFamily'>): Promise<void> {
  installPageRules({ ...rules, fontFamily: getComputedStyle(document.body).fontFamily });
  await settle();
  document.documentElement.dataset.deckReady = 'true';
}

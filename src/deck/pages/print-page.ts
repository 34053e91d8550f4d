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
  bar.innerHTML = `<p><strong>${what}</strong>：按 <kbd>Ctrl</kbd>+<kbd>P</kbd>（Mac：<kbd>⌘</kbd>+<kbd>P</kbd>）打印，或在打印对话框里选「另存为 PDF」。纸张 A4，纵向。</p>
<p class="deck-print-banner-actions"><button type="button" class="deck-print-button" data-deck-print>打印…</button>
<a class="deck-print-button deck-print-button-quiet" href="./index.html">返回幻灯片</a>
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
    ref.textContent = `（幻灯片 ${n}）`;
    a.after(ref);
  }
}

/** Waits for every custom element on the page to be defined, the fonts, and two frames of layout. */
export async function settle(): Promise<void> {
  const names = new Set([...document.querySelectorAll(':not(:defined)')].map((el) => el.localName).filter((n) => n.includes('-')));
  const defined = Promise.all([...names].map((n) => customElements.whenDefined(n)));
  // A widget that never registers must not hold the page back for ever: it prints as it is.
  await Promise.race([defined, new Promise((r) => setTimeout(r, 5000))]);
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
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

import paperCss from '../styles/paper.css?inline';
import { PAPER_TEMPLATE_ID, PAPER_VIEW, PAPER_VIEW_PREFIX } from '../../shared/paper.ts';
import { startPaperView, type PaperView } from './paper-view.ts';

/**
 * reveal.js writes a slide's address up to a second late (its location controller debounces
 * `replaceState` to once per 1000 ms): a slide changed just before a 原文 link was followed would
 * be written back over `#paper/…` while the paper is shown. Past this, the paper's address is put back.
 */
const REVEAL_LATE_ADDRESS_MS = 1100;

/** True when an address names the paper view (`#paper/p-12`, `#paper/ref-4`, `#paper/`). */
export function isPaperAddress(hash: string): boolean {
  return hash === `#${PAPER_VIEW_PREFIX.slice(0, -1)}` || hash.startsWith(`#${PAPER_VIEW_PREFIX}`);
}

/**
 * The paper as a view of the one-file deck (`out/deck.html#paper/p-12`), which has no paper.html
 * beside it: the paper's page content travels in index.html as an inert `<template>` and is
 * mounted the first time the address names it. While it is shown, the deck (presentation or
 * study view) is hidden and deaf to the keyboard and to the address; `#/slide-id` (the 「返回」
 * link, a slide named under a paragraph, the browser's Back) hides it and the deck goes to that
 * slide. Its styles are on the page only while it is shown (paper.css has page-wide rules: the
 * A4 page of its print, among others, which are not the slides').
 *
 * Call it before the deck starts, so that its address listener runs first. The promise resolves
 * when the deck is to start: at once, or, for a deck opened at `#paper/…`, once the reader leaves
 * the paper for the slides.
 */
export function paperInPage(): Promise<void> {
  const template = document.getElementById(PAPER_TEMPLATE_ID);
  if (!(template instanceof HTMLTemplateElement)) return Promise.resolve();
  const deckTitle = document.title;
  let shell: HTMLElement | null = null;
  let view: PaperView | null = null;
  let style: HTMLStyleElement | null = null;
  let back = '#/';
  let startDeck: (() => void) | null = null;

  const show = (): void => {
    if (!shell) {
      shell = document.createElement('div');
      shell.id = 'deck-paper-view';
      const main = document.createElement('main');
      main.id = 'deck-paper-main';
      main.append(template.content.cloneNode(true));
      shell.append(main);
      document.body.append(shell);
      view = startPaperView(main.querySelector<HTMLElement>('article.deck-paper')!, {
        slideHref: (id) => `#/${id}`,
        fragmentPrefix: PAPER_VIEW_PREFIX,
        backHref: back,
      });
    }
    shell.querySelector<HTMLAnchorElement>('.deck-paper-top a.deck-paper-button')?.setAttribute('href', back);
    style ??= Object.assign(document.createElement('style'), { id: 'deck-paper-styles', textContent: paperCss });
    if (!style.isConnected) document.head.append(style);
    shell.hidden = false;
    document.documentElement.dataset.deckView = PAPER_VIEW;
    document.title = template.dataset.deckTitle ?? deckTitle;
    view!.applyFragment();
  };

  const hide = (): void => {
    if (!shell || shell.hidden) return;
    shell.hidden = true;
    style?.remove();
    delete document.documentElement.dataset.deckView;
    document.title = deckTitle;
    // Laid out again at the window's size: reveal.js may have measured a hidden deck.
    const deck = (window as unknown as { Reveal?: { isReady(): boolean; layout(): void } }).Reveal;
    if (deck?.isReady()) deck.layout();
  };

  window.addEventListener('hashchange', (e) => {
    if (isPaperAddress(location.hash)) {
      // The deck does not follow: reveal.js would put its own slide back into the address.
      e.stopImmediatePropagation();
      const from = new URL(e.oldURL).hash;
      if (from.startsWith('#/')) back = from;
      show();
      const paperAddress = location.hash;
      setTimeout(() => {
        if (shell && !shell.hidden && location.hash !== paperAddress && !isPaperAddress(location.hash)) history.replaceState(history.state, '', paperAddress);
      }, REVEAL_LATE_ADDRESS_MS);
      return;
    }
    hide();
    if (startDeck) {
      startDeck();
      startDeck = null;
    }
  });

  if (!isPaperAddress(location.hash)) return Promise.resolve();
  show();
  return new Promise((resolve) => (startDeck = resolve));
}

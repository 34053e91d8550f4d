/** Longest wait for a custom element to be defined: a widget that never registers prints as it is. */
const DEFINE_TIMEOUT_MS = 5000;

/**
 * Waits until the page is drawn as it will print: every custom element on it defined (a widget
 * draws its default state when connected), the fonts loaded, and two frames of layout. The deck
 * and its printable pages say they are ready (`data-deck-ready`) only after this; the exporter
 * waits for that signal and nothing else.
 */
export async function settle(): Promise<void> {
  const names = new Set([...document.querySelectorAll(':not(:defined)')].map((el) => el.localName).filter((n) => n.includes('-')));
  const defined = Promise.all([...names].map((n) => customElements.whenDefined(n)));
  await Promise.race([defined, new Promise((r) => setTimeout(r, DEFINE_TIMEOUT_MS))]);
  await document.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

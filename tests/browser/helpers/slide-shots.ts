import type { Page } from 'playwright-core';
import type { RevealWindow } from './deck-page.ts';
import type { Rect } from './image-diff.ts';

/** One slide as our own page draws it, to compare a PDF page with. */
export interface SlideShot {
  id: string;
  /** A screenshot of the viewport (PNG). */
  png: Buffer;
  /** Where reveal.js draws the slides (its `.slides` box, margin and scale applied). */
  area: Rect;
  /** What the lecture chrome covers (toolbar, slide number, controls, …): only one side may show it. */
  chrome: Rect[];
  /** The chrome's text (the toolbar's labels, the slide number), which a PDF page may carry too. */
  chromeText: string;
  /** The slide's text, as it is rendered (`innerText`: notes and other hidden parts left out). */
  text: string;
  /** Where the slide draws text (each text node's boxes, HTML and SVG alike). */
  textRects: Rect[];
}

/**
 * Sets reveal.js up as DeckTape's reveal plugin does before printing: no controls or progress
 * bar, every fragment shown, no transitions.
 */
export async function configureLikeDeckTape(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as RevealWindow).Reveal.configure({ controls: false, progress: false, fragments: false, transition: 'none', autoAnimate: false });
  });
}

/** Shows slide `id` and takes its picture, once its fonts and images are in. */
export async function shootSlide(page: Page, id: string): Promise<SlideShot> {
  const facts = await page.evaluate(async (slideId) => {
    const deck = (window as unknown as RevealWindow).Reveal;
    const { h, v } = deck.getIndices(document.getElementById(slideId)!);
    deck.slide(h, v ?? 0);
    await document.fonts.ready;
    await Promise.all([...document.querySelectorAll<HTMLImageElement>('section.present img')].map((img) => img.decode().catch(() => undefined)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

    const slides = document.querySelector('.reveal .slides')!;
    const box = (r: DOMRect): { x: number; y: number; width: number; height: number } => ({ x: r.x, y: r.y, width: r.width, height: r.height });
    const chrome: ReturnType<typeof box>[] = [];
    let chromeText = '';
    const big = innerWidth * innerHeight * 0.5;
    for (const el of document.body.querySelectorAll('*')) {
      // The slides and what holds them are not chrome; nor are reveal's slide backgrounds.
      if (slides.contains(el) || el.contains(slides) || el.closest('.backgrounds')) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      for (const r of el.getClientRects()) {
        // Visually hidden helpers (1×1) draw nothing; a full-screen layer (an overlay's backdrop, the pen's canvas) is not chrome.
        if (r.width < 3 || r.height < 3 || r.width * r.height > big) continue;
        chrome.push(box(r));
      }
      for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) chromeText += ` ${n.textContent ?? ''}`;
    }
    const textRects: ReturnType<typeof box>[] = [];
    const walker = document.createTreeWalker(document.getElementById(slideId)!, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim() || n.parentElement?.closest('.katex-mathml, aside.notes')) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) textRects.push(box(r));
    }
    return { area: box(slides.getBoundingClientRect()), chrome, chromeText, textRects };
  }, id);
  const png = await page.screenshot({ type: 'png' });
  // KaTeX's MathML is drawn clipped away (for screen readers): no PDF carries it as text.
  const text = await page.evaluate((slideId) => {
    const mathml = [...document.querySelectorAll<HTMLElement>(`#${CSS.escape(slideId)} .katex-mathml`)];
    mathml.forEach((m) => (m.style.display = 'none'));
    const inner = document.getElementById(slideId)!.innerText;
    mathml.forEach((m) => m.style.removeProperty('display'));
    return inner;
  }, id);
  return { id, png, text, ...facts };
}

/** What a PDF page's text lacks of its slide's, and what it has beyond the slide's and the chrome's. */
export interface TextDifference {
  missing: string;
  extra: string;
}

/**
 * Compares a page's text (`pdftotext`) with its slide's as multisets of characters: reading
 * order in a PDF follows the layout (columns, diagram boxes) and line-end hyphens are dropped,
 * but every character the slide shows must be on its page, and nothing else but the chrome's.
 * Whitespace and hyphens are left out.
 */
export function textDifference(pageText: string, shot: Pick<SlideShot, 'text' | 'chromeText'>): TextDifference {
  const count = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of s.replace(/[\s\u00ad-]+/g, '')) m.set(c, (m.get(c) ?? 0) + 1);
    return m;
  };
  const page = count(pageText);
  const slide = count(shot.text);
  const chrome = count(shot.chromeText);
  let missing = '';
  let extra = '';
  for (const [c, n] of slide) missing += c.repeat(Math.max(0, n - (page.get(c) ?? 0)));
  for (const [c, n] of page) extra += c.repeat(Math.max(0, n - (slide.get(c) ?? 0) - (chrome.get(c) ?? 0)));
  return { missing, extra };
}

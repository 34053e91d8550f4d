import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckUrl, launch, openDeck, type WatchedPage } from './helpers/deck-page.ts';

/** All of the deck font's files together, in bytes (the budget: 300 KB). */
const FONT_BUDGET = 300_000;

let browser: Browser;
let deck: WatchedPage;

beforeAll(async () => {
  browser = await launch();
  deck = await openDeck(browser);
});
afterAll(async () => browser?.close());

describe('the deck font (Noto Sans SC subset to the deck’s characters)', () => {
  it('ships with the page from its own origin: all files together within 300 KB, the regular weight preloaded', async () => {
    const { urls, preload } = await deck.page.evaluate(() => ({
      urls: [...(document.querySelector('style#deck-fonts')?.textContent ?? '').matchAll(/url\("([^"]+)"\)/g)].map((m) => new URL(m[1]!, document.baseURI).href),
      preload: (document.querySelector('link[rel="preload"][as="font"]') as HTMLLinkElement | null)?.href,
    }));
    expect(urls.length).toBeGreaterThanOrEqual(2);
    expect(urls).toContain(preload);
    let total = 0;
    for (const url of urls) {
      expect(new URL(url).origin).toBe(new URL(deckUrl()).origin);
      const response = await fetch(url);
      expect(response.headers.get('content-type')).toBe('font/woff2');
      total += (await response.arrayBuffer()).byteLength;
    }
    expect(total).toBeLessThanOrEqual(FONT_BUDGET);
  });

  it('loads both weights, and has the glyphs of the title in each', async () => {
    const state = await deck.page.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Deck Sans SC');
      return {
        main: faces.filter((f) => f.unicodeRange === 'U+0-10FFFF').map((f) => `${f.weight} ${f.status}`).sort(),
        failed: faces.filter((f) => f.status === 'error').length,
        regular: document.fonts.check('34px "Deck Sans SC"', '新质生产力'),
        bold: document.fonts.check('bold 54px "Deck Sans SC"', '新质生产力'),
      };
    });
    expect(state).toEqual({ main: ['400 loaded', '700 loaded'], failed: 0, regular: true, bold: true });
  });

  it('draws every slide in the deck’s own fonts: no character falls back to a system font', async () => {
    // reveal.js's print layout lays out every slide with every step at once, in the presentation's theme.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(new URL('?print-pdf&plan=all', deckUrl()).href);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    const slides = await page.evaluate(() => {
      // KaTeX's MathML is laid out but clipped away; widgets draw at run time (their strings are
      // checked at build time, which warns about any the font lacks).
      const skipped = (el: Element | null): boolean => !!el && (el.tagName.includes('-') || el.classList.contains('katex-mathml') || skipped(el.parentElement));
      const all = [...document.querySelectorAll('.reveal .slides section[id]')];
      for (const slide of all) for (const el of slide.querySelectorAll('*')) if (!skipped(el)) el.setAttribute('data-font-check', slide.id);
      return all.length;
    });
    expect(slides).toBeGreaterThan(80);
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-check]' });
    // Asked all at once: the protocol answers in turn, without a round trip each.
    const fallbacks = (
      await Promise.all(
        nodeIds.map(async (nodeId) => {
          const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
          const system = fonts.filter((f) => !f.isCustomFont);
          if (system.length === 0) return [];
          const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
          return system.map((font) => `${font.familyName} (${font.glyphCount} glyphs) in ${outerHTML.slice(0, 160)}`);
        }),
      )
    ).flat();
    expect(nodeIds.length).toBeGreaterThan(1000);
    expect(fallbacks).toEqual([]);
    await context.close();
  });
});

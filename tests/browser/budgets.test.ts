import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTimeline, requestedBeforeMark, watchFirstSlide } from '../../scripts/bench/first-slide.ts';
import { servedBytes } from '../../scripts/bench/serve.ts';
import { FIRST_SLIDE_MARK } from '../../src/shared/deck-model.ts';
import { deckUrl, launch, type RevealWindow } from './helpers/deck-page.ts';

/**
 * The size budgets of the "fast and light" issue, from the built files: what a gzip-serving
 * server (zlib level 6; woff2 as it is) sends for each file the page asks for. Which files is
 * what Chromium requests; how many bytes is the built files' own, gzipped here: no timing is
 * asserted (`npm run bench` measures the times). The critical path is every file requested
 * before the first slide's heading is painted (Element Timing, `elementtiming="deck-first-slide"`).
 */
const CRITICAL_PATH = 100_000;
const FONTS = 300_000;
const WHOLE_DECK = 1_000_000;

let browser: Browser;
const sizes = new Map<string, number>();

/** The bytes a gzip-serving server sends for the built file the page requested at `url`. */
function served(url: string): number {
  let size = sizes.get(url);
  if (size === undefined) {
    const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '') || 'index.html';
    size = servedBytes(path, readFileSync(join(inject('deckDist'), path))).byteLength;
    sizes.set(url, size);
  }
  return size;
}

/** The files (same origin, not data:) the page has asked for so far, by Resource Timing. */
function requested(page: Page): Promise<string[]> {
  return page.evaluate(() => [location.href.split('#')[0]!, ...performance.getEntriesByType('resource').map((e) => e.name)].filter((u) => u.startsWith(location.origin)));
}

function total(urls: readonly string[]): { bytes: number; files: string[] } {
  const unique = [...new Set(urls.map((u) => u.split('#')[0]!.replace(/\?.*$/, '')))];
  const each = unique.map((u) => [u, served(u)] as const);
  return { bytes: each.reduce((n, [, b]) => n + b, 0), files: each.map(([u, b]) => `${new URL(u).pathname} ${(b / 1000).toFixed(1)} KB`) };
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('size budgets of the built deck (gzip, as served)', () => {
  it('the first slide needs at most 100 KB: every file requested before it is painted', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await watchFirstSlide(page);
    await page.goto(deckUrl());
    const before = requestedBeforeMark(await readTimeline(page)).map((r) => r.url);
    await context.close();
    const { bytes, files } = total(before.filter((u) => u.startsWith(new URL(deckUrl()).origin)));
    // The page itself, its stylesheet and entry script, and the first slide's fonts; nothing else.
    expect(files.some((f) => f.startsWith('/ ') || f.startsWith('/index.html '))).toBe(true);
    expect(files.filter((f) => /mermaid|katex|widgets?\/|growth|cake|present|study/i.test(f)), files.join('\n')).toEqual([]);
    expect(bytes, files.join('\n')).toBeLessThanOrEqual(CRITICAL_PATH);
  });

  it('the deck font’s files together are at most 300 KB', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(deckUrl());
    const urls = await page.evaluate(() =>
      [...(document.querySelector('style#deck-fonts')?.textContent ?? '').matchAll(/url\("([^"]+)"\)/g)].map((m) => new URL(m[1]!, document.baseURI).href),
    );
    await context.close();
    expect(urls.length).toBeGreaterThan(0);
    const { bytes, files } = total(urls);
    expect(bytes, files.join('\n')).toBeLessThanOrEqual(FONTS);
  });

  it('the whole presentation, every slide shown, transfers at most 1 MB', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(new URL('?plan=all', deckUrl()).href);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    const count = await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getTotalSlides());
    for (let i = 0; i < count; i++) {
      await page.evaluate(async (n) => {
        const r = (window as unknown as RevealWindow).Reveal;
        const slide = r.getSlides()[n]!;
        const { h, v } = r.getIndices(slide);
        r.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }, i);
    }
    await page.waitForLoadState('networkidle');
    const { bytes, files } = total(await requested(page));
    await context.close();
    expect(bytes, files.join('\n')).toBeLessThanOrEqual(WHOLE_DECK);
  });

  it('the study view on a 390×844 phone, read to the end, transfers at most 1 MB', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(deckUrl());
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    for (let more = true; more; ) {
      more = await page.evaluate(async () => {
        const before = scrollY;
        scrollBy(0, innerHeight);
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        return scrollY > before;
      });
    }
    await page.waitForLoadState('networkidle');
    const { bytes, files } = total(await requested(page));
    await context.close();
    expect(bytes, files.join('\n')).toBeLessThanOrEqual(WHOLE_DECK);
  });
});

describe('the first slide before any script (static HTML and CSS)', () => {
  it('shows the first slide, scaled into the window as reveal.js will, in the deck font, with JavaScript off', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(deckUrl(), { waitUntil: 'load' });
    const heading = page.locator(`[elementtiming="${FIRST_SLIDE_MARK}"]`);
    await expect.poll(() => heading.isVisible()).toBe(true);
    const box = (await heading.boundingBox())!;
    expect(box.x).toBeGreaterThan(0);
    expect(box.y).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThan(1280);
    // The 1280×720 stage at reveal.js's scale for this window: 0.96.
    const stage = (await page.locator('.reveal .slides').boundingBox())!;
    expect(Math.round(stage.width)).toBe(Math.round(1280 * 0.96));
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[elementtiming="${FIRST_SLIDE_MARK}"]` });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.isCustomFont)).toEqual([]);
    await context.close();
  });
});


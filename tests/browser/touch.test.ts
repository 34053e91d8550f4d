import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deckUrl, launch } from './helpers/deck-page.ts';

/**
 * The study view as a student holds it: a 390×844 touch phone, real touch events (`page.tap`:
 * touchstart, touchend, then the compatibility mouse events, focus and click).
 */
const PHONE = { width: 390, height: 844 };
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  page = await context.newPage();
  await page.goto(new URL('?view=scroll', deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
});

/** Two frames later: whatever the tap set in motion has run. */
const settled = (): Promise<void> => page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));

/** Whether the element is on screen and not covered at its centre (what a finger would touch). */
function uncovered(selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el || !el.checkVisibility()) return false;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (el === hit || el.contains(hit));
  }, selector);
}

describe('glossary terms and citations under a finger, 390×844', () => {
  it('opens a term’s definition on a tap and keeps it open; a second tap closes it', async () => {
    const term = page.locator('main button.deck-term').nth(2);
    const tip = page.locator(`[id="${await term.getAttribute('aria-describedby')}"]`);
    await term.tap();
    await settled();
    expect(await tip.isVisible()).toBe(true);
    expect(await term.getAttribute('aria-expanded')).toBe('true');
    await settled();
    expect(await tip.isVisible()).toBe(true);
    await term.tap();
    await settled();
    expect(await tip.isVisible()).toBe(false);
  });

  it('closes an open definition when the reader taps elsewhere', async () => {
    const term = page.locator('main button.deck-term').nth(2);
    const tip = page.locator(`[id="${await term.getAttribute('aria-describedby')}"]`);
    await term.tap();
    await settled();
    expect(await tip.isVisible()).toBe(true);
    const box = (await page.locator('main h1').boundingBox())!;
    await page.touchscreen.tap(box.x + 10, box.y + box.height / 2);
    await settled();
    expect(await tip.isVisible()).toBe(false);
  });

  it('shows a citation’s reference on the first tap, without leaving the slide', async () => {
    const cite = page.locator('main sup.deck-cite a').filter({ visible: true }).first();
    await cite.tap();
    await settled();
    expect(await page.evaluate(() => location.hash)).not.toMatch(/^#\/references/);
    expect(await uncovered('main sup.deck-cite a[aria-expanded="true"]')).toBe(true);
    const tip = page.locator(`[id="${await cite.getAttribute('aria-describedby')}"]`);
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toContain('人民日报');
  });

  it('keeps every definition and reference it opens inside the screen: the page never widens', async () => {
    const triggers = page.locator('main button.deck-term, main sup.deck-cite a').filter({ visible: true });
    const n = await triggers.count();
    expect(n).toBeGreaterThan(40);
    const outside: string[] = [];
    for (let i = 0; i < n; i += 3) {
      const t = triggers.nth(i);
      await t.tap();
      await settled();
      const where = await page.evaluate(() => {
        const tip = document.querySelector<HTMLElement>('.deck-term-tip:not([hidden])');
        const r = tip?.getBoundingClientRect();
        return { left: r?.left ?? 0, right: r?.right ?? 0, page: document.documentElement.scrollWidth, text: tip?.textContent?.slice(0, 12) ?? '(none)' };
      });
      if (where.left < 0 || where.right > PHONE.width || where.page > PHONE.width) outside.push(`${where.text}: ${Math.round(where.left)}–${Math.round(where.right)}, page ${where.page}`);
      // Put it away before the next one (a second tap on a citation would follow it).
      await page.keyboard.press('Escape');
    }
    expect(outside).toEqual([]);
  });

  it('follows a citation on the second tap, offers the way back off the header, and drops it once the reader is elsewhere', async () => {
    const cite = page.locator('[id="logic-commonality"] sup.deck-cite a').filter({ visible: true }).first();
    await cite.tap();
    await settled();
    await cite.tap();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/references-2');
    const back = page.locator('.deck-return');
    await expect.poll(() => back.isVisible()).toBe(true);
    expect(await back.getAttribute('href')).toBe('#/logic-commonality');
    // Not over the header, where the reader's place is shown.
    const header = (await page.locator('.deck-study-header').boundingBox())!;
    const button = (await back.boundingBox())!;
    expect(button.y >= header.y + header.height || button.y + button.height <= header.y).toBe(true);
    expect(await uncovered('.deck-return')).toBe(true);
    // The reader reads on from the references instead of going back: the offer goes.
    await page.evaluate(() => document.getElementById('conclusion-map')!.scrollIntoView());
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/conclusion-map');
    await settled();
    expect(await back.isVisible()).toBe(false);
  });

  it('takes the reader back on a tap of the way back, and then hides it', async () => {
    const cite = page.locator('[id="logic-commonality"] sup.deck-cite a').filter({ visible: true }).first();
    await cite.tap();
    await settled();
    await cite.tap();
    const back = page.locator('.deck-return');
    await expect.poll(() => back.isVisible()).toBe(true);
    await back.tap();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/logic-commonality');
    await settled();
    expect(await back.isVisible()).toBe(false);
  });
});

describe('the study view’s table of contents, 390×844', () => {
  it('shows a disclosure arrow by 目录 and opens on a tap to the parts, with no blank gap under it', async () => {
    const summary = page.locator('.deck-study-toc summary');
    const marker = await summary.evaluate((s) => {
      const before = getComputedStyle(s, '::before').content;
      const marker = getComputedStyle(s, '::marker').content;
      return { before, marker, display: getComputedStyle(s).display };
    });
    // Either the native marker (display: list-item) or one of our own, drawn.
    expect(marker.display === 'list-item' ? marker.marker : marker.before).not.toMatch(/^(none|normal|"")$/);
    await summary.tap();
    await settled();
    const links = page.locator('.deck-study-toc a');
    expect(await links.count()).toBeGreaterThanOrEqual(7);
    expect(await links.first().isVisible()).toBe(true);
    // Closed, the contents take no more room than their summary line and its margins.
    await summary.tap();
    await settled();
    const gap = await page.evaluate(() => {
      const toc = document.querySelector('.deck-study-toc')!.getBoundingClientRect();
      // What follows the contents (the paper's link, else the first part) stands close under them.
      const part = document.querySelector('.deck-study-toc + *')!.getBoundingClientRect();
      const summaryBox = document.querySelector('.deck-study-toc summary')!.getBoundingClientRect();
      return { afterToc: part.top - toc.bottom, tocHeight: toc.height, summaryHeight: summaryBox.height };
    });
    expect(gap.tocHeight).toBeLessThanOrEqual(gap.summaryHeight + 24);
    expect(gap.afterToc).toBeLessThanOrEqual(64);
  });
});

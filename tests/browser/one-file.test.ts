import { statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type RevealWindow } from './helpers/deck-page.ts';
import { oneFileDeck } from './setup/serve-built-deck.ts';

let browser: Browser;
let page: Page;
let file: string;
const errors: string[] = [];
const blocked: string[] = [];

beforeAll(async () => {
  // Built once per test run, shared with the HTML checker (html-valid.test.ts).
  file = await oneFileDeck();
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // No network at all: only the file itself (and what it carries inline) may load.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(file|data|blob|about):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

describe('out/deck.html: the deck in one file, from a USB stick with no network', () => {
  it('is one file that loads nothing else', () => {
    expect(statSync(file).size).toBeGreaterThan(500_000);
    expect(blocked).toEqual([]);
  });

  it('shows the first slide, every diagram as an SVG and the math', async () => {
    expect(await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide().id)).toBe('title');
    expect(await page.locator('section#title h1').isVisible()).toBe(true);
    const figures = await page.$$eval('figure[data-deck-diagram]', (f) => f.map((x) => !!x.querySelector('svg') && !x.classList.contains('deck-error')));
    expect(figures.length).toBeGreaterThanOrEqual(8);
    expect(figures.every(Boolean)).toBe(true);
    expect(await page.locator('.katex').count()).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.fonts.check('34px "Deck Sans SC"', '新质生产力'))).toBe(true);
  });

  it('opens the speaker view with the notes of the current slide', async () => {
    await page.evaluate(() => (window as unknown as RevealWindow).Reveal.slide(2));
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await expect.poll(() => speaker.locator('.deck-speaker-notes').innerText(), { timeout: 15_000 }).not.toBe('');
    expect(await speaker.locator('.deck-speaker-pacing').innerText()).toContain('本页约');
    await speaker.close();
  });

  it('draws with the pen', async () => {
    await page.keyboard.press('d');
    await page.mouse.move(300, 300);
    await page.mouse.down();
    await page.mouse.move(600, 400, { steps: 6 });
    await page.mouse.up();
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('section.present canvas.deck-pen-canvas')!;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return data.some((v, i) => i % 4 === 3 && v > 0);
    });
    expect(inked).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('opens the paper as a view of its own from a slide\u2019s 原文 link (#paper/p-N), the slides hidden and deaf to keys, and goes back', async () => {
    await page.evaluate(() => (location.hash = '#/logic-power'));
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide().id === 'logic-power');
    const link = page.locator('section#logic-power > a.deck-source');
    expect(await link.getAttribute('href')).toBe('#paper/p-3');
    await link.click();
    await page.waitForFunction(() => location.hash === '#paper/p-3' && !!document.querySelector('#deck-paper-view:not([hidden]) p.deck-paper-hl'));
    const view = await page.evaluate(() => ({
      highlighted: [...document.querySelectorAll('p.deck-paper-hl[data-deck-paragraph]')].map((p) => p.id),
      top: document.getElementById('p-3')!.getBoundingClientRect().top,
      deckShown: !!document.querySelector('.reveal')!.getClientRects().length,
      paragraphs: document.querySelectorAll('#deck-paper-view p[data-deck-paragraph]').length,
      font: getComputedStyle(document.getElementById('p-3')!).fontFamily,
      title: document.title,
    }));
    expect(view).toMatchObject({ highlighted: ['p-3'], deckShown: false, paragraphs: 45, title: '新质生产力赋能共同富裕的内在逻辑与推进路径 · 论文原文' });
    expect(view.top).toBeLessThan(720 / 3);
    expect(view.font).toContain('Deck Sans SC');
    // The slides do not move under the paper, nor take the address back.
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(1200);
    expect(await page.evaluate(() => [location.hash, (window as unknown as RevealWindow).Reveal.getCurrentSlide().id])).toEqual(['#paper/p-3', 'logic-power']);
    // A reference marker leads to the reference list, inside the view.
    await page.locator('#p-3 a.deck-paper-ref').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#paper/ref-'));
    // The link under the paragraph goes back to its slide.
    await page.locator('#p-3 + .deck-paper-aside a[data-deck-slide="logic-power"]').click();
    await page.waitForFunction(() => location.hash === '#/logic-power' && !!document.querySelector('.reveal')!.getClientRects().length);
    expect(await page.evaluate(() => [(window as unknown as RevealWindow).Reveal.getCurrentSlide().id, document.querySelector('#deck-paper-view')!.getClientRects().length])).toEqual(['logic-power', 0]);
  });

  it('opens at #paper/p-12-13 with the paper shown first, and starts the slides when the reader goes back to them', async () => {
    const other = await page.context().newPage();
    other.on('pageerror', (e) => errors.push(String(e)));
    await other.goto(`${pathToFileURL(file).href}#paper/p-12-13`);
    await other.waitForFunction(() => document.querySelectorAll('p.deck-paper-hl[data-deck-paragraph]').length === 2);
    expect(await other.evaluate(() => document.documentElement.dataset.deckReady)).toBeUndefined();
    await other.getByRole('link', { name: '← 返回幻灯片' }).click();
    await other.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    expect(await other.evaluate(() => [location.hash, (window as unknown as RevealWindow).Reveal.getCurrentSlide().id])).toEqual(['#/title', 'title']);
    await other.close();
    expect(blocked).toEqual([]);
  });

  it('logs no console error', () => {
    expect(errors).toEqual([]);
  });
});

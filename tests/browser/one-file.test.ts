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

  it('logs no console error', () => {
    expect(errors).toEqual([]);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckUrl, launch, openDeck } from './helpers/deck-page.ts';
import { checkLines, type LineReport } from './helpers/lines.ts';
import { showSlide, slideIds } from './helpers/slides.ts';

/**
 * Chinese typesetting, measured on the lines Chromium lays out (see helpers/lines.ts): no line
 * that starts with a closing punctuation mark or ends with an opening one, no line of a single
 * character, no citation marker alone on a line, no space between a citation and its
 * punctuation. On every slide at 1280×720 with every step shown, in the study view on a
 * 390×844 phone, and on the printed pages: the slide PDF's, the handout's, the study guide's.
 */
let browser: Browser;
const figures: Record<string, LineReport> = {};

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  // The figures of the check, for the record: lines measured and rules broken per view.
  console.info(Object.entries(figures).map(([view, r]) => `${view}: ${r.lines} lines, ${r.violations.length} violations`).join('; '));
  await browser?.close();
});

describe('Chinese line breaking', () => {
  it('breaks no rule on any slide at 1280×720, every step shown', async () => {
    // Reduced motion: a step just shown is drawn at once, not faded in.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(new URL('?view=present&plan=all', deckUrl()).href);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    const report: LineReport = { lines: 0, violations: [] };
    const ids = await slideIds(page);
    for (const id of ids) {
      await showSlide(page, id);
      const r = await checkLines(page, `[id="${id}"]`);
      report.lines += r.lines;
      report.violations.push(...r.violations);
    }
    figures.slides = report;
    expect(ids.length).toBeGreaterThan(80);
    expect(report.lines).toBeGreaterThan(500);
    expect(report.violations).toEqual([]);
    await context.close();
  });

  it('breaks no rule in the study view on a 390×844 phone', async () => {
    const { page } = await openDeck(browser, '?view=scroll', { width: 390, height: 844 });
    const report = await checkLines(page, 'main article.deck-study-slide');
    figures.study = report;
    expect(report.lines).toBeGreaterThan(2000);
    expect(report.violations).toEqual([]);
    await page.context().close();
  });

  for (const [name, selector] of [
    ['?print-pdf', '.reveal .pdf-page > section[id]'],
    ['handout.html', '.deck-cover, .deck-sheet-slide, .deck-worksheet, .deck-answers'],
    ['notes.html', 'main'],
  ] as const) {
    it(`breaks no rule on ${name} as it prints`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(new URL(name, deckUrl()).href);
      await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
      const report = await checkLines(page, selector);
      figures[name] = report;
      expect(report.lines).toBeGreaterThan(500);
      expect(report.violations).toEqual([]);
      await context.close();
    });
  }
});

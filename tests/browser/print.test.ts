import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckManifest } from '../../src/shared/deck-model.ts';
import { deckUrl, launch, pageManifest } from './helpers/deck-page.ts';

/*
 * The printable pages in Chromium with print media, each opened once: the handout, the study
 * guide and the slides' print layout. The PDFs made of them are read back in export.test.ts.
 */
let browser: Browser;
let manifest: DeckManifest;
const printed = new Map<string, Page>();

beforeAll(async () => {
  browser = await launch();
  for (const name of ['handout.html', 'notes.html', '?print-pdf']) {
    const page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(new URL(name, deckUrl()).href);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    printed.set(name, page);
  }
  manifest = await pageManifest(printed.get('handout.html')!);
}, 120_000);
afterAll(async () => browser?.close());

describe('the printed covers', () => {
  for (const name of ['handout.html', 'notes.html']) {
    it(`${name} shows the paper’s keywords in Chinese as it prints`, async () => {
      const shown = await printed.get(name)!.locator('.deck-cover-keywords').innerText();
      expect(manifest.meta.keywords.length).toBe(4);
      for (const keyword of manifest.meta.keywords) expect(shown).toContain(keyword);
      expect(shown).not.toMatch(/%u[0-9A-F]{4}|\\u[0-9a-f]{4}|&#/i);
    });
  }
});

describe('my scores (我的练习成绩) on paper', () => {
  for (const name of ['handout.html', 'notes.html', '?print-pdf']) {
    it(`${name} prints the table to fill in by hand (a row per part, a blank for each score), or leaves it out`, async () => {
      const page = printed.get(name)!;
      // Left out of print (a plan that hides its slide) is as good as blank.
      if (name === '?print-pdf' && (await page.locator('[data-deck-quiz-scores]').count()) === 0) return;
      const table = await page.locator('[data-deck-quiz-scores] table').first().evaluate((t) => ({
        rows: t.querySelectorAll('tbody tr').length,
        blanks: [...t.querySelectorAll('.deck-score-blank')].filter((b) => b.checkVisibility() && b.querySelector('.deck-score-line')!.getBoundingClientRect().width > 10).length,
        live: [...t.querySelectorAll('.deck-score-live')].filter((b) => b.checkVisibility()).length,
      }));
      const parts = manifest.sections.filter((s) => manifest.quizzes.some((q) => q.sectionId === s.id)).length;
      expect(table).toEqual({ rows: parts, blanks: 2 * parts, live: 0 });
    });
  }
});

describe('the handout’s slides, readable on paper', () => {
  it('prints the text of every slide at 7 pt or more: a slide too dense for three a page has a page of its own, across it', async () => {
    const found = await printed.get('handout.html')!.evaluate(() => {
      // What a reader reads: not a label (a box's, a question's kind, an opener's), nor where a part
      // stands, a question's buttons or how to use them, formulas (at their own size), citations'
      // superscripts, drawings or widgets (figures of their own).
      const NOT_READING = 'svg, .katex, sup.deck-cite, aside.notes, [hidden], figure.deck-diagram, .deck-diagram-text, growth-explorer, cake-explorer, button, .deck-teaching-label, .deck-quiz-kind, .deck-quiz-hint, .deck-opener-part, .deck-opener-label, .deck-opener-goals-label, .deck-opener-track';
      const small: string[] = [];
      for (const frame of document.querySelectorAll<HTMLElement>('.deck-sheet .deck-frame')) {
        const stage = frame.querySelector<HTMLElement>('.deck-frame-stage')!;
        const scale = stage.getBoundingClientRect().width / stage.offsetWidth;
        const slide = stage.querySelector('section[id]')!;
        const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement!;
          if (!n.textContent!.trim() || el.closest(NOT_READING) || !el.closest('p, li, td, th, dd, dt, blockquote, h1, h2, h3, h4')) continue;
          const pt = (parseFloat(getComputedStyle(el).fontSize) * scale * 72) / 96;
          if (pt < 7) {
            small.push(`${slide.id}: ${pt.toFixed(1)} pt “${n.textContent!.trim().slice(0, 10)}”`);
            break;
          }
        }
      }
      const alone = [...document.querySelectorAll('.deck-sheet-alone')].map((sheet) => ({
        slides: sheet.querySelectorAll('.deck-frame').length,
        widthMm: (sheet.querySelector('.deck-frame')!.getBoundingClientRect().width * 25.4) / 96,
      }));
      return { small, alone, frames: document.querySelectorAll('.deck-sheet .deck-frame').length };
    });
    expect(found.frames).toBe(manifest.sections.reduce((n, s) => n + s.slides.length, 0));
    expect(found.small).toEqual([]);
    // The glossary and the references at least: too dense for a third of a page.
    expect(found.alone.length).toBeGreaterThanOrEqual(5);
    for (const sheet of found.alone) {
      expect(sheet.slides).toBe(1);
      expect(sheet.widthMm).toBeGreaterThan(180);
    }
  });
});

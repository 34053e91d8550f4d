import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckManifest } from '../../src/shared/deck-model.ts';
import { deckUrl, launch, pageManifest } from './helpers/deck-page.ts';

/*
 * The printable pages as they print: the handout and the study guide exported to PDF by
 * `npm run pdf` (the CLI, against the deck the browser project serves), read back with poppler;
 * and the pages themselves in Chromium with print media.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
let out: string;
let browser: Browser;
let manifest: DeckManifest;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'deck-print-'));
  browser = await launch();
  const page = await browser.newPage();
  await page.goto(new URL('handout.html', deckUrl()).href);
  manifest = await pageManifest(page);
  await page.close();
  await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'src', 'export', 'cli.ts'), 'pdf', '--only', 'handout,notes', '--url', deckUrl(), '--out', out], { cwd: ROOT, timeout: 180_000 });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The text of each page of a PDF, in reading order. */
function pages(pdf: string): string[] {
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return Array.from({ length: n }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
}

describe('the printed covers', () => {
  for (const [name, pdf] of [['handout.html', 'handout.pdf'], ['notes.html', 'notes.pdf']] as const) {
    it(`${name} shows the paper’s keywords in Chinese, on screen and on paper`, async () => {
      const page = await browser.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(new URL(name, deckUrl()).href);
      await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
      const shown = await page.locator('.deck-cover-keywords').innerText();
      await page.close();
      expect(manifest.meta.keywords.length).toBe(4);
      for (const keyword of manifest.meta.keywords) expect(shown).toContain(keyword);
      expect(shown).not.toMatch(/%u[0-9A-F]{4}|\\u[0-9a-f]{4}|&#/i);
      const cover = pages(join(out, pdf))[0]!.replace(/\s+/g, '');
      for (const keyword of manifest.meta.keywords) expect(cover).toContain(keyword);
    });
  }
});

describe('no page that holds nothing', () => {
  for (const pdf of ['notes.pdf', 'handout.pdf']) {
    it(`${pdf}: every page holds more than its running head, its page number and a heading or an empty box`, () => {
      const empty = pages(join(out, pdf)).flatMap((text, i) => {
        const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
        // The running head (first line) and the page number (第 n 页 / 共 m 页) are the page's frame.
        const body = lines.slice(1).filter((l) => !/^第 \d+ 页 \/ 共 \d+ 页$/.test(l));
        // What is left but a slide's number and title, and a box's label, is the page's content.
        const content = body.filter((l) => !/^\d+$/.test(l) && !manifest.sections.some((s) => s.slides.some((sl) => sl.title === l)) && !l.startsWith('教学补充') && !l.startsWith('讨论'));
        return content.join('').replace(/\s+/g, '').length < 40 ? [`page ${i + 1}: ${body.join(' ').slice(0, 80)}`] : [];
      });
      expect(empty).toEqual([]);
    });
  }
});

describe('my scores (我的练习成绩) on paper', () => {
  for (const name of ['handout.html', 'notes.html', '?print-pdf']) {
    it(`${name} prints the table to fill in by hand (a row per part, a blank for each score), or leaves it out`, async () => {
      const page = await browser.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(new URL(name, deckUrl()).href);
      await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
      // Left out of print (a plan that hides its slide) is as good as blank.
      if (name === '?print-pdf' && (await page.locator('[data-deck-quiz-scores]').count()) === 0) return void (await page.close());
      const table = await page.locator('[data-deck-quiz-scores] table').first().evaluate((t) => ({
        rows: t.querySelectorAll('tbody tr').length,
        blanks: [...t.querySelectorAll('.deck-score-blank')].filter((b) => b.checkVisibility() && b.querySelector('.deck-score-line')!.getBoundingClientRect().width > 10).length,
        live: [...t.querySelectorAll('.deck-score-live')].filter((b) => b.checkVisibility()).length,
      }));
      await page.close();
      const parts = manifest.sections.filter((s) => manifest.quizzes.some((q) => q.sectionId === s.id)).length;
      expect(table).toEqual({ rows: parts, blanks: 2 * parts, live: 0 });
    });
  }
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckUrl, launch, openDeck } from './helpers/deck-page.ts';
import { runDeckTape } from './helpers/decktape.ts';
import { compareGlyphs, grayFromPng, type Rect } from './helpers/image-diff.ts';
import { pdfFontNames, pdfPageCount, pdfPagesAsPng, pdfPageTexts } from './helpers/pdf-pages.ts';
import { slideIds } from './helpers/slides.ts';
import { configureLikeDeckTape, shootSlide, textDifference, type SlideShot } from './helpers/slide-shots.ts';

/*
 * DeckTape, the usual third-party PDF exporter for reveal.js, run as a user runs it
 * (`decktape reveal`, the system Chromium, `?plan=all`) on the built deck. Each page must be
 * its slide: the same text, and the same glyphs as our own screenshot of that slide. DeckTape
 * merges the fonts of its per-slide PDFs by name, so font files that share a name table draw
 * other characters' outlines: the text layer stays right and only the pictures show it.
 *
 * `npm test` prints a few slides (the first one's own faces, both weights, an arrow from a
 * small slice, a diagram, math); `npm run test:decktape` (DECKTAPE_ALL=1, part of
 * `npm run verify`) prints every slide.
 */

const ALL = process.env.DECKTAPE_ALL === '1';
/** The slides `npm test` prints (1-based, as DeckTape counts). */
const FEW = [1, 2, 3, 4, 6, 8, 21];
const SIZE = { width: 1280, height: 720 };
/**
 * The most a page's worst glyph window may differ (relative to its edges, see compareGlyphs).
 * Measured on all 108 slides, DeckTape's pages against our screenshots: right pages score 0.19
 * to 0.36 (two rasterisers' anti-aliasing; the worst is a bold title). With the font files all
 * named "Noto Sans SC Thin", 93 pages have glyphs of another subset and score 0.58 to 2.9 (a
 * Latin letter drawn as a Chinese one 0.58, 现 for 什 0.9, a whole title 2.0 and more); one more
 * page, with an arrow where a space should be, scores 0.39 and is not told apart.
 */
const WORST_GLYPH = 0.45;
/** Where the two pictures of a page that fails are written. */
const FAILURES = join(tmpdir(), 'deck-decktape-failures');

let dir: string;
let pdf: string;
let browser: Browser;
let page: Page;
let ids: string[];
/** The slides DeckTape printed, in page order. */
let printed: string[];
let shots: SlideShot[];
let pages: Buffer[];
let texts: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deck-decktape-'));
  pdf = join(dir, 'decktape.pdf');
  const url = new URL('?plan=all', deckUrl()).href;
  // DeckTape waits 1 s after each slide by default; 100 ms printed the same 108 pages, 200 leaves a margin.
  await runDeckTape(url, pdf, { size: SIZE, pause: 200, ...(ALL ? {} : { slides: FEW.join(',') }) });

  browser = await launch();
  ({ page } = await openDeck(browser, '?plan=all', SIZE));
  await configureLikeDeckTape(page);
  ids = await slideIds(page);
  printed = ALL ? ids : FEW.map((n) => ids[n - 1]!);
  shots = [];
  for (const id of printed) shots.push(await shootSlide(page, id));
  pages = pdfPagesAsPng(pdf, SIZE.width, SIZE.height);
  texts = pdfPageTexts(pdf);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The parts of a slide to compare: where it has text (a little wider, for the shift between the
 * two; not taller, as a border under a heading or a diagram's line is no glyph), less the chrome.
 */
function glyphArea(shot: SlideShot): { only: Rect[]; masks: Rect[] } {
  const grow = (r: Rect, x: number, y: number): Rect => ({ x: r.x - x, y: r.y - y, width: r.width + 2 * x, height: r.height + 2 * y });
  return { only: shot.textRects.map((r) => grow(r, 3, 0)), masks: shot.chrome.map((r) => grow(r, 4, 4)) };
}

describe(`DeckTape's PDF of the deck (${ALL ? 'every slide' : `slides ${FEW.join(', ')}`})`, () => {
  it('has one page per slide printed, the page size of the screen', () => {
    expect(pdfPageCount(pdf)).toBe(printed.length);
    if (ALL) expect(printed).toHaveLength(ids.length);
  });

  it('embeds the deck font under one name per file, never the source font’s “Thin” name', () => {
    const names = pdfFontNames(pdf);
    const deck = names.filter((n) => n.startsWith('DeckSansSC-'));
    expect(deck.length).toBeGreaterThan(0);
    expect(names.filter((n) => /Thin|NotoSans/i.test(n))).toEqual([]);
  });

  it('carries each slide’s text on its page', () => {
    const wrong = printed.flatMap((id, i) => {
      const d = textDifference(texts[i] ?? '', shots[i]!);
      return d.missing || d.extra ? [`page ${i + 1} (#/${id}): missing “${d.missing.slice(0, 40)}”, extra “${d.extra.slice(0, 40)}”`] : [];
    });
    expect(wrong).toEqual([]);
  });

  // About half a second a page on two busy cores: every slide takes a minute or more.
  it('draws the same glyphs as our own screenshot of each slide', { timeout: 600_000 }, () => {
    const wrong: string[] = [];
    printed.forEach((id, i) => {
      const shot = shots[i]!;
      const result = compareGlyphs(grayFromPng(shot.png), grayFromPng(pages[i]!), { area: shot.area, ...glyphArea(shot) });
      if (result.worst > WORST_GLYPH) {
        // Both pictures are kept for whoever looks into it.
        mkdirSync(FAILURES, { recursive: true });
        writeFileSync(join(FAILURES, `${id}-screen.png`), shot.png);
        writeFileSync(join(FAILURES, `${id}-decktape.png`), pages[i]!);
        const { x, y, width, height } = result.at;
        wrong.push(`page ${i + 1} (#/${id}): ${result.worst.toFixed(2)} at ${x},${y} ${width}×${height} (pictures in ${FAILURES})`);
      }
    });
    expect(wrong).toEqual([]);
  });
});

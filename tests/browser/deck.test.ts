import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UI } from '../../src/shared/ui-strings.ts';
import { launch, openDeck, type WatchedPage, type RevealWindow } from './helpers/deck-page.ts';
import { slideIds } from './helpers/slides.ts';

let browser: Browser;
let deck: WatchedPage;

beforeAll(async () => {
  browser = await launch();
  deck = await openDeck(browser, '?plan=all');
});
afterAll(async () => browser?.close());

describe('the built deck in Chromium at 1280×720', () => {
  it('exposes the reveal.js instance as window.Reveal, with every slide', async () => {
    const total = await deck.page.evaluate(() => (window as unknown as RevealWindow).Reveal.getTotalSlides());
    expect(total).toBeGreaterThan(20);
    expect(new Set(await slideIds(deck.page)).size).toBe(total);
  });

  it('draws every Mermaid fence as an SVG of non-zero size on its slide', async () => {
    const ids = await deck.page.$$eval('figure[data-deck-diagram]', (figs) => figs.map((f) => f.closest('section[id]')!.id));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of new Set(ids)) {
      await deck.page.evaluate((slideId) => {
        const r = (window as unknown as RevealWindow).Reveal;
        const slide = document.getElementById(slideId)!;
        const { h, v } = r.getIndices(slide);
        r.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
      }, id);
      const sizes = await deck.page.$$eval(`[id="${id}"] figure[data-deck-diagram]`, (figs) =>
        figs.map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return { svg: !!svg, error: f.classList.contains('deck-error'), w: box?.width ?? 0, h: box?.height ?? 0 };
        }),
      );
      for (const s of sizes) {
        expect(s, `diagram on slide ${id}`).toMatchObject({ svg: true, error: false });
        expect(s.w, `diagram width on slide ${id}`).toBeGreaterThan(100);
        expect(s.h, `diagram height on slide ${id}`).toBeGreaterThan(50);
      }
    }
  });

  it('renders the math with KaTeX, with MathML kept for screen readers', async () => {
    const counts = await deck.page.evaluate(() => ({
      katex: document.querySelectorAll('.katex').length,
      mathml: document.querySelectorAll('.katex math').length,
      errors: document.querySelectorAll('.deck-error').length,
    }));
    expect(counts.katex).toBeGreaterThan(5);
    expect(counts.mathml).toBe(counts.katex);
    expect(counts.errors).toBe(0);
  });

  it('fits every slide into 1280×720 with all its steps shown', async () => {
    const overflowing: string[] = [];
    for (const id of await slideIds(deck.page)) {
      const size = await deck.page.evaluate((slideId) => {
        const r = (window as unknown as RevealWindow).Reveal;
        const slide = document.getElementById(slideId)!;
        const { h, v } = r.getIndices(slide);
        r.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
        // The lowest edge of any content, in slide pixels; the bottom padding is the toolbar's room.
        const scale = slide.getBoundingClientRect().height / slide.offsetHeight;
        const top = slide.getBoundingClientRect().top;
        const bottom = Math.max(
          0,
          ...[...slide.querySelectorAll<HTMLElement>(':scope > *:not(aside.notes, canvas)')].map((el) => (el.getBoundingClientRect().bottom - top) / scale),
        );
        const room = slide.clientHeight - parseFloat(getComputedStyle(slide).paddingBottom);
        return { w: slide.scrollWidth, h: slide.scrollHeight, cw: slide.clientWidth, ch: slide.clientHeight, bottom, room };
      }, id);
      if (size.h > size.ch + 1 || size.w > size.cw + 1 || size.bottom > size.room + 1) {
        overflowing.push(`${id} (${size.w}×${size.h} in ${size.cw}×${size.ch}; content ends at ${Math.round(size.bottom)} of ${size.room})`);
      }
    }
    expect(overflowing).toEqual([]);
  });

  it('lays each slide near the current one out as it will be shown: a move changes no slide’s display (its layout is not rebuilt)', async () => {
    const changed = await deck.page.evaluate(async () => {
      const r = (window as unknown as RevealWindow).Reveal;
      const slides = r.getSlides();
      const found: string[] = [];
      for (let i = 0; i + 1 < slides.length; i++) {
        const { h, v } = r.getIndices(slides[i]!);
        r.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
        const next = slides[i + 1]!;
        // Loaded by reveal.js (within its view distance) before it is shown: its display must already be final.
        const before = getComputedStyle(next).display;
        r.next();
        const after = getComputedStyle(next).display;
        if (before !== after) found.push(`${next.id}: ${before} → ${after}`);
      }
      return found;
    });
    expect(changed).toEqual([]);
  });

  it('zooms with the key its help names: Ctrl+click on Linux, where Alt+click belongs to the window manager', async () => {
    const { page } = deck;
    await page.evaluate(() => (window as unknown as RevealWindow).Reveal.slide(0, 0));
    await page.keyboard.press('Shift+Slash');
    const zoomRow = (await page.locator('.deck-help tbody tr', { hasText: '放大' }).innerText()).replace(/\s+/g, ' ');
    await page.keyboard.press('Escape');
    expect(zoomRow).toContain(`${process.platform === 'linux' ? 'Ctrl' : 'Alt'}+单击`);
    const zoomed = (): Promise<boolean> => page.evaluate(() => document.body.style.transform.includes('scale'));
    const box = (await page.locator('section.present h1').boundingBox())!;
    const click = async (): Promise<void> => {
      await page.keyboard.down('Control');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.keyboard.up('Control');
    };
    await click();
    expect(await zoomed()).toBe(true);
    await click();
    expect(await zoomed()).toBe(false);
  });

  it('speaks the deck’s language in reveal.js’s own boxes: the jump box (G) and the search box', async () => {
    const { page } = deck;
    await page.keyboard.press('g');
    expect(await page.locator('.jump-to-slide-input').getAttribute('placeholder')).toBe(UI.aria.jumpToSlide);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+F');
    const search = page.locator('.searchinput');
    expect(await search.isVisible()).toBe(true);
    expect([await search.getAttribute('placeholder'), await search.getAttribute('aria-label')]).toEqual([UI.aria.searchSlides, UI.aria.searchSlides]);
    await page.evaluate(() => ((window as unknown as RevealWindow).Reveal.getPlugin('search') as unknown as { close(): void }).close());
  });

  it('shows the slides alone while reveal.js’s controls are off (DeckTape turns them off), and its toolbar and slide number again once they are on', async () => {
    const { page } = deck;
    const chrome = (): Promise<boolean[]> => page.evaluate(() => ['.deck-toolbar', '.reveal .slide-number'].map((s) => document.querySelector(s)?.checkVisibility() ?? false));
    const configure = (controls: boolean): Promise<void> => page.evaluate((c) => void (window as unknown as RevealWindow).Reveal.configure({ controls: c }), controls);
    expect(await chrome()).toEqual([true, true]);
    await configure(false);
    expect(await chrome()).toEqual([false, false]);
    await configure(true);
    expect(await chrome()).toEqual([true, true]);
  });

  it('prints the slides alone under ?print-pdf: no toolbar, no slide number', async () => {
    const print = await openDeck(browser, '?print-pdf');
    const shown = await print.page.evaluate(() => [...document.querySelectorAll('.deck-toolbar, .slide-number, .slide-number-pdf')].filter((el) => el.checkVisibility()).length);
    expect(shown).toBe(0);
    expect(await print.page.locator('.pdf-page').count()).toBeGreaterThan(20);
    await print.page.context().close();
  });

  it('logs no console error and sends no request outside its own origin', () => {
    expect(deck.consoleErrors).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
  });
});

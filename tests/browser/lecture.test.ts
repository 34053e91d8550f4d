import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openDeck, type WatchedPage, type RevealWindow } from './helpers/deck-page.ts';

let browser: Browser;
let deck: WatchedPage;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

const currentId = (): Promise<string> => deck.page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide().id);

describe('lecture tools in the presentation', () => {
  it('M opens the section menu listing every section title, marks the current slide, and jumps by keyboard', async () => {
    deck = await openDeck(browser, '?plan=all#/logic-power');
    await deck.page.keyboard.press('m');
    const menu = deck.page.locator('.deck-menu');
    await expect.poll(() => menu.isVisible()).toBe(true);
    const sections = await menu.locator('.deck-menu-section').allTextContents();
    const manifest = await deck.page.evaluate(() => JSON.parse(document.getElementById('deck-manifest')!.textContent!) as { sections: { title: string }[] });
    expect(sections).toEqual(manifest.sections.map((s) => s.title));
    expect(sections).toEqual(expect.arrayContaining(['引言', '参考文献']));
    expect(await menu.locator('a[aria-current="page"]').getAttribute('data-deck-slide')).toBe('logic-power');
    expect(await deck.page.evaluate(() => document.activeElement?.getAttribute('data-deck-slide'))).toBe('logic-power');
    await deck.page.keyboard.press('ArrowDown');
    await deck.page.keyboard.press('ArrowDown');
    const target = await deck.page.evaluate(() => document.activeElement?.getAttribute('data-deck-slide'));
    await deck.page.keyboard.press('Enter');
    await expect.poll(() => menu.isVisible()).toBe(false);
    expect(await currentId()).toBe(target);
  });

  it('Esc closes the menu without opening the overview, and a click on a title jumps', async () => {
    await deck.page.keyboard.press('m');
    await deck.page.keyboard.press('Escape');
    expect(await deck.page.locator('.deck-menu').isVisible()).toBe(false);
    expect(await deck.page.evaluate(() => (window as unknown as RevealWindow).Reveal.isOverview())).toBe(false);
    await deck.page.getByRole('button', { name: /目录/ }).click();
    await deck.page.locator('.deck-menu a[data-deck-slide="paths-map"]').click();
    expect(await currentId()).toBe('paths-map');
  });

  it('makes the overview map clickable: a box jumps to its part of the argument', async () => {
    deck = await openDeck(browser, '#/overview');
    await deck.page.locator('#overview svg a[*|href="#/logic-direction"]').click();
    await expect.poll(currentId).toBe('logic-direction');
  });

  it('reaches reveal.js’s own tools by mouse too: overview, blackout, search', async () => {
    const reveal = (): Promise<{ overview: boolean; paused: boolean }> =>
      deck.page.evaluate(() => {
        const r = (window as unknown as RevealWindow).Reveal;
        return { overview: r.isOverview(), paused: r.isPaused() };
      });
    await deck.page.getByRole('button', { name: '总览' }).click();
    expect((await reveal()).overview).toBe(true);
    await deck.page.getByRole('button', { name: '总览' }).click();
    expect((await reveal()).overview).toBe(false);
    await deck.page.getByRole('button', { name: '黑屏' }).click();
    expect((await reveal()).paused).toBe(true);
    await deck.page.keyboard.press('b');
    expect((await reveal()).paused).toBe(false);
    await deck.page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => deck.page.locator('.reveal .searchbox').isVisible()).toBe(true);
    await deck.page.getByRole('button', { name: '搜索' }).click();
  });

  it('? lists every key in Chinese', async () => {
    await deck.page.keyboard.press('Shift+?');
    const help = deck.page.locator('.deck-help');
    await expect.poll(() => help.isVisible()).toBe(true);
    const text = await help.innerText();
    // Zoom takes the platform's own modifier: Ctrl on Linux, where Alt+click moves the window.
    const zoom = /Linux/i.test(await deck.page.evaluate(() => navigator.platform)) ? 'Ctrl+单击' : 'Alt+单击';
    for (const key of ['M', 'S', 'L', 'D', 'C', 'O', 'B', 'F', 'G', 'Ctrl+Shift+F', zoom]) expect(text).toContain(key);
    expect(text).toContain('激光笔');
    await deck.page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
  });

  it('L turns the cursor into a laser dot that follows the pointer, and does not move the slide', async () => {
    const before = await currentId();
    await deck.page.keyboard.press('l');
    await deck.page.mouse.move(400, 300);
    const dot = deck.page.locator('.deck-laser');
    await expect.poll(() => dot.isVisible()).toBe(true);
    const box = await dot.boundingBox();
    expect(Math.round(box!.x + box!.width / 2)).toBe(400);
    expect(await currentId()).toBe(before);
    await deck.page.keyboard.press('l');
    await expect.poll(() => dot.isVisible()).toBe(false);
  });

  it('D draws strokes on the current slide; they survive going away and back; C clears them', async () => {
    deck = await openDeck(browser, '#/logic-cake-triad');
    const inked = (): Promise<number> =>
      deck.page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('#logic-cake-triad canvas.deck-pen-canvas');
        if (!canvas) return 0;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
    await deck.page.keyboard.press('d');
    await deck.page.mouse.move(300, 300);
    await deck.page.mouse.down();
    await deck.page.mouse.move(500, 350, { steps: 8 });
    await deck.page.mouse.up();
    const drawn = await inked();
    expect(drawn).toBeGreaterThan(200);

    await deck.page.keyboard.press('d');
    await deck.page.keyboard.press('ArrowRight');
    expect(await currentId()).not.toBe('logic-cake-triad');
    await deck.page.keyboard.press('ArrowLeft');
    expect(await currentId()).toBe('logic-cake-triad');
    expect(await inked()).toBe(drawn);

    await deck.page.keyboard.press('c');
    expect(await inked()).toBe(0);
  });

  it('with the pen away, a click on the slide reaches the slide (the canvas never blocks it)', async () => {
    const hit = await deck.page.evaluate(() => document.elementFromPoint(640, 360)?.className ?? '');
    expect(hit).not.toContain('deck-pen-canvas');
  });

  it('S opens the speaker view with the current notes, a pacing line, and follows navigation', async () => {
    deck = await openDeck(browser, '#/logic-power');
    const [speaker] = await Promise.all([deck.page.waitForEvent('popup'), deck.page.keyboard.press('s')]);
    const notes = speaker.locator('.deck-speaker-notes');
    await expect.poll(() => notes.innerText(), { timeout: 15_000 }).toContain('强大动力');
    expect(await speaker.locator('.deck-speaker-pacing').innerText()).toContain('本页约');
    await deck.page.keyboard.press('ArrowRight');
    const next = await deck.page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide().querySelector('aside.notes')?.textContent ?? '');
    await expect.poll(() => notes.innerText(), { timeout: 10_000 }).toContain(next.trim().slice(-20));
    await speaker.close();
  });

  it('speaks the deck’s language in the speaker view: Chinese labels, the notes in the deck’s font, the next step of a step-by-step slide', async () => {
    deck = await openDeck(browser, '#/logic-new-momentum');
    const [speaker] = await Promise.all([deck.page.waitForEvent('popup'), deck.page.keyboard.press('s')]);
    const notes = speaker.locator('.deck-speaker-notes');
    await expect.poll(() => notes.innerText(), { timeout: 15_000 }).toContain('幂数效应');
    // Its own words (not the slides' previews, not the notes): Chinese, none of reveal.js's Upcoming, TIME, NOTES.
    const chrome = await speaker.evaluate(() => {
      const shown: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (el.closest('.deck-speaker-notes, script, style') || !el.checkVisibility() || !n.textContent!.trim()) continue;
        shown.push(n.textContent!.trim());
      }
      return [...shown, ...[...document.querySelectorAll('[aria-label], [title]')].map((el) => el.getAttribute('aria-label') ?? el.getAttribute('title') ?? '')];
    });
    expect(chrome.length).toBeGreaterThan(5);
    // Each label is Chinese, or has no letters at all (a clock, a count); an acronym in a Chinese label is fine.
    expect(chrome.filter((t) => /[A-Za-z]/.test(t) && !/\p{Script=Han}/u.test(t))).toEqual([]);
    // The font the notes are drawn in, as Chromium reports it: the deck's, no fallback.
    const cdp = await speaker.context().newCDPSession(speaker);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    // (The view may redraw its notes while asked: ask again.)
    const notesFonts = async (): Promise<{ familyName: string }[]> => {
      for (let attempt = 0; ; attempt++) {
        try {
          const { root } = await cdp.send('DOM.getDocument');
          const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.deck-speaker-notes p' });
          return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
        } catch (e) {
          if (attempt === 4) throw e;
          await speaker.waitForTimeout(300);
        }
      }
    };
    const fonts = await notesFonts();
    // (Chromium names a web font's face by its full name: DeckSansSC-400, and the first slide's subset.)
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !/^DeckSansSC-/.test(f.familyName)).map((f) => f.familyName)).toEqual([]);
    // The next step: the same slide, one more item shown than on the current one.
    const shownItems = async (selector: string): Promise<{ id: string; shown: number }> => {
      const frame = (await speaker.$(selector))!;
      const inner = (await frame.contentFrame())!;
      return inner.evaluate(() => {
        const slide = (window as unknown as RevealWindow).Reveal.getCurrentSlide();
        return { id: slide.id, shown: slide.querySelectorAll('.fragment.visible').length };
      });
    };
    await expect.poll(() => shownItems('.deck-speaker-next iframe'), { timeout: 15_000 }).toEqual({ id: 'logic-new-momentum', shown: 1 });
    expect(await shownItems('.deck-speaker-current iframe')).toEqual({ id: 'logic-new-momentum', shown: 0 });
    await speaker.close();
  });

  it('logs no console error and sends nothing outside the origin', () => {
    expect(deck.consoleErrors).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openDeck, type WatchedPage, type RevealWindow, pageManifest } from './helpers/deck-page.ts';
import { currentSlide, slideIds } from './helpers/slides.ts';

/**
 * The deck driven by the keyboard alone: every input here is a key press. The page is only read
 * (where the focus is, which slide is shown), never clicked or scripted into another state.
 */
let browser: Browser;
let deck: WatchedPage;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  deck = await openDeck(browser, '?view=present&plan=all');
  page = deck.page;
});
afterAll(async () => browser?.close());

/** What has the focus: enough to name it, where it is, and whether a focus ring is drawn round it. */
function focused(p: Page): Promise<{ name: string; slide: string | null; chrome: string | null; ring: boolean; tag: string }> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', slide: null, chrome: null, ring: false, tag: 'body' };
    const style = getComputedStyle(el);
    return {
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30),
      slide: el.closest<HTMLElement>('.reveal .slides section[id]')?.id ?? null,
      chrome: el.closest('.deck-toolbar, .controls, .slide-number, .deck-pen-bar, .deck-skip-link, .deck-overlay') ? 'chrome' : null,
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      tag: el.localName,
    };
  });
}

/** Goes to a slide the keyboard way: the menu (M), ↓ or ↑ to its entry, Enter. */
async function goTo(p: Page, id: string): Promise<void> {
  await p.keyboard.press('m');
  const order = await p.$$eval('.deck-menu a[data-deck-slide]', (links) => links.map((a) => (a as HTMLElement).dataset.deckSlide!));
  const at = async (): Promise<number> => order.indexOf((await p.evaluate(() => (document.activeElement as HTMLElement).dataset.deckSlide)) ?? '');
  for (let i = 0; i < order.length && (await at()) !== order.indexOf(id); i++) await p.keyboard.press((await at()) < order.indexOf(id) ? 'ArrowDown' : 'ArrowUp');
  await p.keyboard.press('Enter');
}

const stepState = (p: Page): Promise<{ id: string; f: number }> =>
  p.evaluate(() => {
    const r = (window as unknown as RevealWindow).Reveal;
    return { id: r.getCurrentSlide().id, f: r.getIndices().f ?? -1 };
  });

describe('the whole deck by keyboard alone', () => {
  it('reaches every slide, and every step of each, with Space from Home to the end', async () => {
    const ids = await slideIds(page);
    const steps = await page.evaluate(() =>
      Object.fromEntries((window as unknown as RevealWindow).Reveal.getSlides().map((s) => [s.id, new Set([...s.querySelectorAll('.fragment')].map((f) => f.getAttribute('data-fragment-index'))).size])),
    );
    await page.keyboard.press('Home');
    const seen = new Map<string, Set<number>>();
    let state = await stepState(page);
    for (let press = 0; press < 1000; press++) {
      const { id, f } = state;
      if (!seen.has(id)) seen.set(id, new Set());
      seen.get(id)!.add(f);
      await page.keyboard.press('Space');
      state = await stepState(page);
      if (state.id === id && state.f === f) break; // the end: Space does nothing more
    }
    expect([...seen.keys()]).toEqual(ids);
    // Each step of a slide was shown once: its fragment indices 0…n-1 (and -1, none yet).
    const missing = ids.filter((id) => steps[id]! > 0 && [...Array(steps[id]).keys()].some((k) => !seen.get(id)!.has(k)));
    expect(missing).toEqual([]);
    expect(await currentSlide(page)).toBe(ids.at(-1));
  });

  it('goes to the very first slide with Home and the very last with End, from inside any section', async () => {
    const ids = await slideIds(page);
    // Inside the first section (reveal.js's own Home comes back here, where that section was left)…
    await goTo(page, ids[2]!);
    // …then in the middle of another one.
    const middle = ids[Math.floor(ids.length / 2)]!;
    await goTo(page, middle);
    await page.keyboard.press('Home');
    expect(await currentSlide(page)).toBe(ids[0]);
    await goTo(page, middle);
    await page.keyboard.press('End');
    expect(await currentSlide(page)).toBe(ids.at(-1));
  });

  it('opens the menu with M at the current slide, moves with ↓, jumps with Enter, and gives the focus back to the deck', async () => {
    await page.keyboard.press('Home');
    await page.keyboard.press('m');
    const first = await focused(page);
    expect(first).toMatchObject({ chrome: 'chrome', tag: 'a', ring: true });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('page');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const target = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.deckSlide);
    await page.keyboard.press('Enter');
    expect(await currentSlide(page)).toBe(target);
    expect(await page.locator('.deck-menu').isHidden()).toBe(true);
    const before = await stepState(page);
    await page.keyboard.press('Space');
    expect(await stepState(page), 'Space moves the deck again after the menu').not.toEqual(before);
  });

  it('answers a question: the menu to its slide, Tab to the options, arrows to choose, Enter to submit', async () => {
    const single = (await pageManifest(page)).quizzes.find((q) => q.kind === 'single')!;
    const quiz = { slide: single.slideId, answer: String(single.answer[0]) };
    await goTo(page, quiz.slide);
    expect(await currentSlide(page)).toBe(quiz.slide);
    for (let i = 0; i < 30 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).type)) !== 'radio'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ slide: quiz.slide, tag: 'input', ring: true });
    for (let i = 0; i < 8 && (await page.evaluate(() => (document.activeElement as HTMLInputElement).value)) !== quiz.answer; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ name: '提交答案', ring: true });
    await page.keyboard.press('Enter');
    const feedback = page.locator(`[id="${quiz.slide}"] .deck-quiz-feedback`).first();
    expect(await feedback.getAttribute('data-result')).toBe('right');
    expect(await currentSlide(page), 'answering kept the slide').toBe(quiz.slide);
  });

  it('opens the help with ?, keeps Tab inside it, closes it with Esc and gives the focus back', async () => {
    await page.keyboard.press('Tab');
    const before = await focused(page);
    await page.keyboard.press('Shift+Slash');
    expect(await page.locator('.deck-help').isVisible()).toBe(true);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('.deck-help [role="dialog"]'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await page.locator('.deck-help').isHidden()).toBe(true);
    expect(await focused(page)).toEqual(before);
  });

  it('draws with the pen by keyboard: D shows its toolbar, Tab reaches a colour, Enter picks it, Esc puts the pen away', async () => {
    await page.keyboard.press('d');
    expect(await page.locator('.deck-pen-bar').isVisible()).toBe(true);
    for (let i = 0; i < 60 && (await focused(page)).name !== '蓝色笔'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ name: '蓝色笔', ring: true });
    await page.keyboard.press('Enter');
    expect(await page.locator('.deck-pen-bar [aria-label="蓝色笔"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.locator('.deck-pen-bar').isHidden()).toBe(true);
  });

  it('Tabs through a slide’s own controls and the deck’s, each with a visible focus ring, and round again: no trap', async () => {
    // Slides with a glossary term, a citation, a diagram's text version, a widget's sliders.
    const slides = await page.evaluate(() =>
      [...new Set(['button.deck-term', 'sup.deck-cite a', '.deck-diagram-text > summary', 'growth-explorer'].map((s) => document.querySelector(s)!.closest('section[id]')!.id))],
    );
    for (const id of slides) {
      await goTo(page, id);
      expect(await currentSlide(page)).toBe(id);
      const stops: Awaited<ReturnType<typeof focused>>[] = [];
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        if (f.tag === 'body') continue; // past the last control, before the first again
        if (stops.length && f.name === stops[0]!.name && f.tag === stops[0]!.tag) break; // round again
        stops.push(f);
      }
      expect(stops.filter((s) => s.slide === id).length, `${id}: Tab reaches the slide's own controls`).toBeGreaterThan(0);
      expect(stops.some((s) => s.chrome), `${id}: and the deck's`).toBe(true);
      expect(stops.filter((s) => !s.ring).map((s) => `${s.tag} “${s.name}”`), `${id}: every stop shows a ring`).toEqual([]);
      expect(stops.length, `${id}: Tab came round to the first stop again`).toBeLessThan(79);
      expect(await currentSlide(page), 'Tab never moved the slide').toBe(id);
    }
  });
});

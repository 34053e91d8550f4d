import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PLANS, allSlides, type DeckManifest } from '../../src/shared/deck-model.ts';
import { deckUrl, launch, openDeck, pageManifest, type RevealWindow, type WatchedPage } from './helpers/deck-page.ts';

let browser: Browser;
let manifest: DeckManifest;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  browser = await launch();
  const first = await openDeck(browser);
  opened.push(first);
  manifest = await pageManifest(first.page);
});
afterAll(async () => browser?.close());

const total = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as RevealWindow).Reveal.getTotalSlides());
const shownIds = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as RevealWindow).Reveal.getSlides().map((s) => s.id));
const currentId = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide().id);

async function open(path: string): Promise<WatchedPage> {
  const deck = await openDeck(browser, path);
  opened.push(deck);
  return deck;
}

describe('lecture plans in the presentation', () => {
  it('shows deck.yml’s default plan, only its slides, and says so in the menu', async () => {
    const { page } = opened[0]!;
    const planned = allSlides(manifest, manifest.meta.defaultPlan).map((s) => s.id);
    expect(planned.length).toBeLessThan(allSlides(manifest).length);
    expect(await shownIds(page)).toEqual(planned);
    expect(await total(page)).toBe(planned.length);
    // reveal.js's own slide number counts the plan's slides.
    await expect.poll(() => page.locator('.slide-number').innerText()).toMatch(new RegExp(`/\\s*${planned.length}$`));
    await page.keyboard.press('m');
    const line = page.locator('.deck-menu-plan');
    await expect.poll(() => line.innerText()).toContain(`一课时（45分钟），共${planned.length}页（默认）`);
    expect(await page.locator('.deck-menu-sections a').count()).toBe(planned.length);
  });

  it('?plan=90 and ?plan=all show their slides; every planned slide carries its minutes', async () => {
    const ninety = await open('?plan=90');
    expect(await shownIds(ninety.page)).toEqual(allSlides(manifest, '90').map((s) => s.id));
    const all = await open(`?plan=${ALL_PLANS}`);
    expect(await total(all.page)).toBe(allSlides(manifest).length);
    const minutes = await all.page.$$eval('.reveal .slides > section > section', (slides) => slides.map((s) => [s.id, s.getAttribute('data-deck-minutes'), s.getAttribute('data-deck-plans')]));
    for (const [id, m, plans] of minutes) {
      const slide = allSlides(manifest).find((s) => s.id === id)!;
      expect([id, plans]).toEqual([id, slide.plans.join(' ')]);
      expect([id, m]).toEqual([id, slide.plans.length ? String(slide.minutes) : null]);
    }
  });

  it('switches plan from the menu, reloads at the same slide, and remembers it; the address still wins', async () => {
    const deck = await open('#/logic-power');
    await deck.page.keyboard.press('m');
    await Promise.all([deck.page.waitForURL(/plan=90/), deck.page.locator('.deck-menu-plan button[data-deck-plan="90"]').click()]);
    await deck.page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    expect(await total(deck.page)).toBe(allSlides(manifest, '90').length);
    expect(await currentId(deck.page)).toBe('logic-power');
    // The same browser, a new visit without ?plan: the remembered choice.
    await deck.page.goto(deckUrl());
    await deck.page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    expect(await total(deck.page)).toBe(allSlides(manifest, '90').length);
    await deck.page.goto(new URL('?plan=45', deckUrl()).href);
    await deck.page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    expect(await total(deck.page)).toBe(allSlides(manifest, '45').length);
  });

  it('a link to a slide outside the plan shows that slide over the lecture, which stays where it was', async () => {
    const { page } = await open('?plan=45');
    // A link of the deck's own (a question's explanation, a diagram) that leads outside the plan.
    const outside = new Set(allSlides(manifest).filter((s) => !s.plans.includes('45')).map((s) => s.id));
    const link = await page.evaluate((ids) => {
      for (const a of document.querySelectorAll<HTMLAnchorElement>('.reveal .slides a[href^="#/"]')) {
        const id = a.getAttribute('href')!.slice(2);
        if (ids.includes(id)) return { id, on: a.closest('section[id]')!.id };
      }
      return null;
    }, [...outside]);
    expect(link).not.toBeNull();
    await page.evaluate((id) => {
      const r = (window as unknown as RevealWindow).Reveal;
      const { h, v } = r.getIndices(document.getElementById(id)!);
      r.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
    }, link!.on);
    await page.evaluate((id) => document.querySelector<HTMLAnchorElement>(`.reveal .slides a[href="#/${id}"]`)!.click(), link!.id);
    const overlay = page.locator('.deck-outside-plan');
    await expect.poll(() => overlay.isVisible()).toBe(true);
    const title = allSlides(manifest).find((s) => s.id === link!.id)!.title;
    expect(await overlay.locator('.deck-overlay-title').innerText()).toBe(title);
    expect(await overlay.locator(`.deck-frame section[id="${link!.id}"]`).count()).toBe(1);
    expect(await currentId(page)).toBe(link!.on);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.isVisible()).toBe(false);

    // An address that names it: the plan's slide before it, and the slide shown over it.
    const typed = await open(`?plan=45#/${link!.id}`);
    await expect.poll(() => typed.page.locator('.deck-outside-plan').isVisible()).toBe(true);
    const all = allSlides(manifest);
    const before = all.slice(0, all.findIndex((s) => s.id === link!.id)).reverse().find((s) => s.plans.includes('45'))!;
    expect(await currentId(typed.page)).toBe(before.id);
  });

  it('the speaker view follows the plan: its previews, its pacing and the overview’s timing', async () => {
    const { page } = await open('?plan=90#/overview');
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await expect.poll(() => speaker.locator('.deck-speaker-pacing').innerText(), { timeout: 15_000 }).toContain('全讲90分钟');
    expect(await speaker.locator('.deck-speaker-plan select').inputValue()).toBe('90');
    expect(await speaker.locator('iframe').first().getAttribute('src')).toContain('plan=90');
    const timing = speaker.locator('.deck-plan-timing');
    await expect.poll(() => timing.innerText()).toContain('「两课时（90分钟）」各部分用时（共90分钟）');
    expect(await timing.locator('li').count()).toBe(manifest.sections.filter((s) => s.slides.some((sl) => sl.plans.includes('90'))).length);
    // Another plan chosen in the speaker view: the presentation reloads with it, and the speaker view follows.
    await Promise.all([page.waitForURL(/plan=45/), speaker.locator('.deck-speaker-plan select').selectOption('45')]);
    await expect.poll(() => speaker.locator('.deck-speaker-pacing').innerText(), { timeout: 15_000 }).toContain('全讲45分钟');
    await speaker.close();
  });

  it('logs no console error and sends nothing outside the origin', () => {
    for (const deck of opened) {
      expect(deck.consoleErrors).toEqual([]);
      expect(deck.foreignRequests).toEqual([]);
    }
  });
});

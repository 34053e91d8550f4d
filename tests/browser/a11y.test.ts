import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, axeViolationsAgain, CURRENT_SLIDE } from './helpers/axe.ts';
import { deckUrl, launch, openDeck, type WatchedPage, type RevealWindow, pageManifest } from './helpers/deck-page.ts';
import { currentSlide, showSlide, slideIds } from './helpers/slides.ts';

let browser: Browser;
let deck: WatchedPage;

beforeAll(async () => {
  browser = await launch();
  deck = await openDeck(browser, '?view=present&plan=all');
});
afterAll(async () => browser?.close());

/** A page whose system asks for reduced motion: axe then never measures a slide mid-transition. */
async function openStill(path: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(new URL(path, deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  return page;
}

describe('WCAG 2.0/2.1 A and AA (axe-core): no violation in any mode', () => {
  it('on every slide at once, every step shown, in reveal.js’s print layout (the presentation’s theme, one run of axe)', async () => {
    // The print layout shows every slide and every step on one page: one run checks them all.
    // A content fault on any slide is found (checked with a slide greyed out, and an image
    // without alt text on another); the slide-by-slide walk is in npm run test:axe-slides.
    const page = await openStill('?print-pdf&plan=all');
    const pages = await page.locator('.reveal .slides .pdf-page').count();
    expect(pages).toBe((await pageManifest(page)).sections.flatMap((s) => s.slides).length);
    expect(await axeViolations(page, { include: '.reveal .slides' })).toEqual([]);
    await page.context().close();
  });

  it.runIf(process.env.DECK_AXE_SLIDES === '1')('on every slide of the presentation, one by one, with every step shown', async () => {
    // Two pages walk half the slides each: axe is CPU-bound, and there are two cores.
    const pages = await Promise.all([openStill('?view=present&plan=all'), openStill('?view=present&plan=all')]);
    const ids = await slideIds(pages[0]!);
    const walk = async (page: Page, part: number): Promise<string[]> => {
      const found: string[] = [];
      for (const [i, id] of ids.filter((_, k) => k % pages.length === part).entries()) {
        await showSlide(page, id);
        const violations = i === 0 ? await axeViolations(page, { include: CURRENT_SLIDE }) : await axeViolationsAgain(page, CURRENT_SLIDE);
        found.push(...violations.map((v) => `${id}: ${v}`));
      }
      return found;
    };
    const found = (await Promise.all(pages.map(walk))).flat();
    expect(ids.length).toBeGreaterThan(80);
    expect(found).toEqual([]);
    await Promise.all(pages.map((p) => p.context().close()));
    // axe over every slide, one by one, takes two minutes on a quiet two-core machine.
  }, 240_000);

  it('in the presentation’s own controls: skip link, toolbar, arrows, slide number', async () => {
    expect(await axeViolations(deck.page, { exclude: '.reveal .slides' })).toEqual([]);
  });

  it('with the menu open, with the help open, and on a question answered wrong (feedback and explanation shown)', async () => {
    const page = await openStill('?view=present&plan=all');
    for (const key of ['m', '?']) {
      await page.keyboard.press(key === '?' ? 'Shift+Slash' : key);
      const dialog = page.locator('.deck-overlay:not([hidden]) [role="dialog"]');
      await expect.poll(() => dialog.count()).toBe(1);
      expect(await axeViolations(page, { include: '.deck-overlay:not([hidden])' }), key).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    }
    const quiz = (await pageManifest(page)).quizzes.find((q) => q.kind === 'single')!;
    await showSlide(page, quiz.slideId);
    const form = page.locator(`${CURRENT_SLIDE} form[data-deck-quiz]`).first();
    const wrong = quiz.answer[0] === 0 ? 1 : 0;
    await form.locator('input').nth(wrong).check();
    await form.getByRole('button', { name: '提交答案' }).click();
    expect(await form.locator('.deck-quiz-explanation').isVisible()).toBe(true);
    expect(await axeViolations(page, { include: CURRENT_SLIDE })).toEqual([]);
    await page.context().close();
  });

  it('with a glossary definition, a citation’s reference, a diagram’s text version and the pen toolbar open', async () => {
    const page = await openStill('?view=present&plan=all');
    const open = async (selector: string): Promise<string> => {
      const id = await page.evaluate((s) => document.querySelector(s)!.closest('section[id]')!.id, selector);
      await showSlide(page, id);
      await page.locator(`${CURRENT_SLIDE} ${selector}`).first().focus();
      return id;
    };
    await open('button.deck-term');
    await expect.poll(() => page.locator(`${CURRENT_SLIDE} .deck-term-tip:not([hidden])`).count()).toBe(1);
    expect(await axeViolations(page, { include: CURRENT_SLIDE }), 'glossary term').toEqual([]);
    await open('sup.deck-cite a');
    await expect.poll(() => page.locator(`${CURRENT_SLIDE} .deck-cite-tip:not([hidden])`).count()).toBe(1);
    expect(await axeViolations(page, { include: CURRENT_SLIDE }), 'citation').toEqual([]);
    await open('.deck-diagram-text > summary');
    await page.keyboard.press('Enter');
    expect(await page.locator(`${CURRENT_SLIDE} details.deck-diagram-text[open]`).count()).toBe(1);
    expect(await axeViolations(page, { include: CURRENT_SLIDE }), 'text version').toEqual([]);
    await page.keyboard.press('d');
    await expect.poll(() => page.locator('.deck-pen-bar:not([hidden])').count()).toBe(1);
    expect(await axeViolations(page, { include: '.deck-pen-bar' }), 'pen toolbar').toEqual([]);
    await page.context().close();
  });

  it('in the study view on a 390×844 phone', async () => {
    const page = await openStill('?view=scroll', { width: 390, height: 844 });
    // A slide far from the screen is not laid out (content-visibility), so axe could not see its
    // colours: every slide is drawn for the check (CSSOM, which the page's policy allows).
    await page.evaluate(() => document.querySelectorAll<HTMLElement>('.deck-study-slide').forEach((a) => (a.style.contentVisibility = 'visible')));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('on the printable handout and study guide', async () => {
    // Both at once: axe is CPU-bound, and there are two cores.
    const found = await Promise.all(
      ['handout.html', 'notes.html'].map(async (path) => {
        const page = await openStill(path, { width: 1280, height: 900 });
        const violations = await axeViolations(page);
        await page.context().close();
        return violations.map((v) => `${path}: ${v}`);
      }),
    );
    expect(found.flat()).toEqual([]);
  });
});

describe('a screen reader’s way through the paper', () => {
  it('meets the presentation as a labelled region of slides, each a group named by its place and title, in Chinese', async () => {
    await showSlide(deck.page, 'logic-power');
    const seen = await deck.page.evaluate(() => {
      const reveal = document.querySelector('.reveal')!;
      const slide = document.getElementById('logic-power')!;
      return {
        lang: document.documentElement.lang,
        role: reveal.getAttribute('role'),
        name: reveal.getAttribute('aria-label'),
        slideRole: slide.getAttribute('role'),
        slideName: slide.getAttribute('aria-label'),
        controls: [...document.querySelectorAll('.reveal .controls button')].map((b) => b.getAttribute('aria-label')),
        english: [...document.querySelectorAll('#references-english, #references-english-abstract')].map((s) => s.querySelector('[lang="en"]') !== null),
      };
    });
    expect(seen).toMatchObject({ lang: 'zh-CN', role: 'region', slideRole: 'group', english: [true, true] });
    expect(seen.name).toContain('新质生产力赋能共同富裕');
    expect(seen.slideName).toMatch(/^第\d+\/\d+页：.*强大动力$/);
    expect(seen.controls).toEqual(['上一页', '下一页', '本节上一页', '本节下一页']);
  });

  it('hears each new slide announced by its place and title, in a polite live region', async () => {
    await showSlide(deck.page, 'logic-power');
    await deck.page.keyboard.press('ArrowDown');
    const announced = deck.page.locator('[data-deck-announcer][aria-live="polite"]');
    const id = await deck.page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide().id);
    const title = (await pageManifest(deck.page)).sections.flatMap((s) => s.slides).find((sl) => sl.id === id)!.title;
    await expect.poll(() => announced.textContent()).toMatch(new RegExp(`^第\\d+/\\d+页，.+：${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });

  it('finds the study view, the whole paper as one document, behind the first Tab of the presentation', async () => {
    const page = await openStill('?view=present#/logic-power');
    await page.keyboard.press('Tab');
    const link = await page.evaluate(() => {
      const a = document.activeElement as HTMLAnchorElement;
      return { text: a.textContent, href: a.getAttribute('href'), width: a.getBoundingClientRect().width };
    });
    expect(link.text).toContain('阅读模式');
    expect(link.href).toMatch(/view=scroll#\/logic-power$/);
    expect(link.width).toBeGreaterThan(100);
    await page.context().close();
  });

  it('reads the study view as a document: one h1, a heading per part and per slide in order, notes as text, citations as links', async () => {
    const page = await openStill('?view=scroll', { width: 390, height: 844 });
    const doc = await page.evaluate(() => {
      const levels = [...document.querySelectorAll('main :is(h1, h2, h3, h4, h5, h6)')].filter((h) => !h.closest('svg')).map((h) => Number(h.tagName[1]));
      const jumps = levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1).length;
      const cites = [...document.querySelectorAll('main sup.deck-cite')];
      return {
        role: document.querySelector('main')?.getAttribute('role') ?? 'main',
        application: document.querySelectorAll('[role="application"]').length,
        h1: levels.filter((l) => l === 1).length,
        first: levels[0],
        jumps,
        notes: document.querySelectorAll('main .deck-study-notes[role="note"]').length,
        citesAsLinks: cites.every((c) => c.querySelector('a[href^="#/references"]')),
        cites: cites.length,
      };
    });
    expect(doc).toMatchObject({ role: 'main', application: 0, h1: 1, first: 1, jumps: 0, citesAsLinks: true });
    expect(doc.notes).toBeGreaterThan(80);
    expect(doc.cites).toBeGreaterThan(10);
    await page.context().close();
  });
});

describe('motion and zoom', () => {
  it('turns slide transitions and step animations off when the system asks for reduced motion, also while running', async () => {
    const motion = (page: Page) =>
      page.evaluate(() => {
        const config = (window as unknown as RevealWindow).Reveal.getConfig();
        const durations = (sel: string) => getComputedStyle(document.querySelector(sel)!).transitionDuration;
        return { transition: config.transition, background: config.backgroundTransition, fragment: durations('.reveal .fragment'), slide: durations('.reveal .slides section') };
      });
    const still = await openStill('?view=present&plan=all');
    expect(await motion(still)).toEqual({ transition: 'none', background: 'none', fragment: '0s', slide: '0s' });
    await still.context().close();

    const moving = await openDeck(browser, '?view=present');
    expect(await motion(moving.page)).toMatchObject({ transition: 'slide' });
    expect((await motion(moving.page)).fragment).not.toBe('0s');
    await moving.page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(() => motion(moving.page)).toEqual({ transition: 'none', background: 'none', fragment: '0s', slide: '0s' });
    await moving.page.keyboard.press('ArrowRight');
    expect(await currentSlide(moving.page)).not.toBe('');
    await moving.page.context().close();
  });

  it('keeps the study view usable at 200% zoom (a 1280×800 window is 640×400 CSS px): no sideways scrolling, the header at most a quarter of the height', async () => {
    const zoomed = await openDeck(browser, '?view=scroll#/logic-two-way', { width: 640, height: 400 });
    const layout = await zoomed.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      header: document.querySelector('.deck-study-header')!.getBoundingClientRect().height,
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(640);
    expect(layout.header).toBeLessThanOrEqual(400 / 4);
    await zoomed.page.context().close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckUrl, launch, openDeck, type WatchedPage, pageManifest } from './helpers/deck-page.ts';

const PHONE = { width: 390, height: 844 };
let browser: Browser;
let study: WatchedPage;

beforeAll(async () => {
  browser = await launch();
  study = await openDeck(browser, '?view=scroll', PHONE);
});
afterAll(async () => browser?.close());

describe('the study view on a 390×844 phone', () => {
  it('opens by itself on a narrow screen, as a document with a heading per part and per slide', async () => {
    const auto = await openDeck(browser, '', PHONE);
    expect(await auto.page.evaluate(() => document.documentElement.dataset.deckMode)).toBe('study');
    const outline = await study.page.evaluate(() => ({
      h1: document.querySelectorAll('main h1').length,
      parts: document.querySelectorAll('main > section > h2').length,
      slides: document.querySelectorAll('main article.deck-study-slide').length,
      slideHeadings: document.querySelectorAll('main article.deck-study-slide > h3').length,
      reveal: !!document.querySelector('.reveal'),
    }));
    expect(outline.h1).toBe(1);
    expect(outline.parts).toBeGreaterThanOrEqual(7);
    expect(outline.slides).toBeGreaterThan(80);
    expect(outline.slideHeadings).toBe(outline.slides);
    expect(outline.reveal).toBe(false);
    await auto.page.context().close();
  });

  it('never scrolls sideways: no element is wider than the screen (wide formulas and tables scroll in their own box)', async () => {
    const wide = await study.page.evaluate((width) => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        if (el.closest('.deck-math-display, .deck-scroll-x, figure.deck-diagram, .katex-mathml, [hidden]')) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > width + 1 || r.left < -1)) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
      return { out: out.slice(0, 10), scrollWidth: document.documentElement.scrollWidth };
    }, PHONE.width);
    expect(wide.scrollWidth).toBeLessThanOrEqual(PHONE.width);
    expect(wide.out).toEqual([]);
  });

  it('shows every diagram whole, scaled to the screen width', async () => {
    const diagrams = await study.page.$$eval('figure.deck-diagram svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
    expect(diagrams.length).toBeGreaterThanOrEqual(8);
    for (const w of diagrams) expect(w).toBeLessThanOrEqual(390);
  });

  it('follows each slide with its notes as study text, and leaves the lecturer-only cues out', async () => {
    const notes = await study.page.evaluate(() => ({
      notes: document.querySelectorAll('.deck-study-notes').length,
      cues: document.querySelectorAll('main [data-deck-cue]').length,
      slides: document.querySelectorAll('article.deck-study-slide').length,
    }));
    expect(notes.notes).toBeGreaterThan(notes.slides * 0.9);
    expect(notes.cues).toBe(0);
  });

  it('keeps a question’s notes (which give the answer away) folded until asked for', async () => {
    const folded = await study.page.evaluate(() =>
      [...document.querySelectorAll('article.deck-study-slide')]
        .filter((a) => a.querySelector('form[data-deck-quiz]'))
        .map((a) => a.querySelector('.deck-study-notes details:not([open])') !== null),
    );
    expect(folded.length).toBeGreaterThanOrEqual(9);
    expect(folded.every(Boolean)).toBe(true);
  });

  it('sets body text at 16 px or more', async () => {
    const small = await study.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main p, main li, main td, main dd')]
        .filter((el) => !el.closest('figure, .katex, [hidden]') && el.textContent!.trim())
        .map((el) => parseFloat(getComputedStyle(el).fontSize))
        .filter((size) => size < 16),
    );
    expect(small).toEqual([]);
  });

  it('gives every control a tap target of at least 44×44 px', async () => {
    const small = await study.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main button, main summary, main label, header a, header button, .deck-study-toc a')]
        .filter((el) => !el.closest('[hidden]') && !el.matches('button.deck-term'))
        .map((el) => ({ el: `${el.tagName}.${el.className}`, ...el.getBoundingClientRect().toJSON() }))
        .filter((r) => r.width > 0 && (r.height < 44 || r.width < 44))
        .map((r) => `${r.el} ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small).toEqual([]);
  });

  it('keeps a stable deep link: #/slide-id opens at that slide', async () => {
    const deep = await openDeck(browser, '?view=scroll#/logic-power', PHONE);
    const top = await deep.page.evaluate(() => document.getElementById('logic-power')!.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(120);
    await deep.page.context().close();
  });

  it('shows a glossary term’s definition on focus', async () => {
    const term = study.page.locator('button.deck-term').first();
    await term.focus();
    const tip = study.page.locator(`[id="${await term.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/：/);
    expect(await term.getAttribute('aria-expanded')).toBe('true');
  });

  it('answers a question wrong, then right, with feedback at once and the score updated', async () => {
    const quiz = (await pageManifest(study.page)).quizzes.find((q) => q.kind === 'single')!;
    const form = study.page.locator(`form[data-deck-quiz="${quiz.id}"]`);
    const answer = quiz.answer[0]!;
    const options = form.locator('input[type="radio"]');
    const wrong = answer === 0 ? 1 : 0;
    await options.nth(wrong).check();
    await form.getByRole('button', { name: '提交答案' }).click();
    expect(await form.locator('.deck-quiz-feedback').getAttribute('data-result')).toBe('wrong');
    expect(await form.locator('.deck-quiz-explanation').isVisible()).toBe(true);
    expect(await form.locator('.deck-quiz-explanation a[href^="#/"]').count()).toBeGreaterThan(0);
    await options.nth(answer).check();
    await form.getByRole('button', { name: '提交答案' }).click();
    expect(await form.locator('.deck-quiz-feedback').innerText()).toContain('回答正确');
    const row = study.page.locator('[data-deck-quiz-scores] tr', { hasText: quiz.sectionId === 'logic' ? '内在逻辑' : '' }).first();
    // Read where the reader reads it: a slide far from the screen is not laid out (content-visibility).
    await row.scrollIntoViewIfNeeded();
    await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' ')).toMatch(/1\/\d+ 1$/);
  });

  it('answers an order question by keyboard alone', async () => {
    const quiz = (await pageManifest(study.page)).quizzes.find((q) => q.kind === 'order')!;
    const form = study.page.locator(`form[data-deck-quiz="${quiz.id}"]`);
    const steps = form.locator('li[data-deck-option]');
    const n = await steps.count();
    // Selection sort with the ↓ buttons, pressed with Enter.
    for (let target = 0; target < n; target++) {
      for (;;) {
        const order = await steps.evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.deckOption)));
        const at = order.indexOf(target);
        if (at === target) break;
        await steps.nth(at).locator('[data-move="-1"]').focus();
        await study.page.keyboard.press('Enter');
      }
    }
    await form.getByRole('button', { name: '提交答案' }).focus();
    await study.page.keyboard.press('Enter');
    expect(await form.locator('.deck-quiz-feedback').getAttribute('data-result')).toBe('right');
  });

  it('logs no console error and sends nothing outside the origin', () => {
    expect(study.consoleErrors).toEqual([]);
    expect(study.foreignRequests).toEqual([]);
  });
});

describe('where you stopped', () => {
  it('offers to resume at the slide left, after a reload', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const ready = (): Promise<unknown> => page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    await page.goto(new URL('?view=scroll#/problems-capital', deckUrl()).href);
    await ready();
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollBy(0, 10));
    await page.waitForTimeout(300);
    await page.goto(new URL('?view=scroll', deckUrl()).href);
    await ready();
    const offer = page.getByRole('link', { name: '继续上次的位置' });
    await expect.poll(() => offer.isVisible()).toBe(true);
    await offer.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/problems-capital');
    await context.close();
  });

  it('keeps working when storage throws or holds garbage', async () => {
    for (const script of [
      () => {
        Object.defineProperty(window, 'localStorage', { get: () => { throw new Error('SecurityError'); } });
        Object.defineProperty(window, 'sessionStorage', { get: () => { throw new Error('SecurityError'); } });
      },
      () => {
        localStorage.setItem('deck:nqp-common-prosperity:last-slide', '{not json');
        localStorage.setItem('deck:nqp-common-prosperity:quiz-results', '[1,2,3]');
      },
    ]) {
      const context = await browser.newContext({ viewport: PHONE });
      await context.addInitScript(script);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(new URL('?view=scroll', deckUrl()).href);
      await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
      expect(await page.locator('article.deck-study-slide').count()).toBeGreaterThan(80);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

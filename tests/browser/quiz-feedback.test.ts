import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuizInfo } from '../../src/shared/deck-model.ts';
import { UI } from '../../src/shared/ui-strings.ts';
import { CURRENT_SLIDE } from './helpers/axe.ts';
import { deckUrl, launch, pageManifest } from './helpers/deck-page.ts';
import { showSlide } from './helpers/slides.ts';

/**
 * After a wrong answer the reader learns the right one: the right option marked (a colour and a
 * word inside its label, so a screen reader says it with the option), an order's steps put in
 * the right order. In the presentation with a mouse, and in the study view on a touch phone.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function open(path: string, phone: boolean): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } : { viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(new URL(path, deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  return page;
}

const stepOrder = (form: Locator): Promise<number[]> => form.locator('li[data-deck-option]').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.deckOption)));

/** Answers a single-choice question with a wrong option and checks that the right one is shown as right. */
async function answerSingleWrong(form: Locator, quiz: QuizInfo, press: (target: Locator) => Promise<void>): Promise<void> {
  const right = quiz.answer[0]!;
  const wrong = quiz.shown.find((k) => k !== right)!;
  await press(form.locator(`[data-deck-option="${wrong}"]`));
  await press(form.getByRole('button', { name: UI.quiz.submit }));
  await expect.poll(() => form.locator('.deck-quiz-feedback').innerText()).toBe(UI.quizFeedback.wrong);
  const marked = form.locator('[data-deck-right]');
  expect(await marked.count()).toBe(1);
  expect(await marked.getAttribute('data-deck-option')).toBe(String(right));
  expect(await marked.locator('.deck-quiz-right-label').isVisible()).toBe(true);
  // What a screen reader says for the right option's radio button: its text and the mark.
  const radio = form.getByRole('radio', { name: UI.quizFeedback.rightLabel });
  expect(await radio.count()).toBe(1);
  expect(await radio.getAttribute('value')).toBe(String(right));
  expect(await form.getByRole('radio', { name: UI.quizFeedback.rightLabel, checked: true }).count()).toBe(0);
}

describe('a wrong answer shows the right one', () => {
  it('in the presentation (1280×720, mouse): a single-choice question marks its right option', async () => {
    const page = await open('?view=present&plan=all', false);
    const quiz = (await pageManifest(page)).quizzes.find((q) => q.kind === 'single')!;
    await showSlide(page, quiz.slideId);
    const form = page.locator(`${CURRENT_SLIDE} form[data-deck-quiz="${quiz.id}"]`);
    await answerSingleWrong(form, quiz, (target) => target.click());
    await page.context().close();
  });

  it('in the study view on a touch phone (390×844, tap): a single choice marks its right option, an order shows the right order', async () => {
    const page = await open('?view=scroll', true);
    const quizzes = (await pageManifest(page)).quizzes;
    const single = quizzes.find((q) => q.kind === 'single')!;
    await answerSingleWrong(page.locator(`form[data-deck-quiz="${single.id}"]`), single, (target) => target.tap());

    const order = quizzes.find((q) => q.kind === 'order')!;
    const form = page.locator(`form[data-deck-quiz="${order.id}"]`);
    // A wrong order for sure: if the steps came in the right order, move the first one down.
    if ((await stepOrder(form)).join() === order.answer.join()) await form.locator('li[data-deck-option]').first().locator('[data-move="1"]').tap();
    expect((await stepOrder(form)).join()).not.toBe(order.answer.join());
    await form.getByRole('button', { name: UI.quiz.submit }).tap();
    await expect.poll(() => form.locator('.deck-quiz-feedback').innerText()).toBe(UI.quizFeedback.wrongOrder);
    expect(await stepOrder(form)).toEqual(order.answer);
    expect(await form.locator('li[data-deck-right]').count()).toBe(order.answer.length);
    // The list a screen reader reads out is the one in the right order.
    const spoken = await form.getByRole('listitem').allInnerTexts();
    const expected = await page.evaluate((htmls) => htmls.map((h) => { const t = document.createElement('template'); t.innerHTML = h; return (t.content.textContent ?? '').trim(); }), order.answer.map((k) => order.options[k]!));
    expect(spoken.map((s, i) => s.includes(expected[i]!))).toEqual(expected.map(() => true));
    await page.context().close();
  });
});

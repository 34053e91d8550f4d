import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UI } from '../../src/shared/ui-strings.ts';
import { deckUrl, launch, pageManifest, type RevealWindow } from './helpers/deck-page.ts';

/**
 * Browser storage that refuses to keep anything (a full quota, a private window, a disabled
 * store): the deck says so once, where it can be seen, and goes on with everything in memory for
 * the visit — answers, scores, the pen — in the presentation and in the study view.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** A page whose every storage write throws, as a full quota does; how many writes were tried. */
async function fullStorage(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem(): never {
      (window as unknown as { deckWrites: number }).deckWrites = ((window as unknown as { deckWrites?: number }).deckWrites ?? 0) + 1;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(new URL(path, deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  return page;
}

/** Answers the question of a form rightly (from the deck model), as a reader does. */
async function answerRightly(page: Page, quizId: string): Promise<void> {
  const manifest = await pageManifest(page);
  const quiz = manifest.quizzes.find((q) => q.id === quizId)!;
  const form = page.locator(`form[data-deck-quiz="${quizId}"]`);
  for (const option of quiz.answer) await form.locator(`[data-deck-option="${option}"] input`).check();
  await form.getByRole('button', { name: UI.quiz.submit }).click();
  await expect.poll(() => form.locator('.deck-quiz-feedback').innerText()).toBe(UI.quizFeedback.right);
}

/** The storage notes on the page, and whether the one there is seen: in the window, on top, its words showing. */
function storageNotes(page: Page): Promise<{ count: number; seen: boolean; text: string }> {
  return page.evaluate(() => {
    const notes = [...document.querySelectorAll<HTMLElement>('.deck-storage-note')];
    const note = notes[0];
    if (!note) return { count: 0, seen: false, text: '' };
    const box = note.getBoundingClientRect();
    const inWindow = box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth;
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const style = getComputedStyle(note);
    return { count: notes.length, seen: inWindow && !!top && note.contains(top) && style.visibility === 'visible' && Number(style.opacity) > 0.5, text: note.innerText };
  });
}

async function goTo(page: Page, slideId: string): Promise<void> {
  await page.evaluate((id) => {
    const r = (window as unknown as RevealWindow).Reveal;
    const { h, v } = r.getIndices(document.getElementById(id)!);
    r.slide(h, v ?? 0);
  }, slideId);
}

describe('storage that is full or refused', () => {
  it('in the presentation: says so once, in sight, and keeps the answers and scores of this visit', async () => {
    const page = await fullStorage('?plan=all', { width: 1280, height: 720 });
    const quizzes = (await pageManifest(page)).quizzes.filter((q) => q.sectionId === 'logic' && q.kind !== 'order').slice(0, 2);
    expect(quizzes).toHaveLength(2);
    for (const q of quizzes) {
      await goTo(page, await page.locator(`form[data-deck-quiz="${q.id}"]`).evaluate((f) => f.closest('section[id]')!.id));
      await answerRightly(page, q.id);
    }
    expect(await page.evaluate(() => (window as unknown as { deckWrites: number }).deckWrites)).toBeGreaterThanOrEqual(2);
    const notes = await storageNotes(page);
    expect(notes).toMatchObject({ count: 1, seen: true });
    expect(notes.text).toContain(UI.storage.notSaved);
    // The scores of the visit, from memory.
    await goTo(page, await page.locator('[data-deck-quiz-scores]').first().evaluate((box) => box.closest('section[id]')!.id));
    const logicRow = page.locator('[data-deck-quiz-scores] tr', { hasText: (await pageManifest(page)).sections.find((s) => s.id === 'logic')!.title });
    await expect.poll(() => logicRow.locator('td').nth(1).innerText()).toBe('2');
    // Put away, it stays away.
    await page.getByRole('button', { name: UI.storage.dismiss }).click();
    await goTo(page, await page.locator(`form[data-deck-quiz="${quizzes[0]!.id}"]`).evaluate((f) => f.closest('section[id]')!.id));
    await answerRightly(page, quizzes[0]!.id);
    expect((await storageNotes(page)).count).toBe(0);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it('in the study view on a phone: says so once, in sight', async () => {
    const page = await fullStorage('?view=scroll', { width: 390, height: 844 });
    const [q1, q2] = (await pageManifest(page)).quizzes.filter((q) => q.kind !== 'order');
    for (const q of [q1!, q2!]) {
      await page.locator(`form[data-deck-quiz="${q.id}"]`).scrollIntoViewIfNeeded();
      await answerRightly(page, q.id);
    }
    expect(await storageNotes(page)).toMatchObject({ count: 1, seen: true });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  });
});

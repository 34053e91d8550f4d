import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openDeck, type RevealWindow } from './helpers/deck-page.ts';

/** What the deck's own tools add to the page, each by a selector. */
const OURS = ['.deck-toolbar', '.deck-skip-link', '[data-deck-announcer]', '.deck-laser', '.deck-pen-bar', '.deck-menu', '.deck-help', '.deck-return'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

describe('every lecture tool is a reveal.js plugin with a lifecycle', () => {
  it('is registered with reveal.js, builds its part of the page in init, and takes it all away again in destroy', async () => {
    const { page, consoleErrors } = await openDeck(browser, '?view=present');
    const plugins = await page.evaluate(() => Object.keys((window as unknown as RevealWindow).Reveal.getPlugins()));
    expect(plugins).toEqual(expect.arrayContaining(['deck-toolbar', 'deck-menu', 'deck-help', 'deck-pen', 'deck-laser', 'deck-quiz', 'deck-popovers', 'deck-resume']));
    const count = (selector: string): Promise<number> => page.locator(selector).count();
    for (const selector of OURS) expect(await count(selector), selector).toBeGreaterThan(0);

    await page.evaluate(() => (window as unknown as RevealWindow).Reveal.destroy());
    for (const selector of OURS) expect(await count(selector), selector).toBe(0);
    // Its keys and listeners are gone too: M opens no menu, a term's tap opens nothing.
    await page.keyboard.press('m');
    expect(await count('.deck-overlay:not([hidden])')).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { MANIFEST_ID, type DeckManifest } from '../../../src/shared/deck-model.ts';
import { CHROMIUM_ARGS, requireBrowser } from '../../../src/node/chromium.ts';

/** The deck model's runtime part, as the page carries it (`#deck-manifest`). */
export function pageManifest(page: Page): Promise<DeckManifest> {
  return page.evaluate((id) => JSON.parse(document.getElementById(id)!.textContent!) as DeckManifest, MANIFEST_ID);
}

/** The page's window as the tests see it: reveal.js's instance is `window.Reveal`. */
export type RevealWindow = Window & { Reveal: import('reveal.js').RevealApi };

/** The built deck's URL (served by the browser project's global setup). */
export const deckUrl = (): string => inject('deckUrl');

/** Launches the system Chromium (CHROME_PATH first); fails with the one-line answer if none. */
export async function launch(): Promise<Browser> {
  const executablePath = requireBrowser().path;
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A page that records console errors, uncaught exceptions and requests leaving the origin. */
export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Opens a new page on the deck, watching for errors and foreign requests. */
export async function openDeck(browser: Browser, path = '', viewport = { width: 1280, height: 720 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const origin = new URL(deckUrl()).origin;
  const watched: WatchedPage = { page, consoleErrors: [], foreignRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watched.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => watched.consoleErrors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    watched.foreignRequests.push(url);
    return route.abort();
  });
  await page.goto(new URL(path, deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  return watched;
}

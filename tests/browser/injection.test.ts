import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/node/static-server.ts';
import { buildFixture, fixtureProject, type FixtureBuild } from './helpers/fixture-build.ts';
import { launch, type RevealWindow } from './helpers/deck-page.ts';

/**
 * A deck written to attack its readers (tests/fixtures/injection: raw scripts, event handlers,
 * frames, styles and images from another host, `javascript:` links, the same in the notes, a cue,
 * a question, the glossary, the front matter and deck.yml, a diagram label with an image and a
 * script call, formulas that link): the build refuses every piece with its place, printing each
 * error once. Built anyway with the errors shown (as the dev server shows them), every page and
 * view it makes is opened under the built pages' Content-Security-Policy: no dialog opens, no
 * request leaves the origin, nothing is refused by the policy (the compiler let nothing through
 * for it to refuse), and the speaker view works.
 */

const FIXTURE = join(import.meta.dirname, '../fixtures/injection/slides');

let project: ReturnType<typeof fixtureProject>;
let failed: FixtureBuild;
let shown: FixtureBuild;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  project = fixtureProject(FIXTURE);
  // The build as people run it (fails at once, before any bundling), then the same deck built with its errors shown.
  failed = await buildFixture(project.dir);
  [shown, browser] = await Promise.all([buildFixture(project.dir, { contentErrors: 'show' }), launch()]);
  if (shown.error) throw shown.error;
  server = await serveStatic({ root: shown.outDir });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  project?.remove();
});

/** What a page did that it must not: dialogs, requests to another origin, what the policy refused, uncaught errors. */
interface Trespasses {
  dialogs: string[];
  foreign: string[];
  refused: string[];
  errors: string[];
}

/** A fresh context whose pages (popups too) record every trespass. */
async function watchedContext(): Promise<{ context: BrowserContext; seen: Trespasses }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const seen: Trespasses = { dialogs: [], foreign: [], refused: [], errors: [] };
  const origin = new URL(server.url).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    seen.foreign.push(url);
    return route.abort();
  });
  const watch = (page: Page): void => {
    page.on('dialog', (d) => {
      seen.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) seen.refused.push(m.text());
    });
    page.on('pageerror', (e) => seen.errors.push(String(e)));
  };
  context.on('page', watch);
  return { context, seen };
}

const none: Trespasses = { dialogs: [], foreign: [], refused: [], errors: [] };

describe('a deck written to attack its readers', () => {
  it('fails the build with each refusal at its place, every error printed once', () => {
    expect(failed.error?.message).toMatch(/content errors/);
    const errors = failed.error!.message.split('\n').filter((l) => l.startsWith('[deck] '));
    const said = [...failed.printed, ...failed.error!.message.split('\n')];
    const expected = [
      ['50-injection.md:6', 'HTML element `<script>` is not allowed'],
      ['50-injection.md:10', 'attribute `onerror` on `<img>` is not allowed'],
      ['50-injection.md:10', "link `javascript:alert('a')` leads out of the deck"],
      ['50-injection.md:10', 'attribute `style` on `<span>` is not allowed'],
      ['50-injection.md:12', 'link `https://example.com/far` leads out of the deck'],
      ['50-injection.md:14', 'image `https://example.com/remote.png` is not in the project'],
      ['50-injection.md:16', 'HTML element `<iframe>` is not allowed'],
      ['50-injection.md:18', 'HTML element `<link>` is not allowed'],
      ['50-injection.md:20', 'HTML element `<svg>` is not allowed'],
      ['50-injection.md:22', "link `javascript:alert('entity')` leads out of the deck"],
      ['50-injection.md:24', 'HTML element `<style>` is not allowed'],
      ['50-injection.md:32', 'formula uses `\\href`'],
      ['50-injection.md:34', 'diagram node `A` calls a script'],
      ['50-injection.md:34', 'a diagram label uses `<img>`'],
      ['50-injection.md:45', 'HTML element `<script>` is not allowed'],
      ['50-injection.md:48', "link `javascript:alert('cue')` leads out of the deck"],
      ['50-injection.md:55', 'attribute `onerror` on `<img>` is not allowed'],
      ['50-injection.md:57', 'HTML element `<script>` is not allowed'],
      ['50-injection.md:61', 'HTML element `<script>` is not allowed'],
      ['glossary.yml:1', 'attribute `onerror` on `<img>` is not allowed'],
      ['glossary.yml:1', 'link `https://example.com/glossary` leads out of the deck'],
    ];
    for (const [place, problem] of expected) expect(errors.some((e) => e.includes(`slides/${place} ${problem}`)), `${place} ${problem}`).toBe(true);
    for (const error of errors) expect(said.filter((line) => line === error), error).toHaveLength(1);
  });

  it('built with its errors shown, prints each error once for its four pages', () => {
    const errors = failed.error!.message.split('\n').filter((l) => l.startsWith('[deck] '));
    for (const error of errors) expect(shown.printed.filter((line) => line === error), error).toHaveLength(1);
  });

  it('gives every built page its Content-Security-Policy: nothing from another host, no inline script but its own', () => {
    const pages = readdirSync(shown.outDir).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['handout.html', 'index.html', 'notes.html', 'paper.html']);
    for (const page of pages) {
      const html = readFileSync(join(shown.outDir, page), 'utf8');
      expect(html, page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'( 'sha256-[^']+')*;/);
    }
  });

  it('runs nothing and loads nothing from another host, in every page and view', async () => {
    const { context, seen } = await watchedContext();
    // The deck's pages say when they are ready; the paper's page has no deck to wait for.
    const ready = (page: Page): Promise<unknown> =>
      page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true' || (document.readyState === 'complete' && !document.querySelector('.reveal')), undefined, { timeout: 30_000 });
    const open = async (path: string): Promise<Page> => {
      const page = await context.newPage();
      await page.goto(new URL(path, server.url).href);
      await ready(page);
      return page;
    };

    const goTo = (page: Page, id: string): Promise<void> =>
      page.evaluate((slideId) => {
        const r = (window as unknown as RevealWindow).Reveal;
        const { h, v } = r.getIndices(document.getElementById(slideId)!);
        r.slide(h, v ?? 0);
      }, id);

    // What the pages did is the verdict, also when a page broke so far that the visit could not go on.
    const visit = async (): Promise<void> => {
      // The presentation: every slide and step, the glossary term, the question answered, the menu.
      const deck = await open('?plan=all');
      const total = await deck.evaluate(() => (window as unknown as RevealWindow).Reveal.getTotalSlides());
      for (let i = 0; i < total * 3; i++) await deck.keyboard.press('Space');
      await deck.evaluate(() => (window as unknown as RevealWindow).Reveal.slide(0));
      await goTo(deck, 'injection');
      const slideText = await deck.locator('section#injection').innerText();
      // Refused markup is shown as what it is: text.
      expect(slideText).toContain("<script>alert('slide')</script>");
      await deck.locator('section#injection button.deck-term').first().click();
      await goTo(deck, 'injection-quiz');
      const quiz = deck.locator('section#injection-quiz form[data-deck-quiz]');
      await quiz.locator('input').nth(1).check();
      await quiz.locator('button[type="submit"]').click();
      await deck.keyboard.press('m');
      await deck.keyboard.press('Escape');

      // The speaker view, opened as the lecturer opens it, under the same policy.
      const [speaker] = await Promise.all([deck.waitForEvent('popup'), deck.keyboard.press('s')]);
      await expect.poll(() => speaker.locator('.deck-speaker-notes').innerText(), { timeout: 15_000 }).toContain('讲稿');
      expect(await speaker.locator('.deck-speaker-pacing').innerText()).not.toBe('');
      await goTo(deck, 'injection');
      await expect.poll(() => speaker.locator('.deck-speaker-notes').innerText(), { timeout: 15_000 }).toContain("<script>alert('notes')</script>");

      // The study view (read to the end, the term's definition opened), print, and the other pages.
      const study = await open('?view=scroll');
      await study.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await study.locator('button.deck-term').first().focus();
      await open('?print-pdf');
      for (const page of ['handout.html', 'notes.html', 'paper.html']) await open(page);
    };
    await visit().catch((e: unknown) => seen.errors.push(`the visit stopped: ${String(e).split('\n')[0]}`));

    expect(seen).toEqual(none);
    await context.close();
  });
});

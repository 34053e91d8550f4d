import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectLive } from '../../src/live/client.ts';
import type { ResultsFile } from '../../src/live/results-file.ts';
import { ALL_PLANS, allSlides, inPlan, type DeckManifest, type QuizInfo } from '../../src/shared/deck-model.ts';
import { createStudentId } from '../../src/shared/live-protocol.ts';
import { UI } from '../../src/shared/ui-strings.ts';
import { startServerProcess, TEST_TOKEN, type ServerProcess } from '../live/helpers/processes.ts';
import { deckUrl, launch, pageManifest, type RevealWindow } from './helpers/deck-page.ts';
import { oneFileDeck } from './setup/serve-built-deck.ts';

/**
 * The live classroom as people use it: the real `npm run live` server (a child process serving
 * this run's build), one lecturer's projector, a student on a laptop and one on a phone
 * (390×844, touch), all in Chromium.
 */

let browser: Browser;
let server: ServerProcess;
let out: string;
let lecturer: Page;
let laptop: Page;
let phone: Page;
let phoneContext: BrowserContext;
let manifest: DeckManifest;
let quizzes: QuizInfo[];
const errors: string[] = [];
/** Every WebSocket a live page opened. */
const sockets: string[] = [];

/** A page of the live server, ready (and, for a live page, connected). */
async function openPage(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${path}: ${String(e)}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${path}: ${m.text()}`));
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(`${server.origin}/${path}`);
  await ready(page);
  return page;
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  await page.waitForFunction(() => document.documentElement.dataset.deckLiveConnection === 'connected', undefined, { timeout: 20_000 });
}

/** Where the slides are: reveal.js's slide id and step (fragment index + 1). */
function slidesAt(page: Page): Promise<string> {
  return page.evaluate(() => {
    const deck = (window as unknown as RevealWindow).Reveal;
    return `${deck.getCurrentSlide()?.id ?? ''}:${(deck.getIndices().f ?? -1) + 1}`;
  });
}

/** Where the phone is: the one study article shown, and how many of its steps are shown. */
function phoneAt(page: Page = phone): Promise<string> {
  return page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('article.deck-study-slide')].filter((a) => a.checkVisibility());
    if (shown.length !== 1) return `${shown.length} slides shown`;
    const steps = [...shown[0]!.querySelectorAll<HTMLElement>('[data-deck-step-of]')].filter((el) => el.checkVisibility()).length;
    return `${shown[0]!.id}:${steps}`;
  });
}

/** The `connect-src` of a page's content policy. */
const connectSrc = (page: Page): Promise<string | undefined> =>
  page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')?.split('; ').find((d) => d.startsWith('connect-src')));

const followMode = (page: Page): Promise<string | undefined> => page.evaluate(() => document.documentElement.dataset.deckLiveFollow);

/** The projector's tally of a question: each option's count line, and the summary. */
function tallyOf(quizId: string): Promise<{ counts: string[]; summary: string }> {
  return lecturer.evaluate((id) => {
    const form = document.querySelector(`form[data-deck-quiz="${id}"]`)!;
    return {
      counts: [...form.querySelectorAll('[data-deck-option]')]
        .sort((a, b) => Number(a.getAttribute('data-deck-option')) - Number(b.getAttribute('data-deck-option')))
        .map((o) => o.querySelector('.deck-live-count')?.textContent ?? ''),
      summary: form.querySelector('.deck-live-summary')?.textContent ?? '',
    };
  }, quizId);
}

/** Chooses option `index` of a question and submits it (a tap on the phone, a click on the laptop). */
async function answer(page: Page, quizId: string, index: number, touch: boolean): Promise<void> {
  const form = page.locator(`form[data-deck-quiz="${quizId}"]`);
  const option = form.locator(`.deck-quiz-option[data-deck-option="${index}"]`);
  const submit = form.locator('button[type="submit"]');
  if (touch) {
    await option.tap();
    await submit.tap();
  } else {
    await option.click();
    await submit.click();
  }
}

const feedbackOf = (page: Page, quizId: string): Promise<string> => page.locator(`form[data-deck-quiz="${quizId}"] .deck-quiz-feedback`).innerText();

/** Whether a slide is in deck.yml's default lecture plan, the one the lecturer's projector opens with. */
const inDefaultPlan = (slideId: string): boolean => inPlan(allSlides(manifest).find((s) => s.id === slideId)!, manifest.meta.defaultPlan);

/** The single-answer question the polls use: one of the lecturer's plan, with at least three options. */
const singleQuestion = (): QuizInfo => quizzes.find((q) => q.kind === 'single' && q.options.length >= 3 && inDefaultPlan(q.slideId))!;

const totalSlides = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as RevealWindow).Reveal.getTotalSlides());

/** The lecturer goes to a slide (as the menu would: by reveal.js's API). */
async function lecturerTo(slideId: string): Promise<void> {
  await lecturer.evaluate((id) => {
    const deck = (window as unknown as RevealWindow).Reveal;
    const { h, v } = deck.getIndices(document.getElementById(id)!);
    deck.slide(h, v);
  }, slideId);
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'live-classroom-'));
  server = await startServerProcess({ dist: inject('deckDist'), out });
  browser = await launch();
  lecturer = await openPage(await browser.newContext({ viewport: { width: 1280, height: 720 } }), `?live=${TEST_TOKEN}`);
  laptop = await openPage(await browser.newContext({ viewport: { width: 1280, height: 720 } }), '?join');
  phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  phone = await openPage(phoneContext, '?join');
  manifest = await pageManifest(lecturer);
  quizzes = manifest.quizzes;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop('SIGKILL');
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('students follow the lecturer', () => {
  it('takes the lecturer token out of the address bar, into the tab\u2019s sessionStorage', async () => {
    expect(new URL(lecturer.url()).search).toBe('?live');
    expect(lecturer.url()).not.toContain(TEST_TOKEN);
    expect(await lecturer.evaluate(() => JSON.stringify(sessionStorage))).toContain(TEST_TOKEN);
  });

  it('connects every live page by WebSocket, which the live server\u2019s pages name in their connect-src', async () => {
    const host = new URL(server.origin).host;
    for (const page of [lecturer, laptop, phone]) expect(await connectSrc(page)).toBe(`connect-src 'self' ws://${host} wss://${host}`);
    // One each (socket.io's WebSocket transport from the start, no polling first), to the live server only.
    expect(sockets.length).toBeGreaterThanOrEqual(3);
    for (const url of sockets) expect(url).toMatch(new RegExp(`^ws://${host.replace(/\./g, '\\.')}/live/socket\\.io/\\?EIO=4&transport=websocket`));
  });

  it('shows a phone the study layout of the lecturer\u2019s slide, a laptop the slide itself', async () => {
    expect(await phone.evaluate(() => document.documentElement.dataset.deckMode)).toBe('study');
    expect(await laptop.evaluate(() => document.documentElement.dataset.deckMode)).toBe('present');
    await expect.poll(() => phoneAt()).toBe('title:0');
    await expect.poll(() => slidesAt(laptop)).toBe('title:0');
  });

  it('shows the lecturer\u2019s lecture plan on the projector, every slide on a student\u2019s page', async () => {
    const planned = allSlides(manifest, manifest.meta.defaultPlan).length;
    expect(planned).toBeLessThan(allSlides(manifest).length);
    expect(await totalSlides(lecturer)).toBe(planned);
    expect(await totalSlides(laptop)).toBe(allSlides(manifest).length);
    expect(await phone.locator('article.deck-study-slide').count()).toBe(allSlides(manifest).length);
    // A student has no plan to choose: the lecturer's is the lecture's.
    await laptop.keyboard.press('m');
    expect(await laptop.locator('.deck-menu-plan').count()).toBe(0);
    await laptop.keyboard.press('Escape');
  });

  it('moves both students with each of five steps of the lecturer, slide and step', async () => {
    for (let i = 0; i < 5; i++) {
      await lecturer.keyboard.press('ArrowRight');
      const at = await slidesAt(lecturer);
      await expect.poll(() => slidesAt(laptop)).toBe(at);
      await expect.poll(() => phoneAt()).toBe(at);
    }
    // From the title through the steps of the next slide: it must have been steps, not slides.
    expect(await slidesAt(lecturer)).toMatch(/^abstract:[1-4]$/);
    // Readable at 390 px: nothing wider than the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('lets a student browse alone (自由浏览) and come back to where the lecturer is (回到老师这里)', async () => {
    // The laptop: moving on one's own is browsing alone; the lecturer's moves no longer carry it.
    await laptop.keyboard.press('ArrowLeft');
    await expect.poll(() => followMode(laptop)).toBe('free');
    const own = await slidesAt(laptop);
    await lecturer.keyboard.press('ArrowRight');
    const teacher = await slidesAt(lecturer);
    // The phone, by its button: the whole reading document again.
    await phone.getByRole('button', { name: UI.live.follow.free }).tap();
    await expect.poll(() => followMode(phone)).toBe('free');
    expect(await phone.evaluate(() => [...document.querySelectorAll('article.deck-study-slide')].filter((a) => a.checkVisibility()).length)).toBeGreaterThan(10);
    await lecturer.keyboard.press('ArrowRight');
    expect(await slidesAt(laptop)).toBe(own);
    expect(await laptop.locator('.deck-live-follow').innerText()).toContain(UI.live.follow.back);

    await laptop.getByRole('button', { name: UI.live.follow.back }).click();
    await phone.getByRole('button', { name: UI.live.follow.back }).tap();
    const now = await slidesAt(lecturer);
    expect(now).not.toBe(teacher);
    await expect.poll(() => slidesAt(laptop)).toBe(now);
    await expect.poll(() => phoneAt()).toBe(now);
    expect(await followMode(phone)).toBe('following');
  });

  it('lands a reloaded phone, and a late joiner opened at another slide, on the current slide at once', async () => {
    await lecturer.keyboard.press('ArrowRight');
    const now = await slidesAt(lecturer);
    await phone.reload();
    await ready(phone);
    await expect.poll(() => phoneAt()).toBe(now);
    const late = await openPage(await browser.newContext({ viewport: { width: 1280, height: 720 } }), '?join#/references');
    await expect.poll(() => slidesAt(late)).toBe(now);
    await late.context().close();
  });
});

describe('the deck\u2019s questions as live polls', () => {
  let single: QuizInfo;

  it('opens a poll from the projector (Q); the phones can answer, and see 已提交 with no right or wrong', async () => {
    single = singleQuestion();
    await lecturerTo(single.slideId);
    await expect.poll(() => phoneAt()).toBe(`${single.slideId}:0`);
    await expect.poll(() => slidesAt(laptop)).toBe(`${single.slideId}:0`);
    // Before the poll is open nothing can be answered.
    expect(await phone.locator(`form[data-deck-quiz="${single.id}"] button[type="submit"]`).isDisabled()).toBe(true);
    await lecturer.keyboard.press('q');
    await expect.poll(() => phone.locator(`form[data-deck-quiz="${single.id}"]`).getAttribute('data-deck-live-status')).toBe('open');

    const right = single.answer[0]!;
    const wrong = [0, 1, 2].filter((i) => i !== right);
    await answer(phone, single.id, right, true);
    await answer(laptop, single.id, wrong[0]!, false);
    for (const page of [phone, laptop]) {
      await expect.poll(() => feedbackOf(page, single.id)).toBe(UI.live.answer.submitted);
      // The self-study feedback stays off: nothing marked, no explanation, nothing kept as a result.
      const form = page.locator(`form[data-deck-quiz="${single.id}"]`);
      expect(await form.getAttribute('data-deck-answered')).toBeNull();
      expect(await form.locator('[data-deck-right]').count()).toBe(0);
      expect(await form.locator('.deck-quiz-explanation').isVisible()).toBe(false);
    }

    const expected = (counts: number[]): string[] => counts.map((n) => UI.live.poll.count(n, n * 50));
    const counts = single.options.map((_, i) => (i === right || i === wrong[0] ? 1 : 0));
    await expect.poll(async () => (await tallyOf(single.id)).counts).toEqual(expected(counts));
    expect((await tallyOf(single.id)).summary).toContain(UI.live.poll.answered(2));
    // No answer marked on the projector before it is revealed.
    expect(await lecturer.locator(`form[data-deck-quiz="${single.id}"] [data-deck-right]`).count()).toBe(0);
  });

  it('moves one count, not adds one, when a student changes the answer', async () => {
    const right = single.answer[0]!;
    const [first, second] = [0, 1, 2].filter((i) => i !== right);
    await answer(laptop, single.id, second!, false);
    const counts = single.options.map((_, i) => (i === right || i === second ? 1 : 0));
    await expect.poll(async () => (await tallyOf(single.id)).counts).toEqual(counts.map((n) => UI.live.poll.count(n, n * 50)));
    expect((await tallyOf(single.id)).counts[first!]).toBe(UI.live.poll.count(0, 0));
    expect((await tallyOf(single.id)).summary).toContain(UI.live.poll.answered(2));
  });

  it('locks a closed poll: the phones cannot answer, and the server refuses an answer sent anyway', async () => {
    await lecturer.getByRole('button', { name: UI.live.poll.close }).click();
    await expect.poll(() => feedbackOf(phone, single.id)).toBe(UI.live.answer.closed);
    const form = phone.locator(`form[data-deck-quiz="${single.id}"]`);
    expect(await form.locator('button[type="submit"]').isDisabled()).toBe(true);
    expect(await form.locator('input').first().isDisabled()).toBe(true);
    // A submit forced on the page sends nothing.
    await phone.evaluate((id) => document.querySelector<HTMLFormElement>(`form[data-deck-quiz="${id}"]`)!.requestSubmit(), single.id);
    const student = connectLive({ url: server.origin, auth: { role: 'student', studentId: createStudentId() }, transports: ['websocket'] });
    await expect.poll(() => student.connection).toBe('connected');
    expect(await student.send('answer', { quizId: single.id, answer: [single.answer[0]!] })).toMatchObject({ ok: false, error: 'poll-not-open' });
    student.close();
    expect((await tallyOf(single.id)).summary).toContain(UI.live.poll.answered(2));
  });

  it('reveals (R): the projector marks the answer and explains; each phone shows its own result', async () => {
    await lecturer.keyboard.press('r');
    const form = lecturer.locator(`form[data-deck-quiz="${single.id}"]`);
    await expect.poll(() => form.getAttribute('data-deck-live-status')).toBe('revealed');
    expect(await form.locator('[data-deck-right]').getAttribute('data-deck-option')).toBe(String(single.answer[0]));
    expect(await form.locator('.deck-quiz-explanation').isVisible()).toBe(true);
    expect((await tallyOf(single.id)).summary).toContain(UI.live.poll.allRight(1, 50));
    await expect.poll(() => feedbackOf(phone, single.id)).toBe(UI.quizFeedback.right);
    await expect.poll(() => feedbackOf(laptop, single.id)).toBe(UI.quizFeedback.wrong);
    expect(await phone.locator(`form[data-deck-quiz="${single.id}"] .deck-quiz-explanation`).isVisible()).toBe(true);
  });

  it('shows an order question\u2019s steps in place, how many had it all right, and the commonest wrong order', async () => {
    // No plan has an order question (they are for self-study): the lecturer switches to every
    // slide from the menu. The page reloads with the plan and still has the token (sessionStorage).
    const order = quizzes.find((q) => q.kind === 'order')!;
    expect(inDefaultPlan(order.slideId)).toBe(false);
    await lecturer.keyboard.press('m');
    await Promise.all([lecturer.waitForURL(new RegExp(`plan=${ALL_PLANS}`)), lecturer.locator(`.deck-menu-plan button[data-deck-plan="${ALL_PLANS}"]`).click()]);
    await ready(lecturer);
    expect(lecturer.url()).not.toContain(TEST_TOKEN);
    expect(await totalSlides(lecturer)).toBe(allSlides(manifest).length);
    await lecturerTo(order.slideId);
    // The students follow onto a slide outside the plan they were never told of.
    await expect.poll(() => phoneAt()).toBe(`${order.slideId}:0`);
    await expect.poll(() => slidesAt(laptop)).toBe(`${order.slideId}:0`);
    await lecturer.getByRole('button', { name: UI.live.poll.open }).click();
    await expect.poll(() => phone.locator(`form[data-deck-quiz="${order.id}"]`).getAttribute('data-deck-live-status')).toBe('open');
    // Both send the order the slide shows (the same fixed shuffle): one wrong order, twice.
    await phone.locator(`form[data-deck-quiz="${order.id}"] button[type="submit"]`).tap();
    await laptop.locator(`form[data-deck-quiz="${order.id}"] button[type="submit"]`).click();
    await expect.poll(async () => (await tallyOf(order.id)).summary).toContain(UI.live.poll.answered(2));
    await lecturer.keyboard.press('r');
    const shownText = order.shown.map((i) => order.options[i]!.replace(/<[^>]*>/g, '')).join(UI.live.poll.then);
    await expect.poll(async () => (await tallyOf(order.id)).summary).toContain(UI.live.poll.mistake(shownText, 2));
    expect((await tallyOf(order.id)).summary).toContain(UI.live.poll.allRight(0, 0));
    // The revealed steps stand in the right order on the phone too: said as after an answer in self-study.
    await expect.poll(() => feedbackOf(phone, order.id)).toBe(UI.quizFeedback.wrongOrder);
  });

  it('keeps the tallies in the results file, and the speaker view counts the students and downloads them as CSV', async () => {
    const results = JSON.parse(readFileSync(join(out, `${server.lectureId}.json`), 'utf8')) as ResultsFile;
    const poll = results.polls.find((p) => p.quizId === single.id)!;
    const right = single.answer[0]!;
    const second = [0, 1, 2].filter((i) => i !== right)[1]!;
    expect(poll).toMatchObject({ status: 'revealed', total: 2, allRight: 1 });
    expect(poll.counts).toEqual(single.options.map((_, i) => (i === right || i === second ? 1 : 0)));

    const [speaker] = await Promise.all([lecturer.waitForEvent('popup'), lecturer.keyboard.press('s')]);
    await expect.poll(() => speaker.locator('.deck-speaker-live').innerText(), { timeout: 15_000 }).toBe(UI.live.speaker.students(2));
    const [download] = await Promise.all([speaker.waitForEvent('download'), speaker.getByRole('button', { name: UI.live.speaker.download }).click()]);
    expect(download.suggestedFilename()).toBe(`${server.lectureId}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`${server.lectureId},${single.id},${single.slideId},single`);
    await speaker.close();
  });
});

describe('a server killed mid-lecture and started again with --resume', () => {
  it('tells the students 「正在重新连接…」, then they follow again, and the tallies are still there', async () => {
    const single = singleQuestion();
    const before = await tallyOf(single.id);
    expect(await server.stop('SIGKILL')).toBeNull();
    for (const page of [phone, laptop, lecturer]) {
      await expect.poll(() => page.locator('.deck-live-banner').innerText(), { timeout: 15_000 }).toBe(UI.live.connection.reconnecting);
    }
    server = await startServerProcess({ dist: inject('deckDist'), out, extra: ['--resume', server.lectureId, '--port', String(server.port)] });
    for (const page of [phone, laptop, lecturer]) {
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.deckLiveConnection), { timeout: 20_000 }).toBe('connected');
      expect(await page.locator('.deck-live-banner').isVisible()).toBe(false);
    }
    await lecturerTo('abstract-paths');
    await expect.poll(() => slidesAt(laptop)).toBe('abstract-paths:0');
    await expect.poll(() => phoneAt()).toBe('abstract-paths:0');
    await lecturerTo(single.slideId);
    await expect.poll(() => tallyOf(single.id)).toEqual(before);
  });

  it('had no error on any page', () => {
    // A dropped connection is logged by the browser itself; nothing else may be.
    expect(errors.filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket connection/.test(e))).toEqual([]);
  });
});

describe('a lecturer page with a wrong token', () => {
  it('says so, and moves nobody', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(`${server.origin}/?live=not-the-lecturer-token-000`);
    await page.waitForFunction(() => document.documentElement.dataset.deckLiveConnection === 'refused');
    expect(await page.locator('.deck-live-banner').innerText()).toBe(UI.live.connection.badToken);
    await page.context().close();
  });
});

describe('the static deck makes no request for the live layer', () => {
  /** Every request of a page, and every WebSocket it opened, until it is ready and a moment of use. */
  async function requestsOf(url: string, viewport: { width: number; height: number }): Promise<{ requests: string[]; scripts: string[]; sockets: string[]; liveElements: number; policy: string | undefined }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const requests: string[] = [];
    const scripts: Promise<string>[] = [];
    const sockets: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
    });
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    // Use it a little: the next slide, the study view's scroll.
    await page.keyboard.press('ArrowRight');
    await page.mouse.wheel(0, 800);
    await page.waitForLoadState('networkidle');
    const liveElements = await page.locator('[class*="deck-live"], [data-deck-live-poll]').count();
    const policy = await connectSrc(page);
    await context.close();
    return { requests, scripts: await Promise.all(scripts), sockets, liveElements, policy };
  }

  const LIVE_REQUEST = /\/live\/|socket\.io|engine\.io|EIO=/;

  it('on a static server (the built dist/), in the slides and in the study view on a phone', async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 390, height: 844 }]) {
      const seen = await requestsOf(deckUrl(), viewport);
      expect(seen.requests.length).toBeGreaterThan(3);
      expect(seen.requests.filter((r) => LIVE_REQUEST.test(r))).toEqual([]);
      expect(seen.sockets).toEqual([]);
      // socket.io-client never loaded: no script of the page carries engine.io's client.
      expect(seen.scripts.filter((s) => s.includes('engine.io'))).toEqual([]);
      expect(seen.liveElements).toBe(0);
      // The built page's own policy: its origin only, no WebSocket named (that is the live server's).
      expect(seen.policy).toBe("connect-src 'self'");
    }
  });

  it('from the one-file deck (out/deck.html, file://)', async () => {
    const file = await oneFileDeck();
    const seen = await requestsOf(pathToFileURL(file).href, { width: 1280, height: 720 });
    expect(seen.requests.filter((r) => !r.startsWith('file:') && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
    expect(seen.requests.filter((r) => LIVE_REQUEST.test(r))).toEqual([]);
    expect(seen.sockets).toEqual([]);
    expect(seen.liveElements).toBe(0);
    expect(seen.policy).toBe("connect-src 'self'");
  }, 240_000);
});

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bigDeckCopy } from './big-deck.ts';
import { distFiles, timedBuild, type BuildRun } from './build.ts';
import { measureKeypress, type KeypressRun } from './keypress.ts';
import { limitPage } from './limit-page.ts';
import { measureLoad, type LoadRun } from './load.ts';
import { measurePhone, type PhoneRun } from './phone.ts';
import { serveGzip } from './serve.ts';
import { kb, spread } from './stats.ts';
import { openedView, type OpenedRun } from './transfer.ts';

/** How much a figure may grow from the deck to the deck ten times its size. */
export const GROWTH_TARGETS = {
  /** The first screen should not grow at all: this much is the noise of a shared machine. */
  firstScreen: 1.2,
  /** A keypress may cost at most this many times more, or at most this much over reveal.js's own floor. */
  keypress: 2,
  overRevealFloor: 1.25,
};

const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

/** One deck's figures for the growth comparison, every figure measured the same way for both. */
export interface DeckSize {
  slides: number;
  build: BuildRun | null;
  distGzipBytes: number;
  firstSlide: LoadRun[];
  phone: PhoneRun[];
  present: OpenedRun[];
  study: OpenedRun[];
  keypressPlan: KeypressRun[];
  keypressAll: KeypressRun[];
}

/** Measures the deck served at `url` (built in `dir`) for the comparison. */
async function measureSize(browser: Browser, dir: string, slides: number, build: BuildRun | null, runs: number): Promise<DeckSize> {
  const server = await serveGzip(dir, { 'bench-first-slide.html': limitPage(readFileSync(join(dir, 'index.html'), 'utf8')) });
  try {
    const size: DeckSize = { slides, build, distGzipBytes: distFiles(dir).reduce((n, f) => n + f.served, 0), firstSlide: [], phone: [], present: [], study: [], keypressPlan: [], keypressAll: [] };
    await measureLoad(browser, server.url, 0, 0);
    for (let i = 0; i < runs; i++) {
      log(`  ${slides} slides: first slide, phone, views, keypresses, run ${i + 1}/${runs}…`);
      size.firstSlide.push(await measureLoad(browser, server.url, 0, 500));
      size.phone.push(await measurePhone(browser, server.url, 1000));
      size.present.push(await openedView(browser, `${server.url}?plan=all`, false));
      size.study.push(await openedView(browser, `${server.url}?view=scroll`, true));
      size.keypressPlan.push(await measureKeypress(browser, server.url));
      size.keypressAll.push(await measureKeypress(browser, `${server.url}?plan=all`));
    }
    return size;
  } finally {
    await server.close();
  }
}

/**
 * The growth comparison: the deck as built (`dir`) and a generated copy ten times its size
 * (big-deck.ts), built here (time and peak memory) and measured the same way.
 */
export async function measureGrowth(browser: Browser, root: string, dir: string, build: BuildRun | null, slides: number, runs: number): Promise<{ deck: DeckSize; tenfold: DeckSize }> {
  log(`growth: the deck (${slides} slides)…`);
  const deck = await measureSize(browser, dir, slides, build, runs);
  const copy = bigDeckCopy(root, slides);
  try {
    log(`growth: building the generated deck of ${copy.slides} slides…`);
    const out = join(copy.dir, 'dist');
    const bigBuild = await timedBuild(copy.dir, out);
    const tenfold = await measureSize(browser, out, copy.slides, bigBuild, runs);
    return { deck, tenfold };
  } finally {
    rmSync(copy.dir, { recursive: true, force: true });
  }
}

/** The comparison in the report: each figure for both decks, how many times it grew, and the targets. */
export function growthReport({ deck, tenfold }: { deck: DeckSize; tenfold: DeckSize }): Record<string, unknown> {
  const slidesRatio = tenfold.slides / deck.slides;
  const row = (a: number, b: number, digits = 0): { deck: number; tenfold: number; grew: number } => ({ deck: Number(a.toFixed(digits)), tenfold: Number(b.toFixed(digits)), grew: Number((b / a).toFixed(2)) });
  const med = (values: number[]): number => spread(values, 3).median;
  const keyMed = (runs: KeypressRun[], k: 'deckMs' | 'revealOnlyMs'): number => med(runs.map((r) => r[k]?.median ?? NaN));
  const firstSlide = row(med(deck.firstSlide.map((r) => r.firstSlideMs)), med(tenfold.firstSlide.map((r) => r.firstSlideMs)));
  const firstBytes = row(kb(med(deck.firstSlide.map((r) => r.bytesBeforeFirstSlide))), kb(med(tenfold.firstSlide.map((r) => r.bytesBeforeFirstSlide))), 1);
  const phoneLcp = row(med(deck.phone.map((r) => r.lcpMs)), med(tenfold.phone.map((r) => r.lcpMs)));
  const build = deck.build && tenfold.build ? row(deck.build.seconds, tenfold.build.seconds, 1) : null;
  const presentKB = row(kb(med(deck.present.map((r) => r.transferBytes))), kb(med(tenfold.present.map((r) => r.transferBytes))), 1);
  const studyKB = row(kb(med(deck.study.map((r) => r.transferBytes))), kb(med(tenfold.study.map((r) => r.transferBytes))), 1);
  const keyPlan = row(keyMed(deck.keypressPlan, 'deckMs'), keyMed(tenfold.keypressPlan, 'deckMs'), 1);
  const keyAll = row(keyMed(deck.keypressAll, 'deckMs'), keyMed(tenfold.keypressAll, 'deckMs'), 1);
  const floorAll = row(keyMed(deck.keypressAll, 'revealOnlyMs'), keyMed(tenfold.keypressAll, 'revealOnlyMs'), 1);
  const keyOk = (k: typeof keyAll, floor: number): boolean => k.grew <= GROWTH_TARGETS.keypress || k.tenfold <= floor * GROWTH_TARGETS.overRevealFloor;
  return {
    definition: `the deck and a copy of it with ${tenfold.slides - deck.slides} generated slides (${tenfold.slides} in all, ${slidesRatio.toFixed(1)}×; the extra ones outside every lecture plan, in sections of their own), built by the bench in a temporary folder and measured the same way: first slide at 1280×720 and the phone's LCP (throttled) from a cold cache; transfer once ready and quiet, nothing scrolled (the presentation with ?plan=all, the study view); a keypress = the → key's handlers plus the style and layout they leave (no throttling), 40 presses from the first slide, in the default plan (the extra slides are hidden) and with ?plan=all (every slide in reveal.js); reveal.js's floor = the same presses after the deck's tools are destroyed and reveal.js is started again without them`,
    slides: row(deck.slides, tenfold.slides),
    build: build && { seconds: build, peakMB: row(deck.build!.peakMB ?? NaN, tenfold.build!.peakMB ?? NaN), target: `at most linear (≤ ${slidesRatio.toFixed(1)}×)`, ok: build.grew <= slidesRatio },
    distGzipKB: row(kb(deck.distGzipBytes), kb(tenfold.distGzipBytes), 1),
    firstScreen: {
      presentationFirstSlideMs: firstSlide,
      bytesBeforeFirstSlideKB: firstBytes,
      phoneLcpMs: phoneLcp,
      phoneReadyMs: row(med(deck.phone.map((r) => r.readyMs ?? NaN)), med(tenfold.phone.map((r) => r.readyMs ?? NaN))),
      phoneTotalBlockingMs: row(med(deck.phone.map((r) => r.totalBlockingMs)), med(tenfold.phone.map((r) => r.totalBlockingMs))),
      target: `no growth (≤ ${GROWTH_TARGETS.firstScreen}×: the noise of a shared machine)`,
      ok: firstSlide.grew <= GROWTH_TARGETS.firstScreen && phoneLcp.grew <= GROWTH_TARGETS.firstScreen && firstBytes.grew <= 1.05,
    },
    views: {
      presentReadyMs: row(med(deck.present.map((r) => r.readyMs)), med(tenfold.present.map((r) => r.readyMs))),
      studyReadyMs: row(med(deck.study.map((r) => r.readyMs)), med(tenfold.study.map((r) => r.readyMs))),
      presentHeapMB: row(med(deck.present.map((r) => r.heapBytes)) / 1e6, med(tenfold.present.map((r) => r.heapBytes)) / 1e6, 1),
      studyHeapMB: row(med(deck.study.map((r) => r.heapBytes)) / 1e6, med(tenfold.study.map((r) => r.heapBytes)) / 1e6, 1),
    },
    transfer: { presentKB, studyKB, target: `at most linear (≤ ${slidesRatio.toFixed(1)}×)`, ok: presentKB.grew <= slidesRatio && studyKB.grew <= slidesRatio },
    keypress: {
      defaultPlanMs: keyPlan,
      everySlideMs: keyAll,
      revealOnlyFloorMs: { defaultPlan: row(keyMed(deck.keypressPlan, 'revealOnlyMs'), keyMed(tenfold.keypressPlan, 'revealOnlyMs'), 1), everySlide: floorAll },
      target: `≤ ${GROWTH_TARGETS.keypress}× from ${deck.slides} to ${tenfold.slides} slides, or within ${GROWTH_TARGETS.overRevealFloor}× of reveal.js's own floor at ${tenfold.slides}`,
      ok: keyOk(keyPlan, keyMed(tenfold.keypressPlan, 'revealOnlyMs')) && keyOk(keyAll, floorAll.tenfold),
    },
  };
}

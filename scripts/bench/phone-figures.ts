import type { Browser } from 'playwright-core';
import { runLighthouse, CATEGORIES, type LighthouseRun } from './lighthouse.ts';
import { measureLoad, type LoadRun } from './load.ts';
import { measurePhone, studyLimitPage, PHONE, type PhoneRun } from './phone.ts';
import { serveGzip } from './serve.ts';
import { spread } from './stats.ts';
import { describeThrottling } from './throttle.ts';
import { walkPresentation, type WalkRun } from './walk.ts';
import { measureKeypress, type KeypressRun } from './keypress.ts';

/** The targets of the "fast on the student's phone" issue. */
export const PHONE_TARGETS = {
  studyLcpVsLimit: 1.5,
  studyLcpMs: 2000,
  studyTbtMs: 150,
  studyCls: 0.02,
  lighthousePerformance: 95,
  firstSlideVsLimit: 1.5,
  throttledTaskMs: 50,
};

/** Where the pages are: the deck's server, and the name of its static first-slide page there. */
export interface Served {
  url: string;
  firstSlideLimit: string;
  dir: string;
}

const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

/** What the phone figures measured, run by run. */
export interface PhoneMeasured {
  study: PhoneRun[];
  studyLimit: PhoneRun[];
  slide: LoadRun[];
  slideLimit: LoadRun[];
  walks: WalkRun[];
  /** → on the slower CPU, the deck and reveal.js alone on the same slides (reveal.js's own floor). */
  keypress: KeypressRun | null;
  lighthouse: Record<string, LighthouseRun[]> | null;
}

/**
 * The phone's figures, under the phone's throttling (throttle.ts) unless said: the study view
 * against its own static limit page (its first screen's HTML and CSS, snapshot in this run),
 * the presentation's first slide against its limit page, a walk through the presentation on the
 * 4× slower CPU, and Lighthouse's mobile run on the study view and on the default page.
 */
export async function measurePhoneFigures(browser: Browser, served: Served, runs: number, chromePath: string, lighthouse: boolean): Promise<PhoneMeasured> {
  log('study view: snapshot of its first screen for the limit page…');
  const limitServer = await serveGzip(served.dir, { 'bench-study-limit.html': await studyLimitPage(browser, served.url) });
  try {
    await measurePhone(browser, served.url, 0);
    await measurePhone(browser, `${limitServer.url}bench-study-limit.html`, 0);
    const study: PhoneRun[] = [];
    const studyLimit: PhoneRun[] = [];
    const slide: LoadRun[] = [];
    const slideLimit: LoadRun[] = [];
    for (let i = 0; i < runs; i++) {
      log(`phone (throttled): study view and limit, presentation first slide and limit, run ${i + 1}/${runs}…`);
      const flip = i % 2 === 1;
      for (const which of flip ? ['limit', 'deck'] : ['deck', 'limit']) {
        if (which === 'deck') study.push(await measurePhone(browser, served.url));
        else studyLimit.push(await measurePhone(browser, `${limitServer.url}bench-study-limit.html`));
      }
      for (const which of flip ? ['limit', 'deck'] : ['deck', 'limit']) {
        if (which === 'deck') slide.push(await measureLoad(browser, served.url, 0, 1500, 'phone'));
        else slideLimit.push(await measureLoad(browser, `${served.url}${served.firstSlideLimit}`, 0, 0, 'phone'));
      }
    }
    const walks: WalkRun[] = [];
    // A walk takes minutes on the slower CPU: two are enough to see its longest task.
    for (let i = 0; i < Math.min(runs, 2); i++) {
      log(`walk through every slide on the 4× slower CPU, run ${i + 1}/${Math.min(runs, 2)}…`);
      walks.push(await walkPresentation(browser, served.url, 120, 'cpu'));
    }
    log('→ on the 4× slower CPU, the deck and then reveal.js alone on the same slides…');
    const keypress = await measureKeypress(browser, `${served.url}?plan=all`, 'cpu').catch(() => null);
    let lh: Record<string, LighthouseRun[]> | null = null;
    if (lighthouse) {
      lh = { '?view=scroll': [], 'default page': [] };
      for (let i = 0; i < Math.min(runs, 3); i++) {
        for (const [name, path] of [['?view=scroll', '?view=scroll'], ['default page', '']] as const) {
          log(`Lighthouse mobile, ${name}, run ${i + 1}/${Math.min(runs, 3)}…`);
          // A run that fails (a loaded machine can time out the protocol) is said, not fatal.
          await runLighthouse(chromePath, `${served.url}${path}`).then(
            (run) => lh![name]!.push(run),
            (e: unknown) => log(`Lighthouse run failed: ${e instanceof Error ? e.message : String(e)}`),
          );
        }
      }
    }
    return { study, studyLimit, slide, slideLimit, walks, keypress, lighthouse: lh };
  } finally {
    await limitServer.close();
  }
}

/** The phone's figures in the report, each against its target. */
export function phoneReport(m: PhoneMeasured): Record<string, unknown> {
  const t = PHONE_TARGETS;
  const lcp = spread(m.study.map((r) => r.lcpMs));
  const limitLcp = spread(m.studyLimit.map((r) => r.lcpMs));
  const studyRatio = Number((lcp.median / limitLcp.median).toFixed(2));
  const tbt = spread(m.study.map((r) => r.totalBlockingMs));
  const cls = spread(m.study.map((r) => r.cls), 4);
  const slideMs = spread(m.slide.map((r) => r.firstSlideMs));
  const slideLimitMs = spread(m.slideLimit.map((r) => r.firstSlideMs));
  const slideRatio = Number((slideMs.median / slideLimitMs.median).toFixed(2));
  const longest = spread(m.walks.map((w) => w.longestTaskMs));
  const out: Record<string, unknown> = {
    throttling: describeThrottling(),
    studyViewOnPhone: {
      definition: `the default page on a ${PHONE.width}×${PHONE.height} phone (it opens the study view), cold cache, throttled; LCP from the Largest Contentful Paint API, TBT = Σ(task − 50 ms) after first contentful paint until 3 s after the deck is ready, CLS = the largest session window of layout shifts (the study view's takeover included); the limit page is the study view's first screen as HTML and CSS alone, snapshot in this run`,
      lcpMs: lcp,
      staticPageLimitLcpMs: limitLcp,
      ratioToLimit: studyRatio,
      lcpElement: m.study.map((r) => r.lcpElement)[0],
      limitLcpElement: m.studyLimit.map((r) => r.lcpElement)[0],
      fcpMs: spread(m.study.map((r) => r.fcpMs)),
      readyMs: spread(m.study.map((r) => r.readyMs ?? NaN)),
      totalBlockingMs: tbt,
      longestTaskMs: spread(m.study.map((r) => r.longestTaskMs)),
      cls,
      shifts: m.study.flatMap((r) => r.shifts).slice(0, 12),
      lcp: { target: `≤ ${t.studyLcpVsLimit} × the limit page and ≤ ${t.studyLcpMs} ms (medians)`, ok: studyRatio <= t.studyLcpVsLimit && lcp.median <= t.studyLcpMs },
      tbt: { target: `≤ ${t.studyTbtMs} ms`, ok: tbt.median <= t.studyTbtMs },
      layoutShift: { target: `CLS ≤ ${t.studyCls}`, ok: cls.median <= t.studyCls },
    },
    presentationFirstSlideThrottled: {
      definition: 'as firstSlideVisible (the first slide’s heading painted in the deck font, 1280×720), under the phone’s throttling, against the static first-slide page under the same',
      deckMs: slideMs,
      staticPageLimitMs: slideLimitMs,
      ratioToLimit: slideRatio,
      target: `≤ ${t.firstSlideVsLimit} × the static-page limit (medians)`,
      ok: slideRatio <= t.firstSlideVsLimit,
    },
    navigationThrottled: {
      definition: 'as navigation (every step of every slide of the plan, Reveal.next()), on the 4× slower CPU (network not throttled)',
      steps: m.walks[0]?.steps,
      longestTaskMs: longest,
      slowSteps: [...new Set(m.walks.flatMap((w) => w.longTasks.map((x) => `${x.slide} ${x.ms} ms`)))].slice(0, 20),
      revealFloor: m.keypress && {
        definition: 'one → (its handlers and the style and layout they leave), 40 presses from the first slide of ?plan=all on the 4× slower CPU: the deck, then reveal.js alone on the same slides (the deck’s tools destroyed, reveal.js started again without plugins)',
        deckMs: m.keypress.deckMs,
        revealOnlyMs: m.keypress.revealOnlyMs,
      },
      target: `no task over ${t.throttledTaskMs} ms`,
      ok: longest.median <= t.throttledTaskMs,
    },
  };
  if (m.lighthouse) {
    out.lighthouseMobile = Object.fromEntries(
      Object.entries(m.lighthouse).map(([page, runs]) => {
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, spread(runs.map((r) => r.scores[c]))]));
        const perf = spread(runs.map((r) => r.scores.performance));
        const metric = (k: keyof LighthouseRun['metrics'], digits = 0): ReturnType<typeof spread> => spread(runs.map((r) => r.metrics[k]), digits);
        return [
          page,
          {
            scores,
            metrics: { fcpMs: metric('fcpMs'), lcpMs: metric('lcpMs'), tbtMs: metric('tbtMs'), cls: metric('cls', 4), speedIndexMs: metric('speedIndexMs') },
            warnings: [...new Set(runs.flatMap((r) => r.warnings))],
            runs: runs.length,
            target: `performance ≥ ${t.lighthousePerformance} (median)`,
            ok: runs.length > 0 && perf.median >= t.lighthousePerformance,
          },
        ];
      }),
    );
  }
  return out;
}

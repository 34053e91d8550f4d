import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../../src/node/chromium.ts';

/** Lighthouse's four categories, by their ids. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** One Lighthouse run: its category scores (0–100) and the performance metrics behind the first. */
export interface LighthouseRun {
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** What Lighthouse itself warned about (e.g. a page that did not settle). */
  warnings: string[];
}

/**
 * Runs Lighthouse (npm `lighthouse`, its default mobile profile: a moto g power at 412×823, slow
 * 4G and a 4× slower CPU, simulated) on `url`, in the system Chromium started by chrome-launcher
 * (`chromePath`; the same flags as every other Chromium of the project), headless, and closes it.
 */
export async function runLighthouse(chromePath: string, url: string): Promise<LighthouseRun> {
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`[bench] Lighthouse gave no result for ${url}`);
    const { categories, audits, runWarnings, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`[bench] Lighthouse failed on ${url}: ${runtimeError.code} ${runtimeError.message}`);
    const score = (id: string): number => Math.round((categories[id]?.score ?? NaN) * 100);
    const metric = (id: string, digits = 0): number => Number((audits[id]?.numericValue ?? NaN).toFixed(digits));
    return {
      scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
      metrics: { fcpMs: metric('first-contentful-paint'), lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'), cls: metric('cumulative-layout-shift', 4), speedIndexMs: metric('speed-index') },
      warnings: runWarnings,
    };
  } finally {
    chrome.kill();
  }
}

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** How long the slide PDF of the whole deck took. */
export interface PdfRun {
  /** `npm run pdf` (the project's exporter), or a plain `page.pdf()` of `?print-pdf` when there is none. */
  method: string;
  pages: number;
  /** Wall time of the whole export (including starting the browser), and per slide. */
  seconds: number;
  secondsPerSlide: number;
  /** What the exporter itself reports per slide (printing only), when it says. */
  reportedPerSlide: number | null;
}

/** Whether the project has an `npm run pdf`. */
export function hasPdfScript(root: string): boolean {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.pdf);
}

/**
 * `npm run pdf -- --url <served deck> --out <outDir> --only slides`, timed: the slide PDF of the
 * deck the bench serves (no build of its own, nothing written outside `outDir`).
 */
export async function timedPdfExport(root: string, url: string, outDir: string, slides: number): Promise<PdfRun> {
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('npm', ['run', 'pdf', '--', '--url', url, '--out', outDir, '--only', 'slides'], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`[bench] npm run pdf failed (${code}):\n${out}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  const line = /slides\.pdf: (\d+) pages.*?\(([\d.]+) s per slide\)/.exec(output);
  const pages = line ? Number(line[1]) : slides;
  return { method: 'npm run pdf -- --url … --only slides', pages, seconds: round(seconds), secondsPerSlide: round(seconds / pages, 3), reportedPerSlide: line ? Number(line[2]) : null };
}

/** The fallback: `?print-pdf` opened and printed with `page.pdf()`, timed from opening the page. */
export async function timedPagePdf(browser: Browser, url: string, slides: number): Promise<PdfRun> {
  const started = performance.now();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(new URL('index.html?print-pdf', url).href);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    await page.evaluate(() => document.fonts.ready);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length || slides;
    const seconds = (performance.now() - started) / 1000;
    return { method: 'page.pdf() of index.html?print-pdf (no npm run pdf)', pages, seconds: round(seconds), secondsPerSlide: round(seconds / pages, 3), reportedPerSlide: null };
  } finally {
    await context.close();
  }
}

function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits));
}

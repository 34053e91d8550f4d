import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** How long an export of the whole deck took: the slide PDF, or one PNG per slide. */
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

/** Whether the project has an `npm run pdf` (and `npm run png`). */
export function hasPdfScript(root: string): boolean {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return Boolean(pkg.scripts?.pdf);
}

/** What each export command writes and how its log line states the count and the rate. */
const EXPORTS = {
  pdf: { args: ['--only', 'slides'], line: /slides\.pdf: (\d+) pages.*?\(([\d.]+) s per slide\)/ },
  png: { args: [], line: /png\/: (\d+) images.*?\(([\d.]+) s per slide\)/ },
} as const;

/**
 * `npm run pdf -- --url <served deck> --out <outDir> --only slides` (the slide PDF) or
 * `npm run png -- --url … --out <outDir>` (one image per slide), timed: the deck the bench serves,
 * no build of its own, nothing written outside `outDir`.
 */
export async function timedExport(root: string, command: keyof typeof EXPORTS, url: string, outDir: string, slides: number): Promise<PdfRun> {
  const { args, line: rate } = EXPORTS[command];
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('npm', ['run', command, '--', '--url', url, '--out', outDir, ...args], { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`[bench] npm run ${command} failed (${code}):\n${out}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  const line = rate.exec(output);
  const pages = line ? Number(line[1]) : slides;
  return { method: `npm run ${command} -- --url … ${args.join(' ')}`.trim(), pages, seconds: round(seconds), secondsPerSlide: round(seconds / pages, 3), reportedPerSlide: line ? Number(line[2]) : null };
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

import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { deckError } from '../node/errors.ts';
import { launchBrowser, requireBrowser } from '../node/chromium.ts';
import { serveStatic, type StaticServer } from '../node/static-server.ts';
import { ensureBuilt } from './dist.ts';
import { HANDOUT, printHandout } from './handout-pdf.ts';
import { printStudyGuide, STUDY_GUIDE } from './study-guide-pdf.ts';
import type { ExportOptions, PdfKind } from './options.ts';
import { readPenMarks } from './pen.ts';
import { exportPngs } from './png.ts';
import { printSlides } from './slides-pdf.ts';
import { makeDir, writeAtomic } from './write-atomic.ts';

/** Where each PDF goes. */
const PDF_FILES: Record<PdfKind, string> = { slides: 'slides.pdf', handout: HANDOUT.file, notes: STUDY_GUIDE.file };

/**
 * One export run: finds the browser (before any slow step), reads the pen marks, builds dist/
 * if needed and serves it (unless a URL is given), then writes the PDFs or PNGs, one line each
 * (`log`) with its size and time; a PDF that fails is reported (`problem`) and the others still made.
 */
export async function runExport(options: ExportOptions, root: string, cwd: string, log: (line: string) => void, problem: (line: string) => void): Promise<void> {
  const found = requireBrowser({}, problem);
  const show = (path: string): string => {
    const rel = relative(cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
  };
  const pen = options.pen ? await readPenMarks(options.pen) : null;
  // Before any slow step: a folder that cannot be made fails now, not after the printing.
  await makeDir(options.outDir).catch((e: NodeJS.ErrnoException) => {
    throw deckError(`cannot write to ${options.outDir}: ${e.code ?? e.message}`, e);
  });

  let server: StaticServer | null = null;
  let baseUrl = options.url;
  if (baseUrl === null) {
    const started = performance.now();
    const dist = show(options.distDir);
    const state = await ensureBuilt(root, options.distDir, options.build);
    log({
      built: `[deck] built ${dist}/ in ${seconds(started)} s`,
      fresh: `[deck] ${dist}/ is newer than its sources: not rebuilt (--build forces it)`,
      'as-is': `[deck] exporting ${dist}/ as it is (--no-build)`,
    }[state]);
    server = await serveStatic({ root: options.distDir });
    baseUrl = server.url;
  }

  const browser = await launchBrowser(found);
  try {
    if (options.command === 'png') {
      const started = performance.now();
      const files = await exportPngs(browser, baseUrl, options.outDir);
      log(`${show(join(options.outDir, 'png'))}/: ${files.length} images, 1920×1080, ${seconds(started)} s (${perSlide(started, files.length)} s per slide)`);
      return;
    }
    // One PDF failing does not cost the others: each is tried, and the run fails at the end.
    const failed: string[] = [];
    for (const kind of options.only) {
      try {
        log(await writePdf(kind, browser, baseUrl, options.outDir, pen?.json ?? null, show, log));
      } catch (e) {
        failed.push(PDF_FILES[kind]);
        problem(e instanceof Error ? e.message.split('\n')[0]! : String(e));
      }
    }
    if (failed.length) throw deckError(`not written: ${failed.join(', ')} (see above)`);
  } finally {
    await browser.close();
    await server?.close();
  }
}

/** Prints one PDF and writes it; returns the line that reports it. */
async function writePdf(kind: PdfKind, browser: Browser, baseUrl: string, outDir: string, penJson: string | null, show: (path: string) => string, log: (line: string) => void): Promise<string> {
  const started = performance.now();
  const file = join(outDir, PDF_FILES[kind]);
  let pdf: Uint8Array;
  let pages: number | null;
  if (kind === 'slides') {
    const result = await printSlides(browser, baseUrl, penJson);
    result.warnings.forEach(log);
    ({ pdf, pages } = result);
  } else {
    ({ pdf, pages } = await (kind === 'handout' ? printHandout : printStudyGuide)(browser, baseUrl));
  }
  await writeAtomic(file, pdf);
  const rate = kind === 'slides' && pages ? ` (${perSlide(started, pages)} s per slide)` : '';
  return `${show(file)}: ${pages ?? '?'} pages, ${(pdf.byteLength / 1e6).toFixed(1)} MB, ${seconds(started)} s${rate}`;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function perSlide(since: number, n: number): string {
  return ((performance.now() - since) / 1000 / n).toFixed(3);
}

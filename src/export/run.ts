import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, requireBrowser } from '../node/chromium.ts';
import { deckError } from '../node/errors.ts';
import { Interrupts } from '../node/interrupt.ts';
import { serveStatic, type StaticServer } from '../node/static-server.ts';
import { ensureBuilt } from './dist.ts';
import { freshFolder, removeStaleTemporaries } from './fresh-folder.ts';
import { HANDOUT, printHandout } from './handout-pdf.ts';
import type { ExportOptions, PdfKind } from './options.ts';
import { PAPER, printPaper } from './paper-pdf.ts';
import { readPenMarks } from './pen.ts';
import { exportPngs } from './png.ts';
import { printSlides } from './slides-pdf.ts';
import { printStudyGuide, STUDY_GUIDE } from './study-guide-pdf.ts';
import { makeDir, writeAtomic } from './write-atomic.ts';

/** Where each PDF goes. */
const PDF_FILES: Record<PdfKind, string> = { slides: 'slides.pdf', handout: HANDOUT.file, notes: STUDY_GUIDE.file, paper: PAPER.file };

/** Where an export run speaks, and how it is interrupted. */
export interface ExportIO {
  /** A finished file (stdout). */
  log(line: string): void;
  /** A problem that does not stop the run, or a warning (stderr). */
  problem(line: string): void;
  /** How far the run is, e.g. `png 12/108 logic-power` (stderr; a terminal may rewrite one line). @default nothing */
  progress?(line: string): void;
  /** The run's signal handling (the CLI's); without it the run is not told of Ctrl+C. */
  interrupts?: Interrupts;
}

/**
 * One export run: finds the browser (before any slow step), reads the pen marks, builds dist/
 * if needed and serves it (unless a URL is given), then writes the PDFs or PNGs, one line each
 * (`log`) with its size and time; a PDF that fails is reported (`problem`) and the others still
 * made. The browser and the server are closed however it ends; if it is interrupted they are
 * closed at once, partial output is removed, and nothing more is said (`interrupts`).
 */
export async function runExport(options: ExportOptions, root: string, cwd: string, io: ExportIO): Promise<void> {
  const interrupts = io.interrupts ?? new Interrupts();
  // After an interrupt the run's own failures (the browser closed under it) are not news.
  const quiet = (say: (line: string) => void) => (line: string) => void (interrupts.interrupted ? undefined : say(line));
  const log = quiet(io.log);
  const problem = quiet(io.problem);
  const progress = quiet(io.progress ?? (() => undefined));
  const show = (path: string): string => {
    const rel = relative(cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
  };

  const found = requireBrowser({}, problem);
  const pen = options.pen ? await readPenMarks(options.pen) : null;
  // Before any slow step: a folder that cannot be made fails now, not after the printing.
  await makeDir(options.outDir).catch((e: NodeJS.ErrnoException) => {
    throw deckError(`cannot write to ${options.outDir}: ${e.code ?? e.message}`, e);
  });
  removeStaleTemporaries(options.outDir);

  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  const closeAll = async (): Promise<void> => {
    await Promise.all([browser?.close().catch(() => undefined), server?.close()]);
  };
  const stopOnInterrupt = interrupts.onInterrupt(closeAll);
  try {
    // First, so that a browser that does not start is said before a build of half a minute.
    // The exporter says itself what an interrupt left behind (interrupts), so Playwright must not end the process first.
    browser = await launchBrowser(found, { handleSignals: false });
    let baseUrl = options.url;
    if (baseUrl === null) {
      const started = performance.now();
      const dist = show(options.distDir);
      const state = await ensureBuilt(root, options.distDir, options.build, interrupts);
      log({
        built: `[deck] built ${dist}/ in ${seconds(started)} s`,
        fresh: `[deck] ${dist}/ is newer than its sources: not rebuilt (--build forces it)`,
        'as-is': `[deck] exporting ${dist}/ as it is (--no-build)`,
      }[state]);
      server = await serveStatic({ root: options.distDir });
      baseUrl = server.url;
    }

    if (options.command === 'png') {
      const started = performance.now();
      const target = join(options.outDir, 'png');
      // A fresh folder swapped in at the end: no image of an earlier run survives, an interrupted run changes nothing.
      const fresh = freshFolder(target);
      let files: string[];
      try {
        files = await exportPngs(browser, baseUrl, fresh.dir, (done, total, id) => progress(`png ${done}/${total} ${id}`));
      } catch (e) {
        fresh.discard();
        throw e;
      }
      fresh.commit();
      interrupts.wrote(`${show(target)}/ (${files.length} images)`);
      log(`${show(target)}/: ${files.length} images, 1920×1080, ${seconds(started)} s (${perSlide(started, files.length)} s per slide)`);
      return;
    }
    // One PDF failing does not cost the others: each is tried, and the run fails at the end.
    const failed: string[] = [];
    for (const kind of options.only) {
      try {
        const { line, file } = await writePdf(kind, browser, baseUrl, options.outDir, pen?.json ?? null, show, log);
        interrupts.wrote(show(file));
        log(line);
      } catch (e) {
        if (interrupts.interrupted) throw e;
        failed.push(PDF_FILES[kind]);
        problem(e instanceof Error ? e.message.split('\n')[0]! : String(e));
      }
    }
    if (failed.length) throw deckError(`not written: ${failed.join(', ')} (see above)`);
  } finally {
    stopOnInterrupt();
    await closeAll();
  }
}

/** Prints one PDF and writes it; returns the file and the line that reports it. */
async function writePdf(kind: PdfKind, browser: Browser, baseUrl: string, outDir: string, penJson: string | null, show: (path: string) => string, log: (line: string) => void): Promise<{ file: string; line: string }> {
  const started = performance.now();
  const file = join(outDir, PDF_FILES[kind]);
  let pdf: Uint8Array;
  let pages: number | null;
  if (kind === 'slides') {
    const result = await printSlides(browser, baseUrl, penJson);
    result.warnings.forEach(log);
    ({ pdf, pages } = result);
  } else {
    ({ pdf, pages } = await { handout: printHandout, notes: printStudyGuide, paper: printPaper }[kind](browser, baseUrl));
  }
  await writeAtomic(file, pdf);
  const rate = kind === 'slides' && pages ? ` (${perSlide(started, pages)} s per slide)` : '';
  return { file, line: `${show(file)}: ${pages ?? '?'} pages, ${(pdf.byteLength / 1e6).toFixed(1)} MB, ${seconds(started)} s${rate}` };
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function perSlide(since: number, n: number): string {
  return ((performance.now() - since) / 1000 / n).toFixed(3);
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PDF's pages, read back with poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`). */

/** The number of pages. */
export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)$/m.exec(info)?.[1];
  if (!pages) throw new Error(`[deck] pdfinfo found no page count in ${pdf}`);
  return Number(pages);
}

/** The text of every page, in page order (`pdftotext` splits pages with form feeds). */
export function pdfPageTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages.at(-1) === '') pages.pop();
  return pages;
}

/**
 * Every page rendered to a PNG of exactly `width`×`height` pixels (whatever the page's size in
 * points), in page order; `pages` limits it to a range (1-based, inclusive).
 */
export function pdfPagesAsPng(pdf: string, width: number, height: number, pages?: { first: number; last: number }): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'deck-pdf-png-'));
  try {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    execFileSync('pdftoppm', [...range, '-scale-to-x', String(width), '-scale-to-y', String(height), '-png', pdf, join(dir, 'p')]);
    // pdftoppm pads the page number to the width of the last one: p-01.png … p-12.png.
    const files = readdirSync(dir).sort((a, b) => pageNumber(a) - pageNumber(b));
    return files.map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pageNumber(file: string): number {
  return Number(/-(\d+)\.png$/.exec(file)?.[1] ?? NaN);
}

/** The embedded fonts' names (`pdffonts`), subset prefix (`ABCDEF+`) removed. */
export function pdfFontNames(pdf: string): string[] {
  const lines = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2);
  return lines.map((l) => l.split(/\s+/)[0] ?? '').filter(Boolean).map((n) => n.replace(/^[A-Z]{6}\+/, ''));
}

import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handoutSheets } from '../../src/deck/pages/handout-layout.ts';
import { pngSize } from '../../src/export/png-size.ts';
import type { DeckManifest } from '../../src/shared/deck-model.ts';
import { UI } from '../../src/shared/ui-strings.ts';
import { deckUrl, launch, openDeck } from './helpers/deck-page.ts';
import { pdfPageTexts } from './helpers/pdf-pages.ts';
import { pdfStructureElements } from './helpers/pdf-structure.ts';

/*
 * `npm run pdf` and `npm run png`, run as a user runs them (the CLI through tsx), against the
 * deck the browser project built and serves, into a temporary folder. Each file is made once;
 * the tests read it back with poppler (pdfinfo, pdftotext, pdffonts, pdftoppm).
 */

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
/** tsx's own entry, for running it with no PATH (its bin starts with `#!/usr/bin/env node`). */
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = join(ROOT, 'src', 'export', 'cli.ts');
const run = promisify(execFile);

/** Runs the exporter; returns its output (throws with it if the exit code is not 0). */
async function exporter(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; stderr: string }> {
  return run(TSX, [CLI, ...args], { cwd: ROOT, env, timeout: 180_000 });
}

/** How an exporter run ended. */
interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the exporter until its output matches `until`, then sends it `signal`: SIGINT to its
 * whole process group, as Ctrl+C in a terminal does; SIGTERM to the process, as `kill` does.
 */
function interruptedExporter(args: string[], until: RegExp, signal: 'SIGINT' | 'SIGTERM', env: NodeJS.ProcessEnv = process.env): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX_CLI, CLI, ...args], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const check = (): void => {
      if (sent || !until.test(stdout + stderr)) return;
      sent = true;
      if (signal === 'SIGINT') process.kill(-child.pid!, 'SIGINT');
      else child.kill('SIGTERM');
    };
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), check()));
    child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), check()));
    // A run that never ends (the fault this guards against) is stopped, and fails the test.
    const guard = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 150_000);
    // 'close', not 'exit': the last of its output may still be in the pipes when it has exited.
    child.on('close', (code, sig) => {
      clearTimeout(guard);
      resolve({ code, signal: sig, stdout, stderr });
    });
  });
}

/** The lines of stderr that are not progress (`[deck] png 12/108 <slide-id>`). */
const saidBesidesProgress = (stderr: string): string[] => stderr.split('\n').filter((l) => l.trim() && !/^\[deck\] png \d+\/\d+ /.test(l));

let out: string;
let penOut: string;
let pdfLog: string;
let pngErr: string;
let browser: Browser;
let manifest: DeckManifest;
let ids: string[];
/** Per section: a quotation (“…”) shown on one of its slides, whitespace removed. */
let quotes: { section: string; quote: string }[];
/** A lecturer-only cue and the first words of a study note, from the built slides. */
let cue: string;
let note: string;
/** The slides the handout prints alone on a page (too dense for three a page), as the page decides. */
let alone: Set<string>;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'deck-export-'));
  penOut = mkdtempSync(join(tmpdir(), 'deck-export-pen-'));
  browser = await launch();
  const { page } = await openDeck(browser);
  ({ manifest, quotes, cue, note } = await page.evaluate(() => {
    const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');
    const m = JSON.parse(document.getElementById('deck-manifest')!.textContent!) as DeckManifest;
    const found: { section: string; quote: string }[] = [];
    for (const group of document.querySelectorAll<HTMLElement>('.slides > section[data-deck-section]')) {
      for (const slide of group.querySelectorAll<HTMLElement>(':scope > section')) {
        // What the slide shows: no notes, no hidden tips, no diagram text (split into lines by the SVG).
        const shown = slide.cloneNode(true) as HTMLElement;
        shown.querySelectorAll('aside.notes, [hidden], svg, .katex-mathml, .deck-term-tip').forEach((n) => n.remove());
        const q = /“([^”]{6,30})”/.exec(squash(shown.textContent));
        if (q) {
          found.push({ section: m.sections.find((sec) => sec.id === group.dataset.deckSection)!.title, quote: q[1]! });
          break;
        }
      }
    }
    const firstNote = document.querySelector('aside.notes > p');
    return {
      manifest: m,
      quotes: found,
      cue: squash(document.querySelector('aside.notes [data-deck-cue]')?.textContent),
      note: squash(firstNote?.textContent).slice(0, 30),
    };
  }));
  await page.goto(new URL('handout.html', deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  alone = new Set(await page.$$eval('.deck-sheet-alone section[id]', (els) => els.map((el) => el.id)));
  await page.context().close();
  ids = manifest.sections.flatMap((s) => s.slides.map((sl) => sl.id));

  pdfLog = (await exporter(['pdf', '--url', deckUrl(), '--out', out])).stdout;
  // What an earlier run of an older deck left: two numberings, and a slide since removed.
  mkdirSync(join(out, 'png'));
  for (const stale of ['01-title.png', '099-removed-slide.png', `${'9'.repeat(String(ids.length).length)}-gone.png`]) writeFileSync(join(out, 'png', stale), 'stale');
  pngErr = (await exporter(['png', '--url', deckUrl(), '--out', out])).stderr;
  // A red line across the bottom of the overview slide, as the pen stores it.
  const marks = join(penOut, 'marks.json');
  writeFileSync(marks, JSON.stringify({ overview: [{ color: '#ff0000', width: 14, points: [[80, 690], [1200, 690]] }] }));
  await exporter(['pdf', '--only', 'slides', '--pen', marks, '--url', deckUrl(), '--out', penOut]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of [out, penOut]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const pdf = (name: string) => join(out, name);

function pdfInfo(file: string): { pages: number; width: number; height: number; title: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    width: Math.round(Number(size[1])),
    height: Math.round(Number(size[2])),
    title: /Title:\s+(.*)/.exec(info)?.[1]?.trim() ?? '',
  };
}

/** The text of a PDF (or of one page), every whitespace removed: pdftotext breaks lines anywhere. */
function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** The PDF's bookmarks as pdftohtml lists them: page and title. */
function outline(file: string): { page: number; title: string }[] {
  const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.slice(xml.indexOf('<outline')).matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ page: Number(m[1]), title: m[2]! }));
}

/** One page drawn at 50 dpi (pdftoppm, grey or colour PNM), with its pixels. */
function raster(file: string, page: number, colour = false): { width: number; height: number; channels: number; data: Buffer } {
  const bytes = execFileSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), ...(colour ? [] : ['-gray']), file], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P([56])\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'))!;
  return { channels: header[1] === '6' ? 3 : 1, width: Number(header[2]), height: Number(header[3]), data: bytes.subarray(header[0].length) };
}

/** Share of pixels that are not white, in a region given as fractions of the page [x0, y0, x1, y1]. */
function inked(file: string, page: number, region: [number, number, number, number] = [0, 0, 1, 1]): number {
  const { width, height, data } = raster(file, page);
  const [x0, y0, x1, y1] = [region[0] * width, region[1] * height, region[2] * width, region[3] * height].map(Math.round) as [number, number, number, number];
  let ink = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[y * width + x]! < 245) ink++;
  return ink / ((x1 - x0) * (y1 - y0));
}

/** Pixels of pure red (the pen test's colour) on a page. */
function redPixels(file: string, page: number): number {
  const { data } = raster(file, page, true);
  let red = 0;
  for (let i = 0; i < data.length; i += 3) if (data[i]! > 200 && data[i + 1]! < 60 && data[i + 2]! < 60) red++;
  return red;
}

const type3Fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').filter((l) => /Type 3/.test(l));

describe('npm run pdf: the slide PDF', () => {
  it('has exactly one 16:9 page per slide: no blank page, no slide split over two', () => {
    const info = pdfInfo(pdf('slides.pdf'));
    expect(info.pages).toBe(ids.length);
    expect(info.width / info.height).toBeCloseTo(16 / 9, 2);
  });

  it('is titled like the deck and has a bookmark on the first page of every section', () => {
    expect(pdfInfo(pdf('slides.pdf')).title).toBe(manifest.meta.title);
    const pages = new Set(outline(pdf('slides.pdf')).map((o) => o.page));
    let first = 1;
    for (const s of manifest.sections) {
      expect(pages.has(first), `bookmark for section ${s.title} on page ${first}`).toBe(true);
      first += s.slides.length;
    }
  });

  it('says how long the slides took, per slide (npm run bench holds that figure to its target)', () => {
    const rate = /slides\.pdf: \d+ pages, .* \(([\d.]+) s per slide\)/.exec(pdfLog);
    expect(rate, pdfLog).not.toBeNull();
    expect(Number(rate![1])).toBeGreaterThan(0);
  });

  it('draws the overview diagram: its page is inked well beyond the title', () => {
    const n = ids.indexOf('overview') + 1;
    const diagram = inked(pdf('slides.pdf'), n, [0.05, 0.2, 0.95, 0.95]);
    expect(diagram).toBeGreaterThan(0.15);
    // Beside a slide of text only (a part's opener is no such slide: its question sits in a tinted box).
    expect(diagram).toBeGreaterThan(2 * inked(pdf('slides.pdf'), ids.indexOf('abstract') + 1, [0.05, 0.2, 0.95, 0.95]));
  });

  it('keeps each slide’s own padding: nothing printed in the outer band of a page', () => {
    for (const id of ['abstract', 'overview']) {
      const n = ids.indexOf(id) + 1;
      expect(inked(pdf('slides.pdf'), n, [0, 0, 0.02, 1]), `left edge of slide ${id}`).toBe(0);
      expect(inked(pdf('slides.pdf'), n, [0, 0, 1, 0.02]), `top edge of slide ${id}`).toBe(0);
    }
  });

  it('with --pen, carries the pen’s marks on their slide (and only then)', () => {
    const n = ids.indexOf('overview') + 1;
    expect(pdfInfo(join(penOut, 'slides.pdf')).pages).toBe(ids.length);
    expect(redPixels(join(penOut, 'slides.pdf'), n)).toBeGreaterThan(300);
    expect(redPixels(pdf('slides.pdf'), n)).toBe(0);
  });
});

describe('npm run pdf: the A4 handout', () => {
  const sheets = () => handoutSheets(manifest, undefined, alone);

  it('is A4 portrait: a cover, then three slides a page, then worksheet and answers', () => {
    const info = pdfInfo(pdf('handout.pdf'));
    expect([info.width, info.height]).toEqual([595, 842]);
    const practice = pdfText(pdf('handout.pdf')).includes('答案与解析') ? 2 : 0;
    expect(info.pages).toBeGreaterThanOrEqual(1 + sheets().length + practice);
    // Only the worksheet may run over several pages; the rest is exact.
    expect(info.pages).toBeLessThanOrEqual(1 + sheets().length + practice + 3);
  });

  it('opens with the paper’s citation and the deck’s title', () => {
    const cover = pdfText(pdf('handout.pdf'), 1);
    expect(cover).toContain(manifest.meta.title);
    expect(cover).toContain('燕连福');
    expect(cover).toContain('牛刚刚');
    expect(cover).toContain('讲义');
    expect(pdfInfo(pdf('handout.pdf')).title).toBe(`${manifest.meta.title} · 讲义`);
  });

  it('names the section at the top of every page of slides and numbers the pages at the foot', () => {
    const total = pdfInfo(pdf('handout.pdf')).pages;
    sheets().forEach((sheet, i) => {
      const text = pdfText(pdf('handout.pdf'), i + 2);
      expect(text.startsWith(sheet.sectionTitle.replace(/\s+/g, '')), `page ${i + 2} starts with ${sheet.sectionTitle}`).toBe(true);
      expect(text).toContain(`第${i + 2}页/共${total}页`);
      for (const s of sheet.slides) expect(text).toContain(String(s.number));
    });
  });

  it('prints at full size: Chromium did not shrink the pages to fit something too wide', () => {
    // The header's "讲义" is two full-width characters at 9pt: 18pt wide unless the page was scaled.
    const words = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', pdf('handout.pdf'), '-'], { encoding: 'utf8' });
    const box = /xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>讲义</.exec(words)!;
    expect(Number(box[2]) - Number(box[1])).toBeCloseTo(18, 0);
  });

  it('bookmarks every section', () => {
    const titles = outline(pdf('handout.pdf')).map((o) => o.title);
    for (const s of manifest.sections) expect(titles).toContain(s.title);
  });

  it('shows each slide as real slide content, the overview diagram included', () => {
    const page = sheets().findIndex((s) => s.slides.some((sl) => sl.id === 'overview')) + 2;
    const row = sheets()[page - 2]!.slides.findIndex((sl) => sl.id === 'overview');
    // Rows of the layout (handout.css): 12mm margin, 11mm header, then three rows of 84mm.
    const top = (12 + 11 + 84 * row) / 297;
    expect(inked(pdf('handout.pdf'), page, [0.06, top, 0.58, top + 60 / 297])).toBeGreaterThan(0.15);
  });

  it('ends with the questions as a worksheet and their answers alone on the last page', () => {
    const text = pdfText(pdf('handout.pdf'));
    if (!text.includes('自测练习')) return; // a deck without questions has no worksheet
    const last = pdfInfo(pdf('handout.pdf')).pages;
    expect(pdfText(pdf('handout.pdf'), last)).toMatch(/^答案与解析/);
    expect(pdfText(pdf('handout.pdf'), last - 1)).not.toContain('答案：');
    expect(pdfText(pdf('handout.pdf'), last - 1)).not.toContain('答案与解析');
  });
});

describe('npm run pdf: the study guide', () => {
  it('is A4 portrait, titled, with a bookmark per section', () => {
    const info = pdfInfo(pdf('notes.pdf'));
    expect([info.width, info.height]).toEqual([595, 842]);
    expect(info.pages).toBeGreaterThan(manifest.sections.length);
    expect(info.title).toBe(`${manifest.meta.title} · 学习指南`);
    const titles = outline(pdf('notes.pdf')).map((o) => o.title);
    for (const s of manifest.sections) expect(titles).toContain(s.title);
  });

  it('follows each slide with its notes, and leaves out what is only for the lecturer', () => {
    const text = pdfText(pdf('notes.pdf'));
    expect(note.length).toBeGreaterThan(10);
    expect(text).toContain(note);
    expect(cue.length).toBeGreaterThan(10);
    expect(text).not.toContain(cue);
  });

  it('draws its pages: the overview’s page is not blank', () => {
    const page = Array.from({ length: pdfInfo(pdf('notes.pdf')).pages }, (_, i) => i + 1).find((p) => pdfText(pdf('notes.pdf'), p).includes('本讲结构'))!;
    expect(page).toBeGreaterThan(0);
    expect(inked(pdf('notes.pdf'), page)).toBeGreaterThan(0.08);
  });
});

describe('npm run pdf: every PDF', () => {
  for (const name of ['slides.pdf', 'handout.pdf', 'notes.pdf']) {
    it(`${name} has the deck’s title, a quotation of every section and the reference list as text`, () => {
      const text = pdfText(pdf(name));
      expect(text).toContain(manifest.meta.title);
      for (const q of ['整合和优化科教创新资源', '社会主义的本质，是解放生产力', '习近平著作选读']) expect(text).toContain(q);
      expect(quotes.length).toBeGreaterThanOrEqual(4);
      for (const { section, quote } of quotes) expect(text, `quotation of ${section}`).toContain(quote);
    });

    it(`${name} embeds its fonts as real text fonts, none as Type 3`, () => {
      expect(type3Fonts(pdf(name))).toEqual([]);
      // pdffonts' last five columns: emb sub uni object-id generation.
      const rows = execFileSync('pdffonts', [pdf(name)], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((l) => l.trim().split(/\s+/).at(-5) !== 'yes')).toEqual([]);
    });

    it(`${name}: its first page is not blank`, () => {
      expect(inked(pdf(name), 1)).toBeGreaterThan(0.02);
    });

    it(`${name} gives every Figure of its structure tree a text alternative (/Alt): each diagram its title and description`, () => {
      const figures = pdfStructureElements(pdf(name)).filter((e) => e.type === 'Figure');
      expect(manifest.diagrams.length).toBeGreaterThan(10);
      expect(figures.length).toBeGreaterThanOrEqual(manifest.diagrams.length);
      expect(figures.filter((f) => !f.alt.trim())).toEqual([]);
      const alts = new Set(figures.map((f) => f.alt));
      for (const d of manifest.diagrams) expect(alts.has(UI.diagram.printedLabel(d.title, d.description)), `${d.id}: ${d.title}`).toBe(true);
    });
  }

  for (const name of ['handout.pdf', 'notes.pdf']) {
    it(`${name} prints the paper’s keywords in Chinese on its cover`, () => {
      const cover = pdfPageTexts(pdf(name))[0]!.replace(/\s+/g, '');
      expect(manifest.meta.keywords.length).toBe(4);
      for (const keyword of manifest.meta.keywords) expect(cover).toContain(keyword);
      expect(cover).not.toMatch(/%u[0-9A-F]{4}|\\u[0-9a-f]{4}|&#/i);
    });

    it(`${name}: every page holds more than its running head, its page number and a heading or an empty box`, () => {
      const empty = pdfPageTexts(pdf(name)).flatMap((text, i) => {
        const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
        // The running head (first line) and the page number (第n页 / 共m页) are the page's frame.
        const body = lines.slice(1).filter((l) => !/^第\d+页 \/ 共\d+页$/.test(l));
        // What is left but a slide's number and title, and a box's label, is the page's content.
        const content = body.filter((l) => !/^\d+$/.test(l) && !manifest.sections.some((s) => s.slides.some((sl) => sl.title === l)) && !l.startsWith('教学补充') && !l.startsWith('讨论'));
        return content.join('').replace(/\s+/g, '').length < 40 ? [`page ${i + 1}: ${body.join(' ').slice(0, 80)}`] : [];
      });
      expect(empty).toEqual([]);
    });

    it(`${name} prints each diagram's description as its caption (paper has no 查看文字版)`, () => {
      const text = pdfText(pdf(name));
      const missing = manifest.diagrams.filter((d) => !d.description || !text.includes(UI.diagram.caption(d.title, d.description).replace(/\s+/g, '')));
      expect(missing.map((d) => d.id)).toEqual([]);
    });
  }
});

describe('npm run png', () => {
  it('writes one 1920×1080 image per slide, named <number>-<slide-id>.png (zero-padded to the slide count) in deck order, and nothing of an earlier run survives', () => {
    const files = readdirSync(join(out, 'png')).sort();
    const width = Math.max(2, String(ids.length).length);
    expect(files).toEqual(ids.map((id, i) => `${String(i + 1).padStart(width, '0')}-${id}.png`));
    for (const f of files) expect(pngSize(readFileSync(join(out, 'png', f))), f).toEqual({ width: 1920, height: 1080 });
  });

  it('says how far it is, one line per slide (stderr is not a terminal here)', () => {
    const lines = pngErr.split('\n').filter((l) => /^\[deck\] png /.test(l));
    // Counted in order; two pages take pictures at once, so the slides finish nearly in deck order.
    expect(lines.map((l) => l.split(' ')[2])).toEqual(ids.map((_, i) => `${i + 1}/${ids.length}`));
    expect(lines.map((l) => l.split(' ')[3]).sort()).toEqual([...ids].sort());
    expect(saidBesidesProgress(pngErr)).toEqual([]);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('draws the slides: the overview image is far from an empty page', () => {
    const overview = readdirSync(join(out, 'png')).find((f) => f.endsWith('-overview.png'))!;
    expect(statSync(join(out, 'png', overview)).size).toBeGreaterThan(40_000);
  });
});

describe('the exporter when something is missing', () => {
  it('without any browser, says in one line that CHROME_PATH is wrong and how to get one, exits 1 and writes nothing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'deck-export-none-'));
    // Nothing on the PATH and no Playwright cache either: node runs tsx by its own path.
    const result = await run(process.execPath, [TSX_CLI, CLI, 'pdf', '--url', deckUrl(), '--out', join(empty, 'out')], {
      cwd: ROOT,
      env: { ...process.env, PATH: empty, HOME: empty, PLAYWRIGHT_BROWSERS_PATH: empty, CHROME_PATH: join(empty, 'no-such-chrome') },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^\\[deck\\] no Chromium found: CHROME_PATH=${join(empty, 'no-such-chrome')} is not an executable, .*apt-get install chromium`))]);
    expect(readdirSync(empty)).toEqual([]);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe('the exporter when the browser is broken, or the run is interrupted', () => {
  const made: string[] = [];
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-export-stop-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** Export the built deck through the exporter's own static server (not --url), which must be closed too. */
  const fromDist = (): string[] => ['--no-build', '--dist', inject('deckDist')];

  it('with a browser that does not start (CHROME_PATH=/bin/false), says so in one line and exits 1: it does not hang', async () => {
    const dir = folder();
    const result = await run(process.execPath, [TSX_CLI, CLI, 'pdf', ...fromDist(), '--out', join(dir, 'out')], {
      cwd: ROOT,
      env: { ...process.env, CHROME_PATH: '/bin/false' },
      timeout: 90_000,
    }).then(
      () => ({ code: 0, killed: false, stderr: '' }),
      (e: { code: number | null; killed?: boolean; stderr: string }) => ({ code: e.code, killed: !!e.killed, stderr: e.stderr }),
    );
    expect(result.killed, 'the exporter was still running after 90 s').toBe(false);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^\[deck\] the browser \/bin\/false \(CHROME_PATH\) did not start: /)]);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('Ctrl+C during npm run png: one line, exit 130, the earlier images untouched and no partial ones', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'png'));
    writeFileSync(join(dir, 'png', '01-earlier.png'), 'earlier run');
    // A CHROME_PATH that is wrong is named once, and the browser on the PATH is used instead.
    const missing = join(dir, 'no-such-chrome');
    const ended = await interruptedExporter(['png', ...fromDist(), '--out', dir], /png 3\/\d+/, 'SIGINT', { ...process.env, CHROME_PATH: missing });
    expect(ended.code, ended.stderr).toBe(130);
    expect(saidBesidesProgress(ended.stderr)).toEqual([expect.stringMatching(new RegExp(`^\\[deck\\] CHROME_PATH=${missing} is not an executable; using /`)), '[deck] interrupted: nothing written']);
    expect(readdirSync(dir)).toEqual(['png']);
    expect(readdirSync(join(dir, 'png'))).toEqual(['01-earlier.png']);
  });

  it('SIGTERM during npm run pdf: says what was written, exits 143, leaves no partial file', async () => {
    const dir = folder();
    const ended = await interruptedExporter(['pdf', ...fromDist(), '--out', dir], /slides\.pdf: \d+ pages/, 'SIGTERM');
    expect(ended.code, ended.stderr).toBe(143);
    expect(ended.stderr.trim().split('\n')).toEqual([`[deck] interrupted: wrote ${join(dir, 'slides.pdf')}`]);
    expect(readdirSync(dir)).toEqual(['slides.pdf']);
    expect(pdfInfo(join(dir, 'slides.pdf')).pages).toBe(ids.length);
  });
});

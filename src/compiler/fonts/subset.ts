import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { deckError } from '../../node/errors.ts';
import { unicodeRange } from './font-face-css.ts';
import { FACE_NAMING, faceName, renameFont } from './font-names.ts';
import { DECK_FONT_WEIGHTS, fontSourceId, planSlices, type FontWeight } from './font-sources.ts';

/** One woff2 file of the deck font. */
export interface FontFile {
  /** Content-hashed file name, e.g. `deck-sans-sc-400-1a2b3c4d.woff2`, `deck-sans-sc-700-first-…`. */
  name: string;
  /** The font's own family, full and PostScript name (its name table), e.g. `DeckSansSC-400-first`: one per file. */
  fontName: string;
  weight: FontWeight;
  /** The CSS unicode-range the file is limited to; null for a weight's main file (all its glyphs). */
  unicodeRange: string | null;
  bytes: Buffer;
  /** A small face with only the first slide's glyphs, loaded first (preloaded by the page). */
  firstSlide?: boolean;
}

/** The deck font subset to a character set, and the characters it cannot supply. */
export interface FontSubset {
  files: FontFile[];
  missing: string[];
}

type CachedSubset = { files: Omit<FontFile, 'bytes'>[]; missing: string[] };

const require = createRequire(import.meta.url);
const version = (pkg: string): string => `${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`;
const SUBSETTER = [version('subset-font'), version('wawoff2')];
// Name id 14 is the licence URL: the OFL asks that it travel with the font (0–6 are kept anyway;
// renameFont then rewrites 1, 3, 4 and 6).
// TrueType out, so the names can be rewritten before the file is compressed to woff2.
const OPTIONS: Parameters<typeof subsetFont>[2] = { targetFormat: 'truetype', preserveNameIds: [14] };
// The woff2 encoder subset-font itself uses (Google's, in wasm).
const woff2 = require('wawoff2') as { compress(sfnt: Uint8Array): Promise<Uint8Array> };
/** Subsets kept in the cache besides the one just used; older ones are removed. */
const KEEP = 8;

/** Which faces a subset is made for. */
export interface SubsetRole {
  /** The first slide's small faces (named `…-first`, in the file name and in the font). */
  firstSlide?: boolean;
}

/**
 * Subsets Noto Sans SC to exactly the characters each weight draws. Each file gets names of
 * its own (see faceName). Results are cached in `cacheDir` by character sets, role, naming,
 * font and subsetter version, so an unchanged deck rebuilds without touching a font.
 */
export async function subsetDeckFont(chars: Record<FontWeight, Iterable<string>>, cacheDir: string, { firstSlide = false }: SubsetRole = {}): Promise<FontSubset> {
  const sorted = DECK_FONT_WEIGHTS.map((w) => [...new Set(chars[w])].sort());
  const key = sha256(JSON.stringify([fontSourceId(), SUBSETTER, OPTIONS, FACE_NAMING, firstSlide, DECK_FONT_WEIGHTS, sorted.map((s) => s.join(''))])).slice(0, 32);
  const cached = readCached(cacheDir, key);
  if (cached) return cached;

  const files: FontFile[] = [];
  const missing = new Set<string>();
  for (const [w, weight] of DECK_FONT_WEIGHTS.entries()) {
    const plan = planSlices(sorted[w]!, weight);
    plan.missing.forEach((c) => missing.add(c));
    for (const [i, { slice, chars: inSlice }] of plan.slices.entries()) {
      if (inSlice.length === 0) continue;
      const main = i === 0;
      const fontName = faceName({ weight, slice: main ? null : slice.name, firstSlide });
      let bytes: Buffer;
      try {
        bytes = Buffer.from(await woff2.compress(renameFont(await subsetFont(readFileSync(slice.path), inSlice.join(''), OPTIONS), fontName)));
      } catch (e) {
        throw deckError(`subsetting ${slice.path} failed`, e);
      }
      const name = `deck-sans-sc-${weight}${main ? '' : `-${slice.name}`}${firstSlide ? '-first' : ''}-${sha256(bytes).slice(0, 8)}.woff2`;
      files.push({ name, fontName, weight, unicodeRange: main ? null : unicodeRange(inSlice), bytes, ...(firstSlide ? { firstSlide } : {}) });
    }
  }
  const subset: FontSubset = { files, missing: [...missing] };
  writeCached(cacheDir, key, subset);
  return subset;
}

function readCached(cacheDir: string, key: string): FontSubset | null {
  const index = join(cacheDir, `${key}.json`);
  if (!existsSync(index)) return null;
  try {
    const entry = JSON.parse(readFileSync(index, 'utf8')) as CachedSubset;
    const files = entry.files.map((f) => ({ ...f, bytes: readFileSync(join(cacheDir, f.name)) }));
    // Touch the entry, so pruning removes the subsets not used for longest.
    writeFileSync(index, JSON.stringify(entry));
    return { files, missing: entry.missing };
  } catch {
    return null; // a broken or half-pruned entry: subset again
  }
}

function writeCached(cacheDir: string, key: string, subset: FontSubset): void {
  mkdirSync(cacheDir, { recursive: true });
  for (const f of subset.files) writeFileSync(join(cacheDir, f.name), f.bytes);
  const entry: CachedSubset = { files: subset.files.map(({ bytes: _bytes, ...meta }) => meta), missing: subset.missing };
  writeFileSync(join(cacheDir, `${key}.json`), JSON.stringify(entry));
  prune(cacheDir);
}

/** Keeps the newest subsets; every edit that adds a character makes a new one. */
function prune(cacheDir: string): void {
  const entries = readdirSync(cacheDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ f, t: statSync(join(cacheDir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of entries.slice(KEEP + 1)) rmSync(join(cacheDir, f), { force: true });
  const used = new Set<string>();
  for (const { f } of entries.slice(0, KEEP + 1)) {
    try {
      for (const x of (JSON.parse(readFileSync(join(cacheDir, f), 'utf8')) as CachedSubset).files) used.add(x.name);
    } catch {
      return; // another build is writing this entry: prune next time
    }
  }
  for (const f of readdirSync(cacheDir).filter((n) => n.endsWith('.woff2') && !used.has(n))) rmSync(join(cacheDir, f), { force: true });
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

import type { FontWeight } from './font-sources.ts';

/** What one file of the deck font is for; each distinct role gets names of its own. */
export interface FaceRole {
  weight: FontWeight;
  /** The fontsource slice it was cut from (`105`, `latin`, …); null for the weight's main file. */
  slice: string | null;
  /** The small first-slide face (same glyphs as the main file, fewer of them). */
  firstSlide: boolean;
}

/**
 * Bumped whenever the names written into the files change: it is part of the subset cache key,
 * so a cached subset never keeps the names of an older scheme.
 */
export const FACE_NAMING = 'DeckSansSC/1';

/**
 * The family, full and PostScript name of a file of the deck font, e.g. `DeckSansSC-400`,
 * `DeckSansSC-700-first`, `DeckSansSC-400-105`. Tools that merge a PDF's fonts by name (DeckTape
 * merges the fonts of its per-slide PDFs) must never see two different subsets under one name;
 * the source files all say "Noto Sans SC Thin", whatever their weight. The CSS family
 * ("Deck Sans SC") does not depend on these names.
 */
export function faceName({ weight, slice, firstSlide }: FaceRole): string {
  const parts = ['DeckSansSC', String(weight)];
  if (slice !== null) parts.push(slice.replace(/[^A-Za-z0-9]+/g, ''));
  if (firstSlide) parts.push('first');
  return parts.join('-');
}

// name IDs (OpenType `name` table)
const FAMILY = 1;
const UNIQUE_ID = 3;
const FULL_NAME = 4;
const POSTSCRIPT = 6;
/** Typographic / WWS / compatible-full names: they would still carry the source's family. */
const DROPPED = new Set([16, 17, 18, 21, 22]);

/**
 * The TrueType/OpenType font `sfnt` with `name` as its family, unique, full and PostScript name
 * (name IDs 1, 3, 4, 6) in every platform's records. Everything else is kept as it is: the
 * copyright (0), the subfamily (2, Regular/Bold), the version (5), the licence URL (14) and the
 * names other tables point at (256 and up). Checksums are recomputed.
 */
export function renameFont(sfnt: Uint8Array, name: string): Buffer {
  if (!/^[\x21-\x7e]{1,63}$/.test(name) || /[[\](){}<>/%]/.test(name)) throw new Error(`not a valid PostScript name: ${name}`);
  const tables = readTables(sfnt);
  const nameTable = tables.get('name');
  if (!nameTable) throw new Error('the font has no name table');
  tables.set('name', rewriteNames(nameTable, new Map([[FAMILY, name], [UNIQUE_ID, name], [FULL_NAME, name], [POSTSCRIPT, name]])));
  return writeFont(view(sfnt).getUint32(0), tables);
}

/** One record of a `name` table, its string as stored. */
export interface NameRecord {
  platformID: number;
  encodingID: number;
  languageID: number;
  nameID: number;
  bytes: Uint8Array;
}

/** The records of an sfnt's `name` table (for tests and checks). */
export function nameRecords(sfnt: Uint8Array): NameRecord[] {
  const table = readTables(sfnt).get('name');
  return table ? parseNames(table).records : [];
}

/** A record's string (UTF-16BE for Unicode and Windows, Mac Roman read as Latin-1 for ASCII names). */
export function decodeName(r: NameRecord): string {
  if (r.platformID === 1) return Buffer.from(r.bytes).toString('latin1');
  const out: number[] = [];
  for (let i = 0; i + 1 < r.bytes.length; i += 2) out.push((r.bytes[i]! << 8) | r.bytes[i + 1]!);
  return String.fromCharCode(...out);
}

function encodeName(platformID: number, encodingID: number, text: string): Uint8Array {
  if (platformID === 1 && encodingID === 0) return Buffer.from(text, 'latin1'); // ASCII-only names: Mac Roman = ASCII
  if (platformID === 0 || platformID === 3) {
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) >> 8;
      bytes[i * 2 + 1] = text.charCodeAt(i) & 0xff;
    }
    return bytes;
  }
  throw new Error(`cannot write a name for platform ${platformID}, encoding ${encodingID}`);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The tables of an sfnt by tag, in the order of its table directory. */
function readTables(sfnt: Uint8Array): Map<string, Uint8Array> {
  const dv = view(sfnt);
  const version = dv.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565 && version !== 0x4f54544f) throw new Error('not a TrueType/OpenType font (woff2 must be decompressed first)');
  const tables = new Map<string, Uint8Array>();
  for (let i = 0, n = dv.getUint16(4); i < n; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...sfnt.subarray(at, at + 4));
    const offset = dv.getUint32(at + 8);
    const length = dv.getUint32(at + 12);
    if (offset + length > sfnt.byteLength) throw new Error(`table ${tag} runs past the end of the font`);
    tables.set(tag, sfnt.subarray(offset, offset + length));
  }
  return tables;
}

function parseNames(table: Uint8Array): { format: number; records: NameRecord[]; langTags: Uint8Array[] } {
  const dv = view(table);
  const format = dv.getUint16(0);
  const count = dv.getUint16(2);
  const storage = dv.getUint16(4);
  const str = (length: number, offset: number): Uint8Array => table.slice(storage + offset, storage + offset + length);
  const records: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    records.push({
      platformID: dv.getUint16(at),
      encodingID: dv.getUint16(at + 2),
      languageID: dv.getUint16(at + 4),
      nameID: dv.getUint16(at + 6),
      bytes: str(dv.getUint16(at + 8), dv.getUint16(at + 10)),
    });
  }
  const langTags: Uint8Array[] = [];
  if (format === 1) {
    const at = 6 + count * 12;
    for (let i = 0, n = dv.getUint16(at); i < n; i++) langTags.push(str(dv.getUint16(at + 2 + i * 4), dv.getUint16(at + 4 + i * 4)));
  }
  return { format, records, langTags };
}

/** The `name` table with `names` (by name ID) in place of each record's string, and the DROPPED IDs left out. */
function rewriteNames(table: Uint8Array, names: ReadonlyMap<number, string>): Uint8Array {
  const { format, records, langTags } = parseNames(table);
  const kept = records
    .filter((r) => !DROPPED.has(r.nameID))
    .map((r) => {
      const text = names.get(r.nameID);
      return text === undefined ? r : { ...r, bytes: encodeName(r.platformID, r.encodingID, text) };
    });
  // Every written ID in the Windows English records at least (the ones every tool reads).
  for (const [nameID, text] of names) {
    if (!kept.some((r) => r.nameID === nameID && r.platformID === 3)) {
      kept.push({ platformID: 3, encodingID: 1, languageID: 0x409, nameID, bytes: encodeName(3, 1, text) });
    }
  }
  kept.sort((a, b) => a.platformID - b.platformID || a.encodingID - b.encodingID || a.languageID - b.languageID || a.nameID - b.nameID);

  const head = 6 + kept.length * 12 + (format === 1 ? 2 + langTags.length * 4 : 0);
  const strings = [...kept.map((r) => r.bytes), ...langTags];
  const out = new Uint8Array(head + strings.reduce((n, s) => n + s.length, 0));
  const dv = view(out);
  dv.setUint16(0, format);
  dv.setUint16(2, kept.length);
  dv.setUint16(4, head);
  let offset = 0;
  const place = (s: Uint8Array): number => {
    out.set(s, head + offset);
    offset += s.length;
    return offset - s.length;
  };
  kept.forEach((r, i) => {
    const at = 6 + i * 12;
    dv.setUint16(at, r.platformID);
    dv.setUint16(at + 2, r.encodingID);
    dv.setUint16(at + 4, r.languageID);
    dv.setUint16(at + 6, r.nameID);
    dv.setUint16(at + 8, r.bytes.length);
    dv.setUint16(at + 10, place(r.bytes));
  });
  if (format === 1) {
    const at = 6 + kept.length * 12;
    dv.setUint16(at, langTags.length);
    langTags.forEach((s, i) => {
      dv.setUint16(at + 2 + i * 4, s.length);
      dv.setUint16(at + 4 + i * 4, place(s));
    });
  }
  return out;
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const dv = view(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + dv.getUint32(i)) >>> 0;
  return sum;
}

/** An sfnt of these tables, each 4-byte aligned, with table checksums and head.checkSumAdjustment set. */
function writeFont(version: number, tables: ReadonlyMap<string, Uint8Array>): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const log2 = Math.floor(Math.log2(n));
  let size = 12 + n * 16;
  const offsets = tags.map((tag) => {
    const at = size;
    size += (tables.get(tag)!.length + 3) & ~3;
    return at;
  });
  const out = Buffer.alloc(size);
  const dv = view(out);
  dv.setUint32(0, version);
  dv.setUint16(4, n);
  dv.setUint16(6, 2 ** log2 * 16);
  dv.setUint16(8, log2);
  dv.setUint16(10, n * 16 - 2 ** log2 * 16);
  tags.forEach((tag, i) => {
    const data = Uint8Array.from(tables.get(tag)!);
    if (tag === 'head') view(data).setUint32(8, 0); // checkSumAdjustment is left out of the sums
    out.set(data, offsets[i]);
    const at = 12 + i * 16;
    out.write(tag, at, 'latin1');
    dv.setUint32(at + 4, checksum(data));
    dv.setUint32(at + 8, offsets[i]!);
    dv.setUint32(at + 12, data.length);
  });
  const head = tags.indexOf('head');
  if (head >= 0) dv.setUint32(offsets[head]! + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

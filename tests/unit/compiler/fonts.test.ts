import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { needsGlyph, noCharacters, type ShownCharacters } from '../../../src/compiler/fonts/collect-characters.ts';
import { boldClasses, cssContentText } from '../../../src/compiler/fonts/deck-css.ts';
import { fontFaceCss, unicodeRange } from '../../../src/compiler/fonts/font-face-css.ts';
import { addShownText } from '../../../src/compiler/fonts/shown-text.ts';
import { decodeName, faceName, nameRecords, renameFont } from '../../../src/compiler/fonts/font-names.ts';
import { subsetDeckFont, type FontFile } from '../../../src/compiler/fonts/subset.ts';
import { createMarkdown } from '../../../src/compiler/markdown/index.ts';
import { DECK_FONT_FAMILY, DECK_FONT_STACK } from '../../../src/shared/mermaid-config.ts';
import { uiText } from '../../../src/shared/ui-strings.ts';

const woff2 = createRequire(import.meta.url)('wawoff2') as { decompress(woff2: Uint8Array): Promise<Uint8Array> };

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'deck-fonts-'));
  made.push(dir);
  return dir;
}

/** The code points a woff2 file maps to glyphs (its cmap), read back by an independent parser. */
function cmapOf(file: FontFile): number[] {
  const font = fontkit.create(file.bytes);
  if (!('characterSet' in font)) throw new Error('not a single font');
  // fontkit lists format 4's closing U+FFFF segment too; it maps to no glyph.
  return font.characterSet.filter((cp) => font.glyphForCodePoint(cp).id !== 0).sort((a, b) => a - b);
}

const codePoints = (text: string): number[] => [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);

describe('the deck font subset', () => {
  const sample = '新质生产力赋能共同富裕，“蛋糕”（2023）：A-z 7%';
  const bold = '新质生产力';

  it('holds exactly the characters of each weight, in one file per weight', async () => {
    const { files, missing } = await subsetDeckFont({ 400: sample, 700: bold }, tempDir());
    expect(missing).toEqual([]);
    expect(files.map((f) => [f.weight, f.unicodeRange])).toEqual([[400, null], [700, null]]);
    expect(cmapOf(files[0]!)).toEqual(codePoints(sample));
    expect(cmapOf(files[1]!)).toEqual(codePoints(bold));
    for (const f of files) expect(f.name).toMatch(new RegExp(`^deck-sans-sc-${f.weight}-[0-9a-f]{8}\\.woff2$`));
    expect(files.map((f) => f.fontName)).toEqual(['DeckSansSC-400', 'DeckSansSC-700']);
  });

  it('takes a character the simplified-Chinese file lacks from the slice that has it, limited by unicode-range', async () => {
    const { files } = await subsetDeckFont({ 400: '左→右', 700: '' }, tempDir());
    expect(files.map((f) => f.unicodeRange)).toEqual([null, 'U+2192']);
    expect(cmapOf(files[0]!)).toEqual(codePoints('左右'));
    expect(cmapOf(files[1]!)).toEqual(codePoints('→'));
  });

  it('reports the characters no file of the font has', async () => {
    const { files, missing } = await subsetDeckFont({ 400: '吉𠮷', 700: '吉' }, tempDir());
    expect(missing).toEqual(['𠮷']);
    expect(cmapOf(files[0]!)).toEqual(codePoints('吉'));
  });

  it('is cached by character set: a second build reads the same files back', async () => {
    const cache = tempDir();
    const first = await subsetDeckFont({ 400: sample, 700: bold }, cache);
    const entries = readdirSync(cache);
    expect(entries.filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const second = await subsetDeckFont({ 400: [...sample].reverse().join(''), 700: bold }, cache);
    expect(readdirSync(cache)).toEqual(entries);
    expect(second).toEqual(first);
  });
});

/** The characters (beyond ASCII) that Markdown shows, read from its tokens as the compiler reads a slide. */
function shown(markdown: string, boldClassNames: string[] = []): ShownCharacters {
  const md = createMarkdown();
  const into = noCharacters();
  addShownText(md.parse(markdown, {}), into, { boldClasses: new Set(boldClassNames), hidden: true, md });
  const wide = (set: Set<string>): Set<string> => new Set([...set].filter(needsGlyph));
  return { all: wide(into.all), bold: wide(into.bold) };
}


/** A file's names as an independent parser (fontkit) reads them. */
function namesOf(file: FontFile): Record<string, string | undefined> {
  const font = fontkit.create(file.bytes);
  if (!('characterSet' in font)) throw new Error('not a single font');
  const records = (font as unknown as { name: { records: Record<string, Record<string, string> | undefined> } }).name.records;
  return {
    family: font.familyName,
    subfamily: font.subfamilyName,
    full: font.fullName,
    postscript: font.postscriptName,
    unique: records.uniqueSubfamily?.en,
    copyright: records.copyright?.en,
    licence: records.licenseURL?.en,
  };
}

describe('the names inside each font file (DeckTape merges a PDF’s fonts by name)', () => {
  const sample = '新质生产力赋能共同富裕：“不看讲义”，收入 7% →';

  it('gives every file its own family, full and PostScript name, from its weight and slice', async () => {
    const { files } = await subsetDeckFont({ 400: sample, 700: '新质生产力→' }, tempDir());
    expect(files.map((f) => [f.weight, f.unicodeRange === null ? 'main' : 'slice'])).toEqual([[400, 'main'], [400, 'slice'], [700, 'main'], [700, 'slice']]);
    const names = files.map(namesOf);
    expect(names.map((n) => n.postscript)).toEqual(['DeckSansSC-400', 'DeckSansSC-400-109', 'DeckSansSC-700', 'DeckSansSC-700-109']);
    expect(files.map((f) => f.fontName)).toEqual(names.map((n) => n.postscript));
    for (const n of names) {
      expect(n.family).toBe(n.postscript);
      expect(n.full).toBe(n.postscript);
      expect(n.unique).toBe(n.postscript);
    }
    expect(new Set(names.map((n) => n.family)).size).toBe(files.length);
  });

  it('drops the source’s “Noto Sans SC Thin” everywhere, keeps the weight’s subfamily, the copyright and the OFL licence URL', async () => {
    const { files } = await subsetDeckFont({ 400: sample, 700: sample }, tempDir());
    for (const f of files) {
      const n = namesOf(f);
      expect(n.subfamily).toBe(f.weight === 700 ? 'Bold' : 'Regular');
      expect(n.copyright).toMatch(/Adobe/);
      expect(n.licence).toBe('http://scripts.sil.org/OFL');
      const all = nameRecords(Buffer.from(await woff2.decompress(f.bytes))).map(decodeName).join('\n');
      expect(all).not.toMatch(/Thin|Noto/);
    }
  });

  it('names the first slide’s faces apart from the main faces, even for the same characters', async () => {
    const cache = tempDir();
    const chars = { 400: sample, 700: '新质' };
    const main = await subsetDeckFont(chars, cache);
    const first = await subsetDeckFont(chars, cache, { firstSlide: true });
    // A cache entry of its own: the role is in the key, so the main faces' names are never reused.
    expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(2);
    const firstMain = first.files.filter((f) => f.unicodeRange === null);
    expect(firstMain.map((f) => namesOf(f).postscript)).toEqual(['DeckSansSC-400-first', 'DeckSansSC-700-first']);
    expect(firstMain.map((f) => f.name)).toEqual([expect.stringMatching(/^deck-sans-sc-400-first-[0-9a-f]{8}\.woff2$/), expect.stringMatching(/^deck-sans-sc-700-first-[0-9a-f]{8}\.woff2$/)]);
    expect(first.files.every((f) => f.firstSlide)).toBe(true);
    expect(main.files.some((f) => f.firstSlide)).toBe(false);
    const all = [...main.files, ...first.files].map((f) => f.fontName);
    expect(new Set(all).size).toBe(all.length);
    // Same glyphs, other names.
    expect(cmapOf(firstMain[0]!)).toEqual(cmapOf(main.files[0]!));
  });

  it('derives names that are valid PostScript names, one per role', () => {
    const roles = [400, 700].flatMap((weight) => [null, '105', 'latin-ext'].flatMap((slice) => [false, true].map((firstSlide) => ({ weight: weight as 400 | 700, slice, firstSlide }))));
    const names = roles.map(faceName);
    expect(new Set(names).size).toBe(roles.length);
    for (const n of names) expect(n).toMatch(/^DeckSansSC-(400|700)(-[A-Za-z0-9]+)*$/);
    expect(faceName({ weight: 400, slice: 'latin-ext', firstSlide: true })).toBe('DeckSansSC-400-latinext-first');
  });

  it('rewrites the name table of a TrueType font and nothing else: tables and checksums stay valid', async () => {
    const source = readFileSync(join(import.meta.dirname, '../../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2'));
    const sfnt = Buffer.from(await woff2.decompress(source));
    const renamed = renameFont(sfnt, 'DeckSansSC-400-latin');
    const before = fontkit.create(sfnt) as fontkit.Font;
    const after = fontkit.create(renamed) as fontkit.Font;
    expect(after.postscriptName).toBe('DeckSansSC-400-latin');
    expect(after.characterSet).toEqual(before.characterSet);
    expect(after.glyphForCodePoint(0x41).path.toSVG()).toBe(before.glyphForCodePoint(0x41).path.toSVG());
    // Every table's checksum, and the whole font's (head.checkSumAdjustment), as the spec computes them.
    const dv = new DataView(renamed.buffer, renamed.byteOffset, renamed.byteLength);
    const sum = (from: number, length: number): number => {
      let s = 0;
      for (let i = 0; i < length; i += 4) s = (s + (from + i + 4 <= renamed.length ? dv.getUint32(from + i) : Buffer.concat([renamed.subarray(from + i), Buffer.alloc(4)]).readUInt32BE(0))) >>> 0;
      return s;
    };
    let headAt = -1;
    for (let i = 0; i < dv.getUint16(4); i++) {
      const at = 12 + i * 16;
      const tag = renamed.toString('latin1', at, at + 4);
      const [check, offset, length] = [dv.getUint32(at + 4), dv.getUint32(at + 8), dv.getUint32(at + 12)];
      if (tag === 'head') headAt = offset;
      const adjust = tag === 'head' ? dv.getUint32(offset + 8) : 0;
      expect([tag, (sum(offset, length) - adjust) >>> 0]).toEqual([tag, check]);
    }
    expect(sum(0, renamed.length)).toBe(0xb1b0afba);
    expect(headAt).toBeGreaterThan(0);
    expect(() => renameFont(sfnt, 'Deck Sans SC')).toThrow(/PostScript name/);
  });
});

describe('the characters the deck shows', () => {
  it('leaves out what KaTeX draws with its own fonts, but keeps Chinese in \\text{}', () => {
    const { all } = shown('人均 $x_{\\text{收入}} \\times α + ℵ_0$');
    expect([...all].sort()).toEqual([...'人均收入'].sort());
  });

  it('counts attribute values (titles, labels) and entities, not markup or comments', () => {
    const { all } = shown('<!--注释--><sup title="参考文献" data-x=\'引\'>&#x8BBA;&nbsp;文</sup>');
    expect([...all].sort()).toEqual([...new Set('参考文献引论\u00a0文')].sort());
  });

  it('sets apart the bold ones: headings, strong, and elements of a class the CSS sets bold', () => {
    const { all, bold } = shown('## 标题\n\n正文**重点**<span class="label x">标签</span><span class="note">附注</span>', ['label']);
    expect([...all].sort()).toEqual([...new Set('标题正文重点标签附注')].sort());
    expect([...bold].sort()).toEqual([...new Set('标题重点标签')].sort());
  });

  it('finds the bold classes in CSS by the subject of each bold rule', () => {
    const root = tempDir();
    mkdirSync(join(root, 'ui'));
    writeFileSync(join(root, 'ui/a.css'), [
      '.menu .title { font-weight: 700; }',
      '.glossary dt { font-weight: bold; }',
      '.quiz p, .other { font: 600 1em sans-serif; }',
      '.list li::marker { font-weight: 700; }',
      '@media print { .print-only { font-weight: 800 } }',
      '/* .commented { font-weight: 700 } */ .thin { font-weight: 400; }',
    ].join('\n'));
    expect([...boldClasses(root, 'ui')].sort()).toEqual(['other', 'print-only', 'quiz', 'title']);
  });

  it('takes the interface\u2019s words from its strings table, the words around a function\u2019s arguments too', () => {
    const text = uiText({ a: '目录', nested: { b: '帮助' }, place: (n: number, m: number) => `第 ${n}/${m} 页` });
    expect(text).toEqual(['目录', '帮助', '第 0/0 页']);
    expect(uiText().join('')).toContain('快捷键');
  });

  it('reads the text the stylesheets draw (`content`), not their comments', () => {
    const root = tempDir();
    mkdirSync(join(root, 'ui'));
    writeFileSync(join(root, 'ui/menu.css'), '/* 样式 ※ */\n.x::before { content: "※"; }\n.y::after { content: \'▶ \' attr(title); }\n');
    expect(cssContentText(root, 'ui')).toEqual(['※', '▶ ']);
  });
});

describe('the @font-face rules', () => {
  const file = (weight: 400 | 700, unicodeRange: string | null): FontFile => ({ name: `f-${weight}-${unicodeRange ?? 'main'}.woff2`, fontName: `F-${weight}`, weight, unicodeRange, bytes: Buffer.from('') });

  it('merges runs of code points into a unicode-range', () => {
    expect(unicodeRange(['↓', '←', '→', '↑', '◉', '𠮷'])).toBe('U+2190-2193,U+25C9,U+20BB7');
  });

  it('puts the slices after the main file of each weight (the last face is tried first)', () => {
    const css = fontFaceCss([file(400, 'U+2192'), file(400, null), file(700, null)], (f) => `/fonts/${f.name}`);
    expect(css.split('\n').map((rule) => /src:url\("([^"]+)"\)/.exec(rule)?.[1])).toEqual(['/fonts/f-400-main.woff2', '/fonts/f-700-main.woff2', '/fonts/f-400-U+2192.woff2']);
    expect(css).toContain(`font-family:"${DECK_FONT_FAMILY}";`);
    expect(css).toContain('unicode-range:U+2192;');
  });

  it('names the same family first in the theme and in the diagrams’ font stack', () => {
    const theme = readFileSync(join(import.meta.dirname, '../../../src/deck/styles/theme.css'), 'utf8');
    const themeStack = /--deck-font:\s*([^;]+);/.exec(theme)?.[1];
    expect(themeStack).toBe(DECK_FONT_STACK);
    expect(DECK_FONT_STACK.startsWith(`"${DECK_FONT_FAMILY}", `)).toBe(true);
  });
});

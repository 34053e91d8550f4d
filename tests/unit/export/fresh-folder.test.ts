import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshFolder, removeStaleTemporaries } from '../../../src/export/fresh-folder.ts';
import { removePartialOutput } from '../../../src/node/interrupt.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-fresh-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** out/png as an earlier run of 214 files left it: some names of slides that are gone. */
function oldPng(): string {
  const png = join(dir, 'png');
  mkdirSync(png);
  for (const name of ['01-title.png', '099-removed.png', '001-title.png']) writeFileSync(join(png, name), 'old');
  return png;
}

describe('freshFolder', () => {
  it('replaces the target whole on commit: nothing of the earlier run survives', () => {
    const png = oldPng();
    const fresh = freshFolder(png);
    expect(readdirSync(fresh.dir)).toEqual([]);
    writeFileSync(join(fresh.dir, '001-title.png'), 'new');
    fresh.commit();
    expect(readdirSync(png)).toEqual(['001-title.png']);
    expect(readFileSync(join(png, '001-title.png'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['png']);
  });

  it('makes the target when there was none', () => {
    const fresh = freshFolder(join(dir, 'out', 'png'));
    writeFileSync(join(fresh.dir, '01-a.png'), 'new');
    fresh.commit();
    expect(readdirSync(join(dir, 'out', 'png'))).toEqual(['01-a.png']);
  });

  it('leaves the target as it was on discard', () => {
    const png = oldPng();
    const fresh = freshFolder(png);
    writeFileSync(join(fresh.dir, '001-title.png'), 'half');
    fresh.discard();
    expect(readdirSync(png).sort()).toEqual(['001-title.png', '01-title.png', '099-removed.png']);
    expect(readdirSync(dir)).toEqual(['png']);
  });

  it('is partial output until committed: an interrupt removes it and leaves the target', () => {
    const png = oldPng();
    const fresh = freshFolder(png);
    writeFileSync(join(fresh.dir, '001-title.png'), 'half');
    removePartialOutput();
    expect(existsSync(fresh.dir)).toBe(false);
    expect(readdirSync(dir)).toEqual(['png']);
  });

  it('once committed is no longer partial output', () => {
    const fresh = freshFolder(join(dir, 'png'));
    writeFileSync(join(fresh.dir, '001-title.png'), 'new');
    fresh.commit();
    removePartialOutput();
    expect(readdirSync(join(dir, 'png'))).toEqual(['001-title.png']);
  });
});

describe('removeStaleTemporaries', () => {
  it('removes what a killed run left, keeps what a running one writes and everything else', () => {
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    for (const name of [`.png.tmp-${dead}`, `.png.old-${dead}`, `.png.tmp-${process.pid}`]) mkdirSync(join(dir, name));
    for (const name of [`.slides.pdf.tmp-${dead}`, 'slides.pdf', '.keep', 'notes.tmp-1']) writeFileSync(join(dir, name), 'x');
    removeStaleTemporaries(dir);
    expect(readdirSync(dir).sort()).toEqual([`.keep`, `.png.tmp-${process.pid}`, 'notes.tmp-1', 'slides.pdf'].sort());
    removeStaleTemporaries(join(dir, 'missing'));
  });

  it('can be kept to one name (beside dist/, in a folder that is not ours)', () => {
    const dead = 2 ** 22 + 12345;
    for (const name of [`.dist.tmp-${dead}`, `.other.tmp-${dead}`]) mkdirSync(join(dir, name));
    removeStaleTemporaries(dir, 'dist');
    expect(readdirSync(dir)).toEqual([`.other.tmp-${dead}`]);
  });
});

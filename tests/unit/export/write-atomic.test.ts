import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomic } from '../../../src/export/write-atomic.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-write-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeAtomic', () => {
  it('creates the folder if missing and leaves only the final file behind', async () => {
    const file = join(dir, 'out', 'slides.pdf');
    await writeAtomic(file, new TextEncoder().encode('%PDF-1.7'));
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7');
    expect(readdirSync(join(dir, 'out'))).toEqual(['slides.pdf']);
  });

  it('replaces an existing file whole', async () => {
    const file = join(dir, 'notes.pdf');
    writeFileSync(file, 'old');
    await writeAtomic(file, new TextEncoder().encode('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('says which file could not be written and why, and leaves no partial file', async () => {
    // A folder where the PDF should go: the rename over it fails.
    const file = join(dir, 'handout.pdf');
    mkdirSync(file);
    await expect(writeAtomic(file, new Uint8Array([1, 2, 3]))).rejects.toThrow(
      new RegExp(`^\\[deck\\] cannot write ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*\\(E[A-Z]+\\)$`),
    );
    expect(readdirSync(dir)).toEqual(['handout.pdf']);
  });

  it('makes nested folders', async () => {
    const file = join(dir, 'a', 'b', 'c', 'slides.pdf');
    await writeAtomic(file, new Uint8Array([1]));
    expect(readdirSync(join(dir, 'a', 'b', 'c'))).toEqual(['slides.pdf']);
  });

  it('fails, rather than hangs, where no folder can be made', async () => {
    await expect(writeAtomic('/proc/deck-no-such-dir/out/slides.pdf', new Uint8Array([1]))).rejects.toThrow(
      /^\[deck\] cannot write \/proc\/deck-no-such-dir\/out\/slides\.pdf: .*\(E[A-Z]+\)$/,
    );
  });

  it('names the file when its folder cannot be made', async () => {
    writeFileSync(join(dir, 'out'), 'a file, not a folder');
    await expect(writeAtomic(join(dir, 'out', 'slides.pdf'), new Uint8Array([1]))).rejects.toThrow(/cannot write .*out\/slides\.pdf: .*\((EEXIST|ENOTDIR)\)/);
  });
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_PAGES, ensureBuilt, isDistFresh } from '../../../src/export/dist.ts';

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project with one source file and a dist/ whose pages are `distAge` seconds old, the source `sourceAge`. */
function project(sourceAge: number, distAge: number | null): { root: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'deck-dist-'));
  made.push(root);
  const now = Date.now() / 1000;
  mkdirSync(join(root, 'slides'));
  writeFileSync(join(root, 'slides', '01-intro.md'), '# 引言');
  utimesSync(join(root, 'slides', '01-intro.md'), now - sourceAge, now - sourceAge);
  const dist = join(root, 'dist');
  if (distAge !== null) {
    mkdirSync(dist);
    for (const page of BUILT_PAGES) {
      writeFileSync(join(dist, page), '<!doctype html>');
      utimesSync(join(dist, page), now - distAge, now - distAge);
    }
  }
  return { root, dist };
}

describe('whether dist/ must be rebuilt before export', () => {
  it('keeps a dist/ that is newer than every source', () => {
    const { root, dist } = project(100, 10);
    expect(isDistFresh(root, dist)).toBe(true);
  });

  it('rebuilds when a source changed after the build', () => {
    const { root, dist } = project(10, 100);
    expect(isDistFresh(root, dist)).toBe(false);
  });

  it('rebuilds when a page is missing (e.g. a dist/ from before the handout existed)', () => {
    const { root, dist } = project(100, 10);
    rmSync(join(dist, 'notes.html'));
    expect(isDistFresh(root, dist)).toBe(false);
    const missing = project(100, null);
    expect(isDistFresh(missing.root, missing.dist)).toBe(false);
  });

  it('with --no-build, names the pages dist/ lacks instead of building', async () => {
    const { root, dist } = project(100, null);
    await expect(ensureBuilt(root, dist, 'never')).rejects.toThrow(`${dist} has no index.html, handout.html, notes.html: run without --no-build`);
  });

  it('a build that fails part-way leaves the old dist/ as it was, and no half-built folder beside it', async () => {
    const { root, dist } = project(10, 100);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>new</title>');
    // Vite empties the folder and writes the new pages, then a plugin fails: the old exporter was left with half a dist/.
    writeFileSync(
      join(root, 'vite.config.ts'),
      "export default { plugins: [{ name: 'late', writeBundle() { throw new Error('late failure') } }], build: { rollupOptions: { input: 'index.html' } } };\n",
    );
    await expect(ensureBuilt(root, dist, 'always')).rejects.toThrow(/late failure/);
    expect(readdirSync(dist).sort()).toEqual([...BUILT_PAGES].sort());
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('<!doctype html>');
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('builds into dist/ when the build succeeds', async () => {
    const { root, dist } = project(10, 100);
    writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="en"><title>new</title></html>');
    writeFileSync(join(root, 'vite.config.ts'), "export default { build: { rollupOptions: { input: 'index.html' } } };\n");
    expect(await ensureBuilt(root, dist, 'always')).toBe('built');
    expect(readdirSync(dist)).toEqual(['index.html']);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('<title>new</title>');
  }, 60_000);
});

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bigDeckCopy } from '../../../scripts/bench/big-deck.ts';
import { formatContentError } from '../../../src/compiler/errors.ts';
import { compileDeck } from '../../../src/compiler/compile-deck.ts';

const ROOT = join(import.meta.dirname, '../../..');
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('npm run bench: the generated deck it measures growth on', () => {
  it('is a deck the build accepts: no content error, every generated slide outside every lecture plan', async () => {
    const { dir, slides } = bigDeckCopy(ROOT, 112, 2);
    copies.push(dir);
    const deck = await compileDeck({ root: dir, fonts: false, diagrams: 'browser', cacheDir: join(dir, 'node_modules/.cache/deck-diagrams') });
    expect(deck.errors.map(formatContentError)).toEqual([]);
    const all = deck.model.sections.flatMap((s) => s.slides);
    expect(all).toHaveLength(slides);
    expect(all.filter((s) => s.id.startsWith('bench-extra')).every((s) => s.plans.length === 0)).toBe(true);
  }, 60_000);
});

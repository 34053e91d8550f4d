import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { penMarksProblem, readPenMarks } from '../../../src/export/pen.ts';

const stroke = { color: '#d9480f', width: 4, points: [[10, 20], [30, 40]] };

describe('pen marks for the slide PDF', () => {
  it('accepts the pen controller format: slide id → strokes of [x, y] points', () => {
    expect(penMarksProblem({ overview: [stroke], abstract: [] })).toBeNull();
  });

  it('names the slide and stroke that break the format', () => {
    expect(penMarksProblem([stroke])).toBe('it is not an object of slide ids');
    expect(penMarksProblem({ overview: stroke })).toBe('slide "overview": not a list of strokes');
    expect(penMarksProblem({ overview: [stroke, { ...stroke, color: 3 }] })).toBe('slide "overview", stroke 2: no colour');
    expect(penMarksProblem({ overview: [{ ...stroke, width: 0 }] })).toBe('slide "overview", stroke 1: width must be a positive number');
    expect(penMarksProblem({ overview: [{ ...stroke, points: [[1, 2, 3]] }] })).toBe('slide "overview", stroke 1: points must be [x, y] number pairs');
  });

  it('reads a file into the JSON the page stores, and names the file when it cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-pen-'));
    const good = join(dir, 'marks.json');
    writeFileSync(good, JSON.stringify({ overview: [stroke] }, null, 2));
    await expect(readPenMarks(good)).resolves.toEqual({ json: JSON.stringify({ v: 1, data: { overview: [stroke] } }), slides: ['overview'] });

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ overview: ');
    await expect(readPenMarks(bad)).rejects.toThrow(`[deck] the pen marks ${bad} are not JSON`);
    await expect(readPenMarks(join(dir, 'missing.json'))).rejects.toThrow(`[deck] cannot read the pen marks ${join(dir, 'missing.json')}: ENOENT`);
    rmSync(dir, { recursive: true, force: true });
  });
});

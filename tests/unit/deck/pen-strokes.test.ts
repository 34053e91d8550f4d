import { describe, expect, it } from 'vitest';
import { strokeHit } from '../../../src/deck/pen/strokes.ts';

describe('the eraser\u2019s test: is a point on a stroke?', () => {
  const line = { color: '#000', width: 4, points: [[0, 0], [100, 0]] as [number, number][] };

  it('hits a point within the radius of a segment, counting half the stroke\u2019s width', () => {
    expect(strokeHit(line, 50, 15, 14)).toBe(true);
    expect(strokeHit(line, 50, 17, 14)).toBe(false);
  });

  it('measures past the ends from the end point, and a one-point stroke as a dot', () => {
    expect(strokeHit(line, 110, 0, 14)).toBe(true);
    expect(strokeHit(line, 120, 0, 14)).toBe(false);
    expect(strokeHit({ ...line, points: [[10, 10]] }, 20, 10, 14)).toBe(true);
  });
});

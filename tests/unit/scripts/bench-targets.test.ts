import { describe, expect, it } from 'vitest';
import { missedTargets } from '../../../scripts/bench/targets.ts';

describe('npm run bench: which targets a report missed (its exit code)', () => {
  it('names every figure whose ok is false, and only those', () => {
    const report = {
      deck: { slides: 108 },
      fonts: { kB: 240, ok: true },
      navigation: { longestTaskMs: { median: 199 }, ok: false },
      pdf: { secondsPerSlide: 0.3, ok: false },
      build: { seconds: null, ok: null },
    };
    expect(missedTargets(report)).toEqual(['navigation', 'pdf']);
  });

  it('finds none in a report that met every target', () => {
    expect(missedTargets({ fonts: { ok: true }, build: { ok: null }, dist: { css: { files: 3 } } })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { pngName, pngSize } from '../../../src/export/png-size.ts';

/** The first 24 bytes of a PNG: signature, then the IHDR chunk's length, name, width and height. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(24);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

describe('pngSize', () => {
  it('reads width and height from the IHDR chunk', () => {
    expect(pngSize(pngHeader(1920, 1080))).toEqual({ width: 1920, height: 1080 });
  });

  it('is null for bytes that are not a PNG', () => {
    expect(pngSize(new TextEncoder().encode('GIF89a, not a PNG at all'))).toBeNull();
    expect(pngSize(pngHeader(1, 1).subarray(0, 20))).toBeNull();
  });
});

describe('pngName', () => {
  it('numbers from 01 with the slide id, so files sort in deck order', () => {
    expect(pngName(0, 'title', 91)).toBe('01-title.png');
    expect(pngName(90, 'references-english', 91)).toBe('91-references-english.png');
  });

  it('pads to three digits once the deck has more than 99 slides', () => {
    expect(pngName(8, 'overview', 108)).toBe('009-overview.png');
  });
});

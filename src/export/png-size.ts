/** Width and height of a PNG, read from its IHDR chunk; null if the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  // Bytes 12–15 name the first chunk, which must be IHDR; width and height follow.
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The file name of slide `index` (0-based) of `total`: `<number>-<slide-id>.png`, numbered from 1
 * and zero-padded to the digits of `total`, at least two (`01-title.png` for 91 slides,
 * `001-title.png` for 108), so the files sort in deck order.
 */
export function pngName(index: number, slideId: string, total: number): string {
  const width = Math.max(2, String(total).length);
  return `${String(index + 1).padStart(width, '0')}-${slideId}.png`;
}

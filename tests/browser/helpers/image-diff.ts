import { PNG } from 'pngjs';

/** A greyscale image, one luminance value (0–255) per pixel, row by row. */
export interface Gray {
  width: number;
  height: number;
  data: Float32Array;
}

/** A rectangle in image pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A PNG as greyscale (Rec. 601 luma; transparent pixels count as white, like the page behind). */
export function grayFromPng(png: Buffer): Gray {
  const { width, height, data } = PNG.sync.read(png);
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const a = data[i * 4 + 3]! / 255;
    const luma = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
    out[i] = luma * a + 255 * (1 - a);
  }
  return { width, height, data: out };
}

/** How two renderings of one slide differ where it has glyphs. */
export interface GlyphComparison {
  /**
   * The worst window's difference relative to the edges drawn in it (0 = the same; a glyph
   * that is another character's outline scores about 1, see compareGlyphs).
   */
  worst: number;
  /** The worst window's mean absolute difference, in grey levels (0–255). */
  worstAbsolute: number;
  /** Where the worst window is. */
  at: Rect;
  /** The whole-pixel shift that best aligned `b` onto `a` over the whole area. */
  shift: { dx: number; dy: number };
}

/** What compareGlyphs looks at. */
export interface CompareOptions {
  /** The part of the image to compare (the slide); everything outside is ignored. */
  area: Rect;
  /** Parts of the area to ignore (the lecture chrome, which only one of the two may show). */
  masks?: readonly Rect[];
  /** If given, only these parts of the area are compared (where the slide has text). */
  only?: readonly Rect[];
  /** Window size in pixels: about one glyph of body text (34 px at 1280×720). */
  window?: number;
  /** The largest shift tried, each way, to align the two renderings over the whole area. */
  maxShift?: number;
  /** The further shift tried, each way, for each window on its own. */
  localShift?: number;
  /** The blur's radius in pixels (a box of 2r+1 each way). */
  blur?: number;
}

/**
 * Compares two renderings of the same slide glyph by glyph. Both are blurred a little (the two
 * rasterisers' anti-aliasing differs on every edge), `b` is aligned onto `a` (a whole-pixel
 * shift for the area, then ±localShift more for each window, as the two place text up to a
 * pixel apart), and in each window of about a glyph's size the absolute difference is divided
 * by the edges drawn there (the sum of both images' gradients). A right glyph differs only
 * along its edges, by a fraction of a pixel: a small ratio. A wrong one (another character's
 * outline) differs over its strokes: about as much as its edges and the other glyph's, a ratio
 * near 1. The ratio makes a thin 16 px label count as much as a bold title.
 */
export function compareGlyphs(a: Gray, b: Gray, options: CompareOptions): GlyphComparison {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`[deck] images differ in size: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  const { width, height } = a;
  const win = options.window ?? 32;
  const maxShift = options.maxShift ?? 3;
  const area = clip(options.area, width, height);
  const keep = new Uint8Array(width * height);
  for (const part of options.only ?? [area]) {
    const r = clip(part, width, height);
    for (let y = r.y; y < r.y + r.height; y++) keep.fill(1, y * width + r.x, y * width + r.x + r.width);
  }
  const inArea = clip(area, width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x < inArea.x || x >= inArea.x + inArea.width || y < inArea.y || y >= inArea.y + inArea.height) keep[y * width + x] = 0;
    }
  }
  for (const m of options.masks ?? []) {
    const r = clip(m, width, height);
    for (let y = r.y; y < r.y + r.height; y++) keep.fill(0, y * width + r.x, y * width + r.x + r.width);
  }
  const radius = options.blur ?? 1;
  const ba = blur(a, radius).data;
  const bb = blur(b, radius).data;

  // The whole-pixel shift of b that best matches a (the two may place the page a pixel apart).
  let shift = { dx: 0, dy: 0 };
  let best = Infinity;
  for (let dy = -maxShift; dy <= maxShift; dy++) {
    for (let dx = -maxShift; dx <= maxShift; dx++) {
      let sum = 0;
      for (let y = area.y; y < area.y + area.height; y += 2) {
        const sy = y + dy;
        if (sy < 0 || sy >= height) continue;
        for (let x = area.x; x < area.x + area.width; x += 2) {
          const sx = x + dx;
          if (sx < 0 || sx >= width || !keep[y * width + x]) continue;
          sum += Math.abs(ba[y * width + x]! - bb[sy * width + sx]!);
        }
      }
      if (sum < best) [best, shift] = [sum, { dx, dy }];
    }
  }

  // The windows, a quarter window apart, that are mostly inside the compared area.
  const step = Math.max(1, Math.floor(win / 4));
  const windows: { x: number; y: number }[] = [];
  const counted = sat(keep, width, height);
  for (let y0 = area.y; y0 + win <= area.y + area.height; y0 += step) {
    for (let x0 = area.x; x0 + win <= area.x + area.width; x0 += step) {
      if (boxSum(counted, width, x0, y0, win) >= (win * win) / 2) windows.push({ x: x0, y: y0 });
    }
  }

  // The edges drawn in each window, in both images (b at the area's shift).
  const sb = shifted(bb, width, height, shift.dx, shift.dy);
  const edge = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (!keep[i]) continue;
      const right = x + 1 < width ? i + 1 : i;
      const down = y + 1 < height ? i + width : i;
      edge[i] = Math.abs(ba[right]! - ba[i]!) + Math.abs(ba[down]! - ba[i]!) + Math.abs(sb[right]! - sb[i]!) + Math.abs(sb[down]! - sb[i]!);
    }
  }
  const edges = sat(edge, width, height);

  // The smallest difference of each window over the local shifts (text may sit a pixel apart in one line and not in another).
  const localShift = options.localShift ?? 1;
  const least = new Float64Array(windows.length).fill(Infinity);
  const diff = new Float32Array(width * height);
  for (let ly = -localShift; ly <= localShift; ly++) {
    for (let lx = -localShift; lx <= localShift; lx++) {
      const moved = shifted(sb, width, height, lx, ly);
      for (let i = 0; i < diff.length; i++) diff[i] = keep[i] ? Math.abs(ba[i]! - moved[i]!) : 0;
      const table = sat(diff, width, height);
      for (let k = 0; k < windows.length; k++) least[k] = Math.min(least[k]!, boxSum(table, width, windows[k]!.x, windows[k]!.y, win));
    }
  }

  // A window with next to no edges (a blank area) is compared against one full-contrast line across it.
  const floor = 255 * win;
  let worst = 0;
  let worstAbsolute = 0;
  let where: Rect = { x: area.x, y: area.y, width: 0, height: 0 };
  windows.forEach((w, k) => {
    const n = boxSum(counted, width, w.x, w.y, win);
    const ratio = least[k]! / Math.max(floor, boxSum(edges, width, w.x, w.y, win));
    worstAbsolute = Math.max(worstAbsolute, least[k]! / n);
    if (ratio > worst) [worst, where] = [ratio, { x: w.x, y: w.y, width: win, height: win }];
  });
  return { worst, worstAbsolute, at: where, shift };
}

/** A summed-area table of `values` (a width×height image), with one more row and column of zeros. */
function sat(values: ArrayLike<number>, width: number, height: number): Float64Array {
  const w1 = width + 1;
  const t = new Float64Array(w1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    const from = y * width;
    const to = (y + 1) * w1 + 1;
    const above = y * w1 + 1;
    for (let x = 0; x < width; x++) {
      row += values[from + x]!;
      t[to + x] = t[above + x]! + row;
    }
  }
  return t;
}

/** The image moved by (-dx, -dy): pixel (x, y) of the result is (x+dx, y+dy) of `img`, edges clamped. */
function shifted(img: Float32Array, width: number, height: number, dx: number, dy: number): Float32Array {
  if (dx === 0 && dy === 0) return img;
  const out = new Float32Array(img.length);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(height - 1, Math.max(0, y + dy)) * width;
    for (let x = 0; x < width; x++) out[y * width + x] = img[sy + Math.min(width - 1, Math.max(0, x + dx))]!;
  }
  return out;
}

/** The sum of a win×win box at (x, y) from a summed-area table. */
function boxSum(t: Float64Array, width: number, x: number, y: number, win: number): number {
  const w1 = width + 1;
  return t[(y + win) * w1 + x + win]! - t[y * w1 + x + win]! - t[(y + win) * w1 + x]! + t[y * w1 + x]!;
}

function clip(r: Rect, width: number, height: number): Rect {
  const x = Math.max(0, Math.floor(r.x));
  const y = Math.max(0, Math.floor(r.y));
  const x2 = Math.min(width, Math.ceil(r.x + r.width));
  const y2 = Math.min(height, Math.ceil(r.y + r.height));
  return { x, y, width: Math.max(0, x2 - x), height: Math.max(0, y2 - y) };
}

/** A box blur of radius `r` (edges clamped), one pass each way. */
function blur({ width, height, data }: Gray, r: number): Gray {
  if (r <= 0) return { width, height, data };
  const n = 2 * r + 1;
  const h = new Float32Array(data.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += data[row + Math.min(width - 1, Math.max(0, x + k))]!;
      h[row + x] = s / n;
    }
  }
  const out = new Float32Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += h[Math.min(height - 1, Math.max(0, y + k)) * width + x]!;
      out[y * width + x] = s / n;
    }
  }
  return { width, height, data: out };
}

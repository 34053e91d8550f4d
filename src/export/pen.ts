import { readFile } from 'node:fs/promises';
import { deckError } from '../node/errors.ts';

/**
 * Where the deck's pen keeps its strokes (sessionStorage; see src/deck/controllers/pen.ts):
 * `{ [slideId]: { color, width, points: [x, y][] }[] }` in 1280×720 slide coordinates.
 */
export const PEN_STORAGE_KEY = 'deck:nqp-common-prosperity:pen';

/** One stroke as the pen stores it. */
export interface PenStroke {
  color: string;
  width: number;
  points: [number, number][];
}

/** What is wrong with a pen-marks value, or null if it has the pen's shape. */
export function penMarksProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not an object of slide ids';
  for (const [slide, strokes] of Object.entries(value)) {
    if (!Array.isArray(strokes)) return `slide "${slide}": not a list of strokes`;
    for (const [i, s] of (strokes as unknown[]).entries()) {
      const stroke = s as Partial<PenStroke> | null;
      const where = `slide "${slide}", stroke ${i + 1}`;
      if (typeof stroke?.color !== 'string') return `${where}: no colour`;
      if (typeof stroke.width !== 'number' || !(stroke.width > 0)) return `${where}: width must be a positive number`;
      const pointsOk =
        Array.isArray(stroke.points) &&
        stroke.points.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)));
      if (!pointsOk) return `${where}: points must be [x, y] number pairs`;
    }
  }
  return null;
}

/** Reads a pen-marks file; returns its JSON text to hand to the page. Throws a one-line Error naming the file. */
export async function readPenMarks(file: string): Promise<{ json: string; slides: string[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw deckError(`cannot read the pen marks ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, e);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw deckError(`the pen marks ${file} are not JSON: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  const problem = penMarksProblem(value);
  if (problem) throw deckError(`the pen marks ${file} are not in the pen's format (${problem}); expected { "<slide-id>": [{ "color": "#d9480f", "width": 4, "points": [[x, y], …] }] }`);
  return { json: JSON.stringify(value), slides: Object.keys(value as object) };
}

import { readFile } from 'node:fs/promises';
import { PEN_MARKS, STORAGE_PREFIX, storedText, strokesProblem } from '../shared/stored-records.ts';
import { deckError } from '../node/errors.ts';

/** Where the deck's pen keeps its strokes for the session (see shared/stored-records.ts). */
export const PEN_STORAGE_KEY = STORAGE_PREFIX + PEN_MARKS.key;

/** What is wrong with a pen-marks value (`{ [slideId]: strokes }`), or null if it has the pen's shape. */
export function penMarksProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not an object of slide ids';
  for (const [slide, strokes] of Object.entries(value)) {
    const problem = strokesProblem(strokes);
    if (problem) return `slide "${slide}"${problem.startsWith('stroke') ? ',' : ':'} ${problem}`;
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
  // As the pen itself stores them: the page reads them like its own.
  return { json: storedText(PEN_MARKS, value as Record<string, unknown>), slides: Object.keys(value as object) };
}

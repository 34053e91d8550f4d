import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { deckError } from '../node/errors.ts';
import { trackPartial } from '../node/interrupt.ts';

/**
 * Writes a file whole or not at all: the bytes go to `.<name>.tmp-<pid>` beside it, then are
 * renamed over it, so a crash never leaves half a PDF under the final name. The folder is made
 * if missing. A failure throws an Error naming the file and the reason.
 */
export async function writeAtomic(file: string, data: Uint8Array): Promise<void> {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.tmp-${process.pid}`);
  // An interrupted run removes the half-written file (src/node/interrupt.ts).
  const untrack = trackPartial(temp);
  try {
    await makeDir(dir);
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw deckError(`cannot write ${file}: ${reason(e)}`, e);
  } finally {
    untrack();
  }
}

/**
 * `mkdir -p`, one level at a time: Node 20's `mkdir(dir, { recursive: true })` never returns
 * for some unwritable places (e.g. under /proc), where this fails with the system's reason.
 */
export async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return;
      throw e;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    await makeDir(parent);
    await mkdir(dir).catch(async (again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST' || !(await stat(dir)).isDirectory()) throw again;
    });
  }
}

/** The short reason of a file-system error, e.g. `permission denied (EACCES)`. */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code && typeof err.message === 'string') {
    // Node's message reads "EACCES: permission denied, open '/x/y'"; the path is said already.
    const text = err.message.replace(/^[A-Z]+:\s*/, '').replace(/,\s*\w+\s+'.*$/, '');
    return `${text} (${err.code})`;
  }
  return e instanceof Error ? e.message : String(e);
}

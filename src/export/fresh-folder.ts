import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deckError } from '../node/errors.ts';
import { trackPartial } from '../node/interrupt.ts';
import { reason } from './write-atomic.ts';

/** A folder being written, that replaces its target whole or not at all. */
export interface FreshFolder {
  /** Where to write: `.<name>.tmp-<pid>` beside the target, empty to start with. */
  dir: string;
  /** Puts the new folder in the target's place, in one step; the old folder and every file in it are gone. */
  commit(): void;
  /** Removes the new folder; the target stays as it was. */
  discard(): void;
}

/**
 * A fresh, empty folder to write `target`'s new contents into (e.g. `out/png`), so that no file
 * of an earlier run survives (a removed slide, a renumbered one) and an interrupted or failed
 * run leaves the target as it was. Until commit or discard it is partial output: removed if the
 * command is interrupted or the process exits.
 */
export function freshFolder(target: string): FreshFolder {
  const parent = dirname(target);
  const dir = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  let untrack: () => void = () => undefined;
  try {
    mkdirSync(parent, { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    untrack = trackPartial(dir);
    mkdirSync(dir);
  } catch (e) {
    untrack();
    rmSync(dir, { recursive: true, force: true });
    throw deckError(`cannot write ${target}: ${reason(e)}`, e);
  }
  return {
    dir,
    commit() {
      // Synchronous from here to the end: no signal handler runs between the two renames.
      const old = join(parent, `.${basename(target)}.old-${process.pid}`);
      const hadOld = exists(target);
      try {
        rmSync(old, { recursive: true, force: true });
        if (hadOld) renameSync(target, old);
        try {
          renameSync(dir, target);
        } catch (e) {
          if (hadOld) renameSync(old, target);
          throw e;
        }
      } catch (e) {
        throw deckError(`cannot write ${target}: ${reason(e)}`, e);
      }
      untrack();
      rmSync(old, { recursive: true, force: true });
    },
    discard() {
      rmSync(dir, { recursive: true, force: true });
      untrack();
    },
  };
}

/**
 * Removes what runs killed outright left in `dir` (`.<name>.tmp-<pid>`, `.<name>.old-<pid>` of a
 * process that no longer exists; only for `<name>` = `only` when given): a run that is
 * interrupted cleans up after itself, one killed with SIGKILL cannot.
 */
export function removeStaleTemporaries(dir: string, only?: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const [, base, pid] = /^\.(.+)\.(?:tmp|old)-(\d+)$/.exec(name) ?? [];
    if (pid && (only === undefined || base === only) && !isRunning(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return existsSync(path);
  }
}

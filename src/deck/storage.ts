/**
 * Browser storage that never breaks the deck: private mode, a full disk or a disabled store
 * make reads return the fallback and writes do nothing; garbage is treated as absent.
 */
export const STORAGE_PREFIX = 'deck:nqp-common-prosperity:';

/** localStorage keeps progress across visits; sessionStorage keeps the pen's marks for this session. */
export type Store = 'local' | 'session';

const storeOf = (store: Store): Storage => (store === 'local' ? window.localStorage : window.sessionStorage);

/** Reads a JSON value and keeps it only if `valid` accepts it. */
export function readStored<T>(key: string, valid: (value: unknown) => value is T, fallback: T, store: Store = 'local'): T {
  try {
    const raw = storeOf(store).getItem(STORAGE_PREFIX + key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Writes a JSON value; returns false when the store refused. */
export function writeStored(key: string, value: unknown, store: Store = 'local'): boolean {
  try {
    storeOf(store).setItem(STORAGE_PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/**
 * What the deck keeps in the browser's storage, each record declared once: its key, its store,
 * its format and version, and how each of its entries is checked. The deck (src/deck/storage.ts)
 * and the exporter (which hands the pen's marks to the slide PDF) both read them from here.
 *
 * Shared by compiler/exporter (Node) and deck (browser): nothing here may import from either side.
 */

/** Every key starts with this, so the deck's records never meet another page's on the same origin. */
export const STORAGE_PREFIX = 'deck:nqp-common-prosperity:';

/**
 * A record of entries (`{ [key]: entry }`), stored as `{ "v": version, "data": … }`. Reading keeps
 * every valid entry and drops only the invalid ones; a record of an older version is migrated.
 */
export interface StoredRecord<Entry> {
  /** The key, after STORAGE_PREFIX. */
  key: string;
  /** localStorage keeps progress across visits; sessionStorage keeps what belongs to this session. */
  store: 'local' | 'session';
  /** The format's version; each older version has a migration in `migrate`. */
  version: number;
  /** Whether one entry is well formed. */
  validEntry(key: string, entry: unknown): entry is Entry;
  /** The data of an older version (`from`) in this version's shape (e.g. v0: the bare object, before versions). */
  migrate(from: number, data: unknown): unknown;
}

/** What a record holds once read. */
export type Entries<R> = R extends StoredRecord<infer E> ? Record<string, E> : never;

const SLIDE_ID = /^[a-z][a-z0-9-]*$/;

/** Whether a quiz was answered right, by question id (localStorage). */
export const QUIZ_RESULTS: StoredRecord<boolean> = {
  key: 'quiz-results',
  store: 'local',
  version: 1,
  validEntry: (key, entry): entry is boolean => SLIDE_ID.test(key) && typeof entry === 'boolean',
  migrate: (_from, data) => data,
};

/** The last slide the reader was on (localStorage): one entry, `slide`. */
export const LAST_SLIDE: StoredRecord<string> = {
  key: 'last-slide',
  store: 'local',
  version: 1,
  validEntry: (key, entry): entry is string => key === 'slide' && typeof entry === 'string' && SLIDE_ID.test(entry),
  // v0 was the bare slide id.
  migrate: (_from, data) => (typeof data === 'string' ? { slide: data } : data),
};

/** A version-1 record of one string entry, `entry`, whose value matches `pattern`. */
function oneStringRecord(key: string, store: StoredRecord<string>['store'], entry: string, pattern: RegExp): StoredRecord<string> {
  return {
    key,
    store,
    version: 1,
    validEntry: (name, value): value is string => name === entry && typeof value === 'string' && pattern.test(value),
    migrate: (_from, data) => data,
  };
}

/** The lecture plan the lecturer chose in the menu or the speaker view (localStorage): one entry, `plan`. */
export const LECTURE_PLAN = oneStringRecord('lecture-plan', 'local', 'plan', /^[a-z0-9][a-z0-9-]*$/);

/** The live classroom's anonymous id of this browser (localStorage): one entry, `id` (see createStudentId). */
export const LIVE_STUDENT = oneStringRecord('live-student', 'local', 'id', /^[A-Za-z0-9_-]{16,64}$/);

/** The lecturer's token of this tab (sessionStorage, never the address bar): one entry, `token`. */
export const LIVE_TOKEN = oneStringRecord('live-token', 'session', 'token', /^[A-Za-z0-9_-]{8,128}$/);

/** One pen stroke, in slide coordinates (SLIDE_SIZE), with its colour and width. */
export interface PenStroke {
  color: string;
  width: number;
  points: [number, number][];
}

/** The pen's marks of a session, by slide id (sessionStorage). */
export const PEN_MARKS: StoredRecord<PenStroke[]> = {
  key: 'pen',
  store: 'session',
  version: 1,
  validEntry: (key, entry): entry is PenStroke[] => SLIDE_ID.test(key) && strokesProblem(entry) === null,
  migrate: (_from, data) => data,
};

/** What is wrong with one slide's strokes, or null if they have the pen's shape. */
export function strokesProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'not a list of strokes';
  for (const [i, s] of (value as unknown[]).entries()) {
    const stroke = s as Partial<PenStroke> | null;
    const where = `stroke ${i + 1}`;
    if (typeof stroke?.color !== 'string') return `${where}: no colour`;
    if (typeof stroke.width !== 'number' || !(stroke.width > 0)) return `${where}: width must be a positive number`;
    const pointsOk =
      Array.isArray(stroke.points) &&
      stroke.points.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)));
    if (!pointsOk) return `${where}: points must be [x, y] number pairs`;
  }
  return null;
}

/** The stored text of a record's data (what `localStorage.setItem` gets). */
export function storedText(record: StoredRecord<unknown>, data: Record<string, unknown>): string {
  return JSON.stringify({ v: record.version, data });
}

/**
 * Reads a record's stored text: the valid entries of its data (migrated from an older
 * version), and how many entries were dropped. Garbage gives no entries, never an error.
 */
export function readEntries<E>(record: StoredRecord<E>, text: string | null): { entries: Record<string, E>; dropped: number } {
  if (text === null) return { entries: {}, dropped: 0 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { entries: {}, dropped: 1 };
  }
  const versioned = value !== null && typeof value === 'object' && !Array.isArray(value) && 'v' in value && 'data' in value;
  const version = versioned ? Number((value as { v: unknown }).v) : 0;
  let data = versioned ? (value as { data: unknown }).data : value;
  if (!(version <= record.version)) return { entries: {}, dropped: 1 }; // a newer deck's record: leave it be
  for (let v = version; v < record.version; v++) data = record.migrate(v, data);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { entries: {}, dropped: 1 };
  const entries: Record<string, E> = {};
  let dropped = 0;
  for (const [key, entry] of Object.entries(data)) {
    if (record.validEntry(key, entry)) entries[key] = entry;
    else dropped++;
  }
  return { entries, dropped };
}

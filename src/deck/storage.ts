import { readEntries, storedText, STORAGE_PREFIX, type StoredRecord } from '../shared/stored-records.ts';
import { UI } from '../shared/ui-strings.ts';

export { LAST_SLIDE, LECTURE_PLAN, LIVE_STUDENT, LIVE_TOKEN, PEN_MARKS, QUIZ_RESULTS } from '../shared/stored-records.ts';

/**
 * Browser storage that never breaks the deck and never loses more than it must: reading keeps
 * every valid entry of a record (see shared/stored-records.ts); private mode, a full quota or a
 * disabled store make the deck keep the record in memory for this visit and say so, once, on
 * screen.
 */

/** Records whose store refused a write: they live here for the rest of the visit. */
const inMemory = new Map<string, Record<string, unknown>>();

const storeOf = (record: StoredRecord<unknown>): Storage => (record.store === 'local' ? window.localStorage : window.sessionStorage);

/** A record's valid entries (a copy: change it, then write it). */
export function readStored<E>(record: StoredRecord<E>): Record<string, E> {
  const kept = inMemory.get(record.key);
  if (kept) return { ...(kept as Record<string, E>) };
  try {
    return readEntries(record, storeOf(record).getItem(STORAGE_PREFIX + record.key)).entries;
  } catch {
    return {};
  }
}

/** Writes a record's entries; when the store refuses, keeps them in memory and tells the reader once. Returns whether it was stored. */
export function writeStored<E>(record: StoredRecord<E>, entries: Record<string, E>): boolean {
  try {
    storeOf(record).setItem(STORAGE_PREFIX + record.key, storedText(record, entries));
    inMemory.delete(record.key);
    return true;
  } catch {
    inMemory.set(record.key, { ...entries });
    tellNotSaved();
    return false;
  }
}

let told = false;

/** A quiet line at the foot of the screen: progress is kept for this visit only. */
function tellNotSaved(): void {
  if (told || !document.body) return;
  told = true;
  const note = document.createElement('p');
  note.className = 'deck-storage-note';
  note.setAttribute('role', 'status');
  note.textContent = UI.storage.notSaved;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'deck-button deck-button-quiet';
  close.textContent = UI.storage.dismiss;
  close.addEventListener('click', () => note.remove());
  note.append(' ', close);
  document.body.append(note);
}

import { randomBytes } from 'node:crypto';

/** A lecture id: the local date and time it started, and four random characters. */
const LECTURE_ID = /^\d{4}-\d{2}-\d{2}-\d{4}-[a-z0-9]{4}$/;

/** A new lecture id for a lecture starting at `now`, e.g. `2026-12-01-1530-k3f9`. */
export function newLectureId(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  const suffix = Array.from(randomBytes(4), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  return `${date}-${two(now.getHours())}${two(now.getMinutes())}-${suffix}`;
}

/** True for a string shaped like a lecture id (so it is safe as a file name and a Redis key). */
export function isLectureId(value: string): boolean {
  return LECTURE_ID.test(value);
}

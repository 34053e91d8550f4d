import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new lecturer token: 128 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Compares a presented token with the lecturer's in constant time. Both are hashed first, so
 * neither the comparison nor an early length check says how long the real token is.
 */
export function tokensMatch(presented: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * The key a student's answers are kept under: a hash of the lecture and the browser's random
 * id, so the results never hold the id itself and cannot be matched to a browser without it.
 */
export function voterKey(lectureId: string, studentId: string): string {
  return createHash('sha256').update(`${lectureId}\n${studentId}`, 'utf8').digest('base64url').slice(0, 22);
}

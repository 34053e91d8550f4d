/** The one helper for errors that are not about content (tooling, I/O): `[deck] message`. */
export function deckError(message: string, cause?: unknown): Error {
  return new Error(`[deck] ${message}`, cause === undefined ? undefined : { cause });
}

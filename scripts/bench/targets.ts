/**
 * The figures of a bench report that missed their target: each top-level entry whose `ok` is
 * false (true passes; null, a figure not measured in this run, is no miss). `npm run bench`
 * exits 1 when there is any, so a script or CI can act on the report without reading it.
 */
export function missedTargets(report: unknown): string[] {
  if (typeof report !== 'object' || report === null) return [];
  return Object.entries(report).flatMap(([name, figure]) => (typeof figure === 'object' && figure !== null && (figure as { ok?: unknown }).ok === false ? [name] : []));
}

/**
 * The figures of a bench report that missed their target: the path (`phone.study`) of every
 * entry, at any depth, whose `ok` is false (true passes; null, a figure not measured in this
 * run, is no miss). `npm run bench` exits 1 when there is any, so a script or CI can act on
 * the report without reading it.
 */
export function missedTargets(report: unknown, path = ''): string[] {
  if (typeof report !== 'object' || report === null) return [];
  const here = (report as { ok?: unknown }).ok === false ? [path] : [];
  return [...here, ...Object.entries(report).flatMap(([k, v]) => missedTargets(v, path ? `${path}.${k}` : k))];
}

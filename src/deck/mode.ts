/**
 * The one place that decides how the deck runs:
 * - `present`: reveal.js slides (default on wide screens; `?view=present` forces it);
 * - `study`: the reading view with notes (`?view=scroll`, or any screen narrower than STUDY_MAX_WIDTH);
 * - `print`: reveal.js's print layout (`?print-pdf`);
 * - `preview`: a slide preview inside the speaker view (`?receiver`), nothing of ours on top;
 * - `speaker`: the speaker view (`?view=speaker`, opened by the presentation's `S`).
 */
export type DeckMode = 'present' | 'study' | 'print' | 'preview' | 'speaker';

/** Screens up to this width (CSS px) open in the study view unless `?view=present` is given. */
export const STUDY_MAX_WIDTH = 700;

/** Decides the mode from the page's query string and its viewport width. */
export function decideMode(search: string, viewportWidth: number): DeckMode {
  const params = new URLSearchParams(search);
  if (params.has('print-pdf')) return 'print';
  if (params.has('receiver')) return 'preview';
  const view = params.get('view');
  if (view === 'scroll' || view === 'study') return 'study';
  if (view === 'present') return 'present';
  if (view === 'speaker') return 'speaker';
  return viewportWidth <= STUDY_MAX_WIDTH ? 'study' : 'present';
}

/** The URL of the same slide in the other mode (for the visible mode switch). */
export function urlForMode(mode: 'present' | 'study', slideId: string, location: Pick<Location, 'pathname' | 'search'>): string {
  const params = new URLSearchParams(location.search);
  params.delete('print-pdf');
  params.set('view', mode === 'study' ? 'scroll' : 'present');
  return `${location.pathname}?${params.toString()}#/${slideId}`;
}

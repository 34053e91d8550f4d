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

/**
 * Decides the mode from the page's query string and its viewport width. The lecturer's live page
 * (`?live`) is the projector's: a presentation. A student's (`?join`) on a phone held sideways
 * (`phoneSideways`: a touch screen whose short side is a phone's) reads as on a phone held upright.
 */
export function decideMode(search: string, viewportWidth: number, phoneSideways = false): DeckMode {
  const params = new URLSearchParams(search);
  if (params.has('print-pdf')) return 'print';
  if (params.has('receiver')) return 'preview';
  const view = params.get('view');
  if (view === 'scroll' || view === 'study') return 'study';
  if (view === 'present') return 'present';
  if (view === 'speaker') return 'speaker';
  if (params.has('live')) return 'present';
  if (params.has('join') && phoneSideways) return 'study';
  return viewportWidth <= STUDY_MAX_WIDTH ? 'study' : 'present';
}

/** Who a page is in the live classroom (`npm run live`): the lecturer, a student, or nobody. */
export type LiveRole = 'lecturer' | 'student';

/**
 * The page's part in the live classroom: `?live` (with the lecturer's token, or bare after the
 * token moved to sessionStorage) is the lecturer's presentation, `?join` a student's page (slides
 * or, on a phone, the study view). Never the speaker view, print or a preview. Null: the static
 * deck, without the live layer.
 */
export function decideLive(search: string, mode: DeckMode): LiveRole | null {
  const params = new URLSearchParams(search);
  if (params.has('live')) return mode === 'present' ? 'lecturer' : null;
  if (params.has('join')) return mode === 'present' || mode === 'study' ? 'student' : null;
  return null;
}

/** The URL of the same slide in the other mode (for the visible mode switch). */
export function urlForMode(mode: 'present' | 'study', slideId: string, location: Pick<Location, 'pathname' | 'search'>): string {
  const params = new URLSearchParams(location.search);
  params.delete('print-pdf');
  params.set('view', mode === 'study' ? 'scroll' : 'present');
  return `${location.pathname}?${params.toString()}#/${slideId}`;
}

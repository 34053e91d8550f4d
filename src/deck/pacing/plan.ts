import { allSlides, type DeckManifest } from '../../shared/deck-model.ts';

/** When a slide should start and how long it should take, in minutes from the lecture's start. */
export interface PlannedSlide {
  id: string;
  start: number;
  minutes: number;
}

/**
 * Spreads the lecture's planned minutes over the slides: a slide that sets `minutes=N` gets N,
 * the others share what remains equally (never less than zero).
 */
export function planLecture(manifest: DeckManifest): PlannedSlide[] {
  const slides = allSlides(manifest);
  const fixed = slides.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
  const free = slides.filter((s) => s.minutes === null).length;
  const share = free ? Math.max(0, manifest.meta.minutes - fixed) / free : 0;
  let start = 0;
  return slides.map((s) => {
    const minutes = s.minutes ?? share;
    const planned = { id: s.id, start, minutes };
    start += minutes;
    return planned;
  });
}

/** How the lecture stands on a slide: minutes ahead (positive) or behind (negative) the plan. */
export function pacingOn(plan: readonly PlannedSlide[], slideId: string, elapsedMinutes: number): { planned: PlannedSlide; ahead: number } | null {
  const planned = plan.find((p) => p.id === slideId);
  return planned ? { planned, ahead: planned.start - elapsedMinutes } : null;
}

/** `m:ss` for a number of minutes (the sign is shown by the caller's words). */
export function clock(minutes: number): string {
  const seconds = Math.round(Math.abs(minutes) * 60);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

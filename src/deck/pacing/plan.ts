import { allSlides, inPlan, type DeckManifest } from '../../shared/deck-model.ts';

/** When a slide should start and how long it should take, in minutes from the lecture's start. */
export interface PlannedSlide {
  id: string;
  start: number;
  minutes: number;
}

/**
 * The lecture of a plan, slide by slide: each of the plan's slides with its planned minutes (the
 * build checked that they fill the plan) and when it should start. For ALL_PLANS (a rehearsal
 * of every slide) the same, over every slide.
 */
export function planLecture(manifest: DeckManifest, plan: string): PlannedSlide[] {
  let start = 0;
  return allSlides(manifest, plan).map((s) => {
    const planned = { id: s.id, start, minutes: s.minutes };
    start += s.minutes;
    return planned;
  });
}

/** A plan's length in minutes: its own, or for ALL_PLANS every slide's minutes added up. */
export function lectureMinutes(manifest: DeckManifest, plan: string): number {
  return manifest.meta.plans.find((p) => p.id === plan)?.minutes ?? Math.round(allSlides(manifest).reduce((sum, s) => sum + s.minutes, 0));
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

/** Each section's minutes and slides in a plan (sections with none of its slides left out). */
export function sectionTimes(manifest: DeckManifest, plan: string): { title: string; minutes: number; slides: number }[] {
  return manifest.sections
    .map((s) => {
      const slides = s.slides.filter((sl) => inPlan(sl, plan));
      return { title: s.title, minutes: slides.reduce((sum, sl) => sum + sl.minutes, 0), slides: slides.length };
    })
    .filter((s) => s.slides > 0);
}

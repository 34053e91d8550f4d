import { ALL_PLANS, allSlides, ATTR, inPlan, type DeckManifest } from '../../shared/deck-model.ts';
import { readStored, writeStored, LECTURE_PLAN } from '../storage.ts';
import { choosePlan, type ChosenPlan } from './choose-plan.ts';

/** The plan a running presentation shows, and copies of the slides it leaves out (by id). */
export interface ActivePlan extends ChosenPlan {
  outside: ReadonlyMap<string, HTMLElement>;
}

/** Every slide: the study view, print, and `?plan=all`. */
export const EVERY_SLIDE: ActivePlan = { id: ALL_PLANS, from: 'default', outside: new Map() };

/** The plan for this page: the address's `?plan=`, else the lecturer's last choice, else deck.yml's default. */
export function planForPage(manifest: DeckManifest): ChosenPlan {
  return choosePlan(manifest.meta, new URLSearchParams(location.search).get('plan'), readStored(LECTURE_PLAN).plan ?? null);
}

/** Remembers the lecturer's choice for the next presentation (the address still wins). */
export function rememberPlan(id: string): void {
  writeStored(LECTURE_PLAN, { plan: id });
}

/**
 * Hides the slides outside the plan with reveal.js's own `data-visibility="hidden"`, before
 * `initialize()`: reveal.js then removes them, and its slide count, numbers, progress bar and
 * overview count only the plan's slides. A group with none of the plan's slides goes too. A
 * copy of each hidden slide is kept, so that a link to it can still show it (out-of-plan.ts).
 */
export function hideOutsidePlan(slides: HTMLElement, manifest: DeckManifest, plan: ChosenPlan): ActivePlan {
  const outside = new Map<string, HTMLElement>();
  if (plan.id === ALL_PLANS) return { ...plan, outside };
  const planned = new Map(allSlides(manifest).map((s) => [s.id, inPlan(s, plan.id)]));
  for (const group of slides.querySelectorAll<HTMLElement>(`:scope > section[${ATTR.section}]`)) {
    const inGroup = [...group.querySelectorAll<HTMLElement>(':scope > section[id]')];
    for (const slide of inGroup.filter((s) => planned.get(s.id) === false)) {
      outside.set(slide.id, slide.cloneNode(true) as HTMLElement);
      slide.dataset.visibility = 'hidden';
    }
    if (inGroup.every((s) => s.dataset.visibility === 'hidden')) group.dataset.visibility = 'hidden';
  }
  return { ...plan, outside };
}

import { ALL_PLANS, type DeckMeta, type LecturePlan } from '../../shared/deck-model.ts';

/** Where the presentation's plan came from: the address, the lecturer's last choice, or deck.yml's default. */
export type PlanSource = 'url' | 'remembered' | 'default';

/** The plan a presentation shows. */
export interface ChosenPlan {
  /** A plan's id, or ALL_PLANS. */
  id: string;
  from: PlanSource;
}

/** Whether `id` is a plan of the deck or ALL_PLANS. */
export function isPlan(meta: Pick<DeckMeta, 'plans'>, id: string | null): id is string {
  return id === ALL_PLANS || meta.plans.some((p) => p.id === id);
}

/** The address's `?plan=` wins over the remembered choice, which wins over the default; a plan the deck does not have counts as none. */
export function choosePlan(meta: Pick<DeckMeta, 'plans' | 'defaultPlan'>, fromUrl: string | null, remembered: string | null): ChosenPlan {
  if (isPlan(meta, fromUrl)) return { id: fromUrl, from: 'url' };
  if (isPlan(meta, remembered)) return { id: remembered, from: 'remembered' };
  return { id: meta.defaultPlan, from: 'default' };
}

/** A plan by id (null for ALL_PLANS or an unknown id). */
export function planById(meta: Pick<DeckMeta, 'plans'>, id: string): LecturePlan | null {
  return meta.plans.find((p) => p.id === id) ?? null;
}

/** The address that shows the deck with another plan: `?plan=` set, at `slideId` (or the first slide). */
export function addressWithPlan(href: string, plan: string, slideId: string | null): string {
  const url = new URL(href);
  url.searchParams.set('plan', plan);
  url.hash = slideId ? `#/${slideId}` : '';
  return url.href;
}

import { allSlides, inPlan, type DeckManifest } from '../../shared/deck-model.ts';
import { rememberPlan } from './apply-plan.ts';
import { addressWithPlan, isPlan } from './choose-plan.ts';

/**
 * Shows the deck with another plan: remembered for the next lecture, and the page reloaded with
 * it (reveal.js drops hidden slides when it starts, so a plan cannot change under it). The
 * lecture stays where it was, or on the last slide before it that the new plan has.
 */
export function switchPlan(manifest: DeckManifest, plan: string, slideId: string | null): void {
  if (!isPlan(manifest.meta, plan)) return;
  rememberPlan(plan);
  const slides = allSlides(manifest);
  const at = slides.findIndex((s) => s.id === slideId);
  const landing = slides.slice(0, at + 1).reverse().find((s) => inPlan(s, plan)) ?? null;
  location.assign(addressWithPlan(location.href, plan, landing?.id ?? null));
}

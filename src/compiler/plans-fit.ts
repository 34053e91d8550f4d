import type { LecturePlan } from '../shared/deck-model.ts';
import { DECK_META_FILE } from './deck-meta.ts';
import type { ErrorSink } from './errors.ts';
import type { CompiledSection } from './model.ts';

/** A plan's slides must fill this share of its minutes: time to spare, never more than the class has. */
export const PLAN_FIT = { from: 0.9, to: 1 } as const;

/** A plan's planned minutes, in all and by section (sections with none of its slides left out). */
export interface PlanTotals {
  plan: LecturePlan;
  minutes: number;
  slides: number;
  sections: { title: string; minutes: number; slides: number }[];
}

/** What each plan adds up to, from its slides' minutes. */
export function planTotals(plans: readonly LecturePlan[], sections: readonly CompiledSection[]): PlanTotals[] {
  return plans.map((plan) => {
    const bySection = sections
      .map((s) => {
        const slides = s.slides.filter((sl) => sl.plans.includes(plan.id));
        return { title: s.title, minutes: round(slides.reduce((sum, sl) => sum + sl.minutes, 0)), slides: slides.length };
      })
      .filter((s) => s.slides > 0);
    return {
      plan,
      minutes: round(bySection.reduce((sum, s) => sum + s.minutes, 0)),
      slides: bySection.reduce((n, s) => n + s.slides, 0),
      sections: bySection,
    };
  });
}

/**
 * Each lecture plan must be one a teacher can give: its slides' minutes add up to 90–100 % of
 * the plan's. A plan that does not fit is an error at its line of deck.yml, with its totals by
 * section, so the author sees where the time goes. The one plan of a deck that declares none
 * (ONE_LECTURE) is given its slides' minutes here.
 */
export function checkPlansFit(plans: LecturePlan[], sections: readonly CompiledSection[], planLines: ReadonlyMap<string, number>, sink: ErrorSink): void {
  for (const totals of planTotals(plans, sections)) {
    const { plan, minutes } = totals;
    // A deck that declares no plans is one lecture of all its slides, as long as they take.
    if (!planLines.has(plan.id)) {
      plan.minutes = Math.max(1, Math.ceil(minutes));
      continue;
    }
    if (minutes >= plan.minutes * PLAN_FIT.from && minutes <= plan.minutes * PLAN_FIT.to) continue;
    const bySection = totals.sections.map((s) => `${s.title} ${s.minutes} min (${s.slides} slides)`).join('; ');
    sink.add(
      DECK_META_FILE,
      planLines.get(plan.id) ?? 1,
      `plan ${plan.id}: ${minutes} min planned in ${plan.minutes} (${totals.slides} slides: ${bySection})`,
      `Plan ${round(plan.minutes * PLAN_FIT.from)}–${plan.minutes} minutes: move slides out of the plan (\`plan=\`), or set their \`minutes=\`.`,
    );
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;

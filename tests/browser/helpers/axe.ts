import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe-core's rules for WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The slide reveal.js shows (not its vertical stack). */
export const CURRENT_SLIDE = '.reveal .slides section.present:not(.stack)';

/** What of axe's results the tests read. */
interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe's WCAG 2.0/2.1 A and AA rules on the page, or on the part `include` selects (less
 * `exclude`); one line per element that fails, naming the rule. Legacy mode runs axe in the page
 * itself (the deck has no frames) instead of finishing each run in a blank page of its own.
 */
export async function axeViolations(page: Page, scope: { include?: string; exclude?: string } = {}): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true);
  if (scope.include) axe = axe.include(scope.include);
  if (scope.exclude) axe = axe.exclude(scope.exclude);
  return describe((await axe.analyze()).violations);
}

/**
 * The same rules again on a page that `axeViolations` has put axe into: a walk through ~100
 * slides would otherwise inject axe's 500 KB once per slide (AxeBuilder does, for every run),
 * which is half the time of the walk. The page's stylesheets are not read again either
 * (`preload`: only css-orientation-lock uses them, a rule of the page, not of a slide).
 */
export async function axeViolationsAgain(page: Page, include: string): Promise<string[]> {
  const violations = await page.evaluate(
    ([selector, tags]) => {
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe;
      return axe.run({ include: [selector] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false }).then((r) => r.violations);
    },
    [include, WCAG_21_AA] as const,
  );
  return describe(violations);
}

function describe(violations: Violation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? ''}): ${n.target.join(' ')} — ${(n.failureSummary ?? v.help).replace(/\s+/g, ' ').slice(0, 240)}`),
  );
}

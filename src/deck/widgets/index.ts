import { CakeExplorer } from './cake-explorer.ts';
import { GrowthExplorer } from './growth-explorer.ts';

/** The deck's interactive custom elements, by tag name. */
const WIDGETS: Record<string, CustomElementConstructor> = {
  'growth-explorer': GrowthExplorer,
  'cake-explorer': CakeExplorer,
};

/** Defines every widget element once (a second call, or a hot reload, leaves them be). */
export function registerWidgets(): void {
  for (const [name, element] of Object.entries(WIDGETS)) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
}

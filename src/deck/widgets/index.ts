/**
 * The deck's interactive custom elements, by tag name, each loaded only when it is needed: a
 * widget and KaTeX's JavaScript are most of the deck's script, and only two slides use them.
 * Until its element is defined, a widget shows the text the slide gives it.
 */
const WIDGETS: Record<string, () => Promise<CustomElementConstructor>> = {
  'growth-explorer': () => import('./growth-explorer.ts').then((m) => m.GrowthExplorer),
  'cake-explorer': () => import('./cake-explorer.ts').then((m) => m.CakeExplorer),
};

const loading = new Map<string, Promise<void>>();

/** Loads one widget's module and defines its element (once; a hot reload leaves it be). */
function define(name: string): Promise<void> {
  let done = loading.get(name);
  if (!done) {
    done = customElements.get(name)
      ? Promise.resolve()
      : WIDGETS[name]!().then((element) => {
          if (!customElements.get(name)) customElements.define(name, element);
        });
    loading.set(name, done);
  }
  return done;
}

/** The widget elements under `root` that are not defined yet. */
function pendingWidgets(root: ParentNode): Element[] {
  return [...root.querySelectorAll(Object.keys(WIDGETS).join(','))].filter((el) => !customElements.get(el.localName));
}

/** Defines every widget element now (print and the printable pages: everything is drawn at once). */
export function registerWidgets(): Promise<void> {
  return Promise.all(Object.keys(WIDGETS).map(define)).then(() => undefined);
}

/**
 * Defines the widgets of `root`'s elements that are, or are about to be, scrolled into view
 * (the study view); the rest once the browser is idle, unless the connection is metered or slow.
 */
export function registerWidgetsInView(root: ParentNode = document): void {
  const pending = pendingWidgets(root);
  if (pending.length === 0) return;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries.filter((x) => x.isIntersecting)) {
        observer.unobserve(e.target);
        void define(e.target.localName);
      }
    },
    // A screen ahead: the widget is drawn by the time the reader gets there.
    { rootMargin: '100% 0px' },
  );
  pending.forEach((el) => observer.observe(el));
  whenIdle(() => {
    observer.disconnect();
    void registerWidgets();
  });
}

/** What of reveal.js the present view's loading needs. */
export interface SlideDeck {
  getSlides(): HTMLElement[];
  getCurrentSlide(): HTMLElement | undefined;
  on(type: string, listener: () => void): void;
}

/** Slides this close (before or after the current one) have their widgets loaded. */
const NEAR = 2;
/** How long after the deck starts the remaining widgets may load, once the browser is idle. */
const IDLE_AFTER_MS = 3000;

/**
 * Defines the widgets of slides near the one shown (the presentation), and of every slide in
 * the overview; with `idle`, the rest once the browser is idle (see whenIdle).
 */
export function registerWidgetsNearSlide(deck: SlideDeck, { idle = false } = {}): void {
  const slides = deck.getSlides();
  const widgetSlides = slides.map((s, i) => ({ i, names: [...new Set(pendingWidgets(s).map((el) => el.localName))] })).filter((s) => s.names.length);
  if (widgetSlides.length === 0) return;
  const check = (): void => {
    const current = deck.getCurrentSlide();
    const at = current ? slides.indexOf(current) : -1;
    for (const { i, names } of widgetSlides) if (Math.abs(i - at) <= NEAR) names.forEach((n) => void define(n));
  };
  const all = (): void => void registerWidgets();
  deck.on('slidechanged', check);
  deck.on('overviewshown', all);
  check();
  if (idle) whenIdle(all);
}

/**
 * Runs `load` a few seconds after the deck is up, in a moment the browser has nothing else to
 * do (so that a jump to a widget finds it drawn) — but not on a connection the reader pays for
 * or waits on (Save-Data, 2G/3G): there, widgets load only when they are about to be shown.
 */
function whenIdle(load: () => void): void {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
  if (connection?.saveData || /^(slow-2g|2g|3g)$/.test(connection?.effectiveType ?? '')) return;
  setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(load, { timeout: 10_000 }) : load()), IDLE_AFTER_MS);
}

/**
 * reveal.js reads its configuration from the page's query string too, and lets it override
 * everything the deck sets: `?width=abc` throws, `?transition=a%20b` never gets ready,
 * `?showHiddenSlides=true` undoes a lecture plan. Before anything starts, the query keeps only
 * the parameters the deck and the tools people use with it rely on, each with a value it
 * accepts; the rest are dropped from the address, with a note in the console.
 */

const FLAG = (v: string): boolean => v === '' || v === 'true';
const BOOLEAN = (v: string): boolean => v === 'true' || v === 'false';
const TRANSITION = (v: string): boolean => ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'].includes(v);

/** Every parameter kept, with the values it may have. */
export const URL_PARAMETERS: Readonly<Record<string, (value: string) => boolean>> = {
  // reveal.js's print view, and its speaker view's previews.
  'print-pdf': FLAG,
  receiver: FLAG,
  postMessageEvents: BOOLEAN,
  showNotes: (v) => BOOLEAN(v) || v === 'separate-page',
  // What exporters set (src/export, DeckTape): the slide alone, no chrome, no motion.
  margin: (v) => /^(0|0?\.\d+|1)$/.test(v),
  controls: BOOLEAN,
  progress: BOOLEAN,
  slideNumber: (v) => BOOLEAN(v) || ['h.v', 'h/v', 'c', 'c/t'].includes(v),
  transition: TRANSITION,
  backgroundTransition: TRANSITION,
  // The deck's own (mode.ts and the tools).
  view: (v) => ['present', 'scroll', 'study', 'speaker'].includes(v),
  pen: FLAG,
  plan: (v) => /^[a-z0-9-]{1,32}$/i.test(v),
  // The live classroom: the lecturer's token (bare once it has moved to sessionStorage), a student's page.
  live: (v) => v === '' || /^[A-Za-z0-9_-]{8,128}$/.test(v),
  join: FLAG,
};

/** The query the deck runs with, and the parameters it left out (`name=value`, as written). */
export function acceptedParameters(search: string): { search: string; ignored: string[] } {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  const ignored: string[] = [];
  for (const [name, value] of params) {
    const valid = URL_PARAMETERS[name];
    // A student's page shows every slide the lecturer may go to, whatever the lecture's plan.
    const outOfPlace = name === 'plan' && params.has('join');
    if (valid && valid(value) && !kept.has(name) && !outOfPlace) kept.append(name, value);
    else ignored.push(value === '' ? name : `${name}=${value}`);
  }
  // `?print-pdf`, `?receiver`, `?join` are flags: keep them bare, as reveal.js and the tools write them.
  const text = kept.toString().replace(/=(?=&|$)/g, '');
  return { search: text ? `?${text}` : '', ignored };
}

/** Applies acceptedParameters to the address (before reveal.js reads it), telling the console what was left out. */
export function keepAcceptedParameters(): void {
  const { search, ignored } = acceptedParameters(location.search);
  if (ignored.length === 0) return;
  console.info(`[deck] ignored URL parameters: ${ignored.join(', ')} (the deck accepts ${Object.keys(URL_PARAMETERS).join(', ')})`);
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

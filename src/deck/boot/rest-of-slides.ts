import { ATTR, MANIFEST_ID, REST_FALLBACK_EXTENSION, REST_GROUP_MARK, REST_LINK_ID, restMark } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';

/** Tries of each address, and the pause before the second. */
const TRIES = 2;
const RETRY_MS = 400;
/** The id of the slide that says the deck is not whole. */
const ERROR_SLIDE_ID = 'deck-load-error';

/**
 * The built index.html carries only the first slide; the others are in a static document of
 * their own (`<link rel="next" id="deck-rest">`), fetched now and merged in a piece (a few slides) at a time
 * (no long task): the first group's other slides into the first group. The response must be
 * that document (it carries the link's id): a host that answers with another page (a
 * single-page-app rewrite, a login page) or fails is tried again, then at the document's `.txt`
 * copy, which no host rewrites; if all fail, the deck says so on a slide of its own, with how
 * to fix it, instead of silently showing one slide: that slide comes first and the address
 * points at it, so the presentation, the study view and the speaker view open on it. Without
 * the link (the dev server, the one-file deck) every slide is in the page already.
 */
export async function restOfSlides(): Promise<void> {
  const link = document.getElementById(REST_LINK_ID) as HTMLLinkElement | null;
  const slides = document.querySelector('.reveal .slides');
  if (!link || !slides) return;
  const id = link.getAttribute(ATTR.rest) ?? '';
  const addresses = [link.href, link.href.replace(/\.html$/, REST_FALLBACK_EXTENSION)];
  const problems: string[] = [];
  for (const address of addresses) {
    for (let attempt = 0; attempt < TRIES; attempt++) {
      if (attempt > 0) await pause(RETRY_MS);
      const text = await fetchText(address).catch((e: unknown) => {
        problems.push(`${address}: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      });
      if (text === null) continue;
      if (!text.includes(restMark(id))) {
        problems.push(`${address}: ${UI.restLoad.otherDocument}`);
        continue;
      }
      await merge(text, slides);
      return;
    }
  }
  const reasons = [...new Set(problems)];
  console.error(`[deck] the slides after the first could not be loaded: ${reasons.join('; ')}`);
  slides.prepend(errorSlide(reasons));
  // The slide the address names is not there anyway; the reader must see why first.
  history.replaceState(history.state, '', `${location.pathname}${location.search}#/${ERROR_SLIDE_ID}`);
}

async function fetchText(address: string): Promise<string> {
  const response = await fetch(address, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.text();
}

/** Merges the rest document's groups into the page, a group at a time, and its manifest (`#deck-manifest`, read by main.ts once this is done). */
async function merge(text: string, slides: Element): Promise<void> {
  const [head = '', ...groups] = text.split(REST_GROUP_MARK);
  const before = document.createElement('template');
  before.innerHTML = head;
  const manifest = before.content.getElementById(MANIFEST_ID);
  if (manifest) document.body.append(manifest);
  for (const markup of groups) {
    const template = document.createElement('template');
    template.innerHTML = markup;
    for (const group of [...template.content.children].filter((el): el is HTMLElement => el.matches(`section[${ATTR.section}]`))) {
      const same = [...slides.children].find((s) => s.getAttribute(ATTR.section) === group.getAttribute(ATTR.section));
      if (same) same.append(...group.children);
      else slides.append(group);
    }
    await pause(0);
  }
}

/** A slide that says the deck is not whole, why, and what to do. */
function errorSlide(problems: readonly string[]): HTMLElement {
  const group = document.createElement('section');
  group.setAttribute(ATTR.section, ERROR_SLIDE_ID);
  const slide = document.createElement('section');
  slide.id = ERROR_SLIDE_ID;
  slide.className = 'deck-load-error';
  slide.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.textContent = UI.restLoad.title;
  const what = document.createElement('p');
  what.textContent = UI.restLoad.explain;
  const fix = document.createElement('p');
  fix.textContent = UI.restLoad.fix;
  const detail = document.createElement('p');
  detail.className = 'deck-load-error-detail';
  detail.textContent = problems.join(UI.restLoad.between);
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'deck-button';
  retry.textContent = UI.restLoad.retry;
  retry.addEventListener('click', () => location.reload());
  slide.append(title, what, fix, retry, detail);
  group.append(slide);
  return group;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { UI } from '../../shared/ui-strings.ts';
import { htmlEl } from '../html-element.ts';
import {
  coverage,
  PAPER_LEFT_OUT_ID,
  PAPER_LINKS_ID,
  paragraphFragment,
  parseParagraphFragment,
  runsText,
  type LeftOutParagraph,
  type ParagraphLinks,
  type ParagraphRange,
} from '../../shared/paper.ts';

/** How the paper view sits in its page. */
export interface PaperViewOptions {
  /** The URL of a slide: `./index.html#/slide-id` in paper.html, `#/slide-id` in the one-file deck. */
  slideHref: (slideId: string) => string;
  /** What comes before `p-12` in this view's URL fragment: '' in paper.html, `paper/` in the one-file deck. @default '' */
  fragmentPrefix?: string;
  /** The link back to the slides in the view's bar; none when null. @default null */
  backHref?: string | null;
}

/** The running view: `stop()` removes its bar and listeners (the one-file deck leaves the view). */
export interface PaperView {
  /** Highlights and scrolls to what the URL's fragment names (`#p-12`, `#p-12-13`). */
  applyFragment(): void;
  stop(): void;
}

/** The names of the CSS highlights of search hits (see paper.css). */
const HIT = 'deck-paper-hit';
const CURRENT_HIT = 'deck-paper-current';
/** What the search leaves out: the page's own words, not the paper's. */
const NOT_SEARCHED = '.deck-paper-num, .deck-paper-aside';

/**
 * The reading view of the paper: a bar with the link back to the slides, a search box that
 * jumps between hits (Enter, Shift+Enter; 「第 k / n 处」) and the coverage switch (each
 * paragraph marked taught, left out or not taught); under each paragraph the slides that teach
 * it (「本段讲解：…」, links back); and the paragraphs the URL names (`#p-12`, `#p-12-13`)
 * highlighted, the first scrolled to.
 */
export function startPaperView(article: HTMLElement, options: PaperViewOptions): PaperView {
  const prefix = options.fragmentPrefix ?? '';
  const links = readJson<ParagraphLinks>(PAPER_LINKS_ID, []);
  const leftOut = readJson<LeftOutParagraph[]>(PAPER_LEFT_OUT_ID, []);
  const paragraphs = [...article.querySelectorAll<HTMLElement>('p[data-deck-paragraph]')];
  if (prefix) {
    for (const a of article.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) a.setAttribute('href', `#${prefix}${a.getAttribute('href')!.slice(1)}`);
  }
  markSources(paragraphs, links, leftOut, options.slideHref);

  const bar = viewBar(options.backHref ?? null);
  const search = searchForm();
  const place = article.closest('main') ?? article;
  place.before(bar.element, search.element);
  const summary = coverageSummary(paragraphs, links, leftOut);

  bar.coverage.addEventListener('click', () => {
    const on = bar.coverage.getAttribute('aria-pressed') !== 'true';
    bar.coverage.setAttribute('aria-pressed', String(on));
    article.classList.toggle('deck-paper-coverage-on', on);
    for (const aside of article.querySelectorAll<HTMLElement>('.deck-paper-aside[data-deck-coverage-only]')) aside.hidden = !on;
    bar.notice.textContent = on ? summary : '';
  });

  const finder = searcher(article, search);

  let highlighted: HTMLElement[] = [];
  const applyFragment = (): void => {
    for (const el of highlighted) el.classList.remove('deck-paper-hl');
    highlighted = [];
    const fragment = decodeURIComponent(location.hash.slice(1));
    if (prefix && !fragment.startsWith(prefix)) return;
    const rest = fragment.slice(prefix.length);
    const ranges = parseParagraphFragment(rest);
    if (!ranges) {
      // In the one-file deck the browser does not scroll to `#paper/ref-4` by itself.
      if (prefix && rest) document.getElementById(rest)?.scrollIntoView({ block: 'start' });
      if (!bar.coverage.matches('[aria-pressed="true"]')) bar.notice.textContent = '';
      return;
    }
    const shown = paragraphs.filter((p) => ranges.some((range) => inRange(Number(p.dataset.deckParagraph), range)));
    const beyond = ranges.find((r) => r.to > paragraphs.length);
    if (!shown.length || beyond) {
      bar.notice.textContent = UI.paper.noSuchParagraph(paragraphs.length, beyond ? Math.max(beyond.from, paragraphs.length + 1) : ranges[0]!.from);
      if (!shown.length) return;
    }
    for (const p of shown) {
      highlighted.push(p);
      for (let next = p.nextElementSibling; next?.classList.contains('deck-paper-aside'); next = next.nextElementSibling) highlighted.push(next as HTMLElement);
    }
    for (const el of highlighted) el.classList.add('deck-paper-hl');
    const first = shown[0]!;
    // Keyboard and screen-reader users start reading here, as after a link to a single paragraph.
    first.tabIndex = -1;
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'start' });
    if (!beyond) bar.notice.textContent = UI.paper.highlighted(runsText(ranges));
  };
  window.addEventListener('hashchange', applyFragment);

  return {
    applyFragment,
    stop() {
      window.removeEventListener('hashchange', applyFragment);
      finder.clear();
      bar.element.remove();
      search.element.remove();
    },
  };
}

/** The fragment a link to these paragraphs has in this view. */
export function paragraphHref(ranges: ParagraphRange | readonly ParagraphRange[], prefix = ''): string {
  return `#${prefix}${paragraphFragment(ranges)}`;
}

function inRange(n: number, range: ParagraphRange): boolean {
  return n >= range.from && n <= range.to;
}

function readJson<T>(id: string, fallback: T): T {
  const text = document.getElementById(id)?.textContent;
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    console.warn(`[deck] #${id} is not valid JSON; the paper view shows no slide links`);
    return fallback;
  }
}

/**
 * Under each paragraph: the slides that teach it (「本段讲解：…」, always shown), and for the
 * coverage map (shown when switched on) whether it is taught, left out and why, or not taught.
 */
function markSources(paragraphs: readonly HTMLElement[], links: ParagraphLinks, leftOut: readonly LeftOutParagraph[], slideHref: (id: string) => string): void {
  const byParagraph = new Map(links.map((l) => [l.paragraph, l.slides]));
  const reasons = new Map(leftOut.map((l) => [l.paragraph, l.reason]));
  const known = new Set(paragraphs.map((p) => Number(p.dataset.deckParagraph)));
  for (const n of [...byParagraph.keys(), ...reasons.keys()].filter((k) => !known.has(k))) console.warn(`[deck] the paper has no paragraph ¶${n}; its slide links are not shown`);

  for (const p of paragraphs) {
    const n = Number(p.dataset.deckParagraph);
    const slides = byParagraph.get(n) ?? [];
    const reason = reasons.get(n);
    const state = slides.length ? 'taught' : reason !== undefined ? 'left-out' : 'untaught';
    p.dataset.deckCoverage = state;
    const aside = htmlEl('p', 'deck-paper-aside');
    aside.dataset.deckFor = String(n);
    htmlEl('span', 'deck-paper-mark', UI.paper.marks[state], aside);
    if (slides.length) {
      aside.append(UI.paper.taughtBy);
      slides.forEach((s, i) => {
        if (i > 0) aside.append(UI.paper.separator);
        const a = htmlEl('a', '', s.title, aside);
        a.href = slideHref(s.id);
        a.dataset.deckSlide = s.id;
      });
    } else {
      if (reason !== undefined) aside.append(UI.paper.reason(reason));
      aside.dataset.deckCoverageOnly = '';
      aside.hidden = true;
    }
    p.after(aside);
  }
}

/** 「正文45段：已讲解40段，有意略过3段，未讲解2段」 */
function coverageSummary(paragraphs: readonly HTMLElement[], links: ParagraphLinks, leftOut: readonly LeftOutParagraph[]): string {
  const all = paragraphs.map((p) => ({ n: Number(p.dataset.deckParagraph) }));
  const untaught = coverage(all, links, leftOut).length;
  const taught = all.filter((p) => links.some((l) => l.paragraph === p.n && l.slides.length)).length;
  return UI.paper.coverage(all.length, taught, all.length - taught - untaught, untaught);
}

interface ViewBar {
  element: HTMLElement;
  coverage: HTMLButtonElement;
  notice: HTMLElement;
}

function viewBar(backHref: string | null): ViewBar {
  const element = htmlEl('header', 'deck-paper-top');
  const row = htmlEl('div', 'deck-paper-top-row', '', element);
  if (backHref !== null) htmlEl('a', 'deck-paper-button', UI.paper.back, row).href = backHref;
  htmlEl('p', 'deck-paper-kind', UI.paper.kind, row);
  const coverageButton = htmlEl('button', 'deck-paper-button deck-paper-coverage-switch', UI.paper.coverageButton, row);
  coverageButton.type = 'button';
  coverageButton.setAttribute('aria-pressed', 'false');
  const notice = htmlEl('p', 'deck-paper-notice', '', element);
  notice.setAttribute('role', 'status');
  return { element, coverage: coverageButton, notice };
}

interface SearchForm {
  element: HTMLFormElement;
  input: HTMLInputElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  status: HTMLOutputElement;
}

function searchForm(): SearchForm {
  const element = htmlEl('form', 'deck-paper-search');
  element.setAttribute('role', 'search');
  element.setAttribute('aria-label', UI.paper.searchLabel);
  const label = htmlEl('label', '', UI.paper.search);
  label.htmlFor = 'deck-paper-query';
  const input = document.createElement('input');
  input.type = 'search';
  input.id = 'deck-paper-query';
  input.autocomplete = 'off';
  input.enterKeyHint = 'search';
  input.setAttribute('aria-describedby', 'deck-paper-hits');
  const button = (text: string, name: string): HTMLButtonElement => {
    const b = htmlEl('button', 'deck-paper-button deck-paper-step', text);
    b.type = 'button';
    b.setAttribute('aria-label', name);
    b.title = name;
    return b;
  };
  const previous = button(UI.paper.previousKey, UI.paper.previousHit);
  const next = button(UI.paper.nextKey, UI.paper.nextHit);
  const status = htmlEl('output', 'deck-paper-hits');
  status.id = 'deck-paper-hits';
  status.setAttribute('aria-live', 'polite');
  element.append(label, input, previous, next, status);
  return { element, input, previous, next, status };
}

/** Text compared by the search: no spaces, one width for letters, digits and punctuation, lower case. */
function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  const narrow = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c;
  const lower = narrow.toLowerCase();
  return lower.length === 1 ? lower : narrow;
}

/** Every place of `query` in the paper's text (its own words, not the page's), in reading order. */
function findHits(root: HTMLElement, query: string): Range[] {
  const wanted = [...query].filter((c) => !/\s/.test(c)).map(foldChar).join('');
  if (!wanted) return [];
  const hits: Range[] = [];
  for (const block of root.querySelectorAll<HTMLElement>('h1, h2, h3, p, li')) {
    if (block.closest('.deck-paper-aside') || block.querySelector('p, li')) continue;
    const chars: string[] = [];
    const places: { node: Text; offset: number }[] = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest(NOT_SEARCHED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i]!)) continue;
        chars.push(foldChar(text[i]!));
        places.push({ node, offset: i });
      }
    }
    const haystack = chars.join('');
    for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + wanted.length)) {
      const start = places[at]!;
      const end = places[at + wanted.length - 1]!;
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset + 1);
      hits.push(range);
    }
  }
  return hits;
}

/** The search box's behaviour: hits found as one types, Enter / Shift+Enter (or ↓ / ↑) jump between them. */
function searcher(article: HTMLElement, form: SearchForm): { clear(): void } {
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  let hits: Range[] = [];
  let current = -1;

  const show = (): void => {
    const range = hits[current];
    if (registry) {
      registry.set(HIT, new Highlight(...hits));
      if (range) registry.set(CURRENT_HIT, new Highlight(range));
      else registry.delete(CURRENT_HIT);
    } else if (range) {
      // No CSS highlights in this browser: the current hit is selected instead.
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    form.status.textContent = !form.input.value.trim() ? '' : hits.length ? UI.paper.hit(current + 1, hits.length) : UI.paper.noHit;
    if (range) {
      const rect = range.getBoundingClientRect();
      const barBottom = form.element.getBoundingClientRect().bottom;
      if (rect.top < barBottom + 8 || rect.bottom > window.innerHeight - 8) {
        window.scrollTo({ top: window.scrollY + rect.top - Math.max(barBottom + 16, window.innerHeight / 3) });
      }
    }
  };
  const find = (): void => {
    hits = findHits(article, form.input.value);
    current = hits.length ? 0 : -1;
    show();
  };
  const step = (by: 1 | -1): void => {
    if (!hits.length) return find();
    current = (current + by + hits.length) % hits.length;
    show();
  };
  const clear = (): void => {
    hits = [];
    current = -1;
    registry?.delete(HIT);
    registry?.delete(CURRENT_HIT);
  };

  form.input.addEventListener('input', find);
  form.input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || e.isComposing) return;
    e.preventDefault();
    step(e.shiftKey ? -1 : 1);
  });
  form.element.addEventListener('submit', (e) => e.preventDefault());
  form.previous.addEventListener('click', () => step(-1));
  form.next.addEventListener('click', () => step(1));
  return { clear };
}

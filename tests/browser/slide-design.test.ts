import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeckManifest } from '../../src/shared/deck-model.ts';
import { TOOLBAR_IDLE_MS } from '../../src/deck/controllers/toolbar.ts';
import { deckUrl, launch, pageManifest, type RevealWindow } from './helpers/deck-page.ts';
import { showSlide } from './helpers/slides.ts';

/**
 * The deck's look beyond defaults, measured on the slides as drawn: a part's opening slide looks
 * like one, each kind of slide has one layout, a short text slide uses its room, and the
 * lecture's controls behave on a projector.
 */
let browser: Browser;
let page: Page;
let manifest: DeckManifest;
/** The deck at 1024×768, a 4:3 projector. */
let square: Page | undefined;

beforeAll(async () => {
  browser = await launch();
  page = await open({ width: 1280, height: 720 });
  manifest = await pageManifest(page);
});
afterAll(async () => browser?.close());

async function open(viewport: { width: number; height: number }, hash = ''): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const p = await context.newPage();
  await p.goto(new URL(`?view=present&plan=all${hash}`, deckUrl()).href);
  await p.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  return p;
}

/** What a slide shown at 1280×720 is, for the layout checks: its kind by its content, and where its parts are drawn (slide px). */
interface Drawn {
  id: string;
  /** `opener` (a part's first slide: heading, 引导问题…, goals), `quote`, `list` (short text slides), or `other`. */
  kind: string;
  /** The room under the heading (top, bottom) and where the content stands in it. */
  room: [number, number];
  content: [number, number];
  /** The font size of the main text (the quotation, or the list's items). */
  mainPx: number;
  /** Lists of two items: whether they stand side by side. */
  pairs: boolean[];
}

/** Every slide shown in turn, with every step, and measured (in the page: one round trip for the deck). */
function drawnSlides(p: Page): Promise<Drawn[]> {
  return p.evaluate(() => {
    const deck = (window as unknown as RevealWindow).Reveal;
    return deck.getSlides().map((slide) => {
      const { h, v } = deck.getIndices(slide);
      deck.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
      const box = slide.getBoundingClientRect();
      const k = box.width / 1280;
      const y = (value: number): number => (value - box.top) / k;
      // The notes, the opener's frame and the 原文 ¶ corner link lay out no content.
      const blocks = [...slide.children].filter((c) => !c.matches('aside.notes, .deck-opener-part, .deck-opener-track, .deck-source'));
      const heading = blocks[0];
      const content = blocks.slice(1);
      const tags = content.map((c) => c.localName);
      const text = content.map((c) => c.textContent ?? '').join('').replace(/\s+/g, '');
      const lists = content.filter((c) => c.matches('ul, ol'));
      const items = (l: Element): number => l.querySelectorAll(':scope > li').length;
      const textOnly = !!heading?.matches('h1, h2') && content.length > 0 && tags.every((t) => ['p', 'ul', 'ol', 'blockquote'].includes(t)) && !content.some((c) => c.querySelector('ul ul, ol ol, .katex'));
      const short = textOnly && text.length <= 120 && content.length <= 2;
      let kind = 'other';
      if (slide.parentElement!.querySelector(':scope > section') === slide && content[0]?.textContent?.startsWith('引导问题')) kind = 'opener';
      else if (short && tags.filter((t) => t === 'blockquote').length === 1 && lists.every((l) => items(l) <= 3)) kind = 'quote';
      else if (short && !tags.includes('blockquote') && lists.length === 1 && items(lists[0]!) <= 5 && tags.at(-1) !== 'p') kind = 'list';
      const rects = content.map((c) => c.getBoundingClientRect());
      const main = slide.querySelector('blockquote') ?? lists[0]?.querySelector('li') ?? content[0];
      return {
        id: slide.id,
        kind,
        room: [heading ? y(heading.getBoundingClientRect().bottom) : 0, (box.height - 52 * k) / k] as [number, number],
        content: rects.length ? ([y(Math.min(...rects.map((r) => r.top))), y(Math.max(...rects.map((r) => r.bottom)))] as [number, number]) : ([0, 0] as [number, number]),
        mainPx: main ? parseFloat(getComputedStyle(main).fontSize) : 0,
        pairs: lists.filter((l) => items(l) === 2).map((l) => {
          const [a, b] = [...l.querySelectorAll(':scope > li')].map((li) => li.getBoundingClientRect());
          return Math.abs(a!.top - b!.top) < 2 && b!.left > a!.right;
        }),
      };
    });
  });
}

describe('slides of a kind share one layout, and a short one uses its room (1280×720, every step shown)', () => {
  let slides: Drawn[];

  beforeAll(async () => {
    slides = await drawnSlides(page);
  });

  it('finds the kinds: a part’s opener, quotation slides and short text slides', () => {
    const count = (kind: string): number => slides.filter((s) => s.kind === kind).length;
    expect(count('opener')).toBe(4);
    expect(count('quote')).toBeGreaterThanOrEqual(10);
    expect(count('list')).toBeGreaterThanOrEqual(30);
  });

  it('stands a quotation or a short text in the middle of the room under its heading, not in its top third', () => {
    const off = slides.filter((s) => s.kind === 'quote' || s.kind === 'list').flatMap((s) => {
      const [top, bottom] = s.room;
      const middle = (s.content[0] + s.content[1]) / 2;
      return Math.abs(middle - (top + bottom) / 2) > 0.12 * (bottom - top) ? [`${s.id}: content at ${Math.round(s.content[0])}–${Math.round(s.content[1])} in ${Math.round(top)}–${Math.round(bottom)}`] : [];
    });
    expect(off).toEqual([]);
  });

  it('sets the text of a short slide large, the same size on every slide of its kind', () => {
    for (const kind of ['quote', 'list']) {
      const sizes = new Set(slides.filter((s) => s.kind === kind).map((s) => s.mainPx));
      expect([...sizes], kind).toHaveLength(1);
      expect([...sizes][0], kind).toBeGreaterThanOrEqual(40);
    }
  });

  it('sets a pair (a list of two) in two columns', () => {
    const pairs = slides.filter((s) => s.kind === 'quote' || s.kind === 'list').flatMap((s) => s.pairs.map((side) => ({ id: s.id, side })));
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    expect(pairs.filter((p) => !p.side)).toEqual([]);
  });
});

describe('a part’s opening slide (1280×720)', () => {
  let openers: { id: string; part: string; heading: string; headingFits: boolean; question: { px: number; top: number; left: number; width: number }; bodyPx: number; track: string[]; here: string | null; headingTop: number }[];

  beforeAll(async () => {
    openers = [];
    for (const section of manifest.sections) {
      const id = section.slides[0]!.id;
      await showSlide(page, id);
      const found = await page.evaluate((slideId) => {
        const slide = document.getElementById(slideId)!;
        const question = [...slide.querySelectorAll('p')].find((p) => p.textContent!.startsWith('引导问题'));
        if (!question) return null;
        const box = slide.getBoundingClientRect();
        const k = box.width / 1280;
        const h1 = slide.querySelector('h1')!;
        const q = question.getBoundingClientRect();
        const goal = slide.querySelector('ul li, ol li')!;
        // Where the part stands: a list of the parts (the track), the current one marked.
        const track = [...slide.querySelectorAll('[aria-current="step"]')].map((el) => el.parentElement!)[0];
        return {
          id: slideId,
          part: [...slide.querySelectorAll('p')].find((p) => p !== question && p.getBoundingClientRect().bottom <= h1.getBoundingClientRect().top + 1)?.textContent?.trim() ?? '',
          heading: h1.textContent!.trim(),
          headingFits: h1.scrollWidth <= h1.clientWidth + 1,
          question: { px: parseFloat(getComputedStyle(question).fontSize), top: Math.round((q.top - box.top) / k), left: Math.round((q.left - box.left) / k), width: Math.round(q.width / k) },
          bodyPx: parseFloat(getComputedStyle(goal).fontSize),
          track: track ? [...track.children].map((li) => li.textContent!.trim()) : [],
          here: slide.querySelector('[aria-current="step"]')?.textContent?.trim() ?? null,
          headingTop: Math.round((h1.getBoundingClientRect().top - box.top) / k),
        };
      }, id);
      if (found) openers.push(found);
    }
  });

  it('names the part’s number above its full heading', () => {
    expect(openers.map((o) => o.id)).toEqual(['intro', 'logic', 'problems', 'paths']);
    for (const o of openers) {
      const section = manifest.sections.find((s) => s.slides[0]!.id === o.id)!;
      expect(o.heading, o.id).toContain(section.title);
      expect(o.headingFits, o.id).toBe(true);
      const numeral = /^([一二三])、/.exec(o.heading)?.[1];
      if (numeral) expect(o.part, o.id).toBe(`第${numeral}部分`);
      else expect(o.part, o.id).not.toBe('');
    }
  });

  it('sets the guiding question larger than the goals, and shows where the part stands among the lecture’s parts', () => {
    const parts = openers.map((o) => manifest.sections.find((s) => s.slides[0]!.id === o.id)!.short);
    for (const [i, o] of openers.entries()) {
      expect(o.question.px, o.id).toBeGreaterThanOrEqual(1.25 * o.bodyPx);
      expect(o.track, o.id).toEqual(parts);
      expect(o.here, o.id).toBe(parts[i]);
    }
  });

  it('lays out every opener the same way', () => {
    const shape = (o: (typeof openers)[number]): string => `${o.headingTop} ${o.question.top} ${o.question.left} ${o.question.width} ${o.question.px}`;
    expect(new Set(openers.map(shape)).size, openers.map((o) => `${o.id}: ${shape(o)}`).join('; ')).toBe(1);
  });
});

describe('the lecture’s controls on a projector', () => {
  beforeAll(async () => {
    square ??= await open({ width: 1024, height: 768 });
  });

  const opacity = (p: Page): Promise<string> => p.evaluate(() => getComputedStyle(document.querySelector('.deck-toolbar')!).opacity);

  it('hides the toolbar while the lecturer talks, and shows it on a touch, a mouse move or the keyboard’s focus', async () => {
    await page.mouse.move(600, 300);
    expect(await opacity(page)).toBe('1');
    await page.waitForTimeout(TOOLBAR_IDLE_MS + 300);
    expect(await opacity(page)).toBe('0');
    await page.keyboard.press('ArrowRight');
    expect(await opacity(page), 'a key that moves the slide leaves it hidden').toBe('0');
    await page.evaluate(() => document.dispatchEvent(new Event('touchstart')));
    expect(await opacity(page)).toBe('1');
    await page.waitForTimeout(TOOLBAR_IDLE_MS + 300);
    expect(await opacity(page)).toBe('0');
    await page.focus('.deck-toolbar-button');
    expect(await opacity(page), 'a control in it has the focus').toBe('1');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    expect(await opacity(page)).toBe('0');
    await page.mouse.move(640, 320);
    expect(await opacity(page)).toBe('1');
  });

  it('scales the toolbar with the slide at 1920×1080, and sets the slide number as a label clear of the arrows', async () => {
    const measure = (p: Page) =>
      p.evaluate(() => {
        const number = document.querySelector('.reveal .slide-number')!;
        const arrows = [...document.querySelectorAll('.reveal .controls button')].map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0);
        const n = number.getBoundingClientRect();
        const near = arrows.filter((r) => r.bottom > n.top && r.top < n.bottom);
        return {
          toolbarPx: parseFloat(getComputedStyle(document.querySelector('.deck-toolbar-button')!).fontSize),
          underline: [number, ...number.querySelectorAll('*')].map((el) => getComputedStyle(el).textDecorationLine).filter((d) => d !== 'none'),
          gap: near.length ? Math.min(...near.map((r) => r.left)) - n.right : Infinity,
        };
      });
    const small = await measure(page);
    const big = await open({ width: 1920, height: 1080 });
    const large = await measure(big);
    await big.context().close();
    const narrow = await measure(square!);
    expect(large.toolbarPx / small.toolbarPx).toBeCloseTo(1.5, 1);
    for (const m of [small, large, narrow]) {
      expect(m.underline).toEqual([]);
      expect(m.gap).toBeGreaterThanOrEqual(12);
    }
  });
});

describe('a 4:3 projector (1024×768): the slide letterboxed', () => {
  beforeAll(async () => {
    square ??= await open({ width: 1024, height: 768 });
  });

  it('draws no text under 14 px on any slide, every step shown and each diagram’s text version open (a formula counts at its own size)', async () => {
    const small = await square!.evaluate(async () => {
      const deck = (window as unknown as RevealWindow).Reveal;
      const stage = document.querySelector<HTMLElement>('.reveal .slides')!;
      const found: string[] = [];
      for (const slide of deck.getSlides()) {
        const { h, v } = deck.getIndices(slide);
        deck.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
        slide.querySelectorAll('details.deck-diagram-text').forEach((d) => d.setAttribute('open', ''));
        // A widget draws its charts for the size it is shown at, a frame or two later.
        if (slide.querySelector('growth-explorer, cake-explorer')) await new Promise((done) => setTimeout(done, 300));
        const scale = stage.getBoundingClientRect().width / stage.offsetWidth;
        const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent!.replace(/[\s\u200b]/g, '')) continue;
          const el = node.parentElement!;
          if (el.closest('aside.notes, .katex-mathml, style, title, desc, script, [hidden]')) continue;
          if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
          // In an SVG (labels, charts), its own scale to the screen, which includes reveal.js's.
          const graphic = el instanceof SVGGraphicsElement ? el : el.closest('svg foreignObject');
          const m = graphic instanceof SVGGraphicsElement ? graphic.getScreenCTM() : null;
          const px = parseFloat(getComputedStyle(el.closest('.katex') ?? el).fontSize) * (m ? Math.hypot(m.a, m.b) : scale);
          if (px < 14) found.push(`${slide.id}: ${px.toFixed(1)}px “${node.textContent!.trim().slice(0, 16)}”`);
        }
      }
      // And the controls around the slide, for the lecturer.
      for (const el of document.querySelectorAll('.deck-toolbar *, .reveal .slide-number *')) {
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (el.textContent!.trim() && px < 14) found.push(`${el.className}: ${px}px`);
      }
      return found;
    });
    expect(small).toEqual([]);
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckUrl, launch } from './helpers/deck-page.ts';
import { showSlide, slideIds } from './helpers/slides.ts';

/**
 * Readable from the back of the room: at 1280×720, no text of a slide is drawn smaller than
 * 18 px. What counts is the size as drawn: the computed font size times every scale on the way
 * (reveal.js's, and a diagram's when its SVG is scaled to fit). Citations, diagram labels,
 * widgets and a diagram's text version (open) count like any text. A formula counts at its own
 * size: KaTeX sets sub- and superscripts at 70% (and 50%) of it, as print does, and a formula
 * whose size is readable is read as one. The lecture controls around the slide (toolbar,
 * slide number) are for the lecturer at the screen, not the room: 15 px or more.
 */
const SLIDE_MIN_PX = 18;
/**
 * Read at a glance: a slide shows at most this many Chinese characters; the argument is in the
 * notes. The glossary and the references are exempt: they are lists to look things up in, not
 * to read aloud, and outside every lecture plan (self-study only).
 */
const SLIDE_MAX_HAN = 120;
const CONTROLS_MIN_PX = 15;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  page = await context.newPage();
  await page.goto(new URL('?view=present&plan=all', deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
});
afterAll(async () => browser?.close());

/** Every visible text of the element, with the size it is drawn at (CSS px on screen), smallest first. */
function drawnSizes(page: Page, selector: string): Promise<{ px: number; text: string; where: string }[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [];
    const stage = document.querySelector<HTMLElement>('.reveal .slides')!;
    const revealScale = stage.getBoundingClientRect().width / stage.offsetWidth;
    const out: { px: number; text: string; where: string }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Zero-width spaces are KaTeX's struts, not text.
      if (!node.textContent!.replace(/[\s\u200b]/g, '')) continue;
      const el = node.parentElement!;
      if (el.closest('aside.notes, .katex-mathml, style, title, desc, script, [hidden]')) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      // In an SVG (labels, charts): the SVG's own scale to the screen, which includes reveal.js's.
      const graphic = el instanceof SVGGraphicsElement ? el : el.closest('svg foreignObject');
      const m = graphic instanceof SVGGraphicsElement ? graphic.getScreenCTM() : null;
      const scale = m ? Math.hypot(m.a, m.b) : root.closest('.reveal .slides') ? revealScale : 1;
      const px = parseFloat(getComputedStyle(el.closest('.katex') ?? el).fontSize) * scale;
      out.push({ px: Math.round(px * 10) / 10, text: node.textContent!.trim().slice(0, 24), where: `${el.localName}.${[...el.classList].join('.')}` });
    }
    return out.sort((a, b) => a.px - b.px);
  }, selector);
}

describe('text size at 1280×720', () => {
  it(`draws no text of any slide smaller than ${SLIDE_MIN_PX} px, with every step shown and each diagram’s text version open`, async () => {
    const small: string[] = [];
    const ids = await slideIds(page);
    for (const id of ids) {
      await showSlide(page, id);
      await page.evaluate((slideId) => document.querySelectorAll(`[id="${slideId}"] details.deck-diagram-text`).forEach((d) => d.setAttribute('open', '')), id);
      for (const t of await drawnSizes(page, `[id="${id}"]`)) if (t.px < SLIDE_MIN_PX) small.push(`${id}: ${t.px}px “${t.text}” (${t.where})`);
    }
    expect(ids.length).toBeGreaterThan(80);
    expect(small).toEqual([]);
  });

  it(`sets the lecture controls around the slide (toolbar, slide number) at ${CONTROLS_MIN_PX} px or more`, async () => {
    // The toolbar shows on a mouse move (it fades while the lecturer talks).
    await page.mouse.move(640, 360);
    const sizes = [...(await drawnSizes(page, '.deck-toolbar')), ...(await drawnSizes(page, '.reveal .slide-number'))];
    expect(sizes.length).toBeGreaterThan(4);
    expect(sizes.filter((t) => t.px < CONTROLS_MIN_PX)).toEqual([]);
  });
});

describe('slides for reading at a glance', () => {
  it(`shows no more than ${SLIDE_MAX_HAN} Chinese characters on any slide, with every step shown`, async () => {
    const dense: string[] = [];
    for (const id of await slideIds(page)) {
      await showSlide(page, id);
      const han = await page.evaluate((slideId) => {
        const slide = document.getElementById(slideId)!;
        if (slide.querySelector('.deck-glossary, .deck-references')) return 0;
        let count = 0;
        const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement!;
          // A diagram is read as a figure, its text version only on demand; notes are not shown;
          // a term's or a citation's tip shows only under the pointer (where the last test left it).
          if (el.closest('aside.notes, svg, details.deck-diagram-text > :not(summary), .deck-term-tip, .deck-cite-tip, .katex-mathml, style, script, [hidden]')) continue;
          if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
          count += node.textContent!.match(/\p{Script=Han}/gu)?.length ?? 0;
        }
        return count;
      }, id);
      if (han > SLIDE_MAX_HAN) dense.push(`${id}: ${han}`);
    }
    expect(dense).toEqual([]);
  });
});

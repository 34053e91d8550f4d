import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckUrl, launch } from './helpers/deck-page.ts';

/**
 * Diagrams in the study view on a 390×844 phone: every label is drawn at 12 px or more (its
 * font size times the SVG's scale to the screen), each diagram fits the screen's width, and its
 * text version (查看文字版) is still there.
 */
const PHONE = { width: 390, height: 844 };
const MIN_PX = 12;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  page = await context.newPage();
  await page.goto(new URL('?view=scroll', deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
});
afterAll(async () => browser?.close());

/** Per diagram shown: its id, its drawn width, and its smallest label as drawn (CSS px on screen). */
function drawnDiagrams(p: Page): Promise<{ id: string; width: number; smallest: number; text: string }[]> {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.deck-diagram')].map((figure) => {
      const svg = [...figure.querySelectorAll<SVGSVGElement>(':scope > svg')].find((s) => s.checkVisibility());
      let smallest = Infinity;
      let text = '';
      // Every text of the drawing: SVG text, and the HTML labels of its boxes (in foreignObject).
      const walker = document.createTreeWalker(svg ?? document.createElement('i'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('style, title, desc') || !el.checkVisibility()) continue;
        const graphic = el instanceof SVGGraphicsElement ? el : el.closest('foreignObject');
        const m = graphic instanceof SVGGraphicsElement ? graphic.getScreenCTM() : null;
        const px = parseFloat(getComputedStyle(el).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
        if (px < smallest) [smallest, text] = [px, n.textContent.trim()];
      }
      return { id: figure.getAttribute('data-deck-diagram') ?? '', width: svg?.getBoundingClientRect().width ?? 0, smallest: Math.round(smallest * 10) / 10, text };
    }),
  );
}

describe('diagrams on a 390×844 phone', () => {
  it(`draws every diagram’s labels at ${MIN_PX} px or more, within the screen’s width`, async () => {
    const drawn = await drawnDiagrams(page);
    expect(drawn.length).toBeGreaterThanOrEqual(14);
    expect(drawn.filter((d) => d.smallest < MIN_PX).map((d) => `${d.id}: ${d.smallest}px “${d.text}”`)).toEqual([]);
    expect(drawn.filter((d) => d.width === 0 || d.width > PHONE.width).map((d) => `${d.id}: ${d.width}px wide`)).toEqual([]);
  });

  it('keeps each diagram’s text version under it', async () => {
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll('figure.deck-diagram')].filter((f) => !f.nextElementSibling?.matches('details.deck-diagram-text')).map((f) => f.getAttribute('data-deck-diagram')),
    );
    expect(missing).toEqual([]);
  });

  it('gives each drawing of the page an id of its own', async () => {
    const ids = await page.evaluate(() => [...document.querySelectorAll('svg[id]')].map((s) => s.id));
    expect(ids.length).toBeGreaterThanOrEqual(14);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

/**
 * Mermaid's defaults that looked broken, checked on every drawing as the page shows it: a
 * group's title clear of every box, an edge label on an opaque background above its line, and a
 * box label broken only where its source breaks it, never with one character alone on a line.
 */
function lookProblems(p: Page): Promise<{ drawings: number; problems: string[] }> {
  return p.evaluate(() => {
    const problems: string[] = [];
    const overlap = (a: DOMRect, b: DOMRect): boolean => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    const inside = (a: DOMRect, b: DOMRect): boolean => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
    const svgs = [...document.querySelectorAll<SVGSVGElement>('figure.deck-diagram > svg')].filter((s) => s.checkVisibility());
    for (const svg of svgs) {
      const name = svg.id;
      const boxes = [...svg.querySelectorAll('g.node rect.label-container')].map((r) => r.getBoundingClientRect());
      for (const title of svg.querySelectorAll('g.cluster-label text')) {
        const t = title.getBoundingClientRect();
        if (t.width && boxes.some((b) => overlap(t, b))) problems.push(`${name}: a box covers the group title “${title.textContent}”`);
      }
      for (const text of svg.querySelectorAll<SVGTextElement>('g.edgeLabel text')) {
        if (!text.textContent?.trim()) continue;
        const bg = text.previousElementSibling;
        const style = bg ? getComputedStyle(bg) : null;
        const opaque = style && style.fill !== 'none' && Number(style.fillOpacity) === 1 && Number(style.opacity) === 1;
        if (!bg?.matches('rect') || !opaque || !inside(text.getBoundingClientRect(), bg.getBoundingClientRect())) problems.push(`${name}: the edge label “${text.textContent}” has no background of its own`);
      }
      for (const label of svg.querySelectorAll('g.node .nodeLabel')) {
        const lines = new Map<number, string>();
        const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          for (let i = 0; i < n.data.length; i++) {
            if (!n.data[i]!.trim()) continue;
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            const top = Math.round(range.getBoundingClientRect().top / 4);
            lines.set(top, (lines.get(top) ?? '') + n.data[i]);
          }
        }
        const shown = [...lines.values()];
        const lone = shown.some((l) => l.replace(/\p{P}/gu, '').length === 1);
        if (shown.length !== label.querySelectorAll('br').length + 1 || (lone && shown.length > 1)) problems.push(`${name}: the box label is broken as “${shown.join(' / ')}”`);
      }
    }
    return { drawings: svgs.length, problems };
  });
}

describe('Mermaid drawn the deck’s way', () => {
  it('keeps group titles clear, edge labels on a background, box labels whole, in every wide drawing', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const wide = await context.newPage();
    await wide.goto(new URL('?view=scroll', deckUrl()).href);
    await wide.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    const { drawings, problems } = await lookProblems(wide);
    expect(drawings).toBeGreaterThanOrEqual(14);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('and in every phone drawing', async () => {
    const { drawings, problems } = await lookProblems(page);
    expect(drawings).toBeGreaterThanOrEqual(14);
    expect(problems).toEqual([]);
  });
});

describe('one drawing per diagram wherever the column is wide', () => {
  for (const [name, path, media] of [
    ['the study view on a 1280 px screen', '?view=scroll', 'screen'],
    ['the study guide as it prints', 'notes.html', 'print'],
  ] as const) {
    it(`shows only the wide drawing of each diagram in ${name}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const wide = await context.newPage();
      await wide.emulateMedia({ media });
      await wide.goto(new URL(path, deckUrl()).href);
      await wide.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
      const shown = await wide.evaluate(() =>
        [...document.querySelectorAll('figure.deck-diagram')].map((f) => ({
          drawings: [...f.querySelectorAll(':scope > svg')].filter((s) => s.checkVisibility()).map((s) => s.getAttribute('class') ?? ''),
          narrow: f.querySelectorAll(':scope > svg.deck-diagram-narrow').length,
        })),
      );
      await context.close();
      expect(shown.filter((f) => f.narrow > 0).length, 'wide flowcharts with a phone drawing').toBeGreaterThan(3);
      expect(shown.filter((f) => f.drawings.length !== 1 || f.drawings.some((c) => c.includes('deck-diagram-narrow')))).toEqual([]);
    });
  }
});

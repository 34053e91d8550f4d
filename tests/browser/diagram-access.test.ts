import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openDeck, type WatchedPage } from './helpers/deck-page.ts';
import { currentSlide, showSlide } from './helpers/slides.ts';

let browser: Browser;
let deck: WatchedPage;
let diagramSlides: string[];

beforeAll(async () => {
  browser = await launch();
  deck = await openDeck(browser, '?view=present&plan=all');
  diagramSlides = await deck.page.$$eval('figure[data-deck-diagram]', (figs) => [...new Set(figs.map((f) => f.closest('section[id]')!.id))]);
});
afterAll(async () => browser?.close());

/** Every `accTitle:` written in slides/. */
function authoredTitles(): string[] {
  return readdirSync('slides')
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => [...readFileSync(`slides/${f}`, 'utf8').matchAll(/^\s*accTitle:\s*(.+)$/gm)].map((m) => m[1]!.trim()));
}

describe('diagrams for every reader', () => {
  it('names and describes every diagram from its accTitle and accDescr (title and desc, referenced by the SVG)', async () => {
    const named = await deck.page.$$eval('figure[data-deck-diagram] svg', (svgs) =>
      svgs.map((svg) => ({
        role: svg.getAttribute('role') ?? '',
        name: document.getElementById(svg.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? '',
        description: document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent?.trim() ?? '',
      })),
    );
    expect(named.length).toBeGreaterThanOrEqual(10);
    for (const d of named) {
      expect(d.role).toContain('graphics-document');
      expect(d.name.length, JSON.stringify(d)).toBeGreaterThan(2);
      expect(d.description.length, JSON.stringify(d)).toBeGreaterThan(10);
    }
    expect(named.map((d) => d.name).sort()).toEqual(authoredTitles().sort());
  });

  it('follows every diagram with a closed 查看文字版 toggle whose list holds every label of the diagram', async () => {
    const lists = await deck.page.$$eval('figure[data-deck-diagram]', (figs) =>
      figs.map((fig) => {
        const details = fig.nextElementSibling;
        const squash = (t: string | null | undefined): string => (t ?? '').replace(/\s+/g, '');
        return {
          id: fig.getAttribute('data-deck-diagram'),
          isToggle: details?.matches('details.deck-diagram-text:not([open])') ?? false,
          summary: details?.querySelector('summary')?.textContent,
          list: squash(details?.querySelector(':scope > ul')?.textContent),
          labels: [...fig.querySelectorAll('.nodeLabel, .cluster-label, .edgeLabel')].map((l) => squash(l.textContent)).filter(Boolean),
        };
      }),
    );
    for (const d of lists) {
      expect(d, d.id ?? '').toMatchObject({ isToggle: true, summary: '查看文字版' });
      expect(d.labels.length, d.id ?? '').toBeGreaterThan(2);
      for (const label of d.labels) expect(d.list, `${d.id}: ${label}`).toContain(label);
    }
  });

  it('opens the text version by keyboard over its diagram, inside the 1280×720 slide, and closes it again', async () => {
    for (const id of diagramSlides) {
      await showSlide(deck.page, id);
      const summary = deck.page.locator(`[id="${id}"] .deck-diagram-text > summary`).first();
      await summary.focus();
      await deck.page.keyboard.press('Enter');
      const boxes = await deck.page.evaluate((slideId) => {
        const slide = document.getElementById(slideId)!.getBoundingClientRect();
        const details = document.querySelector<HTMLDetailsElement>(`[id="${slideId}"] details.deck-diagram-text`)!;
        const list = details.querySelector('ul')!.getBoundingClientRect();
        const button = details.querySelector('summary')!.getBoundingClientRect();
        const inside = (r: DOMRect): boolean => r.left >= slide.left - 1 && r.right <= slide.right + 1 && r.top >= slide.top - 1 && r.bottom <= slide.bottom + 1;
        return { open: details.open, list: inside(list) && list.height > 40, button: inside(button), flowHeight: details.offsetHeight };
      }, id);
      expect(boxes, id).toEqual({ open: true, list: true, button: true, flowHeight: 0 });
      expect(await currentSlide(deck.page), 'Enter pressed the toggle, not the slide').toBe(id);
      await deck.page.keyboard.press('Space');
      expect(await deck.page.evaluate((slideId) => document.querySelector<HTMLDetailsElement>(`[id="${slideId}"] details.deck-diagram-text`)!.open, id), id).toBe(false);
      expect(await currentSlide(deck.page), 'Space pressed the toggle, not the slide').toBe(id);
    }
  });

  it('lets the text version flow under its diagram in the study view, as a 44 px tap target', async () => {
    const study = await openDeck(browser, '?view=scroll', { width: 390, height: 844 });
    const toggles = await study.page.$$eval('details.deck-diagram-text', (all) =>
      all.map((d) => ({ position: getComputedStyle(d.querySelector('ul')!).position, height: d.querySelector('summary')!.getBoundingClientRect().height })),
    );
    expect(toggles.length).toBeGreaterThanOrEqual(10);
    for (const t of toggles) expect(t.position).toBe('static');
    for (const t of toggles) expect(t.height).toBeGreaterThanOrEqual(44);
    await study.page.context().close();
  });

  it('tells apart by more than colour: a diagram’s dotted links by their dashes, each chart line by its own label and, within one colour, its dashes', async () => {
    const dotted = await deck.page.$$eval('figure[data-deck-diagram] path.flowchart-link.edge-pattern-dotted', (paths) =>
      paths.map((p) => getComputedStyle(p).strokeDasharray),
    );
    expect(dotted.length).toBeGreaterThan(0);
    for (const dashes of dotted) expect(dashes).not.toBe('none');

    // The growth explorer opens on two paths (5 % and 6 % a year) to agree with the slide before it.
    for (const [tag, fewest] of [['growth-explorer', 2], ['cake-explorer', 3]] as const) {
      const id = await deck.page.evaluate((t) => document.querySelector(t)!.closest('section[id]')!.id, tag);
      await showSlide(deck.page, id);
      await deck.page.waitForSelector(`${tag} svg[role="img"] path[data-curve]`);
      const lines = await deck.page.$$eval(`${tag} svg[role="img"] path[data-curve]`, (paths) =>
        paths.map((p) => {
          const svg = (p as SVGPathElement).ownerSVGElement!;
          const curve = p.getAttribute('data-curve')!;
          return { curve, stroke: getComputedStyle(p).stroke, dashes: getComputedStyle(p).strokeDasharray, labelled: !!svg.querySelector(`text[data-curve-label="${curve}"]`) };
        }),
      );
      expect(lines.length, tag).toBeGreaterThanOrEqual(fewest);
      for (const line of lines) expect(line.labelled, `${tag}: ${line.curve} has its own label`).toBe(true);
      for (const a of lines) for (const b of lines) if (a !== b && a.stroke === b.stroke) expect(a.dashes, `${tag}: ${a.curve} and ${b.curve}`).not.toBe(b.dashes);
    }
  });

  it('draws lines, arrows and borders at 3:1 or more against what they sit on (WCAG 1.4.11)', async () => {
    const weak = await deck.page.$$eval('figure[data-deck-diagram] svg', (svgs) => {
      const rgb = (c: string): number[] | null => {
        const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
        return m && (m[4] === undefined || Number(m[4]) > 0) ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
      };
      const luminance = ([r, g, b]: number[]): number =>
        [r!, g!, b!].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
      const contrast = (a: number[], b: number[]): number => {
        const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
        return (x! + 0.05) / (y! + 0.05);
      };
      const out: string[] = [];
      for (const svg of svgs) {
        const page = rgb(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255];
        const clusters = [...svg.querySelectorAll('.cluster rect')].map((r) => rgb(getComputedStyle(r).fill)).filter((c): c is number[] => !!c);
        const grounds = [page, ...clusters];
        const check = (sel: string, against: (el: Element) => number[][]): void => {
          for (const el of svg.querySelectorAll(sel)) {
            const stroke = rgb(getComputedStyle(el).stroke);
            if (!stroke || getComputedStyle(el).strokeWidth === '0px') continue;
            for (const g of against(el)) {
              const c = contrast(stroke, g);
              if (c < 3) out.push(`${svg.id} ${sel}: ${getComputedStyle(el).stroke} on rgb(${g.join(',')}) is ${c.toFixed(2)}:1`);
            }
          }
        };
        check('path.flowchart-link', () => grounds);
        check('marker path', () => grounds);
        check('.node :is(rect, polygon, circle, path)', (el) => [...grounds, rgb(getComputedStyle(el).fill) ?? page]);
        check('.cluster rect', (el) => [page, rgb(getComputedStyle(el).fill) ?? page]);
      }
      return [...new Set(out)];
    });
    expect(weak).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printA4 } from '../../src/export/a4-pdf.ts';
import { gini, initialIncomes } from '../../src/deck/widgets/math/inequality.ts';
import { deckUrl, launch, openDeck, type WatchedPage, type RevealWindow } from './helpers/deck-page.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Opens a slide and waits until the widget on it has drawn its charts. */
async function openWidget(path: string, tag: string, viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const deck = await openDeck(browser, path, viewport);
  await deck.page.waitForSelector(`${tag} svg[role="img"] path[data-curve]`);
  return deck;
}

const currentSlide = (page: Page): Promise<string> =>
  page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide().id);

const pathD = (page: Page, selector: string): Promise<string | null> => page.locator(selector).getAttribute('d');

/** A label for the focused element: its id, or its text. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? el.id || (el.textContent ?? '').trim() : '';
  });

/** Tab from the widget's first control: every button and slider is reached, in document order. */
async function expectTabReachesEveryControl(page: Page, tag: string): Promise<void> {
  const controls = await page.$$eval(`${tag} :is(button, input)`, (els) =>
    els.map((el) => (el as HTMLElement).id || (el.textContent ?? '').trim()),
  );
  expect(controls.length).toBeGreaterThanOrEqual(5);
  await page.focus(`${tag} :is(button, input)`);
  const reached = [await focused(page)];
  for (let i = 1; i < controls.length; i++) {
    await page.keyboard.press('Tab');
    reached.push(await focused(page));
  }
  expect(reached).toEqual(controls);
}

/** Nothing in the widget reaches past its right edge, nor past `limit`; on a phone, the page does not scroll sideways. */
async function expectNoHorizontalOverflow(page: Page, tag: string, limit: number, phone = false): Promise<void> {
  const box = await page.$eval(tag, (el) => {
    const own = el.getBoundingClientRect();
    let widest = own.right;
    for (const child of el.querySelectorAll('*')) {
      // KaTeX's MathML copy is visually hidden (1px, clipped); it is for screen readers.
      if (child.closest('.katex-mathml')) continue;
      const r = child.getBoundingClientRect();
      if (r.width > 0) widest = Math.max(widest, r.right);
    }
    return { right: own.right, widest, page: document.documentElement.scrollWidth };
  });
  expect(box.right).toBeLessThanOrEqual(limit);
  expect(box.widest).toBeLessThanOrEqual(box.right + 0.5);
  if (phone) expect(box.page).toBeLessThanOrEqual(limit);
}

/**
 * Where a chart's legend panel covers the chart: points of a curve or of the shaded area's outline
 * under the panel, or the panel lying on the area's fill (a notch cut out of it). Empty when the
 * legend is clear of everything it explains.
 */
function legendOverlaps(page: Page, scope: string): Promise<string[]> {
  return page.$$eval(`${scope} svg`, (svgs) =>
    (svgs as SVGSVGElement[]).flatMap((svg) => {
      const panel = svg.querySelector<SVGRectElement>('.ce-legend-panel');
      if (!panel || !panel.checkVisibility()) return [];
      const b = panel.getBBox();
      const under = (x: number, y: number): boolean => x > b.x + 1 && x < b.x + b.width - 1 && y > b.y + 1 && y < b.y + b.height - 1;
      const found: string[] = [];
      for (const path of svg.querySelectorAll<SVGPathElement>('path[data-curve], path.ce-area')) {
        const name = path.dataset.curve ?? 'area';
        const length = path.getTotalLength();
        for (let at = 0; at <= length; at += 2) {
          const pt = path.getPointAtLength(at);
          if (under(pt.x, pt.y)) {
            found.push(`${name} at ${Math.round(pt.x)},${Math.round(pt.y)}`);
            break;
          }
        }
        if (name !== 'area') continue;
        const point = svg.createSVGPoint();
        for (const [x, y] of [[b.x + b.width, b.y + b.height], [b.x + b.width / 2, b.y + b.height / 2], [b.x + b.width, b.y]]) {
          point.x = x!;
          point.y = y!;
          if (path.isPointInFill(point)) found.push(`the area under the panel at ${Math.round(x!)},${Math.round(y!)}`);
        }
      }
      return found;
    }),
  );
}

/** The smallest font size of any visible text in the widget, outside KaTeX (whose scripts are smaller). */
const smallestText = (page: Page, tag: string): Promise<number> =>
  page.$eval(tag, (el) => {
    let min = Infinity;
    for (const node of el.querySelectorAll('*')) {
      // The printed figure waits, hidden, for print.
      if (node.closest('.katex') || !node.checkVisibility()) continue;
      const hasText = [...node.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (hasText) min = Math.min(min, parseFloat(getComputedStyle(node).fontSize));
    }
    return min;
  });

describe('<growth-explorer> on the 幂数效应 slide at 1280×720', () => {
  let deck: WatchedPage;
  const tag = 'growth-explorer';
  /** The live widget (the printed figure beside it is hidden on screen). */
  const live = `${tag} > .ge`;
  const compound = `${live} path[data-curve="compound"]`;
  const base = `${live} path[data-curve="base"]`;

  beforeAll(async () => {
    deck = await openWidget('#/logic-growth-explorer', tag);
  });

  it('draws the rate-rise preset on load: two curves, formulas with the slides\' numbers, a live summary', async () => {
    const { page } = deck;
    expect(await page.locator(`${live} path[data-curve]`).count()).toBe(2);
    expect(await page.locator(`${live} .ge-gap`).count()).toBe(1);
    const text = await page.locator(live).innerText();
    expect(text).toContain('432.2'); // 100 × 1.05^30
    expect(text).toContain('574.3'); // 100 × 1.06^30
    expect(text).toContain('142.2'); // the gap
    expect(text).toContain('32.9%'); // (1.06/1.05)^30 − 1
    expect(await page.locator(`${live} [aria-live="polite"]`).innerText()).toMatch(/^第30年，6%比5%高出32\.9%，差距142\.2；/);
    expect(await page.locator(`${live} svg[role="img"]`).getAttribute('aria-label')).toContain('每年5%增长到432.2，每年6%增长到574.3，差距142.2');
  });

  it('fits on the slide with its heading, with no text smaller than 18px', async () => {
    const { page } = deck;
    const bottom = await page.$eval(tag, (el) => {
      const slide = el.closest('section')!.getBoundingClientRect();
      const own = el.getBoundingClientRect();
      // In slide pixels: reveal.js scales the 1280×720 slide to the window.
      return ((own.bottom - slide.top) / slide.height) * 720;
    });
    expect(bottom).toBeLessThanOrEqual(700);
    expect(await smallestText(page, tag)).toBeGreaterThanOrEqual(18);
  });

  it('redraws the original path and rewrites its formula when the r slider moves by keyboard', async () => {
    const { page } = deck;
    const input = page.locator(`${live} input[id$="-r"]`);
    const before = await pathD(page, base);
    const formula = page.locator(`${live} .ge-tex`).nth(0);
    expect(await formula.innerText()).toContain('1.05');
    await input.focus();
    await page.keyboard.press('ArrowRight');
    expect(await input.getAttribute('aria-valuetext')).toBe('原来每年增长5.5%');
    expect(await pathD(page, base)).not.toBe(before);
    expect(await formula.innerText()).toContain('1.055');
    await page.keyboard.press('ArrowLeft');
    expect(await formula.innerText()).not.toContain('1.055');
    expect(await currentSlide(page)).toBe('logic-growth-explorer');
  });

  it('gives the notes\' numbers when the rise slider goes to 2 points by keyboard: 76.1 % higher, a gap of 329.0', async () => {
    const { page } = deck;
    const input = page.locator(`${live} input[id$="-dr"]`);
    const faster = `${live} path[data-curve="faster"]`;
    const before = await pathD(page, faster);
    await input.focus();
    // From 1 to 2 percentage points in steps of 0.25.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await input.getAttribute('aria-valuetext')).toBe('增长率提高2个百分点，到每年7%');
    expect(await page.locator(`${live} output[for$="-dr"]`).innerText()).toBe('+2%');
    expect(await pathD(page, faster)).not.toBe(before);
    expect(await page.locator(`${live} .ge-doubling`).innerText()).toContain('76.1');
    expect(await page.locator(`${live} [aria-live="polite"]`).innerText()).toMatch(/^第30年，7%比5%高出76\.1%，差距329/);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    expect(await currentSlide(page)).toBe('logic-growth-explorer');
  });

  it('reaches every preset, toggle and slider with Tab', async () => {
    await expectTabReachesEveryControl(deck.page, tag);
  });

  it('operates the buttons with Enter and Space, without leaving the slide', async () => {
    const { page } = deck;
    const preset = page.locator(`${live} .ge-presets button`).nth(1);
    await preset.focus();
    await page.keyboard.press('Enter');
    expect(await preset.getAttribute('aria-pressed')).toBe('true');
    // t² against 1.07^t: the slide's 148 years.
    expect(await page.locator(`${live} [aria-live="polite"]`).innerText()).toMatch(/^第148年起，复利超过幂函数/);
    expect(await page.locator(`${live} .ge-cross-label`).textContent()).toContain('148');
    const log = page.locator(`${live} .ge-log`);
    const pressed = await log.getAttribute('aria-pressed');
    const before = await pathD(page, compound);
    await log.focus();
    await page.keyboard.press('Space');
    expect(await log.getAttribute('aria-pressed')).not.toBe(pressed);
    expect(await pathD(page, compound)).not.toBe(before);
    expect(await currentSlide(page)).toBe('logic-growth-explorer');
  });

  it('lays out in one column within 350px and never overflows', async () => {
    const { page } = deck;
    await page.$eval(tag, (el) => ((el as HTMLElement).style.width = '350px'));
    await page.waitForTimeout(100);
    const columns = await page.$eval(`${tag} .ge`, (el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(1);
    const right = await page.$eval(tag, (el) => el.getBoundingClientRect().right);
    await expectNoHorizontalOverflow(page, tag, right);
    await page.$eval(tag, (el) => ((el as HTMLElement).style.width = ''));
  });

  it('logs no console error and fetches nothing from elsewhere', () => {
    expect(deck.consoleErrors).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
  });
});

describe('<cake-explorer> on the 分好“蛋糕” slide at 1280×720', () => {
  let deck: WatchedPage;
  const tag = 'cake-explorer';
  /** The live widget (the printed figure beside it is hidden on screen). */
  const live = `${tag} > .ce`;
  const summary = `${live} [aria-live="polite"]`;

  beforeAll(async () => {
    deck = await openWidget('?plan=all#/logic-cake-explorer', tag);
  });

  it('draws the seeded population on load: the Gini of the tested model, the Lorenz curve and the run', async () => {
    const { page } = deck;
    const expected = gini(initialIncomes(Number(await page.locator(tag).getAttribute('seed')))).toFixed(3);
    expect(await page.locator(summary).innerText()).toContain(`一轮后基尼系数${expected}`);
    for (const curve of ['equal', 'start', 'after', 'matthew', 'shared']) {
      expect(await page.locator(`${live} path[data-curve="${curve}"]`).count(), curve).toBe(1);
    }
    expect(await page.locator(`${live} svg[role="img"][aria-label]`).count()).toBe(2);
    expect(await page.locator(`${live} .katex`).first().innerText()).toContain('G');
  });

  it('fits on the slide with its heading, with no text smaller than 18px', async () => {
    const { page } = deck;
    const bottom = await page.$eval(tag, (el) => {
      const slide = el.closest('section')!.getBoundingClientRect();
      const own = el.getBoundingClientRect();
      return ((own.bottom - slide.top) / slide.height) * 720;
    });
    expect(bottom).toBeLessThanOrEqual(700);
    expect(await smallestText(page, tag)).toBeGreaterThanOrEqual(18);
  });

  it('sets the Lorenz chart’s legend clear of the curves and the shaded area', async () => {
    expect(await legendOverlaps(deck.page, live)).toEqual([]);
  });

  it('moves the Lorenz curve and the Gini formula when the sharing slider moves by keyboard', async () => {
    const { page } = deck;
    const input = page.locator(`${live} input[id$="-share"]`);
    const after = `${live} path[data-curve="after"]`;
    const before = await pathD(page, after);
    const values = page.locator(`${live} .ce-formula`).nth(1);
    const formulaBefore = await values.innerText();
    await input.focus();
    await page.keyboard.press('ArrowRight');
    expect(await input.getAttribute('aria-valuetext')).toBe('拿出增量的35%分享');
    expect(await pathD(page, after)).not.toBe(before);
    expect(await values.innerText()).not.toBe(formulaBefore);
    expect(await currentSlide(page)).toBe('logic-cake-explorer');
  });

  it('reaches both sliders, both rules and the replay with Tab', async () => {
    await expectTabReachesEveryControl(deck.page, tag);
  });

  it('switches the rule with Enter and replays the run round by round with Space', async () => {
    const { page } = deck;
    const shared = `${live} path[data-curve="shared"]`;
    const progressive = page.locator(`${live} .ce-rules button`).nth(1);
    const before = await pathD(page, shared);
    await progressive.focus();
    await page.keyboard.press('Enter');
    expect(await progressive.getAttribute('aria-pressed')).toBe('true');
    expect(await pathD(page, shared)).not.toBe(before);
    expect(await page.locator(summary).innerText()).toContain('累进分');

    const segments = async (): Promise<number> => ((await pathD(page, shared)) ?? '').split('L').length - 1;
    expect(await segments()).toBe(30);
    await page.locator(`${live} .ce-replay`).focus();
    await page.keyboard.press('Space');
    expect(await segments()).toBeLessThan(30);
    await expect.poll(segments, { timeout: 10_000 }).toBe(30);
    expect(await currentSlide(page)).toBe('logic-cake-explorer');
  });

  it('is the same run on every load of the same seed', async () => {
    const again = await openWidget('?plan=all#/logic-cake-explorer', tag);
    const fresh = await pathD(again.page, `${live} path[data-curve="matthew"]`);
    expect(fresh).toBe(await pathD(deck.page, `${live} path[data-curve="matthew"]`));
    await again.page.context().close();
  });

  it('logs no console error and fetches nothing from elsewhere', () => {
    expect(deck.consoleErrors).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
  });
});

describe('both widgets in the study view on a 390×844 phone', () => {
  let deck: WatchedPage;

  beforeAll(async () => {
    deck = await openWidget('?view=scroll#/logic-cake-explorer', 'cake-explorer', { width: 390, height: 844 });
    // Built, not yet visible: a slide far from the screen is not laid out until the reader nears it.
    await deck.page.waitForSelector('growth-explorer svg[role="img"] path[data-curve]', { state: 'attached' });
  });

  for (const tag of ['growth-explorer', 'cake-explorer']) {
    it(`lays out <${tag}> in one column, no wider than the screen`, async () => {
      const { page } = deck;
      await page.locator(tag).scrollIntoViewIfNeeded();
      const grid = tag === 'growth-explorer' ? '.ge' : '.ce';
      const columns = await page.$eval(`${tag} ${grid}`, (el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
      expect(columns).toBe(1);
      await expectNoHorizontalOverflow(page, tag, 390, true);
      // A formula that scrolls sideways would be a scrollable region a keyboard cannot reach.
      const scrolling = await page.$$eval(`${tag} :is(.ge-tex, .ge-doubling, .ce-formula)`, (els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent),
      );
      expect(scrolling).toEqual([]);
    });
  }

  it('sets the Lorenz chart’s legend clear of the curves and the shaded area on a phone', async () => {
    await deck.page.locator('cake-explorer').scrollIntoViewIfNeeded();
    expect(await legendOverlaps(deck.page, 'cake-explorer > .ce')).toEqual([]);
  });

  it('logs no console error', () => {
    expect(deck.consoleErrors).toEqual([]);
  });
});

/** What of a widget a reader gets on paper: what can be operated, and the printed figure. */
interface Printed {
  /** Controls in the widget that are shown: a slider, a button, anything focusable. */
  shownControls: number;
  /** Controls in the widget's DOM at all, shown or not. */
  controls: number;
  figureShown: boolean;
  /** The figure's accessible name (the tagged PDF's /Alt). */
  label: string;
  caption: string;
  curves: number;
}

const printed = (page: Page, tag: string): Promise<Printed> =>
  page.$eval(tag, (el) => {
    const controls = [...el.querySelectorAll('input, button, select, textarea, a[href], [tabindex]')];
    const figure = el.querySelector('figure.widget-print');
    return {
      shownControls: controls.filter((c) => c.checkVisibility()).length,
      controls: controls.length,
      figureShown: !!figure?.checkVisibility(),
      label: figure?.getAttribute('aria-label') ?? '',
      caption: figure?.querySelector('figcaption')?.textContent ?? '',
      curves: figure?.querySelectorAll('path[data-curve]').length ?? 0,
    };
  });

/** The printed figure of each widget in its default state: the numbers of the slides, and a caption that says it is live on screen. */
function expectDefaultFigure(tag: string, p: Printed): void {
  expect(p.figureShown, `${tag}: the figure is shown`).toBe(true);
  expect(p.caption, tag).toContain('在屏幕上这是互动图');
  if (tag === 'growth-explorer') {
    expect(p.label).toContain('每年5%增长到432.2，每年6%增长到574.3，差距142.2');
    expect(p.caption).toContain('每年5%和6%');
    expect(p.curves).toBe(2);
  } else {
    expect(p.label).toMatch(/^洛伦兹曲线：.+基尼系数随轮次变化的折线图/);
    expect(p.caption).toContain('拿出增量的30%平均分');
    expect(p.curves).toBe(5);
  }
}

describe('both widgets in print: a static figure of the default state, with a caption', () => {
  const tags = ['growth-explorer', 'cake-explorer'];

  it('prints the study view as the figures alone, and shows them only in print', async () => {
    const deck = await openWidget('?view=scroll#/logic-growth-explorer', 'growth-explorer', { width: 390, height: 844 });
    const { page } = deck;
    await page.waitForSelector('cake-explorer svg[role="img"] path[data-curve]');
    for (const tag of tags) {
      const screen = await printed(page, tag);
      expect(screen.figureShown, `${tag} on screen`).toBe(false);
      expect(screen.shownControls, `${tag} on screen`).toBeGreaterThanOrEqual(5);
    }
    // The reader moves a slider: the print still shows the default state.
    await page.locator('growth-explorer input[id$="-dr"]').focus();
    await page.keyboard.press('End');
    await page.emulateMedia({ media: 'print' });
    for (const tag of tags) {
      const paper = await printed(page, tag);
      expect(paper.shownControls, `${tag} in print`).toBe(0);
      expectDefaultFigure(tag, paper);
    }
    expect(deck.consoleErrors).toEqual([]);
    await page.context().close();
  });

  for (const path of ['?print-pdf', 'handout.html', 'notes.html']) {
    it(`builds no control at all on ${path}, a page made to be printed: only the figure`, async () => {
      const deck = await openDeck(browser, path, { width: 1000, height: 1400 });
      for (const tag of tags) {
        await deck.page.waitForSelector(`${tag} figure.widget-print path[data-curve]`, { state: 'attached' });
        const p = await printed(deck.page, tag);
        expect(p.controls, `${tag} on ${path}`).toBe(0);
        expectDefaultFigure(tag, p);
      }
      expect(deck.consoleErrors).toEqual([]);
      await deck.page.context().close();
    });
  }

  it('keeps each widget whole on one page of the study guide PDF, with its slide\'s heading: no empty frame', async () => {
    const { pdf } = await printA4(browser, new URL('notes.html', deckUrl()).href);
    const dir = mkdtempSync(join(tmpdir(), 'deck-widgets-print-'));
    try {
      const file = join(dir, 'notes.pdf');
      writeFileSync(file, pdf);
      const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
        .split('\f')
        .map((text) => text.replace(/\s+/g, ''));
      for (const [heading, caption] of [
        ['动手试一试：增速提高一个百分点', '图：同一起点100分别按每年5%和6%增长'],
        ['动手试一试：分好“蛋糕”', '图：20户家庭，每轮增长10%'],
      ] as const) {
        const at = pages.findIndex((text) => text.includes(heading));
        expect(at, heading).toBeGreaterThanOrEqual(0);
        const page = pages[at]!;
        // The block's label, the chart (its axis titles), the caption and its last words: all on the heading's page.
        for (const part of ['教学补充·非原文', caption, '在屏幕上这是互动图']) expect(page, `${heading}: ${part}`).toContain(part);
        expect(page.indexOf(heading)).toBeLessThan(page.indexOf('在屏幕上这是互动图'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ErrorSink } from '../../src/compiler/errors.ts';
import { loadPaper } from '../../src/compiler/paper/read-paper.ts';
import { printA4 } from '../../src/export/a4-pdf.ts';
import type { LeftOutParagraph, ParagraphLinks } from '../../src/shared/paper.ts';
import { axeViolations } from './helpers/axe.ts';
import { deckUrl, launch, type RevealWindow, type WatchedPage } from './helpers/deck-page.ts';

const ROOT = join(import.meta.dirname, '../..');
const paper = loadPaper(ROOT, new ErrorSink());
const LAPTOP = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };
/** The page's data islands, as the build writes them (the slides' sources, the paragraphs left out). */
const LINKS_ISLAND = /<script type="application\/json" id="deck-paper-links">[^<]*<\/script>/;
const LEFT_OUT_ISLAND = /<script type="application\/json" id="deck-paper-left-out">[^<]*<\/script>/;

let browser: Browser;
const opened: WatchedPage[] = [];
/** A slide of the deck to link to (id and title, from the built deck's manifest). */
let slides: { id: string; title: string }[] = [];
let out: string;

beforeAll(async () => {
  browser = await launch();
  out = mkdtempSync(join(tmpdir(), 'deck-paper-test-'));
  const deck = await openPaper('index.html');
  slides = await deck.page.evaluate(() => {
    const manifest = JSON.parse(document.getElementById('deck-manifest')!.textContent!) as { sections: { slides: { id: string; title: string }[] }[] };
    return manifest.sections.flatMap((s) => s.slides);
  });
});
afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

interface OpenOptions {
  viewport?: { width: number; height: number };
  /** A phone: touch, mobile viewport. */
  mobile?: boolean;
  /** Slide links and left-out paragraphs put into the page instead of the build's. */
  links?: ParagraphLinks;
  leftOut?: LeftOutParagraph[];
}

/** Opens a page of the built deck, watching for errors and foreign requests (as openDeck does), on a phone if asked. */
async function openPaper(path: string, options: OpenOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? LAPTOP, deviceScaleFactor: 1, ...(options.mobile ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  const origin = new URL(deckUrl()).origin;
  const watched: WatchedPage = { page, consoleErrors: [], foreignRequests: [] };
  page.on('console', (m) => {
    // Errors, and the paper view's own warnings (bad slide-link data).
    if (m.type() === 'error' || (m.type() === 'warning' && m.text().startsWith('[deck]'))) watched.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watched.consoleErrors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    watched.foreignRequests.push(url);
    return route.abort();
  });
  if (options.links || options.leftOut) {
    await page.route('**/paper.html', async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      expect(html).toMatch(LINKS_ISLAND);
      const body = html
        .replace(LINKS_ISLAND, () => `<script type="application/json" id="deck-paper-links">${JSON.stringify(options.links ?? [])}</script>`)
        .replace(LEFT_OUT_ISLAND, () => `<script type="application/json" id="deck-paper-left-out">${JSON.stringify(options.leftOut ?? [])}</script>`);
      await route.fulfill({ response, body });
    });
  }
  await page.goto(new URL(path, deckUrl()).href);
  await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
  opened.push(watched);
  return watched;
}

/** What the page says in its bar (the highlight, the coverage summary). */
const notice = (page: Page) => page.locator('.deck-paper-notice').textContent();
const highlighted = (page: Page) => page.$$eval('p.deck-paper-hl[data-deck-paragraph]', (ps) => ps.map((p) => p.id));

describe('the paper page (dist/paper.html)', () => {
  it('is built, with every body paragraph p-1…p-45 in order, each with its visible ¶N', async () => {
    expect(existsSync(join(inject('deckDist'), 'paper.html'))).toBe(true);
    const { page } = await openPaper('paper.html');
    const ps = await page.$$eval('article[lang="zh-CN"] p[data-deck-paragraph]', (els) => els.map((p) => ({ id: p.id, n: (p as HTMLElement).dataset.deckParagraph, num: p.querySelector('.deck-paper-num')?.textContent })));
    expect(ps).toHaveLength(paper.paragraphs.length);
    expect(ps).toEqual(paper.paragraphs.map((p) => ({ id: `p-${p.n}`, n: String(p.n), num: `¶${p.n}` })));
    expect(await page.title()).toBe('新质生产力赋能共同富裕的内在逻辑与推进路径 · 论文原文');
  });

  it('highlights the paragraphs the URL names and scrolls to the first: #p-12-13, then #p-30, then one it does not have', async () => {
    const { page } = await openPaper('paper.html#p-12-13');
    expect(await highlighted(page)).toEqual(['p-12', 'p-13']);
    expect(await notice(page)).toBe('已标出¶12–13');
    const place = await page.evaluate(() => ({
      top: document.getElementById('p-12')!.getBoundingClientRect().top,
      bar: document.querySelector('.deck-paper-search')!.getBoundingClientRect().bottom,
      focused: document.activeElement?.id,
    }));
    expect(place.top).toBeGreaterThanOrEqual(place.bar);
    expect(place.top).toBeLessThan(LAPTOP.height / 3);
    expect(place.focused).toBe('p-12');

    await page.evaluate(() => (location.hash = '#p-30'));
    await page.waitForFunction(() => document.getElementById('p-30')!.classList.contains('deck-paper-hl'));
    expect(await highlighted(page)).toEqual(['p-30']);
    expect(await page.evaluate(() => document.getElementById('p-30')!.getBoundingClientRect().top)).toBeLessThan(LAPTOP.height / 3);

    await page.evaluate(() => (location.hash = '#p-99'));
    await page.waitForFunction(() => !document.querySelector('p.deck-paper-hl'));
    expect(await notice(page)).toBe('论文正文只有¶1–¶45，没有¶99。');
  });

  it('keeps the highlight visible in forced colours (an outline, where backgrounds are dropped)', async () => {
    const { page } = await openPaper('paper.html#p-12');
    await page.emulateMedia({ forcedColors: 'active' });
    const outline = (id: string) => page.evaluate((pid) => {
      const s = getComputedStyle(document.getElementById(pid)!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    }, id);
    expect(await outline('p-12')).toEqual({ style: 'solid', width: 3 });
    expect((await outline('p-11')).style).toBe('none');
  });

  it('finds text as one types and jumps between hits with Enter and Shift+Enter, saying 「第 k / n 处」', async () => {
    const { page } = await openPaper('paper.html');
    const status = () => page.locator('#deck-paper-hits').textContent();
    expect(SOURCE_COUNT('马太效应')).toBe(2);
    await page.getByRole('searchbox', { name: '查找' }).fill('马太效应');
    expect(await status()).toBe('第1/2处');
    await page.keyboard.press('Enter');
    expect(await status()).toBe('第2/2处');
    const current = await page.evaluate(() => {
      const range = [...CSS.highlights.get('deck-paper-current')!][0] as Range;
      const rect = range.getBoundingClientRect();
      return { text: range.toString(), top: rect.top, bottom: rect.bottom, bar: document.querySelector('.deck-paper-search')!.getBoundingClientRect().bottom, p: range.startContainer.parentElement!.closest('p')!.id };
    });
    expect(current.text).toBe('马太效应');
    expect(current.p).toBe('p-6');
    expect(current.top).toBeGreaterThan(current.bar);
    expect(current.bottom).toBeLessThan(LAPTOP.height);
    await page.keyboard.press('Enter');
    expect(await status()).toBe('第1/2处');
    await page.keyboard.press('Shift+Enter');
    expect(await status()).toBe('第2/2处');
    // Spaces in the query or the text do not matter: the paper writes 「2025 年」, the reader may type 2025年.
    await page.getByRole('searchbox', { name: '查找' }).fill('2025年，全球将有8 500万');
    expect(await status()).toBe('第1/1处');
    await page.getByRole('searchbox', { name: '查找' }).fill('平均分配');
    expect(await status()).toBe('没有找到');
  });

  it('names under each paragraph the slides that teach it, and the link returns to the slide', async () => {
    const [a, b, c] = [slides[5]!, slides[10]!, slides[11]!];
    const { page } = await openPaper('paper.html#p-12', { links: [{ paragraph: 12, slides: [a] }, { paragraph: 13, slides: [b, c] }] });
    const under = (n: number) => page.locator(`p#p-${n} + .deck-paper-aside`);
    expect(await under(12).textContent()).toBe(`已讲解本段讲解：${a.title}`);
    expect(await under(13).textContent()).toBe(`已讲解本段讲解：${b.title}、${c.title}`);
    expect(await under(12).locator('.deck-paper-mark').isVisible()).toBe(false);
    expect(await under(14).count()).toBe(1);
    expect(await under(14).isVisible()).toBe(false);
    await under(12).getByRole('link', { name: a.title }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/index.html') && url.hash === `#/${a.id}`);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal?.isReady());
    expect(await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide()?.id)).toBe(a.id);
  });

  it('shows the coverage map: each paragraph taught (by which slides), left out (why) or not taught', async () => {
    const { page } = await openPaper('paper.html', { links: [{ paragraph: 12, slides: [slides[5]!] }], leftOut: [{ paragraph: 3, reason: '背景材料' }] });
    const toggle = page.getByRole('button', { name: '讲解覆盖' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await notice(page)).toBe('讲解覆盖：正文45段，已讲解1段，有意略过1段，未讲解43段。');
    const under = (n: number) => page.locator(`p#p-${n} + .deck-paper-aside`);
    expect(await under(12).locator('.deck-paper-mark').isVisible()).toBe(true);
    expect(await under(3).textContent()).toBe('有意略过理由：背景材料');
    expect(await under(1).textContent()).toBe('未讲解');
    expect(await page.$$eval('p[data-deck-coverage]', (ps) => ps.map((p) => (p as HTMLElement).dataset.deckCoverage).filter((s) => s !== 'untaught'))).toEqual(['left-out', 'taught']);
    expect(await axeViolations(page)).toEqual([]);
    await toggle.click();
    expect(await under(1).isVisible()).toBe(false);
    expect(await notice(page)).toBe('');
  });
});

describe('the slides and the paper, linked both ways', () => {
  /** The deck as the presentation runs it with every slide: each slide's 「原文」 link, from the page itself. */
  async function slideSources(): Promise<{ id: string; first: boolean; section: string; source: number[] | null; link: { text: string; href: string; fragment: string } | null }[]> {
    const { page } = await openPaper('index.html?view=present&plan=all');
    return page.evaluate(() => {
      const manifest = JSON.parse(document.getElementById('deck-manifest')!.textContent!) as { sections: { id: string; slides: { id: string; source: number[] | null }[] }[] };
      return manifest.sections.flatMap((section) =>
        section.slides.map((slide, i) => {
          const a = document.querySelector<HTMLAnchorElement>(`section[id="${slide.id}"] > a.deck-source`);
          return { id: slide.id, first: i === 0, section: section.id, source: slide.source, link: a ? { text: a.textContent!, href: a.getAttribute('href')!, fragment: a.dataset.deckSource! } : null };
        }),
      );
    });
  }

  it('every content slide links to the paragraphs it teaches, and every link names paragraphs paper.html has', async () => {
    const slides = await slideSources();
    const ids = new Set([...readFileSync(join(inject('deckDist'), 'paper.html'), 'utf8').matchAll(/<p id="(p-\d+)"/g)].map((m) => m[1]));
    expect(ids.size).toBe(paper.paragraphs.length);
    // Without one: the title and the sections' openers, the reader's scores, the back matter (glossary, references).
    expect(slides.filter((s) => !s.link && !s.first && !['glossary', 'references'].includes(s.section)).map((s) => s.id)).toEqual(['conclusion-scores']);
    const taught = slides.filter((s) => s.source);
    expect(taught.length).toBeGreaterThan(80);
    for (const s of taught) {
      expect(s.link?.href, s.id).toBe(`./paper.html#${s.link?.fragment}`);
      const named = s.link!.fragment.slice(2).split(',').flatMap((run) => {
        const [from, to = from] = run.split('-').map(Number);
        return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
      });
      expect(named, s.id).toEqual(s.source);
      expect(named.every((n) => ids.has(`p-${n}`)), s.id).toBe(true);
      expect(s.link!.text, s.id).toMatch(/^原文¶\d+/);
    }
    // Every body paragraph is taught by some slide (none is left out today).
    expect(new Set(taught.flatMap((s) => s.source!)).size).toBe(paper.paragraphs.length);
  });

  it('from a slide, 原文 opens the paper at its paragraphs, highlighted; the paragraph\u2019s link returns to the slide', async () => {
    const slide = slides.find((s) => s.id === 'logic-power')!;
    const { page } = await openPaper(`index.html?view=present#/${slide.id}`);
    const link = page.locator(`section#${slide.id} > a.deck-source`);
    // In the slide's top right corner, on its heading's first line (above the rule), in the room
    // the heading keeps free for it: a long title never runs underneath.
    const h2 = page.locator(`section#${slide.id} h2`);
    const [box, stage, heading] = await Promise.all([link.boundingBox(), page.locator(`section#${slide.id}`).boundingBox(), h2.boundingBox()]);
    const [lineHeight, reserved] = await h2.evaluate((el) => [parseFloat(getComputedStyle(el).lineHeight), parseFloat(getComputedStyle(el).paddingRight)]);
    const scale = heading!.width / (await h2.evaluate((el) => (el as HTMLElement).offsetWidth));
    expect(box!.y).toBeGreaterThanOrEqual(heading!.y - 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(heading!.y + lineHeight! * scale + 1);
    expect(box!.x).toBeGreaterThanOrEqual(heading!.x + heading!.width - reserved! * scale - 1);
    expect(stage!.x + stage!.width - (box!.x + box!.width)).toBeLessThan(60);
    const fragment = await link.getAttribute('data-deck-source');
    await link.click();
    await page.waitForURL((url) => url.pathname.endsWith('/paper.html') && url.hash === `#${fragment}`);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true');
    const shown = await highlighted(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(`#${fragment}`).toContain(shown[0]!.slice(2));
    const first = page.locator(`#${shown[0]}`);
    expect((await first.boundingBox())!.y).toBeLessThan(LAPTOP.height / 3);
    const back = page.locator(`#${shown[0]} + .deck-paper-aside a[data-deck-slide="${slide.id}"]`);
    expect(await back.textContent()).toBe(slide.title);
    await back.click();
    await page.waitForURL((url) => url.pathname.endsWith('/index.html') && url.hash === `#/${slide.id}`);
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal?.isReady());
    expect(await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide()?.id)).toBe(slide.id);
  });

  it('in the study view on a phone, the link sits under the slide, before its notes, in text of 16 px or more', async () => {
    const { page } = await openPaper('index.html?view=scroll#/logic-power', { viewport: PHONE, mobile: true });
    const place = await page.evaluate(() => {
      const article = document.getElementById('logic-power')!;
      const link = article.querySelector<HTMLElement>(':scope > a.deck-source')!;
      const before = link.previousElementSibling!.getBoundingClientRect();
      const notes = article.querySelector('.deck-study-notes')!.getBoundingClientRect();
      const r = link.getBoundingClientRect();
      return { below: r.top >= before.bottom - 1, aboveNotes: r.bottom <= notes.top + 1, size: parseFloat(getComputedStyle(link).fontSize), height: r.height };
    });
    expect(place).toEqual({ below: true, aboveNotes: true, size: 16, height: 44 });
  });
});

/** How often the paper's body says `text`. */
function SOURCE_COUNT(text: string): number {
  return paper.paragraphs.reduce((n, p) => n + p.text.split(text).length - 1, 0);
}

describe('the paper page, read on a 390×844 phone and a 1280×720 laptop', () => {
  /** Elements reaching past the viewport's right edge, and text drawn under 16 px. */
  const layout = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.body.querySelectorAll('*')].filter((el) => el.getClientRects().length && el.getBoundingClientRect().right > width + 0.5).map((el) => el.outerHTML.slice(0, 80));
      const small: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement!;
        if (!node.textContent!.trim() || !el.getClientRects().length || el.closest('script')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 16) small.push(`${size}px: ${node.textContent!.trim().slice(0, 20)}`);
      }
      return { overflow: document.documentElement.scrollWidth - width, wide, small };
    });

  it('phone: no horizontal overflow, no text under 16 px, with the search, the coverage map and a highlight shown', async () => {
    const { page } = await openPaper('paper.html#p-23', { viewport: PHONE, mobile: true, links: [{ paragraph: 23, slides: [slides[5]!] }] });
    await page.getByRole('button', { name: '讲解覆盖' }).click();
    await page.getByRole('searchbox', { name: '查找' }).fill('共同富裕');
    expect(await layout(page)).toEqual({ overflow: 0, wide: [], small: [] });
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('p-23')!).fontSize))).toBeGreaterThanOrEqual(16);
  });

  it('laptop: a measure of 35–40 Chinese characters and a leading of about 1.8, no text under 16 px', async () => {
    const { page } = await openPaper('paper.html');
    const type = await page.evaluate(() => {
      const p = document.getElementById('p-2')!;
      const s = getComputedStyle(p);
      return { perLine: p.clientWidth / parseFloat(s.fontSize), leading: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
    });
    expect(type.perLine).toBeGreaterThanOrEqual(35);
    expect(type.perLine).toBeLessThanOrEqual(40);
    expect(type.leading).toBeCloseTo(1.8, 1);
    expect(await layout(page)).toEqual({ overflow: 0, wide: [], small: [] });
  });

  it('has no accessibility violations (axe, WCAG 2.1 A/AA) on either screen, with a search and a highlight', async () => {
    for (const [viewport, mobile] of [[LAPTOP, false], [PHONE, true]] as const) {
      const { page } = await openPaper('paper.html#p-12-13', { viewport, mobile, links: [{ paragraph: 12, slides: [slides[5]!] }] });
      await page.getByRole('searchbox', { name: '查找' }).fill('共同富裕');
      expect(await axeViolations(page), `${viewport.width}×${viewport.height}`).toEqual([]);
    }
  });

  it('shows a focus ring on every control reached by Tab', async () => {
    const { page } = await openPaper('paper.html');
    const rings: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      rings.push(await page.evaluate(() => {
        const el = document.activeElement!;
        const s = getComputedStyle(el);
        return `${el.tagName.toLowerCase()} ${s.outlineStyle} ${s.outlineWidth}`;
      }));
    }
    expect(rings.slice(0, 5)).toEqual(['a solid 3px', 'button solid 3px', 'input solid 3px', 'button solid 3px', 'button solid 3px']);
  });

  it('draws every character in the deck’s own font: none falls back to a system font', async () => {
    const { page } = await openPaper('paper.html', { links: [{ paragraph: 12, slides: [slides[5]!] }] });
    await page.getByRole('button', { name: '讲解覆盖' }).click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'body *:not(script)' });
    const fallbacks: string[] = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const font of fonts.filter((f) => !f.isCustomFont)) {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        fallbacks.push(`${font.familyName} (${font.glyphCount} glyphs) in ${outerHTML.slice(0, 100)}`);
      }
    }
    expect(fallbacks).toEqual([]);
  });

  it('logs no error and sends no request off its own origin', () => {
    expect(opened.length).toBeGreaterThan(5);
    expect(opened.flatMap((w) => w.consoleErrors)).toEqual([]);
    expect(opened.flatMap((w) => w.foreignRequests)).toEqual([]);
  });
});

describe('the paper printed to A4 (what `npm run pdf` writes to out/paper.pdf)', () => {
  let file: string;
  beforeAll(async () => {
    const { pdf, pages } = await printA4(browser, new URL('paper.html', deckUrl()).href);
    file = join(out, 'paper.pdf');
    writeFileSync(file, pdf);
    expect(pages).toBeGreaterThan(0);
  }, 120_000);

  /** The PDF's text, whitespace removed; `-layout` keeps each margin number on its paragraph's first line. */
  const text = () => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

  it('is A4, several pages', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(14);
    expect(/Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.slice(1).map((n) => Math.round(Number(n)))).toEqual([595, 842]);
  });

  it('has its Chinese as text: the paragraphs, their numbers, the front matter, the references, the page numbers', () => {
    const t = text();
    const missing = paper.paragraphs.filter((p) => !t.includes(`¶${p.n}${p.text.replace(/\s+/g, '').slice(0, 8)}`)).map((p) => p.n);
    expect(missing).toEqual([]);
    // The 8 500 of the source, cleaned; the funding note in the front matter; a reference as the source has it; the page numbers.
    for (const needle of ['全球将有8500万个工作岗位', '[基金项目]国家社会科学基金专项项目', '[11]习近平.在全国劳动模范和先进工作者表彰大会上的讲话[M].北京:人民出版社,2020.', '第1页/共']) {
      expect(t.includes(needle), needle).toBe(true);
    }
    expect(t.includes('查找'), 'the screen-only bar is not printed').toBe(false);
  });

  it('has a bookmark per heading: the title, the three sections, the references, the English title', () => {
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const titles = [...xml.slice(xml.indexOf('<outline')).matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      '新质生产力赋能共同富裕的内在逻辑与推进路径',
      '一、新质生产力赋能共同富裕的内在逻辑',
      '二、新质生产力赋能共同富裕的难点问题',
      '三、新质生产力赋能共同富裕的推进路径',
      '参考文献',
      'New Quality Productivity to Promote Common Prosperity Inherent Logic and Advancing Path',
    ]);
  });

  it('embeds the deck font as real text fonts, none as Type 3', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((l) => /Type 3/.test(l) || l.trim().split(/\s+/).at(-5) !== 'yes')).toEqual([]);
    expect(readFileSync(file).byteLength).toBeLessThan(3_000_000);
  });
});

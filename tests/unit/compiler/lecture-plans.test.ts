import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/compiler/compile-deck.ts';
import { formatContentError } from '../../../src/compiler/errors.ts';
import { MIN_SLIDE_MINUTES } from '../../../src/compiler/markdown/slide-minutes.ts';
import { modelSlides } from '../../../src/compiler/model.ts';
import { PLAN_FIT, planTotals } from '../../../src/compiler/plans-fit.ts';
import { render } from '../helpers.ts';

const ROOT = join(import.meta.dirname, '../../..');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The base fixture deck with another deck.yml; its errors and model (no fonts, diagrams left to the browser: fast). */
async function baseDeckWith(deckYml: string) {
  const root = mkdtempSync(join(tmpdir(), 'deck-plans-'));
  made.push(root);
  cpSync(join(import.meta.dirname, '../../fixtures/base-deck'), root, { recursive: true });
  writeFileSync(join(root, 'slides/deck.yml'), deckYml);
  const deck = await compileDeck({ root, fonts: false, diagrams: 'browser', cacheDir: join(root, '.cache') });
  return { errors: deck.errors.map(formatContentError), model: deck.model };
}

const twoPlans = (short: number, long: number): string =>
  `title: 测试讲稿\nplans:\n  - id: short\n    title: 短课\n    minutes: ${short}\n  - id: long\n    title: 长课\n    minutes: ${long}\ndefaultPlan: short\n`;

describe('the lecture plans of deck.yml', () => {
  it('reads each plan and the default; every slide without `plan=` is in every plan', async () => {
    const { errors, model } = await baseDeckWith(twoPlans(3, 3));
    expect(errors).toEqual([]);
    expect(model.meta.plans).toEqual([{ id: 'short', title: '短课', minutes: 3 }, { id: 'long', title: '长课', minutes: 3 }]);
    expect(model.meta.defaultPlan).toBe('short');
    expect(modelSlides(model).map((s) => s.plans)).toEqual([['short', 'long'], ['short', 'long'], ['short', 'long']]);
  });

  it('fails a plan whose slides do not fill 90–100 % of its minutes, at its line, with the totals by section', async () => {
    const { errors } = await baseDeckWith(twoPlans(3, 30));
    expect(errors).toEqual([
      '[deck] slides/deck.yml:6 plan long: 3 min planned in 30 (3 slides: 引言 2 min (2 slides); 参考文献 1 min (1 slides)). Plan 27–30 minutes: move slides out of the plan (`plan=`), or set their `minutes=`.',
    ]);
  });

  it('gives a deck that declares no plans one lecture of all its slides, as long as they take', async () => {
    const { errors, model } = await baseDeckWith('title: 测试讲稿\n');
    expect(errors).toEqual([]);
    expect(model.meta.plans).toEqual([{ id: 'lecture', title: '整堂课', minutes: 3 }]);
    expect(model.meta.defaultPlan).toBe('lecture');
  });

  it('says what is wrong with a plan, the default, or the old `minutes:`, each at its line', async () => {
    const { errors } = await baseDeckWith('title: 测试讲稿\nminutes: 45\nplans:\n  - id: all\n    title: 全部\n    minutes: 3\n  - id: a\n    title: 甲\n    minutes: 3\n  - id: a\n    title: 乙\n    minutes: 3\ndefaultPlan: b\n');
    expect(errors).toEqual([
      expect.stringMatching(/^\[deck\] slides\/deck\.yml:4 lecture plan #1 needs an `id` \(lowercase letters, digits, -; not `all` or `none`\)/),
      '[deck] slides/deck.yml:10 lecture plan `a` is declared twice (first at line 7). Give each plan its own id.',
      expect.stringMatching(/^\[deck\] slides\/deck\.yml:2 `minutes:` is replaced by the lecture plans\./),
      '[deck] slides/deck.yml:13 the default plan `b` is not one of the plans. Name one of: a.',
    ]);
  });
});

describe('a slide’s plans and minutes', () => {
  it('names plans of deck.yml, or `none` for self-study only; an unknown plan is an error at its line', () => {
    expect(render('## 甲\n\n<!-- .slide: plan=90 -->\n\n正文', 10).errors).toEqual([]);
    expect(render('## 甲\n\n<!-- .slide: plan=none -->\n\n正文', 10).errors).toEqual([]);
    expect(render('## 甲\n\n<!-- .slide: plan=60,90 -->\n\n正文', 10).errors).toEqual([
      'slides/test.md:13 `plan=60,90` names a plan slides/deck.yml does not declare (`60`)',
    ]);
  });

  it(`plans no slide under ${MIN_SLIDE_MINUTES} minutes`, () => {
    expect(render('## 甲\n\n<!-- .slide: minutes=0.3 -->\n\n正文', 10).errors).toEqual([
      'slides/test.md:13 `minutes=0.3` is not a number of minutes of at least 0.5',
    ]);
  });

  it('carries its minutes on its section: its own, else its kind’s (reading 1, question 2, widget 3, discussion 4)', async () => {
    const { slidesHtml } = await import('../../../src/compiler/render/slides-html.ts');
    const { parseSection, renderSection } = await import('../../../src/compiler/compile-section.ts');
    const { createMarkdown } = await import('../../../src/compiler/markdown/index.ts');
    const { deckContext } = await import('../helpers.ts');
    const md = createMarkdown();
    const text = [
      '---\nid: k\ntitle: 测试\n---\n',
      '# 读\n\n正文\n\n---\n',
      '## 问 {#k-quiz}\n\n::: quiz single\n问题？\n\n- [x] 对\n- [ ] 错\n\n参见 [读](#/k)\n:::\n\n---\n',
      '## 试 {#k-widget}\n\n<growth-explorer preset="rate-rise">互动图</growth-explorer>\n\n---\n',
      '## 议 {#k-talk}\n\n::: discussion\n讨论什么？\n:::\n\n---\n',
      '## 定 {#k-set}\n\n<!-- .slide: minutes=1.5 plan=none -->\n\n正文\n',
    ].join('\n');
    const deck = deckContext();
    const section = renderSection(parseSection(text, 'slides/k.md', md, deck), md);
    expect(deck.sink.errors).toEqual([]);
    expect(section.slides.map((s) => [s.id, s.minutes, s.plans])).toEqual([
      ['k', 1, ['45', '90']], ['k-quiz', 2, ['45', '90']], ['k-widget', 3, ['45', '90']], ['k-talk', 4, ['45', '90']], ['k-set', 1.5, []],
    ]);
    const html = slidesHtml([section], 'all');
    expect(html).toContain('<section id="k-quiz" data-deck-minutes="2" data-deck-plans="45 90">');
    // A self-study slide is in no lecture: it has no minutes to give.
    expect(html).toContain('<section id="k-set" data-deck-plans="">');
  });
});

describe('the deck’s own plans', () => {
  it('fit: each plan’s slides fill 90–100 % of its minutes, no slide under the least, and the default is the shortest', async () => {
    const deck = await compileDeck({ root: ROOT, fonts: false, diagrams: 'browser', cacheDir: join(ROOT, 'node_modules/.cache/deck-diagrams') });
    expect(deck.errors.map(formatContentError)).toEqual([]);
    const { plans, defaultPlan } = deck.model.meta;
    expect(plans.map((p) => p.minutes)).toEqual([45, 90]);
    expect(defaultPlan).toBe('45');
    for (const totals of planTotals(plans, deck.model.sections)) {
      expect(totals.minutes).toBeGreaterThanOrEqual(totals.plan.minutes * PLAN_FIT.from);
      expect(totals.minutes).toBeLessThanOrEqual(totals.plan.minutes * PLAN_FIT.to);
    }
    for (const slide of modelSlides(deck.model)) expect(slide.minutes).toBeGreaterThanOrEqual(MIN_SLIDE_MINUTES);
    // The short lecture is the core: every section of the paper has slides in it.
    const short = planTotals(plans, deck.model.sections)[0]!;
    expect(short.sections.map((s) => s.title)).toEqual(expect.arrayContaining(deck.model.sections.filter((s) => s.slides.some((sl) => sl.plans.length)).map((s) => s.title)));
  }, 120_000);
});

import katex from 'katex';
import { htmlEl } from '../html-element.ts';
import { CHART_FONT_PX, linearScale, pathData, spreadLabels, svgEl, textWidth, widgetRoot, type Scale } from './chart.ts';
import {
  DEFAULT_SEED,
  gini,
  growRound,
  initialIncomes,
  lorenz,
  runRounds,
  type Round,
  type SharingRule,
} from './math/inequality.ts';
import { printedFigure, printOnlyPage } from './print-figure.ts';
import { UI } from '../../shared/ui-strings.ts';
import './widgets.css';

const T = UI.widgets.cake;

/** Households in the population. */
const HOUSEHOLDS = 20;
/** Rounds of the 马太效应 run. */
const ROUNDS = 30;
/** Milliseconds per round when the run is replayed. */
const REPLAY_MS = 90;

/** What the sharing rules are called and how they are explained. */
const RULES: readonly { id: SharingRule; label: string; explain: string }[] = [
  { id: 'equal', ...T.rules.equal },
  { id: 'progressive', ...T.rules.progressive },
];

const KATEX = { throwOnError: false, output: 'htmlAndMathml' } as const;
const percent = (v: number): string => `${Math.round(v * 100)}%`;
const fixed3 = (g: number): string => g.toFixed(3);

/** The state a class shares: same seed, same sliders, same run. */
interface CakeState {
  growth: number;
  share: number;
  rule: SharingRule;
}

const DEFAULT_STATE: CakeState = { growth: 0.1, share: 0.3, rule: 'equal' };

const roundOf = (s: CakeState): Round => ({ growth: s.growth, share: s.share, rule: s.rule });

/** What the charts are drawn from: the population, the run's seed, the state, and how many rounds of the run to show. */
interface Drawn {
  incomes: readonly number[];
  seed: number;
  state: CakeState;
  shown: number;
}

/** Each printed chart's size in slide pixels: what a printed slide has room for, two side by side beside the caption. */
const PRINT_CHART = { width: 420, height: 440 } as const;

let instances = 0;

/**
 * `<cake-explorer seed="1">`: 20 seeded households; sliders for 做大蛋糕 (growth) and 分好蛋糕 (the
 * share of growth spread equally or progressively); the Lorenz curve and Gini coefficient after one
 * round; and a 马太效应 run: the Gini over 30 rounds without and with sharing. Teaching addition.
 * In print it is a static figure of both charts in the default state with a caption (print-figure.ts).
 */
export class CakeExplorer extends HTMLElement {
  static observedAttributes = ['seed'];

  private state: CakeState = { ...DEFAULT_STATE };
  private seed = DEFAULT_SEED;
  private incomes = initialIncomes(DEFAULT_SEED, HOUSEHOLDS);
  private readonly uid = `ce${++instances}`;
  private resize: ResizeObserver | undefined;
  private replayTimer: number | undefined;
  /** Rounds of the run drawn so far (all of them unless a replay is under way). */
  private shownRounds = ROUNDS;
  private parts:
    | {
        lorenzFigure: HTMLElement;
        lorenzSvg: SVGSVGElement;
        runFigure: HTMLElement;
        runSvg: SVGSVGElement;
        growth: { input: HTMLInputElement; output: HTMLOutputElement };
        share: { input: HTMLInputElement; output: HTMLOutputElement };
        rules: Map<SharingRule, HTMLButtonElement>;
        values: HTMLElement;
        summary: HTMLElement;
      }
    | undefined;
  private printed: HTMLElement | undefined;

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name !== 'seed') return;
    const parsed = Number.parseInt(value ?? '', 10);
    this.seed = Number.isFinite(parsed) ? parsed : DEFAULT_SEED;
    this.incomes = initialIncomes(this.seed, HOUSEHOLDS);
    if (this.parts) this.update();
    if (this.printed) this.print();
  }

  connectedCallback(): void {
    // Built afresh on every connect: reveal.js's scroll and print views move slides around.
    this.replaceChildren();
    // A page made to be printed gets the static figure alone: no control to operate or focus.
    if (!printOnlyPage()) {
      this.build();
      this.update();
    }
    this.print();
  }

  disconnectedCallback(): void {
    this.stopReplay();
    this.resize?.disconnect();
    this.resize = undefined;
    this.parts = undefined;
    this.printed = undefined;
  }

  /** The figure that prints: both charts of the default state and the whole run, side by side, with a caption. */
  private print(): void {
    this.printed?.remove();
    const d: Drawn = { incomes: this.incomes, seed: this.seed, state: DEFAULT_STATE, shown: ROUNDS };
    const { width, height } = PRINT_CHART;
    const chart = (box: HTMLElement): SVGSVGElement => svgEl('svg', { class: 'ce-chart', width, height }, box);
    const rule = RULES.find((r) => r.id === DEFAULT_STATE.rule)!;
    this.printed = printedFigure(this, {
      draw: (box) => T.print.label(drawLorenz(chart(box), width, height, d), drawRun(chart(box), width, height, d)),
      caption: T.print.caption(HOUSEHOLDS, percent(DEFAULT_STATE.growth), percent(DEFAULT_STATE.share), rule.label, ROUNDS),
      onScreen: T.print.onScreen,
    });
  }

  private build(): void {
    const root = widgetRoot('ce', this);

    const panel = htmlEl('div', 'ce-panel', '', root);
    const slider = (key: 'growth' | 'share', label: string, max: number, step: number) => {
      const row = htmlEl('div', 'ce-slider', '', panel);
      const id = `${this.uid}-${key}`;
      const l = htmlEl('label', '', label, row);
      l.htmlFor = id;
      const output = htmlEl('output', '', '', row);
      output.htmlFor.add(id);
      const input = htmlEl('input', '', '', row);
      input.type = 'range';
      input.id = id;
      input.min = '0';
      input.max = String(max);
      input.step = String(step);
      input.addEventListener('input', () => {
        this.state = { ...this.state, [key]: Number(input.value) };
        this.update();
      });
      return { input, output };
    };
    const growth = slider('growth', T.sliders.growth.label, 0.3, 0.01);
    const share = slider('share', T.sliders.share.label, 1, 0.05);

    const ruleRow = htmlEl('div', 'ce-rules', '', panel);
    ruleRow.setAttribute('role', 'group');
    ruleRow.setAttribute('aria-label', T.rulesLabel);
    htmlEl('span', 'ce-rules-label', T.rulesLabel, ruleRow);
    const rules = new Map<SharingRule, HTMLButtonElement>();
    for (const rule of RULES) {
      const button = htmlEl('button', 'ce-button', rule.label, ruleRow);
      button.type = 'button';
      button.title = rule.explain;
      button.addEventListener('click', () => {
        this.state = { ...this.state, rule: rule.id };
        this.update();
      });
      rules.set(rule.id, button);
    }

    const formula = htmlEl('div', 'ce-formula', '', panel);
    katex.render(`G = \\dfrac{\\sum_i \\sum_j |x_i - x_j|}{2n^2\\,\\bar{x}}`, formula, KATEX);
    const values = htmlEl('div', 'ce-formula', '', panel);
    const replay = htmlEl('button', 'ce-button ce-replay', T.replay(ROUNDS), panel);
    replay.type = 'button';
    replay.addEventListener('click', () => this.startReplay());

    const lorenzFigure = htmlEl('figure', 'ce-figure ce-figure-lorenz', '', root);
    const lorenzSvg = svgEl('svg', { role: 'img', class: 'ce-chart' }, lorenzFigure);
    const runFigure = htmlEl('figure', 'ce-figure ce-figure-run', '', root);
    const runSvg = svgEl('svg', { role: 'img', class: 'ce-chart' }, runFigure);

    const summary = htmlEl('p', 'ce-summary', '', root);
    summary.setAttribute('aria-live', 'polite');

    this.parts = { lorenzFigure, lorenzSvg, runFigure, runSvg, growth, share, rules, values, summary };
    const sizes = new WeakMap<Element, string>();
    this.resize = new ResizeObserver((entries) => {
      // Redraw only when a figure's size really changed (drawing never changes it).
      if (entries.some((e) => sizes.get(e.target) !== `${e.contentRect.width}x${e.contentRect.height}`)) {
        for (const e of entries) sizes.set(e.target, `${e.contentRect.width}x${e.contentRect.height}`);
        this.draw();
      }
    });
    this.resize.observe(lorenzFigure);
    this.resize.observe(runFigure);
  }

  private round(): Round {
    return roundOf(this.state);
  }

  /** Brings the controls, the formula, the summary and both charts in line with the state. */
  private update(): void {
    const p = this.parts!;
    const s = this.state;
    p.growth.input.value = String(s.growth);
    p.growth.output.textContent = percent(s.growth);
    p.growth.input.setAttribute('aria-valuetext', T.sliders.growth.valuetext(percent(s.growth)));
    p.share.input.value = String(s.share);
    p.share.output.textContent = percent(s.share);
    p.share.input.setAttribute('aria-valuetext', T.sliders.share.valuetext(percent(s.share)));
    for (const [id, button] of p.rules) button.setAttribute('aria-pressed', String(id === s.rule));

    const before = gini(this.incomes);
    const after = gini(growRound(this.incomes, this.round()));
    katex.render(T.giniTex(fixed3(before), fixed3(after)), p.values, KATEX);
    const matthew = runRounds(this.incomes, { ...this.round(), share: 0 }, ROUNDS, this.seed);
    const shared = runRounds(this.incomes, this.round(), ROUNDS, this.seed);
    const rule = RULES.find((r) => r.id === s.rule)!;
    p.summary.textContent = T.summary(
      fixed3(before),
      fixed3(after),
      ROUNDS,
      fixed3(matthew.at(-1)!),
      percent(s.share),
      rule.label,
      rule.explain,
      fixed3(shared.at(-1)!),
    );
    this.draw();
  }

  private draw(): void {
    this.drawLorenz();
    this.drawRun();
  }

  /** The figure's size in slide pixels; a hidden slide measures 0, so fall back to a usual size. */
  private static measure(figure: HTMLElement): { width: number; height: number } {
    return { width: figure.clientWidth || 380, height: figure.clientHeight || 380 };
  }

  /** What the charts show now. */
  private drawn(): Drawn {
    return { incomes: this.incomes, seed: this.seed, state: this.state, shown: this.shownRounds };
  }

  private drawLorenz(): void {
    const p = this.parts!;
    const { width, height } = CakeExplorer.measure(p.lorenzFigure);
    p.lorenzSvg.setAttribute('aria-label', drawLorenz(p.lorenzSvg, width, height, this.drawn()));
  }

  private drawRun(): void {
    const p = this.parts!;
    const { width, height } = CakeExplorer.measure(p.runFigure);
    p.runSvg.setAttribute('aria-label', drawRun(p.runSvg, width, height, this.drawn()));
  }

  /** Replays the run round by round (at once when the reader prefers less motion). */
  private startReplay(): void {
    this.stopReplay();
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.shownRounds = ROUNDS;
      this.drawRun();
      return;
    }
    this.shownRounds = 0;
    this.drawRun();
    this.replayTimer = window.setInterval(() => {
      this.shownRounds += 1;
      if (this.shownRounds >= ROUNDS) this.stopReplay();
      if (this.parts) this.drawRun();
    }, REPLAY_MS);
  }

  private stopReplay(): void {
    if (this.replayTimer !== undefined) window.clearInterval(this.replayTimer);
    this.replayTimer = undefined;
    this.shownRounds = ROUNDS;
  }
}

/** Axes with ticks and titles, shared by both charts. */
function axes(svg: SVGSVGElement, x: Scale, y: Scale, xTitle: string, yTitle: string, format: (v: number) => string): void {
  const font = CHART_FONT_PX;
  const [left, right] = [x(x.domain[0]), x(x.domain[1])];
  const [bottom, top] = [y(y.domain[0]), y(y.domain[1])];
  const grid = svgEl('g', { class: 'ce-grid', 'aria-hidden': 'true' }, svg);
  for (const v of y.ticks) {
    svgEl('line', { x1: left, x2: right, y1: y(v), y2: y(v) }, grid);
    svgEl('text', { x: left - 8, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, grid).textContent = format(v);
  }
  for (const v of x.ticks) {
    svgEl('line', { x1: x(v), x2: x(v), y1: bottom, y2: bottom + 6, class: 'ce-tick' }, grid);
    svgEl('text', { x: x(v), y: bottom + 8 + font, 'text-anchor': 'middle' }, grid).textContent = format(v);
  }
  svgEl('line', { x1: left, x2: right, y1: bottom, y2: bottom, class: 'ce-axis' }, grid);
  svgEl('line', { x1: left, x2: left, y1: top, y2: bottom, class: 'ce-axis' }, grid);
  svgEl('text', { x: right, y: bottom + 16 + 2 * font, 'text-anchor': 'end' }, grid).textContent = xTitle;
  svgEl('text', { x: 4, y: font }, grid).textContent = yTitle;
}

/** Draws the Lorenz curves before and after one round, with the line of equality; returns what they show. */
function drawLorenz(svg: SVGSVGElement, width: number, height: number, d: Drawn): string {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const font = CHART_FONT_PX;
  const left = 54;
  const bottom = height - 62;
  // Room on the right for half of the last tick label, 100%.
  const rightRoom = 28;
  const grown = growRound(d.incomes, roundOf(d.state));
  const entries = [
    ['equal', T.lorenz.equal],
    ['start', T.lorenz.start(fixed3(gini(d.incomes)))],
    ['after', T.lorenz.after(fixed3(gini(grown)))],
  ] as const;
  // The legend, on a plain panel (a stroke halo on the text would make Chromium embed that text
  // as a Type 3 font in PDFs), each entry with its own dash pattern.
  const legend = { width: 52 + Math.max(...entries.map(([, text]) => textWidth(text, font))), height: entries.length * (font + 8) + 4 };
  // In the empty upper-left triangle, above the line of equality (every Lorenz curve is below it),
  // when it fits there whole; else above the plot, so that it never covers a curve or the area.
  const plotSide = (top: number): number => Math.max(80, Math.min(width - left - rightRoom, bottom - top));
  const inside = 2 + legend.width + legend.height + 8 < plotSide(32);
  const top = inside ? 32 : 32 + legend.height + 4;
  // Square plot where the figure allows it: a Lorenz curve is read against the diagonal.
  const side = plotSide(top);
  const x = linearScale(0, 1, left, left + side, 4);
  const y = linearScale(0, 1, top + side, top, 4);
  const pct = (v: number): string => `${Math.round(v * 100)}%`;
  axes(svg, x, y, T.lorenz.xAxis, T.lorenz.yAxis, pct);

  const start = lorenz(d.incomes);
  const after = lorenz(grown);
  const line = (pts: { p: number; l: number }[]) => pts.map((pt) => [x(pt.p), y(pt.l)] as const);
  // The area between the diagonal and the curve, which the Gini coefficient measures (G = 2 × area).
  svgEl('path', { d: `${pathData(line(after))}Z`, class: 'ce-area' }, svg);
  svgEl('path', { d: pathData([[x(0), y(0)], [x(1), y(1)]]), class: 'ce-line ce-line-equal', 'data-curve': 'equal' }, svg);
  svgEl('path', { d: pathData(line(start)), class: 'ce-line ce-line-start', 'data-curve': 'start' }, svg);
  svgEl('path', { d: pathData(line(after)), class: 'ce-line ce-line-after', 'data-curve': 'after' }, svg);

  const group = svgEl('g', { class: 'ce-legend' }, svg);
  const panelTop = inside ? top + 10 - font / 2 - 6 : 32 - font / 2 - 6 + 10;
  svgEl('rect', { x: x(0) + 2, y: panelTop, width: legend.width, height: legend.height, class: 'ce-legend-panel' }, group);
  entries.forEach(([id, text], i) => {
    const ly = panelTop + font / 2 + 6 + i * (font + 8);
    svgEl('line', { x1: x(0) + 8, x2: x(0) + 40, y1: ly, y2: ly, class: `ce-line ce-line-${id}` }, group);
    svgEl('text', { x: x(0) + 46, y: ly, 'dominant-baseline': 'middle', class: `ce-label ce-label-${id}`, 'data-curve-label': id }, group).textContent = text;
  });

  return T.lorenz.label(HOUSEHOLDS, fixed3(gini(d.incomes)), fixed3(gini(grown)), pct(start[HOUSEHOLDS / 2]!.l), pct(after[HOUSEHOLDS / 2]!.l));
}

/** Draws the Gini coefficient over the rounds, gains that follow holdings against the sharing rule; returns what it shows. */
function drawRun(svg: SVGSVGElement, width: number, height: number, d: Drawn): string {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const font = CHART_FONT_PX;
  const matthew = runRounds(d.incomes, { ...roundOf(d.state), share: 0 }, ROUNDS, d.seed);
  const shared = runRounds(d.incomes, roundOf(d.state), ROUNDS, d.seed);
  const maxG = Math.max(0.6, ...matthew, ...shared);
  const left = 54;
  const right = width - 12 - 2 * font - 8;
  const top = 32;
  const bottom = height - 62;
  const x = linearScale(0, ROUNDS, left, right, Math.max(2, Math.floor((right - left) / 70)));
  const y = linearScale(0, Math.ceil(maxG * 10) / 10, bottom, top, Math.max(2, Math.floor((bottom - top) / 60)));
  axes(svg, x, y, T.run.xAxis, T.run.yAxis, (v) => String(v));

  const shown = d.shown;
  const runs = [
    { id: 'matthew', name: T.run.matthew, values: matthew },
    { id: 'shared', name: T.run.shared, values: shared },
  ];
  for (const run of runs) {
    const pts = run.values.slice(0, shown + 1).map((g, i) => [x(i), y(g)] as const);
    svgEl('path', { d: pathData(pts), class: `ce-line ce-line-${run.id}`, 'data-curve': run.id }, svg);
  }
  const labelY = spreadLabels(
    runs.map((r) => y(r.values[shown]!)),
    font + 4,
    top + font / 2,
    bottom - font / 2,
  );
  runs.forEach((run, i) => {
    svgEl('text', { x: x(shown) + 8, y: labelY[i]!, 'dominant-baseline': 'middle', class: `ce-label ce-label-${run.id}`, 'data-curve-label': run.id }, svg).textContent =
      run.name;
  });

  return T.run.label(ROUNDS, fixed3(matthew[0]!), fixed3(matthew.at(-1)!), percent(d.state.share), fixed3(shared.at(-1)!));
}

import katex from 'katex';
import {
  CHART_FONT_PX,
  formatNumber,
  htmlEl,
  widgetRoot,
  linearScale,
  logScale,
  niceMax,
  pathData,
  spreadLabels,
  superscript,
  svgEl,
  textWidth,
} from './chart.ts';
import { compound, crossover, doublingTime, linear, power, series, type Crossover } from './math/growth.ts';
import './widgets.css';

/** What the explorer shows: the three curves' parameters, the horizon and the y-axis kind. */
interface GrowthState {
  /** Starting level of the linear and compound curves. */
  a: number;
  /** Yearly increment of the linear curve. */
  b: number;
  /** Exponent of the power t^k. */
  k: number;
  /** Yearly growth rate of the compound curve (0.07 = 7 %). */
  r: number;
  /** Last year drawn. */
  horizon: number;
  /** Log scale on the y axis. */
  log: boolean;
}

/** A named starting point, reproducing the numbers of the KaTeX slides before it. */
interface Preset {
  id: string;
  label: string;
  /** The label as a screen reader should say it, where the visible one uses superscripts. */
  spoken?: string;
  state: GrowthState;
}

/** The presets, in button order; the first is the default (`preset` attribute absent or unknown). */
const PRESETS: readonly Preset[] = [
  // logic-power-series / logic-power-compound: start 100, +7 a year against 7 % a year, 30 years.
  { id: 'seven-percent', label: '年增 7%', state: { a: 100, b: 7, k: 2, r: 0.07, horizon: 30, log: false } },
  // logic-power-limit: t² against (1.07)^t, which crosses for good at t = 148.
  { id: 'power-vs-exponential', label: 't² 对 1.07^t', spoken: 't 的平方对 1.07 的 t 次方', state: { a: 1, b: 0.07, k: 2, r: 0.07, horizon: 160, log: true } },
  // The cue of logic-power-compound: at 10 % a year, about 7 years to double.
  { id: 'ten-percent', label: '年增 10%', state: { a: 100, b: 10, k: 2, r: 0.1, horizon: 30, log: false } },
];

/** One slider: which parameter, its range (which may depend on the start level a), how it reads. */
interface SliderSpec {
  key: 'b' | 'k' | 'r' | 'horizon';
  label: string;
  range: (s: GrowthState) => { min: number; max: number; step: number };
  text: (s: GrowthState) => string;
  valuetext: (s: GrowthState) => string;
}

const percent = (r: number): string => `${Number((r * 100).toFixed(1))}%`;

const SLIDERS: readonly SliderSpec[] = [
  {
    key: 'b',
    label: 'b 年增量',
    // Relative to a, so the same slider serves a start of 100 (+7) and of 1 (+0.07).
    range: (s) => ({ min: 0, max: 0.3 * s.a, step: 0.005 * s.a }),
    text: (s) => formatNumber(s.b),
    valuetext: (s) => `线性增长每年增加 ${formatNumber(s.b)}`,
  },
  {
    key: 'k',
    label: 'k 幂指数',
    range: () => ({ min: 0.5, max: 4, step: 0.5 }),
    text: (s) => String(s.k),
    valuetext: (s) => `幂函数的指数 k 等于 ${s.k}`,
  },
  {
    key: 'r',
    label: 'r 增长率',
    range: () => ({ min: 0.01, max: 0.2, step: 0.005 }),
    text: (s) => percent(s.r),
    valuetext: (s) => `复利每年增长 ${percent(s.r)}`,
  },
  {
    key: 'horizon',
    label: 't 年数',
    range: () => ({ min: 5, max: 250, step: 1 }),
    text: (s) => `${s.horizon} 年`,
    valuetext: (s) => `画到第 ${s.horizon} 年`,
  },
];

/** The three curves: how each is computed, named, written and drawn. */
const CURVES = [
  { id: 'linear', name: '线性', y: (s: GrowthState, t: number) => linear(s.a, s.b, t) },
  { id: 'power', name: '幂函数', y: (s: GrowthState, t: number) => power(s.k, t) },
  { id: 'compound', name: '复利', y: (s: GrowthState, t: number) => compound(s.a, s.r, t) },
] as const;

/** A number as TeX: at most four significant figures, no trailing zeros. */
const texNumber = (v: number): string => String(Number(v.toPrecision(4)));

/** Each curve's formula with the current values, in TeX. */
function formulaTex(id: (typeof CURVES)[number]['id'], s: GrowthState): string {
  const a = texNumber(s.a);
  switch (id) {
    case 'linear':
      return `y = ${a} + ${texNumber(s.b)}\\,t`;
    case 'power':
      return `y = t^{${texNumber(s.k)}}`;
    case 'compound':
      return `y = ${s.a === 1 ? '' : `${a}\\times`}${texNumber(1 + s.r)}^{\\,t}`;
  }
}

/** The result in one sentence, with why: the power's yearly factor falls towards 1, the compound's does not. */
function summaryText(s: GrowthState, c: Crossover | null): string {
  const factor = texNumber(1 + s.r);
  const why = `幂函数每年只乘以 (1+1/t)${superscript(s.k)}，这个倍数越来越接近 1；复利每年都乘以 ${factor}。`;
  if (!c) return '没有增长时，复利追不上幂函数。';
  if (c.always) return `复利从第 1 年起一直高于幂函数：起点 ${formatNumber(s.a)} 足够大，t${superscript(s.k)} 追不上。`;
  if (c.year > s.horizon) return `第 ${c.year} 年起，复利超过幂函数（在 ${s.horizon} 年之外，拉长年数即可看到）：${why}`;
  return `第 ${c.year} 年起，复利超过幂函数并始终领先：${why}`;
}

let instances = 0;

/**
 * `<growth-explorer preset="seven-percent">`: linear a+bt, power t^k and compound a(1+r)^t on one
 * chart, with sliders for b, k, r and the horizon, the formulas with current values, and the year
 * from which compound growth stays above the power. Teaching addition to the 幂数效应 slides.
 */
export class GrowthExplorer extends HTMLElement {
  static observedAttributes = ['preset'];

  private state: GrowthState = { ...PRESETS[0]!.state };
  private readonly uid = `ge${++instances}`;
  private resize: ResizeObserver | undefined;
  private size = { width: 0, height: 0 };
  private parts:
    | {
        figure: HTMLElement;
        svg: SVGSVGElement;
        inputs: Map<SliderSpec['key'], { input: HTMLInputElement; output: HTMLOutputElement }>;
        presets: Map<string, HTMLButtonElement>;
        logButton: HTMLButtonElement;
        formulas: Map<string, { tex: HTMLElement; value: HTMLElement }>;
        valueHead: HTMLElement;
        doubling: HTMLElement;
        summary: HTMLElement;
      }
    | undefined;

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name !== 'preset') return;
    this.state = { ...(PRESETS.find((p) => p.id === value) ?? PRESETS[0]!).state };
    if (this.parts) this.update();
  }

  connectedCallback(): void {
    // Built afresh on every connect: reveal.js's scroll and print views move slides around.
    this.replaceChildren();
    this.build();
    this.update();
  }

  disconnectedCallback(): void {
    this.resize?.disconnect();
    this.resize = undefined;
    this.parts = undefined;
  }

  private build(): void {
    const root = widgetRoot('ge', this);

    const figure = htmlEl('figure', 'ge-figure', '', root);
    const svg = svgEl('svg', { role: 'img', class: 'ge-chart' }, figure);

    const summary = htmlEl('p', 'ge-summary', '', root);
    summary.setAttribute('aria-live', 'polite');

    const panel = htmlEl('div', 'ge-panel', '', root);
    const toolbar = htmlEl('div', 'ge-toolbar', '', panel);
    const presetRow = htmlEl('div', 'ge-presets', '', toolbar);
    presetRow.setAttribute('role', 'group');
    presetRow.setAttribute('aria-label', '预设');
    const presets = new Map<string, HTMLButtonElement>();
    for (const p of PRESETS) {
      const button = htmlEl('button', 'ge-button', p.label, presetRow);
      button.type = 'button';
      if (p.spoken) button.setAttribute('aria-label', p.spoken);
      button.addEventListener('click', () => {
        this.state = { ...p.state };
        this.update();
      });
      presets.set(p.id, button);
    }
    const logButton = htmlEl('button', 'ge-button ge-log', '对数纵轴', toolbar);
    logButton.type = 'button';
    logButton.addEventListener('click', () => {
      this.state = { ...this.state, log: !this.state.log };
      this.update();
    });

    const table = htmlEl('div', 'ge-formulas', '', panel);
    htmlEl('span', 'ge-formulas-head', '曲线', table);
    htmlEl('span', 'ge-formulas-head', '公式', table);
    const valueHead = htmlEl('span', 'ge-formulas-head ge-value', '', table);
    const formulas = new Map<string, { tex: HTMLElement; value: HTMLElement }>();
    for (const c of CURVES) {
      const name = htmlEl('span', `ge-name ge-name-${c.id}`, '', table);
      const swatch = svgEl('svg', { class: 'ge-swatch', viewBox: '0 0 36 12', 'aria-hidden': 'true' }, name);
      svgEl('line', { x1: 2, y1: 6, x2: 34, y2: 6, class: `ge-line ge-line-${c.id}` }, swatch);
      name.append(c.name);
      const tex = htmlEl('span', 'ge-tex', '', table);
      const value = htmlEl('span', 'ge-value', '', table);
      formulas.set(c.id, { tex, value });
    }
    const doubling = htmlEl('p', 'ge-doubling', '', panel);

    const inputs = new Map<SliderSpec['key'], { input: HTMLInputElement; output: HTMLOutputElement }>();
    for (const spec of SLIDERS) {
      const row = htmlEl('div', 'ge-slider', '', panel);
      const id = `${this.uid}-${spec.key}`;
      const label = htmlEl('label', '', spec.label, row);
      label.htmlFor = id;
      const input = htmlEl('input', '', '', row);
      input.type = 'range';
      input.id = id;
      const output = htmlEl('output', '', '', row);
      output.htmlFor.add(id);
      input.addEventListener('input', () => {
        this.state = { ...this.state, [spec.key]: Number(input.value) };
        this.update();
      });
      inputs.set(spec.key, { input, output });
    }

    this.parts = { figure, svg, inputs, presets, logButton, formulas, valueHead, doubling, summary };
    this.resize = new ResizeObserver(() => {
      const { width, height } = this.measure();
      if (width !== this.size.width || height !== this.size.height) this.draw();
    });
    this.resize.observe(figure);
  }

  /** The figure's size in slide pixels; a hidden slide measures 0, so fall back to a usual size. */
  private measure(): { width: number; height: number } {
    const f = this.parts!.figure;
    return { width: f.clientWidth || 640, height: f.clientHeight || 420 };
  }

  /** Brings every part in line with the state. */
  private update(): void {
    const p = this.parts!;
    const s = this.state;
    for (const spec of SLIDERS) {
      const { input, output } = p.inputs.get(spec.key)!;
      const { min, max, step } = spec.range(s);
      input.min = String(min);
      input.max = String(max);
      input.step = String(step);
      input.value = String(s[spec.key]);
      input.setAttribute('aria-valuetext', spec.valuetext(s));
      output.textContent = spec.text(s);
    }
    for (const preset of PRESETS) {
      const same = (Object.keys(preset.state) as (keyof GrowthState)[]).every((key) => key === 'log' || preset.state[key] === s[key]);
      p.presets.get(preset.id)!.setAttribute('aria-pressed', String(same));
    }
    p.logButton.setAttribute('aria-pressed', String(s.log));
    p.valueHead.textContent = `t = ${s.horizon} 时`;
    for (const c of CURVES) {
      const f = p.formulas.get(c.id)!;
      katex.render(formulaTex(c.id, s), f.tex, { throwOnError: false, output: 'htmlAndMathml' });
      f.value.textContent = formatNumber(c.y(s, s.horizon));
    }
    katex.render(
      `\\text{翻一番：}\\ \\ln 2 \\,/\\, \\ln ${texNumber(1 + s.r)} \\approx ${doublingTime(s.r).toFixed(2)}\\ \\text{年}`,
      p.doubling,
      { throwOnError: false, output: 'htmlAndMathml' },
    );
    p.summary.textContent = summaryText(s, crossover(s.k, s.r, s.a));
    this.draw();
  }

  /** Redraws the chart at the figure's current size, so text keeps its size whatever the width. */
  private draw(): void {
    const p = this.parts!;
    const s = this.state;
    this.size = this.measure();
    const { width, height } = this.size;
    const svg = p.svg;
    svg.replaceChildren();
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);

    const c = crossover(s.k, s.r, s.a);
    const ends = CURVES.map((curve) => ({ curve, end: curve.y(s, s.horizon) }));
    svg.setAttribute(
      'aria-label',
      `三种增长的折线图，t 从 0 到 ${s.horizon} 年${s.log ? '，纵轴为对数刻度' : ''}：` +
        ends.map((e) => `${e.curve.name}增长到 ${formatNumber(e.end)}`).join('，') +
        (c && !c.always ? `；第 ${c.year} 年起复利超过幂函数` : ''),
    );

    const font = CHART_FONT_PX;
    const samples = CURVES.map((curve) => series((t) => curve.y(s, t), 0, s.horizon, 300));
    const all = samples.flat().filter((pt) => pt.t >= 1 || !s.log);
    const maxY = Math.max(...all.map((pt) => pt.y));
    const minY = Math.min(...all.map((pt) => pt.y).filter((y) => y > 0));
    const top = 36;
    const bottom = height - 52;
    const y = s.log
      ? logScale(10 ** Math.floor(Math.log10(minY)), 10 ** Math.ceil(Math.log10(maxY)), bottom, top)
      : linearScale(0, niceMax(maxY), bottom, top, Math.max(2, Math.floor((bottom - top) / 70)));
    const left = 14 + Math.max(...y.ticks.map((v) => textWidth(formatNumber(v), font)));
    const right = width - 12 - textWidth('幂函数', font) - 8;
    const x = linearScale(0, s.horizon, left, right, Math.max(2, Math.floor((right - left) / 90)));

    // Grid and axes first, so the curves draw over them.
    const grid = svgEl('g', { class: 'ge-grid', 'aria-hidden': 'true' }, svg);
    for (const v of y.ticks) {
      svgEl('line', { x1: left, x2: right, y1: y(v), y2: y(v) }, grid);
      svgEl('text', { x: left - 8, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, grid).textContent = formatNumber(v);
    }
    for (const v of x.ticks) {
      svgEl('line', { x1: x(v), x2: x(v), y1: bottom, y2: bottom + 6, class: 'ge-tick' }, grid);
      svgEl('text', { x: x(v), y: bottom + 8 + font, 'text-anchor': 'middle' }, grid).textContent = String(v);
    }
    svgEl('line', { x1: left, x2: right, y1: bottom, y2: bottom, class: 'ge-axis' }, grid);
    svgEl('line', { x1: left, x2: left, y1: top, y2: bottom, class: 'ge-axis' }, grid);
    svgEl('text', { x: right, y: height - 6, 'text-anchor': 'end' }, grid).textContent = 't（年）';
    svgEl('text', { x: 4, y: font }, grid).textContent = s.log ? 'y（对数刻度，每格 ×10）' : 'y';

    CURVES.forEach((curve, i) => {
      const points = samples[i]!.filter((pt) => !s.log || pt.y >= y.domain[0]).map((pt) => [x(pt.t), y(pt.y)] as const);
      svgEl('path', { d: pathData(points), class: `ge-line ge-line-${curve.id}`, 'data-curve': curve.id }, svg);
    });

    // Direct labels at the right end of each curve, pushed apart where the curves meet.
    const labelY = spreadLabels(
      ends.map((e) => y(e.end)),
      font + 4,
      top + font / 2,
      bottom - font / 2,
    );
    ends.forEach((e, i) => {
      svgEl('text', { x: right + 8, y: labelY[i]!, 'dominant-baseline': 'middle', class: `ge-label ge-label-${e.curve.id}` }, svg).textContent =
        e.curve.name;
    });

    if (c && !c.always && c.t <= s.horizon) {
      const cx = x(c.t);
      const cy = y(power(s.k, c.t));
      const mark = svgEl('g', { class: 'ge-cross' }, svg);
      svgEl('line', { x1: cx, x2: cx, y1: cy, y2: bottom }, mark);
      svgEl('circle', { cx, cy, r: 7 }, mark);
      const text = `第 ${c.year} 年起复利领先`;
      const w = textWidth(text, font);
      // Above the point, kept inside the plot; left of it when the point is near the right edge.
      const tx = Math.min(Math.max(cx - w / 2, left + 4), right - w);
      const ty = cy - 16 > top + font ? cy - 16 : cy + 16 + font;
      // A panel, not a stroke halo, behind the label: a halo makes PDFs embed the text as Type 3.
      svgEl('rect', { x: tx - 4, y: ty - font, width: w + 8, height: font + 8, class: 'ge-cross-panel' }, mark);
      svgEl('text', { x: tx, y: ty, class: 'ge-cross-label' }, mark).textContent = text;
    }
  }
}

import katex from 'katex';
import { htmlEl } from '../html-element.ts';
import {
  CHART_FONT_PX,
  formatNumber,
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
import { compound, crossover, doublingTime, linear, power, rateGap, rateRatio, series, type Crossover, type Point } from './math/growth.ts';
import { printedFigure, printOnlyPage } from './print-figure.ts';
import { UI } from '../../shared/ui-strings.ts';
import './widgets.css';

const T = UI.widgets.growth;

/**
 * What the explorer compares: `rates`, one compound path at r against the same start growing at
 * r + Δr (the paper's claim: 新动能 raises the growth rate itself), with the gap between them; or
 * `kinds`, linear a+bt, the power t^k and compound a(1+r)^t (three kinds of growth, kept apart).
 */
type Mode = 'rates' | 'kinds';

/** What the explorer shows: the mode, the curves' parameters, the horizon and the y-axis kind. */
interface GrowthState {
  mode: Mode;
  /** Starting level of the linear and compound curves. */
  a: number;
  /** Yearly increment of the linear curve. */
  b: number;
  /** Exponent of the power t^k. */
  k: number;
  /** Yearly growth rate of the compound curve (0.07 = 7 %); in `rates`, the original rate. */
  r: number;
  /** In `rates`: the rise of the growth rate (0.01 = one percentage point). */
  dr: number;
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
  // logic-power-rate: the same start 100 at 5 % and at 6 % a year, 30 years, and the gap.
  {
    id: 'rate-rise',
    ...T.presets.rateRise,
    state: { mode: 'rates', a: 100, b: 5, k: 2, r: 0.05, dr: 0.01, horizon: 30, log: false },
  },
  // logic-power-limit: t² against (1.07)^t, which crosses for good at t = 148.
  {
    id: 'power-vs-exponential',
    ...T.presets.powerVsExponential,
    state: { mode: 'kinds', a: 1, b: 0.07, k: 2, r: 0.07, dr: 0.01, horizon: 160, log: true },
  },
  // logic-power-series / logic-power-compound: start 100, +7 a year against 7 % a year, 30 years.
  { id: 'seven-percent', ...T.presets.sevenPercent, state: { mode: 'kinds', a: 100, b: 7, k: 2, r: 0.07, dr: 0.01, horizon: 30, log: false } },
  // The cue of logic-power-compound: at 10 % a year, about 7 years to double.
  { id: 'ten-percent', ...T.presets.tenPercent, state: { mode: 'kinds', a: 100, b: 10, k: 2, r: 0.1, dr: 0.01, horizon: 30, log: false } },
];

/** The parameters that matter in a mode: a preset is "pressed" when these agree. */
const KEYS: Record<Mode, readonly (keyof GrowthState)[]> = {
  rates: ['mode', 'a', 'r', 'dr', 'horizon'],
  kinds: ['mode', 'a', 'b', 'k', 'r', 'horizon'],
};

/** One slider: which parameter, its range (which may depend on the start level a), how it reads. */
interface SliderSpec {
  key: 'b' | 'k' | 'r' | 'dr' | 'horizon';
  label: string;
  range: (s: GrowthState) => { min: number; max: number; step: number };
  text: (s: GrowthState) => string;
  valuetext: (s: GrowthState) => string;
}

const percent = (r: number): string => `${Number((r * 100).toFixed(2))}%`;

const horizonSlider = (max: number): SliderSpec => ({
  key: 'horizon',
  label: T.sliders.horizon.label,
  range: () => ({ min: 5, max, step: 1 }),
  text: (s) => T.sliders.horizon.text(s.horizon),
  valuetext: (s) => T.sliders.horizon.valuetext(s.horizon),
});

/** Each mode's sliders, in order: only these are in the page, so Tab reaches each one shown. */
const SLIDERS: Record<Mode, readonly SliderSpec[]> = {
  kinds: [
    {
      key: 'b',
      label: T.sliders.b.label,
      // Relative to a, so the same slider serves a start of 100 (+7) and of 1 (+0.07).
      range: (s) => ({ min: 0, max: 0.3 * s.a, step: 0.005 * s.a }),
      text: (s) => formatNumber(s.b),
      valuetext: (s) => T.sliders.b.valuetext(formatNumber(s.b)),
    },
    {
      key: 'k',
      label: T.sliders.k.label,
      range: () => ({ min: 0.5, max: 4, step: 0.5 }),
      text: (s) => String(s.k),
      valuetext: (s) => T.sliders.k.valuetext(s.k),
    },
    {
      key: 'r',
      label: T.sliders.r.label,
      range: () => ({ min: 0.01, max: 0.2, step: 0.005 }),
      text: (s) => percent(s.r),
      valuetext: (s) => T.sliders.r.valuetext(percent(s.r)),
    },
    horizonSlider(250),
  ],
  rates: [
    {
      key: 'r',
      label: T.sliders.baseRate.label,
      range: () => ({ min: 0.01, max: 0.1, step: 0.005 }),
      text: (s) => percent(s.r),
      valuetext: (s) => T.sliders.baseRate.valuetext(percent(s.r)),
    },
    {
      key: 'dr',
      label: T.sliders.rise.label,
      range: () => ({ min: 0.0025, max: 0.03, step: 0.0025 }),
      text: (s) => `+${percent(s.dr)}`,
      valuetext: (s) => T.sliders.rise.valuetext(Number((s.dr * 100).toFixed(2)), percent(s.r + s.dr)),
    },
    horizonSlider(100),
  ],
};

/** A curve: how it is computed, named and drawn (`style` is its line's CSS class: colour and dashes). */
interface Curve {
  id: string;
  name: string;
  style: 'linear' | 'power' | 'compound';
  y: (s: GrowthState, t: number) => number;
  tex: (s: GrowthState) => string;
}

/** A number as TeX: at most four significant figures, no trailing zeros. */
const texNumber = (v: number): string => String(Number(v.toPrecision(4)));

/** `y = a × q^t`, without the `1 ×`. */
const compoundTex = (a: number, q: number): string => `y = ${a === 1 ? '' : `${texNumber(a)}\\times`}${texNumber(q)}^{\\,t}`;

/** Each mode's curves, in the order of the formula table. */
const CURVES: Record<Mode, readonly Curve[]> = {
  kinds: [
    { id: 'linear', name: T.curves.linear, style: 'linear', y: (s, t) => linear(s.a, s.b, t), tex: (s) => `y = ${texNumber(s.a)} + ${texNumber(s.b)}\\,t` },
    { id: 'power', name: T.curves.power, style: 'power', y: (s, t) => power(s.k, t), tex: (s) => `y = t^{${texNumber(s.k)}}` },
    { id: 'compound', name: T.curves.compound, style: 'compound', y: (s, t) => compound(s.a, s.r, t), tex: (s) => compoundTex(s.a, 1 + s.r) },
  ],
  rates: [
    { id: 'base', name: T.curves.base, style: 'linear', y: (s, t) => compound(s.a, s.r, t), tex: (s) => compoundTex(s.a, 1 + s.r) },
    { id: 'faster', name: T.curves.faster, style: 'compound', y: (s, t) => compound(s.a, s.r + s.dr, t), tex: (s) => compoundTex(s.a, 1 + s.r + s.dr) },
  ],
};

/** The gap row of the `rates` table (the slides' D_t): a((1+r+Δr)^t − (1+r)^t). */
const gapTex = (s: GrowthState): string =>
  `${s.a === 1 ? '' : texNumber(s.a)}(${texNumber(1 + s.r + s.dr)}^{t} - ${texNumber(1 + s.r)}^{t})`;

/** How much higher the faster path is after t years, as a percentage with one decimal. */
const higherText = (s: GrowthState, t: number): string => `${((rateRatio(s.r, s.dr, t) - 1) * 100).toFixed(1)}%`;

/** The result in one sentence, with why: the power's yearly factor falls towards 1, the compound's does not. */
function summaryText(s: GrowthState, c: Crossover | null): string {
  const factor = texNumber(1 + s.r);
  const why = T.summary.why(superscript(s.k), factor);
  if (!c) return T.summary.noGrowth;
  if (c.always) return T.summary.always(formatNumber(s.a), superscript(s.k));
  if (c.year > s.horizon) return T.summary.beyond(c.year, s.horizon, why);
  return T.summary.crosses(c.year, why);
}

/** The `rates` result in one sentence: how much higher, the gap, and that the gap grows faster than either path. */
function ratesSummary(s: GrowthState): string {
  const faster = percent(s.r + s.dr);
  return T.summary.rates(
    s.horizon,
    faster,
    percent(s.r),
    higherText(s, s.horizon),
    formatNumber(rateGap(s.a, s.r, s.dr, s.horizon)),
    doublingTime(s.r).toFixed(2),
    doublingTime(s.r + s.dr).toFixed(2),
  );
}

/** The gap's shading: the faster path's colour, faint (as attributes, so it needs no CSS of its own). */
const GAP_FILL = { fill: '#a8432a', 'fill-opacity': 0.14, stroke: 'none' } as const;

/** The printed chart's size in slide pixels: what a printed slide has room for beside the caption. */
const PRINT_SIZE = { width: 820, height: 470 } as const;

let instances = 0;

/** The parts of the panel that depend on the mode: rebuilt when a preset of the other mode is chosen. */
interface ModeParts {
  mode: Mode;
  inputs: Map<SliderSpec['key'], { input: HTMLInputElement; output: HTMLOutputElement }>;
  formulas: Map<string, { tex: HTMLElement; value: HTMLElement }>;
  valueHead: HTMLElement;
  doubling: HTMLElement;
}

/**
 * `<growth-explorer preset="rate-rise">`: by default the same start compounding at r and at r + Δr
 * (5 % and 6 %), with the gap between the two paths shaded and measured, sliders for r, Δr and the
 * horizon; the other presets put linear a+bt, the power t^k and compound a(1+r)^t on one chart, with
 * sliders for b, k, r and the horizon and the year from which compound growth stays above the power.
 * Each shows the formulas with current values. Teaching addition to the 幂数效应 slides. In print
 * it is a static figure of the preset's chart with a caption (print-figure.ts).
 */
export class GrowthExplorer extends HTMLElement {
  static observedAttributes = ['preset'];

  /** The state the element opens in (its preset): what it prints. */
  private initial: GrowthState = { ...PRESETS[0]!.state };
  private state: GrowthState = { ...this.initial };
  private readonly uid = `ge${++instances}`;
  private resize: ResizeObserver | undefined;
  private size = { width: 0, height: 0 };
  private parts:
    | {
        figure: HTMLElement;
        svg: SVGSVGElement;
        presets: Map<string, HTMLButtonElement>;
        logButton: HTMLButtonElement;
        modeBox: HTMLElement;
        mode: ModeParts;
        summary: HTMLElement;
      }
    | undefined;
  private printed: HTMLElement | undefined;

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name !== 'preset') return;
    this.initial = { ...(PRESETS.find((p) => p.id === value) ?? PRESETS[0]!).state };
    this.state = { ...this.initial };
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
    this.resize?.disconnect();
    this.resize = undefined;
    this.parts = undefined;
    this.printed = undefined;
  }

  /** The figure that prints: the chart of the opening state, at a fixed size, with a caption. */
  private print(): void {
    this.printed?.remove();
    const s = this.initial;
    const { width, height } = PRINT_SIZE;
    this.printed = printedFigure(this, {
      draw: (box) => drawChart(svgEl('svg', { class: 'ge-chart', width, height }, box), width, height, s),
      caption: s.mode === 'rates' ? T.print.rates(formatNumber(s.a), percent(s.r), percent(s.r + s.dr), s.horizon) : T.print.kinds(s.horizon),
      onScreen: T.print.onScreen,
    });
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
    presetRow.setAttribute('aria-label', T.presetGroup);
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
    const logButton = htmlEl('button', 'ge-button ge-log', T.logAxis, toolbar);
    logButton.type = 'button';
    logButton.addEventListener('click', () => {
      this.state = { ...this.state, log: !this.state.log };
      this.update();
    });

    // The formulas, the doubling line and the sliders: one set per mode, in this box.
    const modeBox = htmlEl('div', 'ge-mode', '', panel);
    modeBox.style.display = 'contents';

    this.parts = { figure, svg, presets, logButton, modeBox, mode: this.buildMode(modeBox, this.state.mode), summary };
    this.resize = new ResizeObserver(() => {
      const { width, height } = this.measure();
      if (width !== this.size.width || height !== this.size.height) this.draw();
    });
    this.resize.observe(figure);
  }

  /** The formula table, the doubling line and the sliders of one mode, in `box` (emptied first). */
  private buildMode(box: HTMLElement, mode: Mode): ModeParts {
    box.replaceChildren();
    const table = htmlEl('div', 'ge-formulas', '', box);
    htmlEl('span', 'ge-formulas-head', T.table.curve, table);
    htmlEl('span', 'ge-formulas-head', T.table.formula, table);
    const valueHead = htmlEl('span', 'ge-formulas-head ge-value', '', table);
    const formulas = new Map<string, { tex: HTMLElement; value: HTMLElement }>();
    const rows = [...CURVES[mode].map((c) => ({ id: c.id, name: c.name, style: c.style as string | null }))];
    if (mode === 'rates') rows.push({ id: 'gap', name: T.curves.gap, style: null });
    for (const row of rows) {
      const name = htmlEl('span', `ge-name${row.style ? ` ge-name-${row.style}` : ''}`, '', table);
      if (row.style) {
        const swatch = svgEl('svg', { class: 'ge-swatch', viewBox: '0 0 36 12', 'aria-hidden': 'true' }, name);
        svgEl('line', { x1: 2, y1: 6, x2: 34, y2: 6, class: `ge-line ge-line-${row.style}` }, swatch);
      } else {
        const swatch = svgEl('svg', { class: 'ge-swatch', viewBox: '0 0 36 12', 'aria-hidden': 'true' }, name);
        svgEl('rect', { x: 2, y: 0, width: 32, height: 12, ...GAP_FILL }, swatch);
      }
      name.append(row.name);
      const tex = htmlEl('span', 'ge-tex', '', table);
      const value = htmlEl('span', 'ge-value', '', table);
      formulas.set(row.id, { tex, value });
    }
    const doubling = htmlEl('p', 'ge-doubling', '', box);

    const inputs = new Map<SliderSpec['key'], { input: HTMLInputElement; output: HTMLOutputElement }>();
    for (const spec of SLIDERS[mode]) {
      const row = htmlEl('div', 'ge-slider', '', box);
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
    return { mode, inputs, formulas, valueHead, doubling };
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
    if (p.mode.mode !== s.mode) p.mode = this.buildMode(p.modeBox, s.mode);
    const m = p.mode;
    for (const spec of SLIDERS[s.mode]) {
      const { input, output } = m.inputs.get(spec.key)!;
      const { min, max, step } = spec.range(s);
      input.min = String(min);
      input.max = String(max);
      input.step = String(step);
      input.value = String(s[spec.key]);
      input.setAttribute('aria-valuetext', spec.valuetext(s));
      output.textContent = spec.text(s);
    }
    for (const preset of PRESETS) {
      const same = KEYS[preset.state.mode].every((key) => preset.state[key] === s[key]);
      p.presets.get(preset.id)!.setAttribute('aria-pressed', String(same));
    }
    p.logButton.setAttribute('aria-pressed', String(s.log));
    m.valueHead.textContent = T.table.valueAt(s.horizon);
    const tex = (text: string, el: HTMLElement): void => katex.render(text, el, { throwOnError: false, output: 'htmlAndMathml' });
    for (const c of CURVES[s.mode]) {
      const f = m.formulas.get(c.id)!;
      tex(c.tex(s), f.tex);
      f.value.textContent = formatNumber(c.y(s, s.horizon));
    }
    if (s.mode === 'rates') {
      const gap = m.formulas.get('gap')!;
      tex(gapTex(s), gap.tex);
      gap.value.textContent = formatNumber(rateGap(s.a, s.r, s.dr, s.horizon));
      tex(T.tex.higher(texNumber(1 + s.r + s.dr), texNumber(1 + s.r), s.horizon, higherText(s, s.horizon).replace('%', '\\%')), m.doubling);
      p.summary.textContent = ratesSummary(s);
    } else {
      tex(T.tex.doubling(texNumber(1 + s.r), doublingTime(s.r).toFixed(2)), m.doubling);
      p.summary.textContent = summaryText(s, crossover(s.k, s.r, s.a));
    }
    this.draw();
  }

  /** Redraws the chart at the figure's current size, so text keeps its size whatever the width. */
  private draw(): void {
    const p = this.parts!;
    this.size = this.measure();
    p.svg.setAttribute('aria-label', drawChart(p.svg, this.size.width, this.size.height, this.state));
  }
}

/**
 * Draws the chart of state `s` into `svg` (emptied first) at `width` × `height` (its viewBox, in
 * slide pixels), and returns what it shows in words, for its accessible name.
 */
function drawChart(svg: SVGSVGElement, width: number, height: number, s: GrowthState): string {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);

  const curves = CURVES[s.mode];
  const rates = s.mode === 'rates';
  const c = rates ? null : crossover(s.k, s.r, s.a);
  const ends = curves.map((curve) => ({ curve, end: curve.y(s, s.horizon) }));
  const gapEnd = rateGap(s.a, s.r, s.dr, s.horizon);
  const F = T.figure;
  const logNote = s.log ? F.logNote : '';
  const description = rates
    ? F.rates(
        s.horizon,
        logNote,
        percent(s.r),
        formatNumber(ends[0]!.end),
        percent(s.r + s.dr),
        formatNumber(ends[1]!.end),
        formatNumber(gapEnd),
        higherText(s, s.horizon),
      )
    : F.kinds(
        s.horizon,
        logNote,
        ends.map((e) => F.end(e.curve.name, formatNumber(e.end))).join(F.endSeparator),
        c && !c.always ? F.kindsCrossing(c.year) : '',
      );

  const font = CHART_FONT_PX;
  const samples = curves.map((curve) => series((t) => curve.y(s, t), 0, s.horizon, 300));
  const all = samples.flat().filter((pt) => pt.t >= 1 || !s.log);
  const maxY = Math.max(...all.map((pt) => pt.y));
  const minY = Math.min(...all.map((pt) => pt.y).filter((y) => y > 0));
  const top = 36;
  const bottom = height - 52;
  const y = s.log
    ? logScale(10 ** Math.floor(Math.log10(minY)), 10 ** Math.ceil(Math.log10(maxY)), bottom, top)
    : linearScale(0, niceMax(maxY), bottom, top, Math.max(2, Math.floor((bottom - top) / 70)));
  const left = 14 + Math.max(...y.ticks.map((v) => textWidth(formatNumber(v), font)));
  const right = width - 12 - Math.max(...curves.map((curve) => textWidth(curve.name, font))) - 8;
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
  svgEl('text', { x: right, y: height - 6, 'text-anchor': 'end' }, grid).textContent = F.xAxis;
  svgEl('text', { x: 4, y: font }, grid).textContent = s.log ? F.yAxisLog : F.yAxis;

  const visible = (i: number): Point[] => samples[i]!.filter((pt) => !s.log || pt.y >= y.domain[0]);
  if (rates) {
    // The gap: the band between the two paths, shaded under the lines.
    const upper = visible(1).map((pt) => [x(pt.t), y(pt.y)] as const);
    const lower = visible(0).map((pt) => [x(pt.t), y(pt.y)] as const).reverse();
    svgEl('path', { d: `${pathData([...upper, ...lower])}Z`, class: 'ge-gap', 'aria-hidden': 'true', ...GAP_FILL }, svg);
  }

  curves.forEach((curve, i) => {
    const points = visible(i).map((pt) => [x(pt.t), y(pt.y)] as const);
    svgEl('path', { d: pathData(points), class: `ge-line ge-line-${curve.style}`, 'data-curve': curve.id }, svg);
  });

  // Direct labels at the right end of each curve, pushed apart where the curves meet.
  const labelY = spreadLabels(
    ends.map((e) => y(e.end)),
    font + 4,
    top + font / 2,
    bottom - font / 2,
  );
  ends.forEach((e, i) => {
    svgEl('text', { x: right + 8, y: labelY[i]!, 'dominant-baseline': 'middle', class: `ge-label ge-label-${e.curve.style}`, 'data-curve-label': e.curve.id }, svg).textContent =
      e.curve.name;
  });

  /** A label on a panel at (tx, ty), its baseline; a panel, not a stroke halo: a halo makes PDFs embed the text as Type 3. */
  const label = (g: SVGGElement, tx: number, ty: number, text: string): void => {
    svgEl('rect', { x: tx - 4, y: ty - font, width: textWidth(text, font) + 8, height: font + 8, class: 'ge-cross-panel' }, g);
    svgEl('text', { x: tx, y: ty, class: 'ge-cross-label' }, g).textContent = text;
  };

  if (rates && s.dr > 0) {
    // The gap at the horizon, measured between the two curves; its value in the plot's empty top-left corner
    // (both curves rise, so they start low on the left).
    const cx = x(s.horizon);
    const y0 = y(ends[1]!.end);
    const y1 = y(Math.max(ends[0]!.end, y.domain[0]));
    const g = svgEl('g', { class: 'ge-cross' }, svg);
    svgEl('line', { x1: cx, x2: cx, y1: y0, y2: y1 }, g);
    svgEl('circle', { cx, cy: y0, r: 7 }, g);
    svgEl('circle', { cx, cy: y1, r: 7 }, g);
    // The whole sentence where it fits left of the curves' labels; on a narrow chart (a phone), the gap alone.
    const full = F.gap(s.horizon, formatNumber(gapEnd), higherText(s, s.horizon));
    label(g, left + 12, top + font + 4, textWidth(full, font) + 24 <= cx - left - 16 ? full : F.gapShort(formatNumber(gapEnd)));
  } else if (c && !c.always && c.t <= s.horizon) {
    const cx = x(c.t);
    const cy = y(power(s.k, c.t));
    const g = svgEl('g', { class: 'ge-cross' }, svg);
    svgEl('line', { x1: cx, x2: cx, y1: cy, y2: bottom }, g);
    svgEl('circle', { cx, cy, r: 7 }, g);
    const text = F.crossing(c.year);
    const w = textWidth(text, font);
    // Above the point, kept inside the plot; left of it when the point is near the right edge.
    const tx = Math.min(Math.max(cx - w / 2, left + 4), right - w);
    label(g, tx, cy - 16 > top + font ? cy - 16 : cy + 16 + font, text);
  }
  return description;
}

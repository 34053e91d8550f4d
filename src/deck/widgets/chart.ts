import { htmlEl } from '../html-element.ts';
/**
 * Small helpers the widgets share to draw plain SVG charts: scales, ticks, paths, labels that do not
 * collide, and numbers written the Chinese way (万, 亿). No framework, no d3.
 */

import { UI } from '../../shared/ui-strings.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const T = UI.widgets.chart;

/** The charts' text size in slide pixels: 18 px as drawn once reveal.js scales a 1280×720 slide by 0.96. */
export const CHART_FONT_PX = 19;

/** Creates an SVG element with attributes, appended to `parent` if given. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  parent?.appendChild(el);
  return el;
}

/** Creates an HTML element with a class and optional text, appended to `parent` if given. */
/**
 * A widget's root element: dragging a slider on a touch screen does not swipe to the next slide,
 * and Space or Enter on a focused button presses the button instead of advancing the deck.
 */
export function widgetRoot(className: string, host: Element): HTMLDivElement {
  const root = htmlEl('div', className, '', host);
  root.setAttribute('data-prevent-swipe', '');
  root.addEventListener('keydown', (e) => {
    if ((e.key === ' ' || e.key === 'Enter') && (e.target as Element).tagName === 'BUTTON') e.stopPropagation();
  });
  return root;
}

/** Maps data values to pixels. */
export interface Scale {
  (value: number): number;
  domain: [number, number];
  ticks: number[];
}

/** Round numbers (1, 2, 5 × 10ⁿ) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const ticks: number[] = [];
  // Rounded to the step's decimals so 0.30000000000000004 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(decimals)));
  return ticks;
}

/** The smallest round number (1, 2, 2.5, 5 × 10ⁿ) not below `max`: the top of a linear axis. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(max));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * mag).find((s) => s >= max * (1 - 1e-12)) ?? 10 * mag);
}

/** A linear scale from [d0, d1] to [r0, r1], with about `count` nice ticks. */
export function linearScale(d0: number, d1: number, r0: number, r1: number, count = 5): Scale {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as Scale;
  scale.domain = [d0, d1];
  scale.ticks = niceTicks(d0, d1, count);
  return scale;
}

/** A base-10 log scale from [d0, d1] (both > 0) to [r0, r1]; ticks at powers of ten, thinned to fit. */
export function logScale(d0: number, d1: number, r0: number, r1: number, maxTicks = 6): Scale {
  const l0 = Math.log10(d0);
  const l1 = Math.log10(d1);
  const k = l1 === l0 ? 0 : (r1 - r0) / (l1 - l0);
  const scale = ((v: number) => r0 + (Math.log10(v) - l0) * k) as Scale;
  scale.domain = [d0, d1];
  const decades = Math.round(l1 - l0);
  const every = Math.max(1, Math.ceil(decades / (maxTicks - 1)));
  scale.ticks = [];
  for (let e = Math.ceil(l0 - 1e-9); e <= l1 + 1e-9; e += every) scale.ticks.push(10 ** e);
  return scale;
}

/** The `d` of a polyline through the points, in pixels with one decimal. */
export function pathData(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

/**
 * Spreads label positions (y, in pixels) so no two are closer than `gap`, keeping them inside
 * [top, bottom] and as near their wished place as possible. Returns positions in the input order.
 */
export function spreadLabels(wished: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wished.map((y, i) => ({ y: Math.min(bottom, Math.max(top, y)), i })).sort((a, b) => a.y - b.y);
  for (let j = 1; j < order.length; j++) order[j]!.y = Math.max(order[j]!.y, order[j - 1]!.y + gap);
  const overflow = (order.at(-1)?.y ?? bottom) - bottom;
  if (overflow > 0) {
    order.at(-1)!.y = bottom;
    for (let j = order.length - 2; j >= 0; j--) order[j]!.y = Math.min(order[j]!.y, order[j + 1]!.y - gap);
  }
  const out: number[] = new Array<number>(wished.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

/** Drops trailing zeros of a fixed-point number: 7.50 → 7.5, 3.00 → 3. */
function trim(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * A number for people: four significant figures at most, in 万 (10⁴), 亿 (10⁸) and 万亿 when large,
 * e.g. 761.2, 2.233万, 7.5亿; beyond that in powers of ten (6.4×10^19: the deck font has no
 * superscript digits beyond ¹²³⁴).
 */
export function formatNumber(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e16) {
    const [mantissa = '', exp = ''] = v.toExponential(2).split('e');
    return T.powerOfTen(trim(mantissa), exp.replace('+', ''));
  }
  if (abs >= 1e12) return `${trim((v / 1e12).toPrecision(4))}${T.units.wanYi}`;
  if (abs >= 1e8) return `${trim((v / 1e8).toPrecision(4))}${T.units.yi}`;
  if (abs >= 1e4) return `${trim((v / 1e4).toPrecision(4))}${T.units.wan}`;
  if (abs >= 1000) return String(Math.round(v));
  if (abs === 0) return '0';
  return trim(abs >= 1 ? v.toFixed(1) : v.toPrecision(3));
}

/** A rough width of `text` at `fontSize` px, for margins before anything is laid out (CJK ≈ 1 em). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

/** An exponent 1–4 as a superscript digit (2 → ²); others as `^x` (the deck font has only ¹²³⁴). */
export function superscript(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 4 ? [...T.superscripts][n - 1]! : `^${n}`;
}

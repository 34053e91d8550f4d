import { ATTR } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { outline, outlineHtml, type DiagramGraph } from './outline.ts';

/** A diagram as Mermaid drew it at build time, ready for the page. */
export interface DrawnDiagram {
  kind: 'svg';
  /** The SVG, its shared rules taken out (they are in `sheet`), classed `sheet.className`. */
  svg: string;
  /** The rules this SVG shares with others of the same look, scoped by class, for the page's `<head>`. */
  sheet: { className: string; css: string } | null;
  /** Its drawn width in px (small diagrams grow to fill the slide, up to MAX_GROWTH×). */
  width: number;
  /** A second drawing for a phone's column (top to bottom, or tighter), when this one is too wide for it; its SVG is classed `deck-diagram-narrow`, the page holds it in a `<template>`. */
  narrow: { svg: string; sheet: { className: string; css: string } | null; width: number } | null;
  /** What Mermaid read of it (flowcharts only): the text version is made from it. */
  graph: DiagramGraph | null;
  /** Its accessible name and description (`accTitle`, `accDescr`), '' if not given. */
  title: string;
  description: string;
}

/** A diagram Mermaid refused: the message, with its line in the diagram when Mermaid names one. */
export interface FailedDiagram {
  kind: 'error';
  message: string;
  line: number | null;
}

export type DiagramDrawing = DrawnDiagram | FailedDiagram;

/** Small diagrams grow to fill the slide, but no more than 1.6× their drawn size (labels stay in proportion). */
const MAX_GROWTH = 1.6;
/** A phone's drawing is shown at most at 3/4 of its size: labels of 18 px, not 24 px and more, on a phone. */
const NARROW_MAX_SCALE = 0.75;

/** A drawn diagram's figure, followed by its text version (查看文字版) when it has one. */
export function diagramFigure(id: string, drawing: DrawnDiagram): string {
  const widths = [
    drawing.width ? `--deck-diagram-max-width: ${Math.round(drawing.width * MAX_GROWTH)}px` : '',
    drawing.narrow?.width ? `--deck-diagram-narrow-max-width: ${Math.round(drawing.narrow.width * NARROW_MAX_SCALE)}px` : '',
  ].filter(Boolean);
  const style = widths.length ? ` style="${widths.join('; ')}"` : '';
  // The phone's drawing waits, inert, in a template: only the study view puts it in (then CSS shows one of the two).
  const narrow = drawing.narrow ? `<template class="deck-diagram-narrow">${drawing.narrow.svg}</template>` : '';
  return `<figure class="deck-diagram" ${ATTR.diagram}="${id}"${style}>${drawing.svg}${narrow}</figure>${textAlternative(drawing.graph)}`;
}

/** The `<details>` placed after a drawn diagram; empty if it is not a flowchart that reads as a list. */
export function textAlternative(graph: DiagramGraph | null): string {
  const list = graph ? outlineHtml(outline(graph)) : '';
  return list ? `<details class="deck-diagram-text"><summary>${escapeHtml(UI.diagram.textVersion)}</summary>${list}</details>` : '';
}

import type { RevealApi } from 'reveal.js';
import { SLIDE_SIZE } from '../../shared/slide-size.ts';
import { UI } from '../../shared/ui-strings.ts';
import { drawStrokes, strokeHit, type Stroke } from '../pen/strokes.ts';
import { PEN_MARKS, readStored, writeStored } from '../storage.ts';
import type { ToolFactory } from '../tool.ts';

const COLORS = [
  { name: UI.pen.colors.red, value: '#d0021b' },
  { name: UI.pen.colors.blue, value: '#1f4e8c' },
  { name: UI.pen.colors.green, value: '#1b7a3a' },
  { name: UI.pen.colors.black, value: '#111111' },
];
const WIDTH = 5;
const ERASER_RADIUS = 14;
const { width: SLIDE_W, height: SLIDE_H } = SLIDE_SIZE;

/**
 * The pen (`D`): draw on the current slide with mouse, pen or finger; colours, eraser, undo,
 * clear (`C`); `D` or `Esc` puts it away. Marks belong to their slide for the whole session
 * (going back shows them). With the pen away the canvases take no pointer events.
 */
export const pen: ToolFactory = ({ bus }) => {
  // Kept for the session, so a reload or `?print-pdf&pen` in the same tab still has them.
  const strokes = new Map<string, Stroke[]>(Object.entries(readStored(PEN_MARKS)));
  const save = (): void => {
    writeStored(PEN_MARKS, Object.fromEntries(strokes));
  };
  let deck: RevealApi;
  const canvases = new Map<string, HTMLCanvasElement>();
  let active = false;
  let color = COLORS[0]!.value;
  let erasing = false;
  let drawing: Stroke | null = null;

  let bar: HTMLElement;

  const slideId = (): string => deck.getCurrentSlide()?.id ?? '';
  const canvasFor = (slide: HTMLElement): HTMLCanvasElement => {
    let canvas = canvases.get(slide.id);
    if (!canvas) {
      canvas = document.createElement('canvas');
      canvas.className = 'deck-pen-canvas';
      canvas.width = SLIDE_W;
      canvas.height = SLIDE_H;
      canvas.setAttribute('aria-hidden', 'true');
      canvas.dataset.deckPen = slide.id;
      slide.append(canvas);
      canvases.set(slide.id, canvas);
      canvas.addEventListener('pointerdown', down);
      canvas.addEventListener('pointermove', moveTo);
      canvas.addEventListener('pointerup', up);
      canvas.addEventListener('pointercancel', up);
    }
    return canvas;
  };
  const redraw = (id: string): void => {
    const canvas = canvases.get(id);
    if (canvas) drawStrokes(canvas.getContext('2d')!, strokes.get(id) ?? []);
    if (!drawing) save();
  };
  const point = (e: PointerEvent): [number, number] => {
    const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return [((e.clientX - rect.left) / rect.width) * SLIDE_W, ((e.clientY - rect.top) / rect.height) * SLIDE_H];
  };
  function down(e: PointerEvent): void {
    if (!active) return;
    e.preventDefault();
    (e.currentTarget as HTMLCanvasElement).setPointerCapture(e.pointerId);
    const id = slideId();
    if (erasing) return erase(id, point(e));
    drawing = { color, width: WIDTH, points: [point(e)] };
    strokes.set(id, [...(strokes.get(id) ?? []), drawing]);
    redraw(id);
  }
  function moveTo(e: PointerEvent): void {
    if (!active || e.buttons === 0) return;
    const id = slideId();
    if (erasing) return erase(id, point(e));
    if (!drawing) return;
    drawing.points.push(point(e));
    redraw(id);
  }
  function up(): void {
    if (!drawing) return;
    drawing = null;
    save();
  }
  const erase = (id: string, [x, y]: [number, number]): void => {
    const kept = (strokes.get(id) ?? []).filter((s) => !strokeHit(s, x, y, ERASER_RADIUS));
    strokes.set(id, kept);
    redraw(id);
  };
  const setActive = (on: boolean): void => {
    active = on;
    bar.hidden = !on;
    document.documentElement.classList.toggle('deck-pen-on', on);
    const slide = deck.getCurrentSlide();
    if (on && slide) canvasFor(slide);
  };
  const clear = (): void => {
    strokes.set(slideId(), []);
    redraw(slideId());
  };

  const onBar = (e: MouseEvent): void => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button');
    if (!button) return;
    if (button.dataset.color) {
      color = button.dataset.color;
      erasing = false;
    } else if (button.dataset.pen === 'eraser') erasing = !erasing;
    else if (button.dataset.pen === 'undo') {
      strokes.set(slideId(), (strokes.get(slideId()) ?? []).slice(0, -1));
      redraw(slideId());
    } else if (button.dataset.pen === 'clear') clear();
    else if (button.dataset.pen === 'exit') setActive(false);
    for (const b of bar.querySelectorAll<HTMLButtonElement>('[data-color]')) b.setAttribute('aria-pressed', String(!erasing && b.dataset.color === color));
    bar.querySelector('[data-pen="eraser"]')!.setAttribute('aria-pressed', String(erasing));
  };
  const onEscape = (e: KeyboardEvent): void => {
    if (active && e.key === 'Escape') {
      e.stopImmediatePropagation();
      e.preventDefault();
      setActive(false);
    }
  };
  const onSlide = (): void => {
    const slide = deck.getCurrentSlide();
    if (slide && (active || strokes.get(slide.id)?.length)) {
      canvasFor(slide);
      redraw(slide.id);
    }
  };

  const stops: (() => void)[] = [];
  return {
    id: 'deck-pen',
    init(revealDeck) {
      deck = revealDeck;
      bar = document.createElement('div');
      bar.className = 'deck-pen-bar';
      bar.hidden = true;
      bar.setAttribute('role', 'toolbar');
      bar.setAttribute('aria-label', UI.pen.label);
      bar.innerHTML = `${COLORS.map((c, i) => `<button type="button" class="deck-pen-color" data-color="${c.value}" style="--pen: ${c.value}" aria-pressed="${i === 0}" aria-label="${UI.pen.colorLabel(c.name)}">${c.name}</button>`).join('')}
    <button type="button" data-pen="eraser" aria-pressed="false">${UI.pen.eraser}</button>
    <button type="button" data-pen="undo">${UI.pen.undo}</button>
    <button type="button" data-pen="clear">${UI.pen.clear}</button>
    <button type="button" data-pen="exit">${UI.pen.exit}</button>`;
      document.body.append(bar);
      bar.addEventListener('click', onBar);
      window.addEventListener('keydown', onEscape, true);
      deck.on('slidechanged', onSlide);
      deck.on('ready', onSlide);
      stops.push(
        bus.on('command', ({ key }) => {
          if (key === 'D') setActive(!active);
          if (key === 'L' && active) setActive(false);
          if (key === 'C') clear();
        }),
      );
    },
    destroy() {
      stops.forEach((s) => s());
      window.removeEventListener('keydown', onEscape, true);
      deck?.off('slidechanged', onSlide);
      deck?.off('ready', onSlide);
      if (active) setActive(false);
      canvases.forEach((c) => c.remove());
      bar?.remove();
    },
  };
};

import { SLIDE_SIZE } from '../../shared/slide-size.ts';
import { drawStrokes } from '../pen/strokes.ts';
import { PEN_MARKS, readStored } from '../storage.ts';
import type { ToolFactory } from '../tool.ts';

/**
 * In print mode with `&pen` in the URL, the pen's marks of this session are drawn on their
 * slides, so the slide PDF can carry what the lecturer wrote.
 */
export const penPrint: ToolFactory = () => {
  const canvases: HTMLCanvasElement[] = [];
  return {
    id: 'deck-pen-print',
    init() {
      if (!new URLSearchParams(location.search).has('pen')) return;
      for (const [id, strokes] of Object.entries(readStored(PEN_MARKS))) {
        const slide = document.getElementById(id);
        if (!slide || strokes.length === 0) continue;
        const canvas = document.createElement('canvas');
        canvas.className = 'deck-pen-canvas';
        canvas.width = SLIDE_SIZE.width;
        canvas.height = SLIDE_SIZE.height;
        canvas.setAttribute('aria-hidden', 'true');
        slide.append(canvas);
        drawStrokes(canvas.getContext('2d')!, strokes);
        canvases.push(canvas);
      }
    },
    destroy() {
      canvases.forEach((c) => c.remove());
    },
  };
};

import type { ControllerFactory } from '../controller.ts';
import { drawStrokes, isMarks, PEN_KEY } from '../pen/strokes.ts';
import { readStored } from '../storage.ts';

/**
 * In print mode with `&pen` in the URL, the pen's marks of this session are drawn on their
 * slides, so the slide PDF can carry what the lecturer wrote.
 */
export const penPrint: ControllerFactory = (deck) => ({
  start() {
    if (!new URLSearchParams(location.search).has('pen')) return;
    const marks = readStored(PEN_KEY, isMarks, {}, 'session');
    for (const [id, strokes] of Object.entries(marks)) {
      const slide = document.getElementById(id);
      if (!slide || strokes.length === 0) continue;
      const canvas = document.createElement('canvas');
      canvas.className = 'deck-pen-canvas';
      canvas.width = deck.getConfig().width as number;
      canvas.height = deck.getConfig().height as number;
      canvas.setAttribute('aria-hidden', 'true');
      slide.append(canvas);
      drawStrokes(canvas.getContext('2d')!, strokes);
    }
  },
  destroy() {
    document.querySelectorAll('.deck-pen-canvas').forEach((c) => c.remove());
  },
});

import type { PenStroke } from '../../shared/stored-records.ts';

/** A pen stroke in slide coordinates, with its colour and width. */
export type Stroke = PenStroke;

/** Whether the point (x, y) is within `radius` of any segment of the stroke (the eraser's test). */
export function strokeHit(stroke: Stroke, x: number, y: number, radius: number): boolean {
  const r = radius + stroke.width / 2;
  const pts = stroke.points;
  if (pts.length === 1) return Math.hypot(pts[0]![0] - x, pts[0]![1] - y) <= r;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!;
    const [bx, by] = pts[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    if (Math.hypot(ax + t * dx - x, ay + t * dy - y) <= r) return true;
  }
  return false;
}

/** Draws strokes onto a 2D context whose units are slide pixels. */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[]): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of strokes) {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = s.width;
    ctx.beginPath();
    s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (s.points.length === 1) ctx.lineTo(s.points[0]![0] + 0.1, s.points[0]![1]);
    ctx.stroke();
  }
}

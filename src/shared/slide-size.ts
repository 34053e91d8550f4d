/**
 * The size every slide is laid out at, in CSS px: reveal.js scales it to the screen, the pen
 * draws in its coordinates, the exports print and photograph it, and the page's CSS reads it
 * as `--deck-slide-width` / `--deck-slide-height` (set by the build).
 *
 * Shared by compiler (Node) and deck (browser): nothing here may import from either side.
 */
export const SLIDE_SIZE = { width: 1280, height: 720 } as const;

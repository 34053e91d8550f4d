import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { deckError } from '../node/errors.ts';
import { manifestSlideIds, openDeckPage, settle } from './deck-page.ts';
import { pngName, pngSize } from './png-size.ts';
import { writeAtomic } from './write-atomic.ts';

/** Slide images are 1280×720 slides drawn at 1.5× (1920×1080), for learning platforms and chats. */
export const PNG_SCALE = 1.5;

/**
 * The deck as a speaker-view preview (`receiver`: reveal.js and the diagrams, none of the lecture
 * tools on top), with no margin, controls, progress bar, slide number or transition.
 */
export const PNG_QUERY = '?receiver&margin=0&controls=false&progress=false&slideNumber=false&transition=none&backgroundTransition=none';

/**
 * Writes `png/NN-<slide-id>.png` into `outDir` for every slide, each in its final state (all
 * steps shown), and returns the files written.
 */
export async function exportPngs(browser: Browser, baseUrl: string, outDir: string): Promise<string[]> {
  const page = await openDeckPage(browser, new URL(`index.html${PNG_QUERY}`, baseUrl).href, {
    viewport: { width: 1280, height: 720 },
    deviceScaleFactor: PNG_SCALE,
  });
  try {
    // Steps appear at once: a picture is taken of the final state, not of a fade.
    await page.addStyleTag({ content: '.reveal .slides section, .reveal .fragment { transition: none !important; animation: none !important; }' });
    const ids = await manifestSlideIds(page);
    const files: string[] = [];
    for (const [i, id] of ids.entries()) {
      const shown = await page.evaluate((slideId) => {
        const reveal = (window as unknown as { Reveal: import('reveal.js').RevealApi }).Reveal;
        const slide = document.getElementById(slideId);
        if (!slide) return false;
        const { h, v } = reveal.getIndices(slide);
        reveal.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER);
        return reveal.getCurrentSlide() === slide;
      }, id);
      if (!shown) throw deckError(`slide ${id} could not be shown for its picture`);
      // A widget sizes itself to the slide once shown; give it a frame (and fonts) to redraw.
      await settle(page);
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 1280, height: 720 } });
      const size = pngSize(png);
      if (size?.width !== 1280 * PNG_SCALE || size.height !== 720 * PNG_SCALE) {
        throw deckError(`the picture of slide ${id} is ${size ? `${size.width}×${size.height}` : 'not a PNG'}, not ${1280 * PNG_SCALE}×${720 * PNG_SCALE}`);
      }
      const file = join(outDir, 'png', pngName(i, id, ids.length));
      await writeAtomic(file, png);
      files.push(file);
    }
    return files;
  } finally {
    await page.context().close();
  }
}

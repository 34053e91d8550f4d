import type { ControllerFactory } from '../controller.ts';
import { urlForMode } from '../mode.ts';

/** reveal.js's own English labels, in the deck's language. */
const CONTROL_LABELS: Record<string, string> = {
  'navigate-left': '上一页',
  'navigate-right': '下一页',
  'navigate-up': '本节上一页',
  'navigate-down': '本节下一页',
};

/**
 * What a screen reader meets in the presentation. reveal.js marks its container
 * `role="application"`, which makes a screen reader hand every key to the page and stop reading
 * the slide as text; here it is a labelled region instead (the current slide reads like a page;
 * the others are inert), each slide a group named by its place and title, reveal's English
 * labels in Chinese, and a first link (seen on focus) to the study view, the deck as one document.
 */
export const revealAria: ControllerFactory = (deck, manifest) => {
  const skip = document.createElement('a');
  skip.className = 'deck-skip-link';
  skip.textContent = '阅读模式：全文按章节排列（适合屏幕阅读器）';
  const onSlide = (): void => {
    const id = deck.getCurrentSlide()?.id;
    if (id) skip.href = urlForMode('study', id, location);
  };
  let roleBefore: string | null = null;

  return {
    start() {
      const reveal = deck.getRevealElement();
      if (!reveal) return;
      roleBefore = reveal.getAttribute('role');
      reveal.setAttribute('role', 'region');
      reveal.setAttribute('aria-roledescription', '幻灯片演示');
      reveal.setAttribute('aria-label', manifest.title);
      const slides = deck.getSlides();
      slides.forEach((slide, i) => {
        slide.setAttribute('role', 'group');
        slide.setAttribute('aria-roledescription', '幻灯片');
        slide.setAttribute('aria-label', `第 ${i + 1}/${slides.length} 页：${slide.dataset.deckTitle ?? ''}`);
      });
      for (const [cls, label] of Object.entries(CONTROL_LABELS)) reveal.querySelector(`.controls .${cls}`)?.setAttribute('aria-label', label);
      reveal.querySelector('.progress')?.setAttribute('aria-hidden', 'true');
      const resume = reveal.querySelector('.pause-overlay .resume-button');
      if (resume) resume.textContent = '继续演示';
      document.body.prepend(skip);
      deck.on('slidechanged', onSlide);
      onSlide();
    },
    destroy() {
      deck.off('slidechanged', onSlide);
      skip.remove();
      if (roleBefore) deck.getRevealElement()?.setAttribute('role', roleBefore);
    },
  };
};

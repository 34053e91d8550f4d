import type { DeckManifest } from '../../shared/deck-model.ts';
import { STEP_OF } from '../../shared/study-document.ts';
import { connectStudent } from './connect.ts';
import { startStudent, type FollowSurface } from './student.ts';

/** On the study view's article of the lecturer's slide. */
const CURRENT = 'data-deck-live-current';
/** On a step the lecturer has not shown yet. */
const LATER = 'data-deck-live-later';

/**
 * The study view as a student's surface (a phone): while following, the page is the study layout
 * of the lecturer's slide alone, its steps shown as far as the lecturer's (the styles hide the
 * rest: live.css); released, it is the whole reading document again, at that slide. The study
 * view itself is driven through its address (`#/<slide>` and `hashchange`), as a link would.
 */
function studySurface(): FollowSurface {
  let current: HTMLElement | null = null;
  return {
    show(slideId, step) {
      const article = document.getElementById(slideId);
      if (!article?.matches('article.deck-study-slide')) return;
      current?.removeAttribute(CURRENT);
      current?.closest('section')?.removeAttribute(CURRENT);
      current = article;
      article.setAttribute(CURRENT, '');
      article.closest('section')?.setAttribute(CURRENT, '');
      for (const el of article.querySelectorAll(`[${STEP_OF}]`)) el.toggleAttribute(LATER, Number(el.getAttribute(STEP_OF)) > step);
      if (location.hash !== `#/${slideId}`) history.replaceState(history.state, '', `#/${slideId}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    release() {
      for (const el of document.querySelectorAll(`[${LATER}]`)) el.removeAttribute(LATER);
      // The styles show every slide again once following ends: keep this one in view.
      requestAnimationFrame(() => current?.scrollIntoView({ block: 'start' }));
    },
    onOwnMove: () => () => undefined,
  };
}

/** A student's page on a phone (`?join`, the study view). */
export function startLiveStudy(manifest: DeckManifest): { destroy(): void } {
  const client = connectStudent();
  const student = startStudent(client, studySurface(), manifest);
  return {
    destroy() {
      student.destroy();
      client.close();
    },
  };
}

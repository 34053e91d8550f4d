import { Window } from 'happy-dom';
import { STUDY_FIRST_SCREEN_CLASS, type DeckManifest } from '../../shared/deck-model.ts';
import { studyDocument, studyGroups, studyHeader, studyPart } from '../../shared/study-document.ts';
import type { CompiledSection } from '../model.ts';
import { slidesHtml } from './slides-html.ts';

/** Attributes that name an element by id: gone with the ids (the page's first slide keeps the real ones). */
const ID_REFERENCES = ['id', 'aria-describedby', 'aria-labelledby', 'aria-controls', 'for', 'elementtiming'];

/**
 * The study view's first screen as static HTML, for index.html: its header, title, contents and
 * the first part with the first slide, made by the study view's own code (shared/study-document.ts,
 * run here in a DOM of happy-dom's) from the first slide, so the markup is the one the study view
 * puts in its place; a phone paints it before any script, and nothing moves when the study view
 * takes over. Its ids (and what refers to them, and the first-slide mark) are left out: the
 * page's first slide, for the presentation, has the same ones; the study view's copy has them.
 */
export function studyFirstScreenHtml(sections: readonly CompiledSection[], manifest: DeckManifest): string {
  const window = new Window();
  try {
    const doc = window.document as unknown as Document;
    const slides = doc.createElement('div');
    slides.innerHTML = slidesHtml(sections, 'first');
    const [group] = studyGroups(slides);
    const main = studyDocument(manifest, doc);
    if (group) main.append(studyPart(manifest, group));
    const header = studyHeader(manifest, doc, sections[0]?.slides[0]?.id ?? '');
    const screen = doc.createElement('div');
    screen.className = STUDY_FIRST_SCREEN_CLASS;
    screen.append(header, main);
    for (const name of ID_REFERENCES) screen.querySelectorAll(`[${name}]`).forEach((el) => el.removeAttribute(name));
    return screen.outerHTML;
  } finally {
    void window.happyDOM.close();
  }
}

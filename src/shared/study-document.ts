import { ATTR, placeOf, type DeckManifest } from './deck-model.ts';
import { escapeHtml } from './html.ts';
import { setHeadingWords } from './typeset.ts';
import { UI } from './ui-strings.ts';

/*
 * The study view's reading document, made from the compiled slides with the DOM of the
 * document they are in: in the browser (the study view, the study guide) and at build time
 * (the phone's first screen in index.html, render/study-first-screen.ts), so both are the same.
 */

/** On each element that was a fragment: the step (1, 2, …) at which the slide shows it. */
export const STEP_OF = 'data-deck-step-of';

/**
 * Turns the compiled slides into a reading document: one `<section>` with an `<h2>` per part
 * of the paper, one `<article>` with an `<h3>` per slide, every step shown, and the notes
 * under their slide as study text (lecturer-only cues left out). The slide nodes are moved,
 * not copied, so ids, diagrams and widgets stay unique.
 */
export function buildStudyDocument(manifest: DeckManifest, slides: HTMLElement): HTMLElement {
  const main = studyDocument(manifest, slides.ownerDocument);
  for (const group of studyGroups(slides)) main.append(studyPart(manifest, group));
  return main;
}

/** The reading document's frame: its title and contents, no part yet. */
export function studyDocument(manifest: DeckManifest, doc: Document): HTMLElement {
  const main = doc.createElement('main');
  main.id = 'deck-study';
  main.className = 'deck-study';
  const title = doc.createElement('h1');
  title.className = 'deck-study-title';
  setHeadingWords(title, titleWords(manifest, manifest.meta.title));
  main.append(title, tableOfContents(manifest, doc));
  return main;
}

/** A title as the build cut it where a line may break (the slides' own headings were broken at build time). */
function titleWords(manifest: DeckManifest, title: string): readonly string[] {
  return manifest.titleWords[title] ?? [title];
}

/** The slides' groups (one per part of the paper), in deck order. */
export function studyGroups(slides: HTMLElement): HTMLElement[] {
  return [...slides.querySelectorAll<HTMLElement>(`:scope > section[${ATTR.section}]`)];
}

/** One part of the reading document, made from one group of slides (whose nodes it takes). */
export function studyPart(manifest: DeckManifest, group: HTMLElement): HTMLElement {
  const part = studyPartFrame(manifest, group);
  part.append(...partSlides(group).map(studySlide));
  return part;
}

/** A part's frame: its `<section>` and heading, no slide yet (the study view adds them a few at a time). */
export function studyPartFrame(manifest: DeckManifest, group: HTMLElement): HTMLElement {
  const doc = group.ownerDocument;
  const id = group.getAttribute(ATTR.section) ?? '';
  const part = doc.createElement('section');
  part.className = 'deck-study-section';
  part.setAttribute(ATTR.section, id);
  // A group that is no part of the paper (the slide that says the deck is not whole) has no heading of its own.
  const title = manifest.sections.find((s) => s.id === id)?.title;
  if (title) {
    const heading = doc.createElement('h2');
    heading.id = `part-${id}`;
    setHeadingWords(heading, titleWords(manifest, title));
    part.setAttribute('aria-labelledby', heading.id);
    part.append(heading);
  }
  return part;
}

/** The slides of a group, in order. */
export function partSlides(group: HTMLElement): HTMLElement[] {
  return [...group.querySelectorAll<HTMLElement>(':scope > section[id]')];
}

/** The study view's header: where the reader is (`slideId`'s place), the switch to the slides, the progress bar. */
export function studyHeader(manifest: DeckManifest, doc: Document, slideId: string): HTMLElement {
  const header = doc.createElement('header');
  header.className = 'deck-study-header';
  header.innerHTML = `
    <p class="deck-study-place" aria-live="polite"></p>
    <a class="deck-mode-switch" href="?view=present">${UI.study.toPresent}</a>
    <div class="deck-study-bar" role="presentation"></div>`;
  showPlace(header, manifest, slideId);
  return header;
}

/** Shows in the header where `slideId` is, in its part and in the deck. */
export function showPlace(header: HTMLElement, manifest: DeckManifest, slideId: string): void {
  const place = placeOf(manifest, slideId);
  if (!place) return;
  header.querySelector('.deck-study-place')!.textContent = UI.study.place(place.sectionTitle, place.inSection, place.sectionSize, place.inDeck, place.deckSize);
  header.querySelector<HTMLElement>('.deck-study-bar')!.style.setProperty('--deck-progress', String(place.inDeck / place.deckSize));
}

/** One slide as the reading document has it: an `<article>` with the slide's content, every step shown, and its notes. */
export function studySlide(slide: HTMLElement): HTMLElement {
  const doc = slide.ownerDocument;
  const article = doc.createElement('article');
  article.id = slide.id;
  article.className = ['deck-study-slide', ...slide.classList].join(' ');
  // The slide's own notes first, then those of its steps, in step order.
  const notes = [...slide.querySelectorAll<HTMLElement>('aside.notes')].sort((a, b) => Number(a.getAttribute(ATTR.step) ?? 0) - Number(b.getAttribute(ATTR.step) ?? 0));
  notes.forEach((n) => n.remove());
  demoteHeadings(slide);
  // Each former fragment keeps the step that shows it (reveal.js's order: the document's), so a
  // live lecture can show a phone the steps the projector shows.
  for (const [i, el] of [...slide.querySelectorAll('.fragment')].entries()) {
    el.classList.remove('fragment', 'visible', 'current-fragment');
    el.setAttribute(STEP_OF, String(i + 1));
  }
  // A wide diagram's phone drawing comes out of its template; study.css shows it in a narrow column.
  for (const narrow of slide.querySelectorAll<HTMLTemplateElement>('figure.deck-diagram > template.deck-diagram-narrow')) narrow.replaceWith(narrow.content);
  for (const table of slide.querySelectorAll('table')) {
    const box = doc.createElement('div');
    box.className = 'deck-scroll-x';
    table.replaceWith(box);
    box.append(table);
  }
  article.append(...slide.childNodes);

  const text = notes.map((n) => {
    n.querySelectorAll(`[${ATTR.cue}]`).forEach((c) => c.remove());
    return n.innerHTML.trim();
  }).filter(Boolean);
  if (text.length) {
    const box = doc.createElement('div');
    box.className = 'deck-study-notes';
    box.setAttribute('role', 'note');
    // A question's notes give its answer away: they wait, folded, until the reader asks.
    box.innerHTML = article.querySelector(`form[${ATTR.quiz}]`)
      ? `<details><summary class="deck-study-notes-label">${UI.study.notesWithAnswer}</summary>${text.join('')}</details>`
      : `<p class="deck-study-notes-label">${UI.study.notes}</p>${text.join('')}`;
    article.append(box);
  }
  return article;
}

/** The slide's own headings start at h3 (h1: the deck, h2: the part of the paper). */
function demoteHeadings(slide: HTMLElement): void {
  const headings = [...slide.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].filter((h) => !h.closest('svg'));
  if (headings.length === 0) return;
  const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
  for (const h of headings) {
    const level = Math.min(6, 3 + Number(h.tagName[1]) - top);
    const replacement = slide.ownerDocument.createElement(`h${level}`);
    for (const attr of h.attributes) replacement.setAttribute(attr.name, attr.value);
    replacement.append(...h.childNodes);
    h.replaceWith(replacement);
  }
}

function tableOfContents(manifest: DeckManifest, doc: Document): HTMLElement {
  const nav = doc.createElement('nav');
  nav.className = 'deck-study-toc';
  nav.setAttribute('aria-label', UI.study.contents);
  nav.innerHTML = `<details><summary>${UI.study.contents}</summary><ol>${manifest.sections
    .map((s) => `<li><a href="#/${s.slides[0]?.id ?? ''}">${escapeHtml(s.title)}</a></li>`)
    .join('')}</ol></details>`;
  return nav;
}

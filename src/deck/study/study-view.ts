import { ATTR, type DeckManifest } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';

/**
 * Turns the compiled slides into a reading document: one `<section>` with an `<h2>` per part
 * of the paper, one `<article>` with an `<h3>` per slide, every step shown, and the notes
 * under their slide as study text (lecturer-only cues left out). The slide nodes are moved,
 * not copied, so ids, diagrams and widgets stay unique.
 */
export function buildStudyDocument(manifest: DeckManifest, slides: HTMLElement): HTMLElement {
  const main = document.createElement('main');
  main.id = 'deck-study';
  main.className = 'deck-study';
  main.innerHTML = `<h1 class="deck-study-title">${escapeHtml(manifest.meta.title)}</h1>`;
  main.append(tableOfContents(manifest));

  const sections = new Map(manifest.sections.map((s) => [s.id, s]));
  for (const group of slides.querySelectorAll<HTMLElement>(`:scope > section[${ATTR.section}]`)) {
    const id = group.getAttribute(ATTR.section) ?? '';
    const part = document.createElement('section');
    part.className = 'deck-study-section';
    part.setAttribute(ATTR.section, id);
    const heading = document.createElement('h2');
    heading.id = `part-${id}`;
    heading.textContent = sections.get(id)?.title ?? '';
    part.setAttribute('aria-labelledby', heading.id);
    part.append(heading);
    for (const slide of group.querySelectorAll<HTMLElement>(':scope > section[id]')) part.append(studySlide(slide));
    main.append(part);
  }
  return main;
}

function studySlide(slide: HTMLElement): HTMLElement {
  const article = document.createElement('article');
  article.id = slide.id;
  article.className = ['deck-study-slide', ...slide.classList].join(' ');
  // The slide's own notes first, then those of its steps, in step order.
  const notes = [...slide.querySelectorAll<HTMLElement>('aside.notes')].sort((a, b) => Number(a.getAttribute(ATTR.step) ?? 0) - Number(b.getAttribute(ATTR.step) ?? 0));
  notes.forEach((n) => n.remove());
  demoteHeadings(slide);
  for (const el of slide.querySelectorAll('.fragment')) el.classList.remove('fragment', 'visible', 'current-fragment');
  // A wide diagram's phone drawing comes out of its template; study.css shows it in a narrow column.
  for (const narrow of slide.querySelectorAll<HTMLTemplateElement>('figure.deck-diagram > template.deck-diagram-narrow')) narrow.replaceWith(narrow.content);
  for (const table of slide.querySelectorAll('table')) {
    const box = document.createElement('div');
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
    const box = document.createElement('div');
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
    const replacement = document.createElement(`h${level}`);
    for (const attr of h.attributes) replacement.setAttribute(attr.name, attr.value);
    replacement.append(...h.childNodes);
    h.replaceWith(replacement);
  }
}

function tableOfContents(manifest: DeckManifest): HTMLElement {
  const nav = document.createElement('nav');
  nav.className = 'deck-study-toc';
  nav.setAttribute('aria-label', UI.study.contents);
  nav.innerHTML = `<details><summary>${UI.study.contents}</summary><ol>${manifest.sections
    .map((s) => `<li><a href="#/${s.slides[0]?.id ?? ''}">${escapeHtml(s.title)}</a></li>`)
    .join('')}</ol></details>`;
  return nav;
}

import '../styles/study-guide.css';
import { allSlides, ATTR } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { unlinkSources } from '../paper/source-links.ts';
import { readManifest } from '../read-manifest.ts';
import { buildStudyDocument } from '../../shared/study-document.ts';
import { registerWidgets } from '../widgets/index.ts';
import { coverPage } from './cover.ts';
import { sectionPageName } from './page-rules.ts';
import { diagramCaption, nameDiagramsForPrint } from './printed-diagrams.ts';
import { blankScores } from '../controllers/quiz.ts';
import { breakHeadingsAtWords, joinPunctuation } from '../../shared/typeset.ts';
import { finishPrintPage, fitToScreen, linkWithinPage, numberSlideLinks, printBanner } from './print-page.ts';
import { answersHtml, questionHtml, WORKSHEET_HEADS } from './worksheet.ts';

/**
 * The study guide (`notes.html`): the study view's reading document set for A4 — every slide
 * followed by its notes (lecturer-only cues left out), each section on new pages with its name
 * at the top; the questions in place, their answers at the end. `npm run pdf` prints this page.
 */
function boot(): Promise<void> | void {
  const manifest = readManifest();
  const source = document.querySelector<HTMLElement>('.reveal');
  const slides = source?.querySelector<HTMLElement>('.slides');
  if (!source || !slides) return;
  document.documentElement.classList.add('deck-study-mode', 'deck-study-guide-mode');
  const questions = manifest.quizzes;

  // Taken before the study document empties the slides (it moves their content).
  const titleSlide = slides.querySelector<HTMLElement>(`section[${ATTR.section}] > section[id]`)?.cloneNode(true) as HTMLElement | undefined;
  const main = buildStudyDocument(manifest, slides);
  main.classList.add('deck-study-guide');
  // Paper has no 查看文字版: each diagram's description is printed under it, and is its /Alt.
  for (const { figure, info } of nameDiagramsForPrint(main, manifest)) figure.append(diagramCaption(info, 'figcaption', 'deck-diagram-caption'));
  // The study view's own title gives way to the cover's.
  main.querySelector('.deck-study-title')?.remove();
  const cover = coverPage(manifest, UI.studyGuide.kind, UI.studyGuide.intro, titleSlide ?? null, false);
  const toc = main.querySelector('.deck-study-toc');
  toc?.querySelector('details')?.setAttribute('open', '');
  if (toc) cover.append(toc);
  main.prepend(cover);

  for (const part of main.querySelectorAll<HTMLElement>('section.deck-study-section')) {
    part.style.setProperty('page', sectionPageName(part.getAttribute(ATTR.section) ?? ''));
  }
  main.querySelectorAll<HTMLElement>(`form[${ATTR.quiz}]`).forEach((form) => {
    const i = questions.findIndex((q) => q.id === form.getAttribute(ATTR.quiz));
    const q = questions[i];
    if (q) form.outerHTML = questionHtml(q, i + 1);
  });
  main.insertAdjacentHTML('beforeend', answersHtml(questions));
  const ids = allSlides(manifest).map((s) => s.id);
  main.querySelectorAll('.deck-answers').forEach((el) => numberSlideLinks(el, ids));
  numberSlides(main, ids);
  sourcesBesideSlides(main);

  source.replaceWith(printBanner(UI.studyGuide.title, { href: './handout.html', label: UI.handout.link }), main);
  linkWithinPage(main);
  joinPunctuation(main);
  blankScores(main, manifest);
  breakHeadingsAtWords(main);
  for (const a of main.querySelectorAll<HTMLAnchorElement>('.deck-study-toc a[href^="#"]')) {
    // Table-of-contents entries lead to the part's heading, which names it.
    const part = main.querySelector(`section.deck-study-section > article[id="${CSS.escape(a.hash.slice(1))}"]`)?.parentElement;
    const heading = part?.querySelector('h2[id]');
    if (heading) a.hash = heading.id;
  }
  fitToScreen(main);
  registerWidgets();
  return finishPrintPage({
    runningHeads: [...manifest.sections.map((s) => ({ page: sectionPageName(s.id), title: s.title })), ...WORKSHEET_HEADS],
    blankPages: ['deck-cover'],
  });
}

/**
 * Each slide's 「原文 ¶12–13」 beside its heading, on the right (study-guide.css), as text: the
 * reader finds the paragraphs in paper.pdf, which numbers them alike.
 */
function sourcesBesideSlides(main: HTMLElement): void {
  unlinkSources(main);
  for (const source of main.querySelectorAll<HTMLElement>('article.deck-study-slide > .deck-source')) {
    const article = source.parentElement!;
    const heading = article.querySelector(':scope > :is(h3, h4, h5, h6)');
    article.insertBefore(source, heading ?? article.firstChild);
  }
}

/** Each slide's heading starts with the slide's number, as on the slides and in the handout. */
function numberSlides(main: HTMLElement, ids: readonly string[]): void {
  for (const article of main.querySelectorAll<HTMLElement>('article.deck-study-slide')) {
    const n = ids.indexOf(article.id) + 1;
    if (n === 0) continue;
    const number = document.createElement('span');
    number.className = 'deck-study-number';
    number.textContent = `${n}`;
    // Seen on paper, left out of the heading's name (and so of the PDF outline).
    number.setAttribute('aria-hidden', 'true');
    const heading = article.querySelector('h3, h4, h5, h6');
    if (heading) heading.prepend(number);
    else article.prepend(number);
  }
}

void boot();

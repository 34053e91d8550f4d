import '../styles/handout.css';
import { allSlides, ATTR, type DeckManifest } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { unlinkSources } from '../paper/source-links.ts';
import { readManifest } from '../read-manifest.ts';
import { registerWidgets } from '../widgets/index.ts';
import { coverPage } from './cover.ts';
import { FRAME_MM, handoutSheets, smallestTextPx, type HandoutSheet } from './handout-layout.ts';
import { diagramCaption, nameDiagramsForPrint } from './printed-diagrams.ts';
import { SLIDE_SIZE } from '../../shared/slide-size.ts';
import { blankScores } from '../controllers/quiz.ts';
import { breakHeadingsAtWords, joinPunctuation } from '../../shared/typeset.ts';
import { finishPrintPage, fitToScreen, linkWithinPage, numberSlideLinks, printBanner } from './print-page.ts';
import { framedSlide } from './slide-frame.ts';
import { answersHtml, WORKSHEET_HEADS, worksheetHtml } from './worksheet.ts';

/** Ruled lines beside each slide, for the student's notes; under a slide alone on its page, what fills the page. */
const NOTE_LINES = 8;
const NOTE_LINES_ALONE = 15;

/**
 * Text a reader reads on a slide: not a label (a teaching box's, a question's kind, an opener's
 * part number and labels), nor where a part stands, a question's buttons and how to use them,
 * formulas, citations' superscripts and drawings.
 */
const READING = 'p, li, td, th, dd, dt, blockquote, h1, h2, h3, h4';
const NOT_READING = 'svg, .katex, sup.deck-cite, aside.notes, figure.deck-diagram, .deck-diagram-text, growth-explorer, cake-explorer, button, .deck-teaching-label, .deck-quiz-kind, .deck-quiz-hint, .deck-opener-part, .deck-opener-label, .deck-opener-goals-label, .deck-opener-track, script, style';

/** The size of a slide's smallest reading text, in its own CSS px (computed on the deck's 1280 px stage). */
function smallestReadingPx(slide: Element): number {
  let min = Number.POSITIVE_INFINITY;
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent?.trim() || !el || el.closest(NOT_READING) || !el.closest(READING)) continue;
    // Hidden in the slide (a question's feedback); the deck's source itself is hidden on this page.
    const hidden = el.closest('[hidden]');
    if (hidden && slide.contains(hidden)) continue;
    min = Math.min(min, Number.parseFloat(getComputedStyle(el).fontSize));
  }
  return min;
}

/** The slides whose text would print under HANDOUT_MIN_PT beside their lines: each gets a page of its own. */
function denseSlides(manifest: DeckManifest, slides: HTMLElement): Set<string> {
  const limit = smallestTextPx(FRAME_MM.beside, SLIDE_SIZE.width);
  return new Set(allSlides(manifest).map((s) => s.id).filter((id) => {
    const slide = slides.querySelector(`section[id="${CSS.escape(id)}"]`);
    return slide !== null && smallestReadingPx(slide) < limit;
  }));
}

/**
 * The A4 handout (`handout.html`): a cover, then three slides a page, each the real slide
 * beside ruled lines, the section named at the top of every page; at the end the questions as
 * a worksheet and, on a page of their own, the answers. `npm run pdf` prints this page.
 */
async function boot(): Promise<void> {
  const manifest = readManifest();
  const source = document.querySelector<HTMLElement>('.reveal');
  const slides = source?.querySelector<HTMLElement>('.slides');
  if (!source || !slides) return;
  document.documentElement.classList.add('deck-handout-mode');
  const questions = manifest.quizzes;

  const main = document.createElement('main');
  main.className = 'deck-handout';
  const intro = `${UI.handout.intro}${questions.length ? UI.handout.introPractice : ''}`;
  const cover = coverPage(manifest, UI.handout.kind, intro, slides.querySelector(`section[${ATTR.section}] > section[id]`), true);
  cover.append(contents(manifest));
  main.append(cover);
  for (const sheet of handoutSheets(manifest, undefined, denseSlides(manifest, slides))) main.append(sheetPage(sheet, manifest, slides));
  const practice = worksheetHtml(questions, manifest.sections) + answersHtml(questions);
  if (practice) main.insertAdjacentHTML('beforeend', practice);
  const ids = allSlides(manifest).map((s) => s.id);
  main.querySelectorAll('.deck-worksheet, .deck-answers').forEach((el) => numberSlideLinks(el, ids));

  source.replaceWith(printBanner(UI.handout.title, { href: './notes.html', label: UI.studyGuide.link }), main);
  linkWithinPage(main);
  unlinkSources(main);
  joinPunctuation(main);
  blankScores(main, manifest);
  breakHeadingsAtWords(main);
  fitToScreen(main.querySelector<HTMLElement>('.deck-cover') ?? main);
  registerWidgets();
  await finishPrintPage({ runningHeads: WORKSHEET_HEADS, blankPages: ['deck-cover'] });
}

/** The cover's list of sections, each with the numbers of its slides. */
function contents(manifest: DeckManifest): HTMLElement {
  const list = document.createElement('ol');
  list.className = 'deck-cover-contents';
  list.setAttribute('aria-label', UI.handout.contents);
  let first = 1;
  for (const s of manifest.sections) {
    const last = first + s.slides.length - 1;
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#part-${s.id}`;
    link.textContent = s.title;
    const range = document.createElement('span');
    range.textContent = UI.handout.slideRange(first, last);
    item.append(link, range);
    list.append(item);
    first = last + 1;
  }
  return list;
}

/**
 * One printed page: the section's name in its header, then its slides, each beside lines. A
 * framed slide is real text, not a picture: a plain box, so the tagged PDF does not make it a
 * Figure. Under it, its number and its diagrams' descriptions (too small to read inside the frame).
 */
function sheetPage(sheet: HandoutSheet, manifest: DeckManifest, slides: HTMLElement): HTMLElement {
  const page = document.createElement('section');
  page.className = sheet.alone ? 'deck-sheet deck-sheet-alone' : 'deck-sheet';
  page.dataset.deckSection = sheet.sectionId;
  const head = document.createElement('header');
  head.className = 'deck-sheet-head';
  // The section's first page carries its heading (one outline entry); the others just name it.
  const name = document.createElement(sheet.continued ? 'p' : 'h2');
  name.className = 'deck-sheet-section';
  name.textContent = sheet.continued ? UI.handout.continued(sheet.sectionTitle) : sheet.sectionTitle;
  if (!sheet.continued) name.id = `part-${sheet.sectionId}`;
  const deck = document.createElement('p');
  deck.className = 'deck-sheet-deck';
  deck.textContent = UI.handout.running(manifest.meta.title);
  head.append(name, deck);
  page.append(head);
  if (!sheet.continued) page.setAttribute('aria-labelledby', name.id);

  for (const s of sheet.slides) {
    const slide = slides.querySelector<HTMLElement>(`section[id="${CSS.escape(s.id)}"]`);
    const row = document.createElement('div');
    row.className = 'deck-sheet-row';
    const box = document.createElement('div');
    box.className = 'deck-sheet-slide';
    if (slide?.parentElement) box.append(framedSlide(slide, slide.parentElement));
    const number = document.createElement('p');
    number.className = 'deck-sheet-number';
    number.textContent = `${s.number}`;
    box.append(number);
    if (slide) for (const { info } of nameDiagramsForPrint(slide, manifest)) box.append(diagramCaption(info, 'p', 'deck-sheet-diagram'));
    const lines = document.createElement('div');
    lines.className = 'deck-sheet-lines';
    lines.setAttribute('aria-hidden', 'true');
    lines.innerHTML = '<div></div>'.repeat(sheet.alone ? NOTE_LINES_ALONE : NOTE_LINES);
    row.append(box, lines);
    page.append(row);
  }
  return page;
}

void boot();

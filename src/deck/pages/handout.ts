import '../styles/handout.css';
import { allSlides, ATTR, type DeckManifest } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';
import { unlinkSources } from '../paper/source-links.ts';
import { readManifest } from '../read-manifest.ts';
import { registerWidgets } from '../widgets/index.ts';
import { coverPage } from './cover.ts';
import { handoutSheets, type HandoutSheet } from './handout-layout.ts';
import { diagramCaption, nameDiagramsForPrint } from './printed-diagrams.ts';
import { blankScores } from '../controllers/quiz.ts';
import { breakHeadingsAtWords, joinPunctuation } from '../typeset.ts';
import { finishPrintPage, fitToScreen, linkWithinPage, numberSlideLinks, printBanner } from './print-page.ts';
import { framedSlide } from './slide-frame.ts';
import { answersHtml, WORKSHEET_HEADS, worksheetHtml } from './worksheet.ts';

/** Ruled lines beside each slide, for the student's notes. */
const NOTE_LINES = 8;

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
  for (const sheet of handoutSheets(manifest)) main.append(sheetPage(sheet, manifest, slides));
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
  page.className = 'deck-sheet';
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
    lines.innerHTML = '<div></div>'.repeat(NOTE_LINES);
    row.append(box, lines);
    page.append(row);
  }
  return page;
}

void boot();

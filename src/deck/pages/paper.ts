import '../styles/paper.css';
import { UI } from '../../shared/ui-strings.ts';
import { startPaperView } from '../paper/paper-view.ts';
import { finishPrintPage } from './print-page.ts';

/** paper.html: the view, then the page's print rules (page numbers, the paper named at the top of each page). */
async function boot(): Promise<void> {
  const article = document.querySelector<HTMLElement>('article.deck-paper');
  if (!article) return;
  const view = startPaperView(article, { slideHref: (id) => `./index.html#/${id}`, backHref: './index.html' });
  const title = article.querySelector('h1')?.textContent ?? '';
  const authors = article.querySelector('.deck-paper-front .deck-paper-authors')?.textContent?.trim().split(/\s+/).join(UI.cover.authorSeparator) ?? '';
  // After the fonts: a scroll before them would land off the paragraph once the text reflows.
  await document.fonts.ready;
  view.applyFragment();
  await finishPrintPage({ runningHeads: [{ page: 'deck-paper', title: authors ? UI.cover.citation(authors, title) : title }] });
}

if (document.body.dataset.deckPage === 'paper') void boot();

import type { DeckManifest, DeckMeta } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { framedSlide } from './slide-frame.ts';

/** The manifest's `meta`, when deck.yml names the authors (else the cover shows the title slide). */
export function coverMeta(manifest: DeckManifest): DeckMeta | null {
  return manifest.meta.authors.length ? manifest.meta : null;
}

/** The citation line: `燕连福、牛刚刚：《题目》` (no journal: deck.yml names none). */
export function citationText(title: string, authors: readonly { name: string }[]): string {
  return UI.cover.citation(authors.map((a) => a.name).join(UI.cover.authorSeparator), title);
}

/**
 * A cover page: the deck's title, what this print is (`kind`), the paper's citation, and for
 * a handout a line for the student's name. `titleSlide` is used (cloned) when the manifest has
 * no metadata.
 */
export function coverPage(manifest: DeckManifest, kind: string, intro: string, titleSlide: HTMLElement | null, nameLine: boolean): HTMLElement {
  const meta = coverMeta(manifest);
  const cover = document.createElement('section');
  cover.className = 'deck-cover';
  cover.setAttribute('aria-labelledby', 'deck-cover-title');
  cover.innerHTML = `<p class="deck-cover-kind">${escapeHtml(kind)}</p>
<h1 id="deck-cover-title" class="deck-cover-title">${escapeHtml(manifest.meta.title)}</h1>
${meta?.subtitle ? `<p class="deck-cover-subtitle">${escapeHtml(meta.subtitle)}</p>` : ''}`;
  if (meta?.authors) {
    const citation = document.createElement('div');
    citation.className = 'deck-cover-citation';
    const { separator } = UI.cover;
    citation.innerHTML = `<p class="deck-cover-label">${UI.cover.paper}</p><p class="deck-cover-cite">${escapeHtml(citationText(meta.title, meta.authors))}</p>
<ul class="deck-cover-authors">${meta.authors.map((a) => `<li>${escapeHtml(a.name)}${a.affiliation ? `${separator}${escapeHtml(a.affiliation)}` : ''}</li>`).join('')}</ul>
${meta.keywords.length ? `<p class="deck-cover-keywords">${UI.cover.keywords}${meta.keywords.map(escapeHtml).join(separator)}</p>` : ''}`;
    cover.append(citation);
  } else if (titleSlide) {
    const copy = titleSlide.cloneNode(true) as HTMLElement;
    copy.removeAttribute('id');
    const group = titleSlide.parentElement ?? document.createElement('section');
    const frame = framedSlide(copy, group);
    frame.classList.add('deck-cover-slide');
    // The cover has its own heading; the copy's are only seen.
    frame.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach((h) => {
      h.setAttribute('role', 'presentation');
      h.removeAttribute('aria-level'); // no longer a heading: a level is not allowed (axe: aria-allowed-attr)
    });
    cover.append(frame);
  }
  const about = document.createElement('p');
  about.className = 'deck-cover-intro';
  about.textContent = intro;
  cover.append(about);
  if (nameLine) {
    const fields = document.createElement('p');
    fields.className = 'deck-cover-fields';
    fields.innerHTML = UI.cover.fields.map((f) => `<span>${f}<span class="deck-cover-blank"></span></span>`).join('');
    cover.append(fields);
  }
  return cover;
}

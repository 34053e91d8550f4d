import type { DeckManifest } from '../../shared/manifest.ts';
import { framedSlide } from './slide-frame.ts';
import { escapeHtml } from '../../shared/html.ts';

/** What a cover says about the paper, from `slides/deck.yml` by way of the manifest. */
export type CoverMeta = DeckManifest['meta'];

/** The manifest's `meta`, when deck.yml names the authors (else the cover shows the title slide). */
export function coverMeta(manifest: DeckManifest): CoverMeta | null {
  return manifest.meta?.authors?.length ? manifest.meta : null;
}

/** The citation line: `燕连福、牛刚刚：《题目》` (no journal: deck.yml names none). */
export function citationText(title: string, authors: readonly { name: string }[]): string {
  return `${authors.map((a) => a.name).join('、')}：《${title}》`;
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
<h1 id="deck-cover-title" class="deck-cover-title">${escapeHtml(manifest.title)}</h1>
${meta?.subtitle ? `<p class="deck-cover-subtitle">${escapeHtml(meta.subtitle)}</p>` : ''}`;
  if (meta?.authors) {
    const citation = document.createElement('div');
    citation.className = 'deck-cover-citation';
    citation.innerHTML = `<p class="deck-cover-label">论文</p><p class="deck-cover-cite">${escapeHtml(citationText(manifest.title, meta.authors))}</p>
<ul class="deck-cover-authors">${meta.authors.map((a) => `<li>${escapeHtml(a.name)}${a.affiliation ? `　${escapeHtml(a.affiliation)}` : ''}</li>`).join('')}</ul>
${meta.keywords?.length ? `<p class="deck-cover-keywords">关键词：${meta.keywords.map(escape).join('　')}</p>` : ''}`;
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
    fields.innerHTML = ['姓名', '班级', '日期'].map((f) => `<span>${f}<span class="deck-cover-blank"></span></span>`).join('');
    cover.append(fields);
  }
  return cover;
}

import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { PAPER_LEFT_OUT_ID, PAPER_LINKS_ID, type LeftOutParagraph, type ParagraphLinks } from '../../shared/paper.ts';
import type { Inline } from './inline.ts';
import type { LabelledText, PaperDocument, PaperHeading, PaperParagraph } from './read-paper.ts';

/** What the page shows besides the paper: which slides teach each paragraph, which are left out and why. */
export interface PaperPageData {
  /** From the deck's `source=` slide options; an empty list until the deck names its sources. */
  links: ParagraphLinks;
  /** From `slides/deck.yml`: paragraphs no slide teaches, on purpose. */
  leftOut?: readonly LeftOutParagraph[];
}

/** ¶, in a span of its own: the CJK font draws it full-width, the page's CSS narrows it. */
const PILCROW = `<span class="deck-paper-pilcrow">${UI.paper.pilcrow}</span>`;

/** The anchor of reference n in the page: `ref-4`. */
export function referenceId(n: number): string {
  return `ref-${n}`;
}

/** The page's `<title>`. */
export function paperPageTitle(doc: PaperDocument): string {
  return UI.paper.pageTitle(doc.title);
}

/**
 * The paper as a semantic HTML document: `<article lang="zh-CN">` with the paper's own headings
 * (the title `h1`, the sections and the references `h2`), the front matter, every body paragraph
 * as `<p id="p-12" data-deck-paragraph="12">` with a visible ¶12 that links to itself, reference
 * markers linked to the reference list (`#ref-4`), and the English block in `lang="en"`. Followed
 * by the page's data: the slides that teach each paragraph and the paragraphs left out, as JSON
 * (`#deck-paper-links`, `#deck-paper-left-out`), which the page's script reads.
 */
export function renderPaper(doc: PaperDocument, data: PaperPageData): string {
  const citedBy = new Map<number, number[]>();
  for (const p of doc.paragraphs) {
    for (const i of p.inlines) if (i.kind === 'ref' && !citedBy.get(i.n)?.includes(p.n)) citedBy.set(i.n, [...(citedBy.get(i.n) ?? []), p.n]);
  }
  const out: string[] = [];
  out.push('<article class="deck-paper" lang="zh-CN" aria-labelledby="paper-title">');
  out.push(front(doc));
  out.push('<div class="deck-paper-body">');
  for (const block of doc.body) out.push(block.kind === 'heading' ? heading(block) : paragraph(block));
  out.push('</div>');
  if (doc.references) {
    const { heading: h, entries } = doc.references;
    out.push(`<section class="deck-paper-references" aria-labelledby="${h.id}">${heading(h)}<ol>`);
    for (const e of entries) {
      const back = (citedBy.get(e.n) ?? []).map((n) => `<a href="#p-${n}">${PILCROW}${n}</a>`).join(' ');
      const cited = back ? `<span class="deck-paper-cited">${UI.paper.citedBy}${back}</span>` : '';
      out.push(`<li id="${referenceId(e.n)}" value="${e.n}"><span class="deck-paper-ref-n">[${e.n}] </span>${escapeHtml(e.text)}${cited}</li>`);
    }
    out.push('</ol></section>');
  }
  if (doc.english) {
    const en = doc.english;
    out.push('<section class="deck-paper-english" lang="en" aria-labelledby="english-title">');
    out.push(`<h2 id="english-title">${escapeHtml(en.title)}</h2>`);
    if (en.authors) out.push(`<p class="deck-paper-authors">${escapeHtml(en.authors)}</p>`);
    for (const f of [en.abstract, en.keywords]) if (f) out.push(`<p><strong>${escapeHtml(f.label)}</strong> ${escapeHtml(f.text)}</p>`);
    out.push('</section>');
  }
  if (doc.editor) out.push(`<p class="deck-paper-editor">[${escapeHtml(doc.editor.label)}：${escapeHtml(doc.editor.text)}]</p>`);
  out.push('</article>');
  out.push(jsonIsland(PAPER_LINKS_ID, data.links));
  out.push(jsonIsland(PAPER_LEFT_OUT_ID, data.leftOut ?? []));
  return out.join('\n');
}

function front(doc: PaperDocument): string {
  const f = doc.front;
  const out = ['<header class="deck-paper-front">', `<h1 id="paper-title">${escapeHtml(doc.title)}</h1>`];
  if (doc.authors.length) out.push(`<p class="deck-paper-authors">${doc.authors.map(escapeHtml).join(' ')}</p>`);
  out.push('<div class="deck-paper-abstract">');
  if (f.abstract) out.push(labelled(f.abstract, escapeHtml(f.abstract.text)));
  if (f.keywords) out.push(labelled(f.keywords, f.keywords.items.map((k) => `<span class="deck-paper-keyword">${escapeHtml(k)}</span>`).join(' ')));
  const codes = [f.classification, f.documentCode].filter((x): x is LabelledText => x !== null);
  if (codes.length) out.push(`<p class="deck-paper-codes">${codes.map((c) => `${label(c)} ${escapeHtml(c.text)}`).join(' ')}</p>`);
  out.push('</div>');
  const notes = [f.authorNotes, f.funding].filter((x): x is LabelledText => x !== null);
  if (notes.length) out.push(`<div class="deck-paper-notes">${notes.map((n) => labelled(n, escapeHtml(n.text))).join('')}</div>`);
  out.push('</header>');
  return out.join('\n');
}

function label(f: LabelledText): string {
  return `<span class="deck-paper-label">[${escapeHtml(f.label)}]</span>`;
}

function labelled(f: LabelledText, html: string): string {
  return `<p>${label(f)} ${html}</p>`;
}

function heading(h: PaperHeading): string {
  return `<h${h.level} id="${h.id}">${escapeHtml(h.text)}</h${h.level}>`;
}

function paragraph(p: PaperParagraph): string {
  const num = `<a class="deck-paper-num" href="#${p.id}" aria-label="${UI.paper.paragraph(p.n)}">${PILCROW}${p.n}</a>`;
  return `<p id="${p.id}" class="deck-paper-p" data-deck-paragraph="${p.n}" data-deck-part="${p.part}">${num}${inlines(p.inlines)}</p>`;
}

function inlines(list: readonly Inline[]): string {
  return list
    .map((i) => {
      if (i.kind === 'text') return escapeHtml(i.text);
      const page = i.page ? `(${escapeHtml(i.page)})` : '';
      const name = UI.citation.label(`[${i.n}]${i.page ? `${UI.citation.pageSeparator}${i.page}` : ''}`);
      return `<sup class="deck-paper-cite"><a class="deck-paper-ref" href="#${referenceId(i.n)}" aria-label="${escapeHtml(name)}">[${i.n}]</a>${page}</sup>`;
    })
    .join('');
}

/** JSON in a `<script type="application/json">`: `<` escaped, so no text can close the element. */
function jsonIsland(id: string, value: unknown): string {
  return `<script type="application/json" id="${id}">${JSON.stringify(value).split('<').join('\\u003c')}</script>`;
}

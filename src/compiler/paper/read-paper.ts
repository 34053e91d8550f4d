import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paragraphId } from '../../shared/paper.ts';
import type { ErrorSink } from '../errors.ts';
import { cleanChineseText, isUnfinished, joinPageBreak, OBJECT, opensWithClosingMark } from './clean-text.ts';
import { inlineText, tokenizeInline, withText, type Inline, type ReferenceMarker } from './inline.ts';

/** The paper's text, from the project root. */
export const PAPER_FILE = 'assets/paper/paper.txt';

/** Where a body paragraph stands in the argument: the introduction, a numbered section, the conclusion. */
export type PaperPart = 'intro' | `section-${number}` | 'conclusion';

/**
 * The paper has no heading over its conclusion: the conclusion is the body's last paragraphs,
 * from the one that opens with these words.
 */
export const CONCLUSION_OPENS = '综上所述';

/** A numbered paragraph of the body (¶1…¶N, in the order of the cleaned text). */
export interface PaperParagraph {
  kind: 'paragraph';
  /** 1-based, in body order. */
  n: number;
  /** Its anchor in the page: `p-12`. */
  id: string;
  part: PaperPart;
  inlines: Inline[];
  /** The text, markers left out. */
  text: string;
  /** The source lines it was put together from (more than one where a page break split it). */
  lines: number[];
}

/** One of the paper's own headings. */
export interface PaperHeading {
  kind: 'heading';
  /** Normalised: sibling sections share a level, whatever the source's `##`/`###` say. */
  level: 2 | 3;
  text: string;
  id: string;
  line: number;
}

export type BodyBlock = PaperHeading | PaperParagraph;

/** A labelled field of the front matter: `[摘 要] …`. */
export interface LabelledText {
  /** The label as the source writes it, without brackets: `摘 要`. */
  label: string;
  text: string;
  line: number;
}

/** An entry of the reference list, as the source has it (only page-break splits joined). */
export interface PaperReference {
  n: number;
  text: string;
  line: number;
}

/** The paper, read and cleaned. */
export interface PaperDocument {
  title: string;
  authors: string[];
  front: {
    abstract: LabelledText | null;
    keywords: (LabelledText & { items: string[] }) | null;
    /** 中图分类号 (the Chinese Library Classification) and 文献标识码 (the document code), on one line in the source. */
    classification: LabelledText | null;
    documentCode: LabelledText | null;
    authorNotes: LabelledText | null;
    /** Printed by the PDF in the middle of the introduction's last paragraph; it belongs here. */
    funding: LabelledText | null;
  };
  body: BodyBlock[];
  paragraphs: PaperParagraph[];
  references: { heading: PaperHeading; entries: PaperReference[] } | null;
  english: { title: string; authors: string; abstract: LabelledText | null; keywords: LabelledText | null; line: number } | null;
  /** `[责任编辑：…]`, the last line. */
  editor: LabelledText | null;
}

/** Front-matter labels, as compared (spaces removed), and the field each fills. */
const FRONT_LABELS = {
  摘要: 'abstract',
  关键词: 'keywords',
  中图分类号: 'classification',
  文献标识码: 'documentCode',
  作者简介: 'authorNotes',
  基金项目: 'funding',
} as const;
type FrontField = (typeof FRONT_LABELS)[keyof typeof FRONT_LABELS];
/** The notes a PDF prints at the foot of a page, which the extraction may put inside the body. */
const FOOTNOTE_FIELDS: ReadonlySet<FrontField> = new Set(['authorNotes', 'funding']);
const REFERENCES_HEADING = '参考文献';
const EDITOR_LABEL = '责任编辑';
const SECTION_NUMERALS = '一二三四五六七八九十';

interface Line {
  text: string;
  line: number;
}

/** Reads the paper from the project root. */
export function loadPaper(root: string, sink: ErrorSink): PaperDocument {
  return readPaper(readFileSync(join(root, PAPER_FILE), 'utf8'), PAPER_FILE, sink);
}

/**
 * Reads the paper's text (`paper.txt`, a text extraction of the published PDF) into its parts,
 * fixing the extraction's artefacts: paragraphs split by a page break are joined (a paragraph
 * that stops mid-sentence goes on in the next block), the funding note the PDF put inside the
 * introduction goes to the front matter, half-width punctuation in Chinese text becomes
 * full-width and stray spaces inside numbers go. The reference list and the English block are
 * kept as the source has them. Anything the reader does not recognise is an error at its line.
 */
export function readPaper(source: string, file: string, sink: ErrorSink): PaperDocument {
  const lines: Line[] = source
    .split(/\r?\n/)
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter((l) => l.text !== '');
  const doc: PaperDocument = {
    title: '',
    authors: [],
    front: { abstract: null, keywords: null, classification: null, documentCode: null, authorNotes: null, funding: null },
    body: [],
    paragraphs: [],
    references: null,
    english: null,
    editor: null,
  };
  let i = 0;
  const add = (line: number, problem: string, fix: string): void => sink.add(file, line, problem, fix);

  // Title and authors.
  const first = lines[i];
  const title = first && heading(first.text);
  if (!first || !title || title.level !== 1) {
    add(first?.line ?? 1, 'the paper does not start with its title', 'Start the file with the title as a heading: `# 标题`.');
  } else {
    doc.title = cleanChineseText(title.text);
    i++;
  }
  const authors = lines[i];
  if (authors && !heading(authors.text) && !authors.text.startsWith('[')) {
    doc.authors = authors.text.split(/\s+/);
    i++;
  } else {
    add(authors?.line ?? 1, 'the title is not followed by the authors', 'Write the authors on the line after the title, separated by spaces: `燕连福 牛刚刚`.');
  }

  // The labelled front matter, up to the first paragraph of the body.
  const setFront = (fields: LabelledText[], line: number): void => {
    for (const f of fields) {
      const field = FRONT_LABELS[f.label.replace(/\s+/g, '') as keyof typeof FRONT_LABELS];
      if (doc.front[field]) add(line, `[${f.label}] appears twice`, 'Keep one of them.');
      else if (field === 'keywords') doc.front.keywords = { ...f, items: f.text.split(/\s+/) };
      else doc.front[field] = { ...f, text: cleanChineseText(f.text) };
    }
  };
  while (lines[i]?.text.startsWith('[')) {
    const l = lines[i]!;
    const fields = labelledFields(l, file, sink);
    if (fields) setFront(fields, l.line);
    i++;
  }

  // The body: the introduction, the numbered sections and the conclusion, up to the references.
  const sections: number[] = [];
  let part: PaperPart = 'intro';
  let open: { inlines: Inline[]; lines: number[] } | null = null;
  const paragraphs: { inlines: Inline[]; lines: number[]; part: PaperPart }[] = [];
  const blocks: (PaperHeading | number)[] = [];
  const close = (): void => {
    if (!open) return;
    paragraphs.push({ ...open, part });
    blocks.push(paragraphs.length - 1);
    open = null;
  };
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    const h = heading(l.text);
    if (h) {
      if (open && isUnfinished(inlineText(open.inlines, OBJECT))) {
        add(open.lines.at(-1)!, 'the paragraph stops mid-sentence before a heading', 'A paragraph split by a page break goes on after the break; check that nothing of it is missing here.');
      }
      close();
      if (h.text === REFERENCES_HEADING) break;
      const numeral = SECTION_NUMERALS.indexOf(h.text[0] ?? '') + 1;
      if (numeral === 0 || h.text[1] !== '、') {
        add(l.line, `heading 「${h.text}」 in the body is not a numbered section`, 'The body\'s headings are its numbered sections, `## 一、…`; the references start at `## 参考文献`.');
        continue;
      }
      if (numeral !== sections.length + 1) add(l.line, `section ${h.text.slice(0, 2)} follows section ${sections.length}`, 'Number the sections 一、二、三、… in order.');
      sections.push(l.line);
      part = `section-${sections.length}`;
      // Sibling sections share one level: the first section's `##` (the source has `###` for the third).
      blocks.push({ kind: 'heading', level: 2, text: cleanChineseText(h.text), id: `sec-${sections.length}`, line: l.line });
      continue;
    }
    if (l.text.startsWith('[')) {
      const fields = labelledFields(l, file, sink);
      if (!fields) continue;
      const misplaced = fields.filter((f) => !FOOTNOTE_FIELDS.has(FRONT_LABELS[f.label.replace(/\s+/g, '') as keyof typeof FRONT_LABELS]));
      if (misplaced.length) add(l.line, `[${misplaced[0]!.label}] inside the body`, 'Only the page notes ([作者简介], [基金项目]) may stand inside the body, where the PDF printed them; move the line to the front matter.');
      else setFront(fields, l.line);
      continue;
    }
    const inlines = tokenizeInline(l.text, { file, line: l.line }, sink);
    const text = inlineText(inlines, OBJECT);
    const current: { inlines: Inline[]; lines: number[] } | null = open;
    if (current && (isUnfinished(inlineText(current.inlines, OBJECT)) || opensWithClosingMark(text))) {
      // A page break split the paragraph: this block goes on with it.
      const joined = joinPageBreak(inlineText(current.inlines, OBJECT), text);
      current.inlines = withText([...current.inlines, ...inlines], joined, OBJECT);
      current.lines.push(l.line);
      continue;
    }
    close();
    if (text.startsWith(CONCLUSION_OPENS) && sections.length > 0) part = 'conclusion';
    open = { inlines, lines: [l.line] };
  }
  const bodyEnd = lines[i];
  close();
  if (sections.length === 0) add(bodyEnd?.line ?? 1, 'the paper has no numbered sections', 'The body\'s sections start with headings `## 一、…`.');
  else if (!paragraphs.some((p) => p.part === 'conclusion')) {
    add(bodyEnd?.line ?? 1, `the body has no conclusion: no paragraph after the last section opens with 「${CONCLUSION_OPENS}」`, `The conclusion has no heading in the paper; it starts at the paragraph that opens 「${CONCLUSION_OPENS}」 (CONCLUSION_OPENS in the paper reader).`);
  }
  if (!paragraphs.some((p) => p.part === 'intro')) add(sections[0] ?? 1, 'the paper has no introduction before its first section', 'Keep the introduction\'s paragraphs between the front matter and `## 一、…`.');

  doc.paragraphs = paragraphs.map((p, k) => {
    const text = cleanChineseText(inlineText(p.inlines, OBJECT));
    const inlines = withText(p.inlines, text, OBJECT);
    return { kind: 'paragraph', n: k + 1, id: paragraphId(k + 1), part: p.part, inlines, text: text.split(OBJECT).join(''), lines: p.lines };
  });
  doc.body = blocks.map((b) => (typeof b === 'number' ? doc.paragraphs[b]! : b));
  if (bodyEnd === undefined) {
    add(lines.at(-1)?.line ?? 1, `the paper has no reference list (\`## ${REFERENCES_HEADING}\`)`, `Keep the references after the body, under \`## ${REFERENCES_HEADING}\`.`);
    return doc;
  }

  // The references, as the source has them; an entry a page break split is joined.
  const entries: PaperReference[] = [];
  for (i++; i < lines.length && !heading(lines[i]!.text); i++) {
    const l = lines[i]!;
    const m = /^\[([1-9]\d*)\]\s*(.*)$/.exec(l.text);
    const last = entries.at(-1);
    if (m) {
      const n = Number(m[1]);
      if (n !== entries.length + 1) add(l.line, `reference [${n}] follows [${entries.length}]`, 'Number the references [1], [2], … in order, as the paper does.');
      entries.push({ n, text: m[2]!, line: l.line });
    } else if (last && !last.text.endsWith('.')) {
      last.text = joinPageBreak(last.text, l.text);
    } else {
      add(l.line, 'a line in the references that is not an entry `[n] …`', 'Start each reference with its number, `[1] …`; a reference a page break split goes on in the next line.');
    }
  }
  doc.references = { heading: { kind: 'heading', level: 2, text: REFERENCES_HEADING, id: 'references', line: bodyEnd.line }, entries };
  for (const p of doc.paragraphs) {
    for (const m of p.inlines.filter((x): x is ReferenceMarker => x.kind === 'ref')) {
      if (!entries.some((e) => e.n === m.n)) add(p.lines[0]!, `reference marker [${m.n}] names no entry of the reference list`, `The references are [1]–[${entries.length}]; fix the marker's number.`);
    }
  }

  // The English block: title, authors, abstract, keywords.
  const english = lines[i];
  const englishTitle = english && heading(english.text);
  if (english && englishTitle) {
    doc.english = { title: englishTitle.text, authors: '', abstract: null, keywords: null, line: english.line };
    for (i++; i < lines.length && !lines[i]!.text.startsWith('['); i++) {
      const l = lines[i]!;
      const bold = boldLabel(l.text);
      if (!bold) {
        if (doc.english.authors) add(l.line, 'a line in the English block that is neither `**Abstract:**` nor `**Key words:**`', 'Start the English abstract and keywords with their bold labels.');
        else doc.english.authors = l.text;
      } else if (bold.label === 'Abstract:') doc.english.abstract = { label: bold.label, text: bold.text, line: l.line };
      else if (bold.label === 'Key words:') doc.english.keywords = { label: bold.label, text: bold.text, line: l.line };
      else add(l.line, `unknown label **${bold.label}** in the English block`, 'The English block has `**Abstract:**` and `**Key words:**`.');
    }
  }

  // The editor's line ends the paper.
  const editor = lines[i];
  if (editor) {
    const m = /^\[([^\]:：]+)[:：]\s*([^\]]+)\]$/.exec(editor.text);
    if (m && m[1]!.replace(/\s+/g, '') === EDITOR_LABEL) {
      doc.editor = { label: m[1]!, text: m[2]!.trim(), line: editor.line };
      i++;
    }
  }
  for (const l of lines.slice(i)) add(l.line, 'text after the end of the paper', 'The paper ends with the English block and the editor\'s line `[责任编辑：…]`; move this where it belongs.');
  return doc;
}

/** `## text` → level and text; null for a line that is no heading. */
function heading(text: string): { level: number; text: string } | null {
  const m = /^(#{1,6})\s+(.+)$/.exec(text);
  return m ? { level: m[1]!.length, text: m[2]!.trim() } : null;
}

/** `**Abstract:** text` → the label and the text; null for a line without one. */
function boldLabel(text: string): { label: string; text: string } | null {
  if (!text.startsWith('**')) return null;
  const end = text.indexOf('**', 2);
  return end < 0 ? null : { label: text.slice(2, end).trim(), text: text.slice(end + 2).trim() };
}

/**
 * The fields of a labelled line: `[摘 要] …`, or several on one line (`[中图分类号] D616
 * [文献标识码] A`). An unknown label is an error (null).
 */
function labelledFields(l: Line, file: string, sink: ErrorSink): LabelledText[] | null {
  const starts: { at: number; label: string; end: number }[] = [];
  for (let at = l.text.indexOf('['); at >= 0; at = l.text.indexOf('[', at + 1)) {
    const end = l.text.indexOf(']', at);
    const label = end < 0 ? '' : l.text.slice(at + 1, end);
    if (label.replace(/\s+/g, '') in FRONT_LABELS) starts.push({ at, label, end });
    else if (at === 0) {
      sink.add(file, l.line, `unknown label [${label || l.text.slice(1, 12)}]`, `The paper's labelled lines are ${Object.keys(FRONT_LABELS).map((k) => `[${k}]`).join(' ')}; a reference entry goes under \`## ${REFERENCES_HEADING}\`.`);
      return null;
    }
  }
  return starts.map((s, k) => ({ label: s.label, text: l.text.slice(s.end + 1, starts[k + 1]?.at ?? l.text.length).trim(), line: l.line }));
}

import type { ErrorSink } from '../errors.ts';

/** A run of the authors' text. */
export interface TextRun {
  kind: 'text';
  text: string;
}

/** A reference marker, `<sup>[4](P9)</sup>` in the source: reference 4, page P9. */
export interface ReferenceMarker {
  kind: 'ref';
  n: number;
  /** The page (range) the marker names, as the source writes it (`P9`, `P782-783`); null for none. */
  page: string | null;
}

/** What a paragraph is made of, in order. */
export type Inline = TextRun | ReferenceMarker;

/** A place in the source, for errors. */
export interface SourcePlace {
  file: string;
  line: number;
}

const OPEN = '<sup>';
const CLOSE = '</sup>';
/** What a marker holds: `[4]` or `[4](P9)` / `[6](P782-783)`. */
const MARKER = /^\[([1-9]\d*)\](?:\((P\d+(?:-\d+)?)\))?$/;

/**
 * Reads one line of the paper's text into text runs and reference markers. The only markup the
 * source has is `<sup>[n]</sup>` / `<sup>[n](Pn)</sup>`: this reads exactly that, and reports any
 * other `<` (keeping it as text, so nothing is lost) rather than guess what it means.
 */
export function tokenizeInline(text: string, place: SourcePlace, sink: ErrorSink): Inline[] {
  const out: Inline[] = [];
  const pushText = (t: string): void => {
    if (!t) return;
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  let pos = 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      pushText(text.slice(pos));
      break;
    }
    pushText(text.slice(pos, lt));
    if (!text.startsWith(OPEN, lt)) {
      const shown = text.slice(lt, Math.min(text.length, text.indexOf('>', lt) + 1 || lt + 12));
      sink.add(place.file, place.line, `unknown markup \`${shown}\` in the paper's text`, 'The paper may only hold reference markers, written `<sup>[4]</sup>` or `<sup>[4](P9)</sup>`; write anything else as plain text.');
      pushText('<');
      pos = lt + 1;
      continue;
    }
    const end = text.indexOf(CLOSE, lt + OPEN.length);
    if (end < 0) {
      sink.add(place.file, place.line, '`<sup>` is not closed on its line', 'Close the reference marker: `<sup>[4]</sup>`.');
      pushText(text.slice(lt));
      break;
    }
    const inner = text.slice(lt + OPEN.length, end);
    const m = MARKER.exec(inner);
    if (m) out.push({ kind: 'ref', n: Number(m[1]), page: m[2] ?? null });
    else {
      sink.add(place.file, place.line, `reference marker \`${OPEN}${inner}${CLOSE}\` is not \`[n]\` or \`[n](Pn)\``, 'Write the reference number in brackets, then the page if any: `<sup>[4](P9)</sup>`.');
      pushText(inner);
    }
    pos = end + CLOSE.length;
  }
  return out;
}

/** The text of inlines with each marker as one `object` character (so the text can be cleaned around it). */
export function inlineText(inlines: readonly Inline[], object: string): string {
  return inlines.map((i) => (i.kind === 'text' ? i.text : object)).join('');
}

/** The inlines again, their text replaced by `text` (in which each marker is one `object` character). */
export function withText(inlines: readonly Inline[], text: string, object: string): Inline[] {
  const markers = inlines.filter((i): i is ReferenceMarker => i.kind === 'ref');
  const parts = text.split(object);
  if (parts.length !== markers.length + 1) throw new Error('[deck] a reference marker was lost while its paragraph was cleaned');
  const out: Inline[] = [];
  parts.forEach((t, i) => {
    if (t) out.push({ kind: 'text', text: t });
    const marker = markers[i];
    if (marker) out.push(marker);
  });
  return out;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq, parseDocument, type Document } from 'yaml';
import type { DeckMeta } from '../shared/deck-model.ts';
import { UI_LANGS } from '../shared/ui-strings.ts';
import type { ErrorSink } from './errors.ts';
import type { GlossaryTerm, Reference } from './markdown/env.ts';

export const DECK_META_FILE = 'slides/deck.yml';
export const REFERENCES_FILE = 'slides/references.yml';
export const GLOSSARY_FILE = 'slides/glossary.yml';

/** Reads `slides/deck.yml` (`DeckMeta` in shared/deck-model.ts: each field, its default and meaning); what is wrong in it goes to `sink`. */
export function readDeckMeta(root: string, sink: ErrorSink): DeckMeta {
  const data = readYaml(root, DECK_META_FILE, sink) as Partial<DeckMeta> | null;
  const meta: DeckMeta = {
    id: 'deck',
    title: '',
    subtitle: '',
    authors: [],
    englishTitle: '',
    keywords: [],
    funding: '',
    minutes: 45,
    lang: 'zh-CN',
    ...(data ?? {}),
  };
  if (data && !meta.title) sink.add(DECK_META_FILE, 1, 'the deck has no title', 'Add `title: …`.');
  if (!/^[a-z][a-z0-9-]*$/.test(String(meta.id))) sink.add(DECK_META_FILE, 1, `the deck id \`${String(meta.id)}\` is not valid`, 'Write e.g. `id: nqp-common-prosperity` (lowercase letters, digits and -).');
  if (!(meta.minutes > 0)) sink.add(DECK_META_FILE, 1, `minutes must be a positive number, not \`${String(meta.minutes)}\``, 'Write e.g. `minutes: 45`.');
  if (!(UI_LANGS as readonly string[]).includes(meta.lang)) {
    sink.add(DECK_META_FILE, 1, `the interface has no strings in \`lang: ${String(meta.lang)}\``, `Use one of: ${UI_LANGS.join(', ')} (or add a table to src/shared/ui-strings.ts).`);
  }
  return meta;
}

/** Reads `slides/references.yml`: a list of `{ n, text }`, numbered as in the paper. */
export function readReferences(root: string, sink: ErrorSink): Map<number, Reference> {
  const data = readYaml(root, REFERENCES_FILE, sink);
  const references = new Map<number, Reference>();
  if (data === null) return references;
  if (!Array.isArray(data)) {
    sink.add(REFERENCES_FILE, 1, 'references are not a list', 'Write one `- n: 1` / `  text: …` item per reference.');
    return references;
  }
  data.forEach((item: unknown, i) => {
    const ref = item as Partial<Reference> | null;
    if (!ref || !Number.isInteger(ref.n) || typeof ref.text !== 'string' || !ref.text.trim()) {
      sink.add(REFERENCES_FILE, 1, `reference #${i + 1} needs a whole number \`n\` and a \`text\``, 'Write `- n: 1` and `  text: …`.');
    } else if (references.has(ref.n!)) {
      sink.add(REFERENCES_FILE, 1, `reference [${ref.n}] is listed twice`, 'Keep one entry per number.');
    } else {
      references.set(ref.n!, { n: ref.n!, text: ref.text.trim() });
    }
  });
  return references;
}

/**
 * Reads `slides/glossary.yml`: a list of `{ term, definition, teaching? }`. The file is optional;
 * without it no term is marked.
 */
export function readGlossary(root: string, sink: ErrorSink): GlossaryTerm[] {
  if (!existsSync(join(root, GLOSSARY_FILE))) return [];
  const doc = readYamlDocument(root, GLOSSARY_FILE, sink);
  const items = doc?.contents;
  if (!doc || !isSeq(items)) {
    if (doc) sink.add(GLOSSARY_FILE, 1, 'the glossary is not a list', 'Write one `- term: …` / `  definition: …` item per term.');
    return [];
  }
  const terms: GlossaryTerm[] = [];
  const source = readFileSync(join(root, GLOSSARY_FILE), 'utf8');
  items.items.forEach((node, i) => {
    const range = (node as { range?: [number, number, number] }).range;
    const line = range ? lineOf(source, range[0]) : 1;
    const item = (node as { toJSON(): unknown }).toJSON() as Partial<{ term: string; definition: string; teaching: boolean }> | null;
    if (!item || typeof item.term !== 'string' || !item.term.trim() || typeof item.definition !== 'string' || !item.definition.trim()) {
      sink.add(GLOSSARY_FILE, line, `glossary entry #${i + 1} needs a \`term\` and a \`definition\``, 'Write `- term: …` and `  definition: …`.');
    } else if (terms.some((t) => t.term === item.term)) {
      sink.add(GLOSSARY_FILE, line, `term 「${item.term}」 is listed twice`, 'Keep one entry per term.');
    } else {
      terms.push({ term: item.term.trim(), definition: item.definition.trim(), teaching: item.teaching === true, line, firstSlide: null });
    }
  });
  return terms;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function readYaml(root: string, file: string, sink: ErrorSink): unknown {
  return readYamlDocument(root, file, sink)?.toJS() ?? null;
}

function readYamlDocument(root: string, file: string, sink: ErrorSink): Document | null {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    sink.add(file, 1, `${file} is missing`, 'Create it (see the README, "Authoring format").');
    return null;
  }
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error) {
    sink.add(file, (error.linePos?.[0].line ?? 1), `not valid YAML: ${error.message.split('\n')[0]}`, 'Fix the YAML syntax.');
    return null;
  }
  return doc;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { ALL_PLANS, NO_PLAN, type DeckMeta, type LecturePlan } from '../shared/deck-model.ts';
import { UI, UI_LANGS } from '../shared/ui-strings.ts';
import type { ErrorSink } from './errors.ts';
import type { GlossaryTerm, Reference } from './markdown/env.ts';

export const DECK_META_FILE = 'slides/deck.yml';
export const REFERENCES_FILE = 'slides/references.yml';
export const GLOSSARY_FILE = 'slides/glossary.yml';

/**
 * `slides/deck.yml` as read: the deck's meta, and the line of each lecture plan it declares (for
 * errors about a plan); none when it declares none.
 */
export interface DeckMetaRead {
  meta: DeckMeta;
  planLines: ReadonlyMap<string, number>;
}

/**
 * The plan of a deck.yml that declares none: one lecture of every slide in a lecture, as long
 * as their minutes add up to (compile-deck.ts sets its minutes once the slides are known).
 */
export const ONE_LECTURE: LecturePlan = { id: 'lecture', title: UI.plans.oneLecture, minutes: 0 };

/** Reads `slides/deck.yml` (`DeckMeta` in shared/deck-model.ts: each field, its default and meaning); what is wrong in it goes to `sink`. */
export function readDeckMeta(root: string, sink: ErrorSink): DeckMetaRead {
  const read = readYamlDocument(root, DECK_META_FILE, sink);
  const data = (read?.doc.toJS() ?? null) as (Partial<DeckMeta> & { minutes?: unknown }) | null;
  const lineAt = (path: (string | number)[]): number => (read ? read.lineOf(read.doc.getIn(path, true)) : 1);
  const { plans, planLines } = readPlans(data?.plans, lineAt, sink);
  const meta: DeckMeta = {
    id: 'deck',
    title: '',
    subtitle: '',
    authors: [],
    englishTitle: '',
    keywords: [],
    funding: '',
    lang: 'zh-CN',
    ...(data ?? {}),
    plans,
    defaultPlan: typeof data?.defaultPlan === 'string' ? data.defaultPlan : (plans[0]?.id ?? ''),
  };
  if (data && !meta.title) sink.add(DECK_META_FILE, 1, 'the deck has no title', 'Add `title: …`.');
  if (!/^[a-z][a-z0-9-]*$/.test(String(meta.id))) sink.add(DECK_META_FILE, 1, `the deck id \`${String(meta.id)}\` is not valid`, 'Write e.g. `id: nqp-common-prosperity` (lowercase letters, digits and -).');
  if (data && 'minutes' in data) {
    sink.add(DECK_META_FILE, lineAt(['minutes']), '`minutes:` is replaced by the lecture plans', 'Declare `plans:` (each with `id`, `title` and `minutes`) and `defaultPlan:`; see the README, "Lecture plans".');
  }
  delete (meta as Partial<DeckMeta> & { minutes?: unknown }).minutes;
  if (!plans.some((p) => p.id === meta.defaultPlan)) {
    sink.add(DECK_META_FILE, lineAt(['defaultPlan']), `the default plan \`${String(meta.defaultPlan)}\` is not one of the plans`, `Name one of: ${plans.map((p) => p.id).join(', ')}.`);
  }
  if (!(UI_LANGS as readonly string[]).includes(meta.lang)) {
    sink.add(DECK_META_FILE, 1, `the interface has no strings in \`lang: ${String(meta.lang)}\``, `Use one of: ${UI_LANGS.join(', ')} (or add a table to src/shared/ui-strings.ts).`);
  }
  return { meta, planLines };
}

/** Plan ids: what `?plan=` and `plan=` can say; `all` and `none` have their own meaning. */
const PLAN_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Reads `plans:`, each `{ id, title, minutes }`; none declared is one lecture of 45 minutes. */
function readPlans(value: unknown, lineAt: (path: (string | number)[]) => number, sink: ErrorSink): { plans: LecturePlan[]; planLines: Map<string, number> } {
  const planLines = new Map<string, number>();
  if (value === undefined) return { plans: [{ ...ONE_LECTURE }], planLines };
  const fix = 'Write each plan as `- id: \'45\'`, `  title: 一课时（45分钟）`, `  minutes: 45`.';
  if (!Array.isArray(value) || value.length === 0) {
    sink.add(DECK_META_FILE, lineAt(['plans']), '`plans:` is not a list of lecture plans', fix);
    return { plans: [{ ...ONE_LECTURE }], planLines };
  }
  const plans: LecturePlan[] = [];
  value.forEach((item: unknown, i) => {
    const line = lineAt(['plans', i]);
    const plan = item as Partial<LecturePlan> | null;
    const id = String(plan?.id ?? '');
    if (!plan || !PLAN_ID.test(id) || id === ALL_PLANS || id === NO_PLAN || typeof plan.title !== 'string' || !plan.title.trim() || !(Number(plan.minutes) > 0)) {
      sink.add(DECK_META_FILE, line, `lecture plan #${i + 1} needs an \`id\` (lowercase letters, digits, -; not \`${ALL_PLANS}\` or \`${NO_PLAN}\`), a \`title\` and \`minutes\` above 0`, fix);
    } else if (planLines.has(id)) {
      sink.add(DECK_META_FILE, line, `lecture plan \`${id}\` is declared twice (first at line ${planLines.get(id)})`, 'Give each plan its own id.');
    } else {
      plans.push({ id, title: plan.title.trim(), minutes: Number(plan.minutes) });
      planLines.set(id, line);
    }
  });
  return { plans: plans.length ? plans : [{ ...ONE_LECTURE }], planLines };
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
  const read = readYamlDocument(root, GLOSSARY_FILE, sink);
  const items = read?.doc.contents;
  if (!read || !isSeq(items)) {
    if (read) sink.add(GLOSSARY_FILE, 1, 'the glossary is not a list', 'Write one `- term: …` / `  definition: …` item per term.');
    return [];
  }
  const terms: GlossaryTerm[] = [];
  items.items.forEach((node, i) => {
    const line = read.lineOf(node);
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

function readYaml(root: string, file: string, sink: ErrorSink): unknown {
  return readYamlDocument(root, file, sink)?.doc.toJS() ?? null;
}

/** A YAML file as read: its document, and the file line where one of its nodes starts (1 for none). */
interface YamlFile {
  doc: Document;
  lineOf(node: unknown): number;
}

function readYamlDocument(root: string, file: string, sink: ErrorSink): YamlFile | null {
  let text: string;
  try {
    // A byte-order mark is the editor's, not the author's (a YAML list after one does not parse).
    text = readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    sink.add(file, 1, `${file} is missing`, 'Create it (see the README, "Authoring format").');
    return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const error = doc.errors[0];
  if (error) {
    sink.add(file, (error.linePos?.[0].line ?? 1), `not valid YAML: ${error.message.split('\n')[0]}`, 'Fix the YAML syntax.');
    return null;
  }
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? lines.linePos(range[0]).line : 1;
  };
  return { doc, lineOf };
}

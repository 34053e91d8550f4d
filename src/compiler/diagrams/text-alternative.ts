import { escapeHtml } from '../../shared/html.ts';

/**
 * A Mermaid flowchart read as text, for its "查看文字版" list: what a sighted reader follows
 * along the arrows, for a screen reader, a phone held close, or print. Only flowcharts are read;
 * anything the parser does not know (styles, classes, directions) is skipped.
 */

/** A flowchart's nodes, groups and links, as written. */
export interface Flowchart {
  /** Node id → label, in the order the nodes first appear. */
  nodes: Map<string, string>;
  /** Subgraph id → title and members (node and subgraph ids, in order). */
  groups: Map<string, { title: string; members: string[] }>;
  /** Node or subgraph id → the group it belongs to. */
  parent: Map<string, string>;
  /** Visible links (`~~~` is layout only and left out). */
  edges: { from: string; to: string; label: string; directed: boolean }[];
  /** `click id href "…"`: where a node links to. */
  links: Map<string, string>;
}

/** One entry of the text version: a node or a group, reached by an edge (label) or not. */
export interface OutlineItem {
  text: string;
  href?: string;
  /** How it was reached from the item above it: an arrow, or a plain link (`---`). */
  via?: { label: string; directed: boolean };
  /** A subgraph: its members come first in `children`. */
  group?: boolean;
  children: OutlineItem[];
}

const HEADER = /^(flowchart|graph)\b/;
const IGNORED = /^(direction|classDef|class|style|linkStyle|accTitle|%%)\b/;
const ID = /^[\p{L}\p{N}_]+(?:-(?![-.>])[\p{L}\p{N}_]+)*/u;
/** Node shapes, longest opener first: `A[…]`, `A(…)`, `A{…}`, `A([…])`, `A((…))`, `A{{…}}`, `A>…]`, … */
const SHAPES: [string, string][] = [
  ['(((', ')))'], ['((', '))'], ['([', '])'], ['[[', ']]'], ['[(', ')]'], ['[/', '/]'], ['[\\', '\\]'],
  ['[/', '\\]'], ['[\\', '/]'], ['{{', '}}'], ['>', ']'], ['[', ']'], ['(', ')'], ['{', '}'],
];
/** A link with its text in the middle: `-- x -->`, `-. x .->`, `== x ==>`. */
const TEXT_EDGE = /^<?(--|==|-\.)\s+(.+?)\s+(-{2,}>|-{3,}|\.-+>|\.-+|={2,}>|={3,})/;
/** A link without text in the middle: `-->`, `---`, `-.->`, `==>`, `~~~`, `--o`, `<-->`, … */
const EDGE = /^<?(-{2,}>|-{3,}|-\.+->|-\.+-|={2,}>|={3,}|~{3,}|-{2,}[ox]|={2,}[ox])/;

/** Parses a flowchart's source; null if it is not a flowchart. */
export function parseFlowchart(source: string): Flowchart | null {
  const lines = source.split('\n').map((l) => l.replace(/%%.*$/, '').trim()).filter(Boolean);
  if (!lines[0] || !HEADER.test(lines[0])) return null;
  const chart: Flowchart = { nodes: new Map(), groups: new Map(), parent: new Map(), edges: [], links: new Map() };
  const open: string[] = [];
  let inDescription = false;
  for (const line of lines.slice(1)) {
    if (inDescription) {
      inDescription = !line.includes('}');
      continue;
    }
    if (/^accDescr\s*\{/.test(line)) {
      inDescription = !line.includes('}');
      continue;
    }
    if (/^accDescr\s*:/.test(line) || IGNORED.test(line)) continue;
    for (const statement of splitStatements(line)) readStatement(statement, chart, open);
  }
  // An id used in a link before its `subgraph` line is the group, not a node.
  for (const id of chart.groups.keys()) chart.nodes.delete(id);
  return chart;
}

function readStatement(statement: string, chart: Flowchart, open: string[]): void {
  const group = /^subgraph\s+(.*)$/.exec(statement);
  if (group) {
    const { id, title } = groupHeader(group[1]!);
    chart.groups.set(id, { title, members: [] });
    member(chart, id, open.at(-1));
    open.push(id);
    return;
  }
  if (statement === 'end') {
    open.pop();
    return;
  }
  const click = /^click\s+(\S+)\s+(?:href\s+)?"([^"]*)"/.exec(statement);
  if (click) {
    if (/^(#|https?:\/\/)/.test(click[2]!)) chart.links.set(click[1]!, click[2]!);
    return;
  }
  if (/^click\b/.test(statement)) return;
  readChain(statement, chart, open.at(-1));
}

/** `A["x"] --> B & C -->|y| D`: nodes (with their labels) and the links between them. */
function readChain(text: string, chart: Flowchart, group: string | undefined): void {
  let rest = text;
  let previous: string[] = [];
  let link: { label: string; directed: boolean; visible: boolean } | null = null;
  for (;;) {
    const ids: string[] = [];
    for (;;) {
      const node = readNode(rest.trimStart());
      if (!node) return;
      ids.push(node.id);
      if (node.label !== null) chart.nodes.set(node.id, node.label);
      else if (!chart.nodes.has(node.id)) chart.nodes.set(node.id, node.id);
      member(chart, node.id, group);
      rest = node.rest.trimStart();
      const and = /^&\s*/.exec(rest);
      if (!and) break;
      rest = rest.slice(and[0].length);
    }
    if (link?.visible) for (const from of previous) for (const to of ids) chart.edges.push({ from, to, label: link.label, directed: link.directed });
    const next = readEdge(rest);
    if (!next) return;
    previous = ids;
    link = next;
    rest = next.rest;
  }
}

function readNode(text: string): { id: string; label: string | null; rest: string } | null {
  const id = ID.exec(text)?.[0];
  if (!id) return null;
  let rest = text.slice(id.length);
  let label: string | null = null;
  const shape = SHAPES.map(([opener, closer]) => {
    if (!rest.startsWith(opener)) return null;
    const body = rest.slice(opener.length);
    const quoted = /^"([^"]*)"/.exec(body);
    const end = quoted ? body.indexOf(closer, quoted[0].length) : body.indexOf(closer);
    return end < 0 ? null : { label: quoted ? quoted[1]! : body.slice(0, end), rest: body.slice(end + closer.length) };
  }).find((s) => s !== null);
  if (shape) {
    label = cleanLabel(shape.label);
    rest = shape.rest;
  } else if (rest.startsWith('@{')) {
    // The newer `A@{ shape: …, label: "…" }` form.
    const end = rest.indexOf('}');
    const inner = rest.slice(2, end < 0 ? undefined : end);
    const m = /label:\s*"([^"]*)"/.exec(inner);
    if (m) label = cleanLabel(m[1]!);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  rest = rest.replace(/^:::[\w-]+/, '');
  return { id, label, rest };
}

function readEdge(text: string): { label: string; directed: boolean; visible: boolean; rest: string } | null {
  const t = text.trimStart();
  const withText = TEXT_EDGE.exec(t);
  const plain = withText ? null : EDGE.exec(t);
  const m = withText ?? plain;
  if (!m) return null;
  const arrow = withText ? withText[3]! : plain![1]!;
  let label = withText ? cleanLabel(withText[2]!) : '';
  let rest = t.slice(m[0].length).trimStart();
  const piped = /^\|([^|]*)\|/.exec(rest);
  if (piped) {
    label = cleanLabel(piped[1]!);
    rest = rest.slice(piped[0].length);
  }
  return { label, directed: /[>ox]$/.test(arrow), visible: !arrow.startsWith('~'), rest };
}

function groupHeader(text: string): { id: string; title: string } {
  const bracket = /^([^\s["]+)\s*\[(.*)\]$/.exec(text.trim());
  if (bracket) return { id: bracket[1]!, title: cleanLabel(bracket[2]!) };
  const title = cleanLabel(text);
  return { id: title, title };
}

/** A label as read aloud: no quotes, no markup, `<br/>` as a space. */
function cleanLabel(raw: string): string {
  return raw
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .replace(/^`(.*)`$/s, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/#quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function member(chart: Flowchart, id: string, group: string | undefined): void {
  if (!group || chart.parent.has(id) || id === group) return;
  chart.parent.set(id, group);
  chart.groups.get(group)?.members.push(id);
}

/** `a; b` on one line are two statements (a `;` inside quotes is text). */
function splitStatements(line: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let current = '';
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * The chart as a nested list: roots are the entries nothing leads to, each followed by what it
 * leads to (cycles are cut, and an entry reached twice lists its own successors only once); a
 * group lists its members first. Entries that only a cycle reaches start lists of their own.
 */
export function outline(chart: Flowchart): OutlineItem[] {
  const ids = [...chart.groups.keys(), ...chart.nodes.keys()];
  const order = new Map(firstSeen(chart).map((id, i) => [id, i]));
  const byOrder = (a: string, b: string): number => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const incoming = new Set(chart.edges.map((e) => e.to));
  const expanded = new Set<string>();

  const item = (id: string, via?: OutlineItem['via']): OutlineItem => {
    const group = chart.groups.get(id);
    const entry: OutlineItem = { text: group ? group.title : (chart.nodes.get(id) ?? id), children: [] };
    const href = chart.links.get(id);
    if (href) entry.href = href;
    if (via) entry.via = via;
    if (group) entry.group = true;
    // Cut cycles (an ancestor is expanded already), and list an entry's successors once.
    if (expanded.has(id)) return entry;
    expanded.add(id);
    if (group) entry.children.push(...scope(id));
    for (const e of chart.edges.filter((x) => x.from === id)) entry.children.push(item(e.to, { label: e.label, directed: e.directed }));
    return entry;
  };
  const scope = (group?: string): OutlineItem[] => {
    const members = group ? chart.groups.get(group)!.members : ids.filter((id) => !chart.parent.has(id)).sort(byOrder);
    // Inside a group, a member reached only from outside the group still starts a line of its own.
    const reachedInside = new Set(chart.edges.filter((e) => members.includes(e.from)).map((e) => e.to));
    const roots = new Set(members.filter((id) => (group ? !reachedInside.has(id) : !incoming.has(id))));
    // A cycle inside a group (A → B → A) has no root there: it starts at its first member.
    const fromRoots = reachable(roots);
    const starts = members.filter((id) => roots.has(id) || (group && !fromRoots.has(id)));
    // Checked one by one: listing one start may already have listed another (by a way round).
    return starts.flatMap((id) => (expanded.has(id) ? [] : [item(id)]));
  };
  const reachable = (from: Set<string>): Set<string> => {
    const seen = new Set(from);
    const todo = [...from];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      for (const e of chart.edges) if (e.from === id && !seen.has(e.to)) todo.push((seen.add(e.to), e.to));
    }
    return seen;
  };

  const items = scope();
  // What only a cycle reaches (A → B → A, nothing leads in): start from its first entry.
  for (const id of [...ids].sort(byOrder)) if (!expanded.has(id)) items.push(item(id));
  return items;
}

/** Ids in the order the source first names them, groups before their members. */
function firstSeen(chart: Flowchart): string[] {
  const seen: string[] = [];
  const add = (id: string): void => {
    if (seen.includes(id)) return;
    seen.push(id);
    for (const m of chart.groups.get(id)?.members ?? []) add(m);
  };
  for (const id of [...chart.groups.keys(), ...chart.nodes.keys()]) if (!chart.parent.has(id)) add(id);
  return seen;
}

/** The nested `<ul>` of an outline: `→（x）label` for a link followed, a group's title before its members. */
export function outlineHtml(items: readonly OutlineItem[]): string {
  if (items.length === 0) return '';
  return `<ul>${items
    .map((it) => {
      const arrow = it.via ? `${it.via.directed ? '→' : '—'} ${it.via.label ? `（${escapeHtml(it.via.label)}）` : ''}` : '';
      const text = it.href ? `<a href="${escapeHtml(it.href)}">${escapeHtml(it.text)}</a>` : escapeHtml(it.text);
      return `<li${it.group ? ' class="deck-diagram-group"' : ''}>${arrow}${text}${outlineHtml(it.children)}</li>`;
    })
    .join('')}</ul>`;
}

/** The words around the list, for the font subset (in both weights: the summary is bold). */
export const TEXT_ALTERNATIVE_UI = '查看文字版→—（）';

/** The `<details>` placed after a drawn diagram; empty if the source is not a flowchart that reads as a list. */
export function diagramTextAlternative(source: string): string {
  const chart = parseFlowchart(source);
  const list = chart ? outlineHtml(outline(chart)) : '';
  return list ? `<details class="deck-diagram-text"><summary>查看文字版</summary>${list}</details>` : '';
}

import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';

/**
 * A flowchart as Mermaid's own parser reads it (see render-in-chromium.ts), read as text for
 * its "查看文字版" list: what a sighted reader follows along the arrows, for a screen reader, a
 * phone held close, or print.
 */
export interface DiagramGraph {
  /** Nodes in the order the source first names them; labels as read aloud (no markup). */
  nodes: { id: string; label: string; link: string | null }[];
  /** Subgraphs, each before the subgraphs inside it; members are node and subgraph ids, in any order. */
  groups: { id: string; title: string; members: string[] }[];
  /** Visible links (`~~~` is layout only and left out). */
  edges: { from: string; to: string; label: string; directed: boolean }[];
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

/**
 * The chart as a nested list: roots are the entries nothing leads to, each followed by what it
 * leads to (cycles are cut, and an entry reached twice lists its own successors only once); a
 * group lists its members first. Entries that only a cycle reaches start lists of their own.
 */
export function outline(graph: DiagramGraph): OutlineItem[] {
  const groups = new Map(graph.groups.map((g) => [g.id, g]));
  const nodes = new Map(graph.nodes.filter((n) => !groups.has(n.id)).map((n) => [n.id, n]));
  const parent = new Map<string, string>();
  // Innermost group first: a node inside a nested group belongs to it, not to the group around it.
  for (const g of [...graph.groups].reverse()) for (const m of g.members) if (!parent.has(m) && m !== g.id) parent.set(m, g.id);
  // Mermaid lists a subgraph's members last first: order them as the source names them.
  const nodeRank = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const rank = (id: string): number => nodeRank.get(id) ?? Math.min(Infinity, ...(groups.get(id)?.members ?? []).filter((m) => m !== id).map(rank));
  const members = (id: string): string[] => (groups.get(id)?.members ?? []).filter((m) => parent.get(m) === id).sort((a, b) => rank(a) - rank(b));
  const ids = [...groups.keys(), ...nodes.keys()];
  const order = new Map(firstSeen(ids, parent, members).map((id, i) => [id, i]));
  const byOrder = (a: string, b: string): number => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const incoming = new Set(graph.edges.map((e) => e.to));
  const expanded = new Set<string>();

  const item = (id: string, via?: OutlineItem['via']): OutlineItem => {
    const group = groups.get(id);
    const node = nodes.get(id);
    const entry: OutlineItem = { text: group ? group.title : (node?.label ?? id), children: [] };
    if (node?.link) entry.href = node.link;
    if (via) entry.via = via;
    if (group) entry.group = true;
    // Cut cycles (an ancestor is expanded already), and list an entry's successors once.
    if (expanded.has(id)) return entry;
    expanded.add(id);
    if (group) entry.children.push(...scope(id));
    for (const e of graph.edges.filter((x) => x.from === id)) entry.children.push(item(e.to, { label: e.label, directed: e.directed }));
    return entry;
  };
  const scope = (group?: string): OutlineItem[] => {
    const inScope = group ? members(group) : ids.filter((id) => !parent.has(id)).sort(byOrder);
    // Inside a group, a member reached only from outside the group still starts a line of its own.
    const reachedInside = new Set(graph.edges.filter((e) => inScope.includes(e.from)).map((e) => e.to));
    const roots = new Set(inScope.filter((id) => (group ? !reachedInside.has(id) : !incoming.has(id))));
    // A cycle inside a group (A → B → A) has no root there: it starts at its first member.
    const fromRoots = reachable(roots);
    const starts = inScope.filter((id) => roots.has(id) || (group && !fromRoots.has(id)));
    // Checked one by one: listing one start may already have listed another (by a way round).
    return starts.flatMap((id) => (expanded.has(id) ? [] : [item(id)]));
  };
  const reachable = (from: Set<string>): Set<string> => {
    const seen = new Set(from);
    const todo = [...from];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      for (const e of graph.edges) if (e.from === id && !seen.has(e.to)) todo.push((seen.add(e.to), e.to));
    }
    return seen;
  };

  const items = scope();
  // What only a cycle reaches (A → B → A, nothing leads in): start from its first entry.
  for (const id of [...ids].sort(byOrder)) if (!expanded.has(id)) items.push(item(id));
  return items;
}

/** Ids in the order the source first names them, groups before their members. */
function firstSeen(ids: string[], parent: Map<string, string>, members: (id: string) => string[]): string[] {
  const seen: string[] = [];
  const add = (id: string): void => {
    if (seen.includes(id)) return;
    seen.push(id);
    for (const m of members(id)) add(m);
  };
  for (const id of ids) if (!parent.has(id)) add(id);
  return seen;
}

/** The nested `<ul>` of an outline: `→（x）label` for a link followed, a group's title before its members. */
export function outlineHtml(items: readonly OutlineItem[]): string {
  if (items.length === 0) return '';
  const { arrow, line, labelOpen, labelClose } = UI.diagram;
  return `<ul>${items
    .map((it) => {
      const via = it.via ? `${it.via.directed ? arrow : line} ${it.via.label ? `${labelOpen}${escapeHtml(it.via.label)}${labelClose}` : ''}` : '';
      const text = it.href ? `<a href="${escapeHtml(it.href)}">${escapeHtml(it.text)}</a>` : escapeHtml(it.text);
      return `<li${it.group ? ' class="deck-diagram-group"' : ''}>${via}${text}${outlineHtml(it.children)}</li>`;
    })
    .join('')}</ul>`;
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textAlternative } from '../../../src/compiler/diagrams/drawing.ts';
import { outline, type DiagramGraph, type OutlineItem } from '../../../src/compiler/diagrams/outline.ts';
import { renderDiagramsInChromium } from '../../../src/compiler/diagrams/render-in-chromium.ts';
import { findBrowser } from '../../../src/node/chromium.ts';

/*
 * The text version is made from what Mermaid's own parser reads of a diagram (in the Chromium
 * page that draws it at build time), so every source here is read by Mermaid, all in one page.
 */
const SOURCES = {
  shapes: 'flowchart LR\n  A[方形] --> B(圆角) --> C{判断} --> D["引号<br/>两行"] --> E([体育场]) --> F((圆))',
  links: 'graph TD\n  A[甲] -->|催生| B[乙]\n  A --- C[丙]\n  A -.-> D[丁]\n  A ==> E[戊]\n  A -- 文字 --> F[己]\n  A -.->|虚线| G[庚]',
  twice: 'flowchart LR\n  M1[一] --> A[合]\n  M2[二] --> A\n  A --> Z[果]',
  chains: 'flowchart LR\n  A[甲] & B[乙] --> C[丙] --> D[丁]; D --> E[戊]',
  cycle: 'flowchart LR\n  C[基础] -.-> A[动力]\n  A -->|动力| B[方向]\n  B -->|指引| A',
  loop: 'flowchart LR\n  A[甲] --> B[乙]\n  B --> A',
  groups: [
    'flowchart LR',
    '  subgraph S1["第一部分"]',
    '    direction TB',
    '    A1["强大动力"] ~~~ A2["方向指引"]',
    '  end',
    '  subgraph S2 [第二部分]',
    '    B1[难点] --> B2[属性]',
    '  end',
    '  S1 --> S2',
  ].join('\n'),
  groupCycle: 'flowchart LR\n  subgraph L["逻辑"]\n    A["动力"] -->|强大动力| B["方向"]\n    B -->|方向指引| A\n    K["共契"]\n  end\n  L --> M["结果"]',
  skipped: [
    'flowchart LR',
    '  accTitle: 标题',
    '  accDescr {',
    '    多行 --> 描述',
    '  }',
    '  %% a comment --> X',
    '  classDef hot fill:#f00',
    '  A[甲]:::hot --> B[乙]',
    '  style A fill:#fff',
    '  linkStyle 0 stroke:#000',
    '  click A href "#/logic-power" "跳到"',
    '  click B call callback()',
  ].join('\n'),
  escaped: 'flowchart LR\n  A["a & b “c”"] -->|x| B[乙]',
  sequence: 'sequenceDiagram\n  A->>B: hi',
};
const DECK_SOURCES = readdirSync('slides')
  .filter((f) => f.endsWith('.md'))
  .flatMap((f) => [...readFileSync(`slides/${f}`, 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!));

const graphs = new Map<string, DiagramGraph | null>();
const cache = mkdtempSync(join(tmpdir(), 'deck-outline-'));
beforeAll(async () => {
  const sources = [...Object.values(SOURCES), ...DECK_SOURCES];
  const drawn = await renderDiagramsInChromium(sources.map((source, i) => ({ id: `d${i}`, source })), { cacheDir: cache, fontCss: '' });
  drawn!.forEach((d, i) => graphs.set(sources[i]!, d.kind === 'svg' ? d.graph : null));
}, 120_000);
afterAll(() => rmSync(cache, { recursive: true, force: true }));

/** The outline as indented lines: `→（x）` for a link followed, `[group]` before a subgraph's title. */
function read(source: string): string[] {
  const chart = graphs.get(source);
  if (!chart) throw new Error('not a flowchart');
  const lines: string[] = [];
  const walk = (items: OutlineItem[], depth: number): void => {
    for (const it of items) {
      const via = it.via ? `${it.via.directed ? '→' : '—'}${it.via.label ? `（${it.via.label}）` : ''}` : '';
      lines.push(`${'  '.repeat(depth)}${via}${it.group ? '[group] ' : ''}${it.text}${it.href ? ` <${it.href}>` : ''}`);
      walk(it.children, depth + 1);
    }
  };
  walk(outline(chart), 0);
  return lines;
}

describe.runIf(findBrowser())('the text version of a Mermaid flowchart (查看文字版), from Mermaid\u2019s own parse', () => {
  it('reads node labels of every shape, quoted or not, with <br/> as a space', () => {
    expect(read(SOURCES.shapes)).toEqual([
      '方形',
      '  →圆角',
      '    →判断',
      '      →引号 两行',
      '        →体育场',
      '          →圆',
    ]);
  });

  it('follows every kind of link, with its label from |x| or from -- x -->', () => {
    expect(read(SOURCES.links)).toEqual([
      '甲',
      '  →（催生）乙',
      '  —丙',
      '  →丁',
      '  →戊',
      '  →（文字）己',
      '  →（虚线）庚',
    ]);
  });

  it('starts from the nodes nothing leads to, and lists a node reached twice with its successors once', () => {
    expect(read(SOURCES.twice)).toEqual(['一', '  →合', '    →果', '二', '  →合']);
  });

  it('reads chains and & on one line, and statements split by ;', () => {
    expect(read(SOURCES.chains)).toEqual(['甲', '  →丙', '    →丁', '      →戊', '乙', '  →丙']);
  });

  it('cuts cycles, and starts a cycle that nothing leads into at its first node', () => {
    expect(read(SOURCES.cycle)).toEqual(['基础', '  →动力', '    →（动力）方向', '      →（指引）动力']);
    expect(read(SOURCES.loop)).toEqual(['甲', '  →乙', '    →甲']);
  });

  it('lists a subgraph as an item holding its nodes, then what the subgraph leads to; ~~~ is layout only', () => {
    expect(read(SOURCES.groups)).toEqual(['[group] 第一部分', '  强大动力', '  方向指引', '  →[group] 第二部分', '    难点', '      →属性']);
  });

  it('keeps a cycle inside a subgraph in its subgraph', () => {
    expect(read(SOURCES.groupCycle)).toEqual(['[group] 逻辑', '  动力', '    →（强大动力）方向', '      →（方向指引）动力', '  共契', '  →结果']);
  });

  it('skips accTitle, accDescr (also as a block), styles, comments and directions; a click href becomes a link', () => {
    expect(read(SOURCES.skipped)).toEqual(['甲 <#/logic-power>', '  →乙']);
  });

  it('renders a closed <details> with a 查看文字版 summary and a nested, escaped list', () => {
    const html = textAlternative(graphs.get(SOURCES.escaped) ?? null);
    expect(html).toBe('<details class="deck-diagram-text"><summary>查看文字版</summary><ul><li>a &#38; b “c”<ul><li>→ （x）乙</li></ul></li></ul></details>');
  });

  it('gives nothing for what is not a flowchart', () => {
    expect(graphs.get(SOURCES.sequence)).toBeNull();
    expect(textAlternative(null)).toBe('');
  });

  it('reads every diagram of the deck with every one of its labels', () => {
    expect(DECK_SOURCES.length).toBeGreaterThanOrEqual(10);
    for (const source of DECK_SOURCES) {
      const text = read(source).join('\n');
      const labels = [...source.matchAll(/\["([^"]*)"\]/g)].map((m) => m[1]!.replace(/<br\/>/g, ' '));
      for (const label of labels) expect(text, source).toContain(label);
    }
  });
});

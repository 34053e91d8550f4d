import fc from 'fast-check';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parseSection, renderSection } from '../../../src/compiler/compile-section.ts';
import { formatContentError } from '../../../src/compiler/errors.ts';
import { placeOf } from '../../../src/compiler/markdown/env.ts';
import { createMarkdown } from '../../../src/compiler/markdown/index.ts';
import { deckContext, render } from '../helpers.ts';

/**
 * The compiler against random section files: mixtures of every authoring construct (fences of
 * any length and either character, closed or not and holding other structure lines, notes, step
 * notes and cues, questions well and badly formed, inline and display math, citations, raw HTML
 * allowed and refused, `:::` blocks closed or not, slide options, CRLF line ends and a BOM).
 * Every file either compiles or fails with `[deck]` errors that name a line of it; the compiler
 * never throws, never lets a script, a handler or a URL to another host into the page, and never
 * loses an author's line: each line that carries text (every generated one carries a marker word)
 * has it on a slide, in its notes or the section's title, or an error names the construct it is in
 * (as written, or as the parser read it: an error at a block's first line names what the block
 * took in; a block left open, everything after it).
 */

/** Cases: a few hundred, a few seconds on two cores (FUZZ_RUNS=5000 for a longer hunt). */
const RUNS = Number(process.env.FUZZ_RUNS) || 300;
/** Fixed, so that a failure is the same on every machine (fast-check prints the shrunk case); FUZZ_SEED for others. */
const SEED = Number(process.env.FUZZ_SEED) || 20260713;

/** Where a marker goes in a line template; each becomes a distinct word (`zq12q`) when the file is put together. */
const M = '@@';

/** A construct of a file: its lines (templates); an error at any of them names them all. */
interface Piece {
  lines: string[];
}

/** Inline text that is valid: it compiles without an error. */
const validInline = fc.constantFrom(
  `${M}`,
  `**${M}**`,
  `*${M}*`,
  `\`${M}\``,
  `$${M}$`,
  `$${M}^2$`,
  `\\$${M}`,
  `$ ${M} $`,
  `[@1] ${M}`,
  `[@3, P9]${M}`,
  `[${M}](#/s)`,
  `<span>${M}</span>`,
  `<b>${M}</b>`,
  `<span class="x" lang="en">${M}</span>`,
  `${M} {.fragment}`,
  `「${M}」`,
  `${M} <!-- c -->`,
  `${M}: ${M}`,
);
/** Inline text that may be wrong (a lone `$` may open a formula with the next one) or is hostile. */
const badInline = fc.constantFrom(
  `${M}$`,
  `$${M}`,
  `$${M}$1`,
  `[@99] ${M}`,
  `[${M}](https://example.com/x)`,
  `<b>${M}`,
  `${M}</i>`,
  `<script>alert(1)</script>${M}`,
  `<img src="x" onerror="alert(1)">${M}`,
  `<a href="javascript:alert(1)">${M}</a>`,
  `<a href="&#106;avascript:alert(1)">${M}</a>`,
  `<iframe src="https://example.com/"></iframe>${M}`,
  `<span style="color:red">${M}</span>`,
  `<span onclick="alert(1)">${M}</span>`,
  `${M} {#deck-manifest}`,
  `${M} {data-deck-quiz=x}`,
  `${M} $\\href{https://example.com}{x}$`,
  `${M} $\\frac{1}{$`,
  `![${M}](assets/none.png)`,
  `![${M}](../../etc/passwd)`,
  `::: ${M}`,
);

/** The constructs of a section file; `valid` keeps to what compiles without an error. */
function constructs(valid: boolean) {
  const inline = valid ? validInline : fc.oneof({ weight: 2, arbitrary: validInline }, badInline);
  const textLine = fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
  const paragraph = fc.array(textLine, { minLength: 1, maxLength: 3 }).map((lines): Piece => ({ lines }));
  const list = fc.tuple(fc.constantFrom('- ', '* ', '1. ', '- [ ] ', '- [x] '), fc.array(textLine, { minLength: 1, maxLength: 4 })).map(([mark, items]): Piece => ({ lines: items.map((t) => mark + t) }));
  const quote = fc.array(textLine, { minLength: 1, maxLength: 2 }).map((lines): Piece => ({ lines: lines.map((l) => `> ${l}`) }));
  const heading = fc.tuple(fc.constantFrom('### ', '#### '), textLine).map(([h, t]): Piece => ({ lines: [h + t] }));
  const table = fc.array(textLine, { minLength: 1, maxLength: 3 }).map((rows): Piece => ({ lines: [`| ${M} | ${M} |`, '|---|---|', ...rows.map((r) => `| ${r} | ${M} |`)] }));

  /** A line inside a fence: text, or one of the structure lines a fence must keep as code. */
  const codeLine = fc.oneof(
    fc.constant(M),
    fc.constant(`let ${M} = "<script>";`),
    fc.constantFrom('Note:', 'Cue:', 'Note 2:', '---', ':::', '::: teaching', '$$', '```', '````', '~~~', '<!-- .slide: steps -->').map((l) => `${l} ${M}`),
    fc.constantFrom('---', '```', '````', '~~~~', 'Note:', 'Cue:', ':::', '$$', '<script>alert(1)</script>'),
  );
  const fence = fc
    .record({
      char: fc.constantFrom('`', '~'),
      length: fc.integer({ min: 3, max: 6 }),
      // (A diagram needs its accTitle and accDescr: only where errors may come.)
      info: valid ? fc.constantFrom('', 'js', 'text') : fc.constantFrom('', 'js', 'text', 'mermaid'),
      body: fc.array(codeLine, { maxLength: 5 }),
      close: valid ? fc.constantFrom('same', 'longer') : fc.constantFrom('same', 'longer', 'shorter', 'none'),
    })
    .map(({ char, length, info, body, close }): Piece => {
      const open = char.repeat(length);
      const closing = { same: open, longer: char.repeat(length + 1), shorter: char.repeat(Math.max(1, length - 1)), none: null }[close];
      // Inside, no line that would close the fence early (a line of the fence character, as long or longer).
      const inside = body.filter((l) => !new RegExp(`^\\${char}{${length},}\\s*$`).test(l));
      // A fence's own lines are structure: its text is the lines inside.
      return { lines: [`${open}${info}`, ...inside, ...(closing ? [closing] : [])] };
    });
  const formula = fc.constantFrom(`${M}^2`, `\\frac{${M}}{2}`, `x = ${M}`, ...(valid ? [] : ['\\frac{1}{']));
  const mathBlock = fc.oneof(
    fc.tuple(fc.array(formula, { minLength: 1, maxLength: 3 }), valid ? fc.constant(true) : fc.boolean()).map(([body, closed]): Piece => ({ lines: ['$$', ...body, ...(closed ? ['$$'] : [])] })),
    fc.constant<Piece>({ lines: [`$$ ${M} + 1 $$`] }),
  );
  const block = fc
    .record({ name: valid ? fc.constantFrom('teaching', 'discussion') : fc.constantFrom('teaching', 'discussion', 'teachng', 'references'), body: fc.array(textLine, { maxLength: 3 }), closed: valid ? fc.constant(true) : fc.boolean() })
    .map(({ name, body, closed }): Piece => ({ lines: [`::: ${name}`, ...body.flatMap((l) => [l, '']), ...(closed ? [':::'] : [])] }));
  const goodQuiz = fc.tuple(textLine, fc.array(textLine, { minLength: 1, maxLength: 3 }), fc.nat(3)).map(([question, wrong, at]): Piece => {
    const options = wrong.map((w) => `- [ ] ${w}`);
    options.splice(at % (options.length + 1), 0, `- [x] ${M}`);
    return { lines: ['::: quiz single', question, '', ...options, '', `${M} 见 [此页](#/s)。`, ':::'] };
  });
  const anyQuiz = fc
    .record({
      kind: fc.constantFrom('single', 'multiple', 'order', 'poll'),
      question: fc.option(textLine, { nil: undefined }),
      options: fc.array(fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '1. ', '2. ', '3. '), textLine), { maxLength: 4 }),
      explanation: fc.option(fc.constantFrom(`${M} 见 [此页](#/s)。`, `${M} 没有链接。`), { nil: undefined }),
      closed: fc.boolean(),
    })
    .map(({ kind, question, options, explanation, closed }): Piece => ({
      lines: [`::: quiz ${kind}`, ...(question ? [question, ''] : []), ...options.map(([mark, text]) => mark + text), '', ...(explanation ? [explanation] : []), ...(closed ? [':::'] : [])],
    }));
  const validHtml = fc.constantFrom<Piece>(
    { lines: ['<div>', M, '</div>'] },
    { lines: ['<div class="dense">', '', M, '', '</div>'] },
    { lines: [`<details><summary>${M}</summary>`, '', M, '', '</details>'] },
  );
  const badHtml = fc.constantFrom<Piece>(
    { lines: ['<div>', M] },
    { lines: [`</div> ${M}`] },
    { lines: ['<script>', `alert("${M}")`, '</script>'] },
    { lines: [`<style>p{color:red} /* ${M} */</style>`] },
    { lines: [`<iframe src="https://example.com/${M}"></iframe>`] },
    { lines: [`<!-- ${M}`] },
    { lines: [`<p onclick="alert(1)">${M}</p>`] },
    { lines: [`<svg onload="alert(1)"><text>${M}</text></svg>`] },
    { lines: ['<!-- .slide: nonsense -->'] },
    // Valid once per slide, above its notes: here it may come twice, or in the notes.
    { lines: ['<!-- .slide: class=dense -->'] },
  );
  const html = valid ? validHtml : fc.oneof(validHtml, badHtml);
  const quiz = valid ? goodQuiz : fc.oneof(goodQuiz, anyQuiz);
  // Where errors may come, the constructs that can be left open come more often, and so does a
  // block left open before another one (whose `:::` then closes the first).
  const open = valid ? 1 : 2;
  const openThenBlock = fc.tuple(fc.oneof(block, anyQuiz), fc.oneof(block, goodQuiz)).map(([first, second]): Piece => ({ lines: [...first.lines.filter((l) => l !== ':::'), '', ...second.lines] }));
  const piece = fc.oneof(
    { weight: 4, arbitrary: paragraph },
    list,
    quote,
    heading,
    table,
    { weight: 2, arbitrary: fence },
    { weight: open, arbitrary: mathBlock },
    { weight: open, arbitrary: block },
    { weight: open, arbitrary: quiz },
    { weight: open, arbitrary: html },
    ...(valid ? [] : [openThenBlock]),
  );

  /** The parts of a slide after its body: `Note:`, `Note N:`, `Cue:`, each with pieces. */
  const marker = valid ? fc.constantFrom('Note:', 'Cue:', `Note: ${M}`) : fc.constantFrom('Note:', 'Note 1:', 'Note 2:', 'Cue:', `Note: ${M}`);
  const notesPart = fc.tuple(marker, fc.array(piece, { maxLength: 2 }));
  const slide = fc.record({ pieces: fc.array(piece, { maxLength: 3 }), notes: fc.array(notesPart, { maxLength: 2 }), heading: valid ? fc.constant('id') : fc.constantFrom('id', 'none', 'plain') });
  const file = fc.record({
    valid: fc.constant(valid),
    slides: fc.array(slide, { minLength: 1, maxLength: 3 }),
    title: fc.constantFrom(`标题 ${M}`, '标题'),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  });
  /** One fault: a construct left open (a block, a question, a formula, a fence, a comment), or one that is refused. */
  const fault = fc.oneof(
    fc.oneof(block, anyQuiz).map((p): Piece => ({ lines: p.lines.filter((l) => l !== ':::') })),
    openThenBlock,
    fc.array(formula, { minLength: 1, maxLength: 2 }).map((body): Piece => ({ lines: ['$$', ...body] })),
    fence,
    badHtml,
    fc.array(badInline, { minLength: 1, maxLength: 2 }).map((parts): Piece => ({ lines: [parts.join(' ')] })),
  );
  return { file, fault };
}
const valid = constructs(true);
const mixed = constructs(false);
/** A valid file with one fault put into one of its slides: what the compiler says is all there is to go by. */
const oneFault = fc.record({ base: valid.file, fault: mixed.fault, slide: fc.nat(), at: fc.nat() }).map(({ base, fault, slide, at }) => {
  const target = slide % base.slides.length;
  const slides = base.slides.map((s, i) => {
    if (i !== target) return s;
    const pieces = [...s.pieces];
    pieces.splice(at % (pieces.length + 1), 0, fault);
    return { ...s, pieces };
  });
  return { ...base, valid: false, slides };
});
const file = fc.oneof(valid.file, { weight: 2, arbitrary: oneFault }, mixed.file);

/** One generated section file: its text, and for each line that carries a marker, the marker and the lines of its construct. */
interface Generated {
  text: string;
  lines: string[];
  marked: { marker: string; line: number; constructs: [number, number][] }[];
  titleMarker: string | null;
}

type FileSpec = typeof valid.file extends fc.Arbitrary<infer T> ? T : never;

function assemble(f: FileSpec): Generated {
  const lines: string[] = [];
  const spans: [number, number][] = [];
  let n = 0;
  const fill = (template: string): string => template.replaceAll(M, () => `zq${++n}q`);
  const titleLine = fill(`title: ${f.title}`);
  lines.push('---', 'id: s', titleLine, '---', '');
  const add = (templates: readonly string[]): void => {
    const start = lines.length + 1;
    for (const t of templates) lines.push(fill(t));
    spans.push([start, lines.length]);
    lines.push('');
  };
  f.slides.forEach((s, i) => {
    if (i > 0) lines.push('---', '');
    add([i === 0 ? `# ${M}` : s.heading === 'id' ? `## ${M} {#fz-${i}}` : s.heading === 'plain' ? `## ${M}` : M]);
    for (const p of s.pieces) add(p.lines);
    for (const [marker, pieces] of s.notes) {
      // A notes part is one construct too: an error at its marker (a step the slide lacks) names what it holds.
      const start = lines.length + 1;
      add([marker]);
      for (const p of pieces) add(p.lines);
      spans.push([start, lines.length]);
    }
  });
  const marked: Generated['marked'] = [];
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/zq\d+q/g)) {
      marked.push({ marker: m[0], line: i + 1, constructs: spans.filter(([a, b]) => a <= i + 1 && i + 1 <= b) });
    }
  });
  const eol = f.crlf ? '\r\n' : '\n';
  return { text: (f.bom ? '\uFEFF' : '') + lines.join(eol) + eol, lines, marked, titleMarker: /zq\d+q/.exec(titleLine)?.[0] ?? null };
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** What in a rendered slide could run or load something: script-like elements, handlers, scripted or foreign URLs (a question's `<form>` is the compiler's own, and posts nowhere). */
function unsafe(htmlText: string): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const el = node as Element;
      if (['script', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'style', 'svg'].includes(el.tagName) && !insideKatexOrDiagram(el)) found.push(`<${el.tagName}>`);
      for (const { name, value } of el.attrs) {
        if (/^on/i.test(name)) found.push(`${name}= on <${el.tagName}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data'].includes(name)) {
          const v = value.trim().toLowerCase();
          const local = v.startsWith('#') || v.startsWith('/assets/') || /^(\.\/)?[\w-]+\.html(#|$)/.test(v);
          if (!local) found.push(`${name}="${value}" on <${el.tagName}>`);
        }
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node) visit((node as unknown as { content: Node }).content);
  };
  visit(parseFragment(htmlText) as unknown as Node);
  return found;
}

/** KaTeX draws some formulas with an inline `<svg>` (no script, no URL): that is the compiler's own markup. */
function insideKatexOrDiagram(el: Element): boolean {
  for (let n: Element | null = el; n; n = 'parentNode' in n ? (n.parentNode as Element | null) : null) {
    const cls = n.attrs?.find((a) => a.name === 'class')?.value ?? '';
    if (/\bkatex\b/.test(cls)) return true;
  }
  return false;
}

describe('the compiler on random section files (fast-check)', () => {
  it(`compiles or fails with placed [deck] errors, never throws, never lets a script or another host in, never loses an author's line (${RUNS} cases)`, () => {
    const md = createMarkdown();
    const started = { wall: performance.now(), cpu: process.cpuUsage() };
    let cases = 0;
    let failedWithErrors = 0;
    let lines = 0;
    fc.assert(
      fc.property(file, (f) => {
        cases++;
        const g = assemble(f);
        lines += g.lines.length;
        const deck = deckContext();
        const parsed = parseSection(g.text, 'slides/50-fuzz.md', md, deck);
        const compiled = renderSection(parsed, md, true);
        // The constructs as the parser read them (a block takes in what it was given, e.g. up to the first `:::`).
        const read = parsed.tokens.filter((t) => t.map && t.nesting >= 0).map((t) => [t.map![0] + 1, t.map![1]] as const);
        // And each part of a slide as the parser cut it (its marker first): an error at a `Note 3:` names what it holds.
        const parts = new Map<string, [number, number]>();
        for (const t of parsed.tokens) {
          const place = placeOf(t);
          if (!place || !t.map) continue;
          const key = `${place.slide}:${place.part}`;
          const [a, b] = parts.get(key) ?? [t.map[0] + 1, t.map[1]];
          parts.set(key, [Math.min(a, t.map[0] + 1), Math.max(b, t.map[1])]);
        }
        // (A step's notes start at their marker, e.g. `Note 3:`.)
        parsed.section.slides.forEach((sl, i) => {
          for (const { step, line } of sl.stepNotes) {
            const span = parts.get(`${i}:step:${step}`);
            if (span) span[0] = Math.min(span[0], line);
          }
        });
        read.push(...parts.values());
        const errors = deck.sink.errors;
        if (errors.length) failedWithErrors++;
        // What keeps to the format compiles without an error.
        if (f.valid) expect(errors.map(formatContentError), g.text).toEqual([]);
        for (const e of errors) {
          expect(formatContentError(e)).toMatch(/^\[deck\] slides\/50-fuzz\.md:\d+ \S/);
          expect(e.line, formatContentError(e)).toBeGreaterThanOrEqual(1);
          expect(e.line, formatContentError(e)).toBeLessThanOrEqual(g.lines.length + 1);
        }
        const pages = compiled.slides.map((s) => s.body + s.notes).join('\n');
        expect(unsafe(pages)).toEqual([]);
        const shown = `${pages}\n${compiled.title}\n${compiled.short}`;
        const errorLines = new Set(errors.map((e) => e.line));
        // A block left open takes in what follows it (the error says so, at the block).
        const openFrom = Math.min(...errors.filter((e) => e.problem.includes('is not closed')).map((e) => e.line));
        const lost = g.marked.filter(({ marker, line, constructs }) => {
          if (shown.includes(marker)) return false;
          if (errorLines.has(line) || line > openFrom) return false;
          if (constructs.some(([a, b]) => errors.some((e) => a <= e.line && e.line <= b))) return false;
          return !read.some(([a, b]) => a <= line && line <= b && errorLines.has(a));
        });
        expect(lost.map(({ line }) => `${line}: ${g.lines[line - 1]}`), `errors:\n${errors.map(formatContentError).join('\n')}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const cpu = process.cpuUsage(started.cpu);
    const seconds = (n: number): string => `${(n / 1000).toFixed(1)} s`;
    console.log(`fuzz: ${cases} cases (${RUNS} asked, seed ${SEED}), ${lines} lines in all; ${cases - failedWithErrors} compiled clean, ${failedWithErrors} failed with [deck] errors; ${seconds(performance.now() - started.wall)} (${seconds((cpu.user + cpu.system) / 1000)} of CPU)`);
    expect(cases).toBeGreaterThanOrEqual(RUNS);
  }, Math.max(120_000, RUNS * 100));
});

describe('a long paragraph of `$`', () => {
  it('compiles 40,000 `$a ` (which close nothing) in linear time, not quadratic (it took 33 s)', () => {
    const started = performance.now();
    const { html, errors } = render(`${'$a '.repeat(40_000)}\n`);
    const ms = performance.now() - started;
    expect(errors).toEqual([]);
    expect(html).not.toContain('katex');
    // Linear: well under a second on a laptop; the quadratic scan needed half a minute.
    expect(ms).toBeLessThan(5_000);
  });
});

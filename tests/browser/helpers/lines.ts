import type { Page } from 'playwright-core';

/** What the line check found in one part of a page. */
export interface LineReport {
  /** Lines measured (of blocks with any text). */
  lines: number;
  /** One entry per line that breaks a rule: where, which rule, and the line's text. */
  violations: string[];
}

/**
 * Measures every line of text under each element `selector` matches, as Chromium laid it out:
 * the box of each character (`Range.getClientRects()`), characters grouped into lines per block
 * (a new line starts where a character sits left of and below the one before it). A line
 * breaks the rules of Chinese typesetting when it
 * - starts with a closing punctuation mark (，。、；：？！）」』” …) or ends with an opening one (（「『“ …);
 * - holds a single CJK character and nothing else but punctuation, in a block of several lines;
 * - holds nothing but a citation marker (`[3]`);
 * - ends inside a number that the next line finishes (142.|2, 20.9|%);
 * and a citation must not be followed by a space before the punctuation after it.
 * Formulas (KaTeX), diagrams (SVG), speaker notes and whatever is not shown are left out.
 */
export function checkLines(page: Page, selector: string): Promise<LineReport> {
  return page.evaluate(
    (selector) => {
      const CLOSING = '，。、；：？！）」』”’》〉】〕,.;:?!)';
      const OPENING = '（「『“‘《〈【〔';
      const han = /\p{Script=Han}/u;
      const labelOf = (el: Element): string => el.closest('article[id], section[id]')?.id ?? el.localName;
      const SKIP = 'aside.notes, .katex, .katex-display, svg, script, style, [hidden], [aria-hidden="true"], .deck-visually-hidden, .deck-skip-link';
      const blockOf = (el: Element): Element => {
        for (let e: Element | null = el; e; e = e.parentElement) {
          const d = getComputedStyle(e).display;
          if (d !== 'inline' && d !== 'inline-block' && d !== 'contents' && d !== 'inline-flex') return e;
        }
        return document.body;
      };
      type Char = { ch: string; left: number; top: number; right: number; cite: boolean; spaced?: boolean };
      let lines = 0;
      const violations: string[] = [];
      for (const root of document.querySelectorAll(selector)) {
        const blocks = new Map<Element, Char[]>();
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // An inline formula is one unit of its line; a display formula is a block of its own (left out).
          if (node instanceof Element) {
            if (!node.matches('.katex') || node.closest('.katex-display, [hidden]') || !node.checkVisibility()) continue;
            const r = [...node.getClientRects()].find((b) => b.width > 0);
            const block = blockOf(node);
            if (r) blocks.set(block, [...(blocks.get(block) ?? []), { ch: '$', left: r.left, top: r.top, right: r.right, cite: false }]);
            continue;
          }
          const text = node as Text;
          const el = text.parentElement;
          if (!el || el.closest(SKIP) || !text.data.trim()) continue;
          if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
          const block = blockOf(el);
          const chars = blocks.get(block) ?? [];
          blocks.set(block, chars);
          const cite = el.closest('sup.deck-cite') !== null;
          const range = document.createRange();
          let spaced = false;
          for (let i = 0; i < text.data.length; ) {
            const ch = String.fromCodePoint(text.data.codePointAt(i)!);
            range.setStart(text, i);
            range.setEnd(text, i + ch.length);
            i += ch.length;
            const r = [...range.getClientRects()].find((b) => b.width > 0);
            if (!ch.trim()) spaced = true;
            if (!r || !ch.trim()) continue;
            chars.push({ ch, left: r.left, top: r.top, right: r.right, cite, spaced });
            spaced = false;
          }
          // The text just after a citation: no space before its punctuation.
          const sup = el.closest('sup.deck-cite');
          if (sup?.lastChild?.contains(text)) {
            const next = sup.nextSibling;
            if (next?.nodeType === Node.TEXT_NODE && /^\s+\p{P}/u.test(next.textContent ?? '')) violations.push(`${labelOf(sup)}: a space between a citation and its punctuation: “${text.data}${(next.textContent ?? '').slice(0, 6)}”`);
          }
        }
        for (const [block, chars] of blocks) {
          if (chars.length === 0) continue;
          const split: Char[][] = [[chars[0]!]];
          for (let k = 1; k < chars.length; k++) {
            const c = chars[k]!;
            const prev = chars[k - 1]!;
            if (c.left < prev.left - 1 && c.top > prev.top + 1) split.push([c]);
            else split.at(-1)!.push(c);
          }
          lines += split.length;
          for (const [n, line] of split.entries()) {
            const text = line.map((c) => c.ch).join('');
            const where = `${labelOf(block)}: “${text}”`;
            if (n > 0 && CLOSING.includes(line[0]!.ch)) violations.push(`${where} starts with ${line[0]!.ch}`);
            if (n < split.length - 1 && OPENING.includes(line.at(-1)!.ch)) violations.push(`${where} ends with ${line.at(-1)!.ch}`);
            const content = line.filter((c) => !c.cite && !/\p{P}/u.test(c.ch));
            if (split.length > 1 && content.length === 1 && han.test(content[0]!.ch)) violations.push(`${where} holds one character`);
            if (split.length > 1 && line.every((c) => c.cite)) violations.push(`${where} holds only a citation`);
            const next = split[n + 1];
            if (next && !next[0]!.spaced && /[\d.,]/.test(line.at(-1)!.ch) && /[\d%.]/.test(next[0]!.ch) && /\d/.test(line.at(-1)!.ch + next[0]!.ch)) violations.push(`${where} breaks the number ${line.slice(-3).map((c) => c.ch).join('')}|${next.slice(0, 3).map((c) => c.ch).join('')}`);
          }
        }
      }
      return { lines, violations };
    },
    selector,
  );
}

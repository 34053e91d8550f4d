import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Elements drawn bold by the browser's own styles or by the theme (headings via --r-heading-font-weight). */
export const BOLD_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'th', 'dt']);

// A declaration that makes text bold: 600 and up, bold, bolder, or a variable (the heading weight).
const BOLD = /(?:^|[;\s])font(?:-weight)?\s*:[^;]*(?:\b(?:[6-9]00|bold|bolder)\b|var\()/;

/**
 * The classes whose elements CSS sets bold, over the `.css` files under `dir`: the classes of
 * each bold rule's subject (`.a .b` → b), or of its whole selector when the subject has none
 * (`.a p` → a). Generous on purpose: a class taken for bold only costs bytes.
 */
export function boldClasses(root: string, dir: string): Set<string> {
  const classes = new Set<string>();
  const abs = join(root, dir);
  if (!existsSync(abs)) return classes;
  for (const name of (readdirSync(abs, { recursive: true }) as string[]).filter((f) => f.endsWith('.css'))) {
    const css = readFileSync(join(abs, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    // Innermost rules only: `@media … {` never reaches a `{…}` without braces inside.
    for (const [, selector = '', body = ''] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      if (BOLD.test(body)) for (const one of selector.split(',')) subjectClasses(one).forEach((c) => classes.add(c));
    }
  }
  return classes;
}

function subjectClasses(selector: string): string[] {
  const classesOf = (text: string): string[] => [...text.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!);
  const subject = selector.trim().split(/\s*[\s>+~]\s*/).at(-1) ?? '';
  if (subject.includes('::marker')) return []; // list numbers and bullets, not text
  const own = classesOf(subject);
  if (own.length) return own;
  const tag = /^[a-z][\w-]*/i.exec(subject)?.[0].toLowerCase() ?? '';
  return BOLD_TAGS.has(tag) ? [] : classesOf(selector);
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss, { type Rule } from 'postcss';
import selectorParser from 'postcss-selector-parser';

/** Elements drawn bold by the browser's own styles or by the theme (headings via --r-heading-font-weight). */
export const BOLD_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'th', 'dt']);

/** True for a declaration that makes text bold: 600 and up, bold, bolder, or a variable (the heading weight). */
function setsBold(prop: string, value: string): boolean {
  if (prop !== 'font-weight' && prop !== 'font') return false;
  const words = value.toLowerCase().split(/[\s,/]+/);
  return words.some((w) => w === 'bold' || w === 'bolder' || w.startsWith('var(') || (/^\d{3}$/.test(w) && Number(w) >= 600));
}

/** Where the deck's stylesheets are, from the project root. */
export const DECK_CSS_DIR = 'src/deck';

/** The deck's stylesheets under `dir`, parsed (postcss), in file order. */
function stylesheets(root: string, dir: string): postcss.Root[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return (readdirSync(abs, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.css'))
    .sort()
    .map((name) => postcss.parse(readFileSync(join(abs, name), 'utf8')));
}

/** The text the stylesheets under `dir` draw themselves (`content: '▶'`), for the font subset. */
export function cssContentText(root: string, dir: string): string[] {
  const texts: string[] = [];
  for (const sheet of stylesheets(root, dir)) {
    sheet.walkDecls('content', (decl) => {
      // The value's strings: what is between a pair of quotes of one kind.
      let quote = '';
      let text = '';
      for (const c of decl.value) {
        if (!quote && (c === '"' || c === "'")) quote = c;
        else if (c === quote) {
          texts.push(text);
          quote = '';
          text = '';
        } else if (quote) text += c;
      }
    });
  }
  return texts;
}

/**
 * The classes whose elements CSS sets bold, over the `.css` files under `dir`, read with
 * postcss: the classes of each bold rule's subject (`.a .b` → b), or of its whole selector when
 * the subject has none (`.a p` → a). Generous on purpose: a class taken for bold only costs bytes.
 */
export function boldClasses(root: string, dir: string): Set<string> {
  const classes = new Set<string>();
  for (const sheet of stylesheets(root, dir)) {
    sheet.walkRules((rule: Rule) => {
      if (!rule.nodes.some((d) => d.type === 'decl' && setsBold(d.prop, d.value))) return;
      selectorParser((selectors) => {
        selectors.each((selector) => subjectClasses(selector).forEach((c) => classes.add(c)));
      }).processSync(rule.selector);
    });
  }
  return classes;
}

/** The classes of a selector's subject (its last compound), or of the whole selector when the subject names an element that is not bold anyway. */
function subjectClasses(selector: selectorParser.Selector): string[] {
  const nodes = selector.nodes;
  const lastCombinator = nodes.findLastIndex((n) => n.type === 'combinator');
  const subject = nodes.slice(lastCombinator + 1);
  if (subject.some((n) => n.type === 'pseudo' && n.value === '::marker')) return []; // list numbers and bullets, not text
  const classesOf = (part: readonly selectorParser.Node[]): string[] => part.filter((n) => n.type === 'class').map((n) => n.value!);
  const own = classesOf(subject);
  if (own.length) return own;
  const tag = subject.find((n) => n.type === 'tag')?.value?.toLowerCase() ?? '';
  return BOLD_TAGS.has(tag) ? [] : classesOf(nodes);
}

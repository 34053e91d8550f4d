import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DECK = join(import.meta.dirname, '../../../src/deck');

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
}

/**
 * A character the browser code may not write itself: CJK (U+3000–U+303F punctuation,
 * U+3400–U+9FFF ideographs, U+FF00–U+FFEF full-width forms) or anything else outside printable
 * ASCII (arrows, ¶, superscripts, ⌘, ▶, …). Tabs and line breaks are layout, not shown.
 */
const SHOWN_NON_ASCII = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]|[^\x20-\x7e\t\n\r]/u;

/** `console.x(…)`: what it writes is for developers, in the browser's console, not for the reader. */
function isConsoleCall(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'console'
  );
}

/**
 * The text of a file's string literals, template literal parts and JSX text (as the program
 * sees it: escapes such as `\u4e2d` decoded), as TypeScript's own parser reads them. Comments
 * are not strings; nor are regular expressions. Arguments of `console` calls are left out.
 */
export function literalTexts(code: string, fileName = 'x.ts'): { text: string; line: number }[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (isConsoleCall(node)) return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      found.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Literals that may keep a shown character for now, each with why (file relative to src/deck,
 * and the literal's text).
 */
const ALLOWED: readonly { file: string; text: string; why: string }[] = [];

/** The literals of src/deck that show a character of their own, as `file:line "text"`. */
function offenders(): string[] {
  return sources(DECK).flatMap((path) => {
    const file = relative(DECK, path).split('\\').join('/');
    return literalTexts(readFileSync(path, 'utf8'), path)
      .filter((l) => SHOWN_NON_ASCII.test(l.text))
      .filter((l) => !ALLOWED.some((a) => a.file === file && a.text === l.text))
      .map((l) => `${file}:${l.line} ${JSON.stringify(l.text)}`);
  });
}

describe('the browser code shows only the strings table (src/shared/ui-strings.ts)', () => {
  it('finds no string in src/deck/ with a CJK character or another shown character outside printable ASCII', () => {
    expect(offenders()).toEqual([]);
  });

  it('still needs every allowlist entry (a moved string leaves no stale exception behind)', () => {
    const all = sources(DECK).flatMap((path) => {
      const file = relative(DECK, path).split('\\').join('/');
      return literalTexts(readFileSync(path, 'utf8'), path).map((l) => `${file} ${l.text}`);
    });
    expect(ALLOWED.filter((a) => !all.includes(`${a.file} ${a.text}`))).toEqual([]);
  });

  it('sees strings, template parts, escapes and JSX text, but not comments, regular expressions, layout whitespace or console messages', () => {
    const code = [
      "const a = '图表';", // 1: CJK
      'const b = `第 ${n} 页`;', // 2: a template's head and tail
      "const c = 'next →';", // 3: an arrow
      "const d = '\\u4e2d';", // 4: 中, escaped
      '// 注释 → is a comment', // 5
      '/* ¶ 也是注释 */', // 6
      "const e = /[\\u2e80-\\u9fff]/.test(x) ? 'a\\tb\\n' : '';", // 7: a regex, ASCII with a tab and a line break
      "console.warn(`[deck] no paragraph ¶${n}`);", // 8: for developers
      'const f = `${a}${b}`;', // 9: empty parts
      "const g = '\\u00a0';", // 10: a no-break space is shown too
    ].join('\n');
    expect(literalTexts(code).filter((l) => SHOWN_NON_ASCII.test(l.text)).map((l) => l.line)).toEqual([1, 2, 2, 3, 4, 10]);
    const jsx = 'const h = <p>你好</p>;\nconst i = <p>hello</p>;';
    expect(literalTexts(jsx, 'x.tsx').filter((l) => SHOWN_NON_ASCII.test(l.text)).map((l) => l.line)).toEqual([1]);
  });
});

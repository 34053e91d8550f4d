import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');

/** Every TypeScript file under a folder. */
function sources(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
}

/**
 * The patterns of a file's regular expressions, as TypeScript's own scanner reads them: regex
 * literals, and the string given to `new RegExp(…)` / `RegExp(…)`.
 */
export function regexPatterns(code: string, fileName = 'x.ts'): { pattern: string; line: number }[] {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const found: { pattern: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    if (ts.isRegularExpressionLiteral(node)) found.push({ pattern: node.text.slice(1, node.text.lastIndexOf('/')), line });
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const first = node.arguments?.[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first) || ts.isTemplateExpression(first))) found.push({ pattern: first.getText(file), line });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A pattern that reads markup: `<` followed by a letter, `/` or `!` (an element, an end tag, a comment or doctype). */
const READS_MARKUP = /<\\?[a-zA-Z/!]/;

describe('markup is read by a parser, never by a regular expression', () => {
  it('finds no regular expression in src/ whose pattern opens a tag, an end tag or a comment', () => {
    const offenders = sources(SRC).flatMap((path) =>
      regexPatterns(readFileSync(path, 'utf8'), path)
        .filter((r) => READS_MARKUP.test(r.pattern))
        .map((r) => `${relative(SRC, path)}:${r.line} /${r.pattern}/`),
    );
    expect(offenders).toEqual([]);
  });

  it('sees a markup pattern in a regex literal and in new RegExp(), but not `<` escaped for output', () => {
    const code = "const a = /<section\\\\b/;\nconst b = new RegExp('</p>');\nconst c = html.replace(/</g, '&lt;');\nconst d = /a < b|<=/;";
    expect(regexPatterns(code).filter((r) => READS_MARKUP.test(r.pattern)).map((r) => r.line)).toEqual([1, 2]);
  });
});

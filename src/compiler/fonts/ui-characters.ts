import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';
import { firstLines, type Place } from './collect-characters.ts';

const SOURCE = /\.(ts|css)$/;

/**
 * The characters the deck's browser code writes into the page (menus, help, widgets), with
 * where each first appears; comments are left out, they are never shown.
 */
export function uiCharacters(root: string, dir: string): Map<string, Place> {
  const places = new Map<string, Place>();
  const abs = join(root, dir);
  if (!existsSync(abs)) return places;
  const files = (readdirSync(abs, { recursive: true }) as string[]).filter((f) => SOURCE.test(f)).sort();
  for (const name of files) {
    const path = join(abs, name);
    const file = relative(root, path).split('\\').join('/');
    const code = withoutComments(readFileSync(path, 'utf8'), path);
    for (const [char, line] of firstLines(code)) if (!places.has(char)) places.set(char, { file, line });
  }
  return places;
}

/** The source with its comments blanked out (newlines kept, so line numbers still match). */
function withoutComments(code: string, path: string): string {
  const blank = (text: string): string => text.replace(/[^\n]/g, ' ');
  if (path.endsWith('.css')) return code.replace(/\/\*[\s\S]*?\*\//g, blank);
  const { comments } = parseSync(path, code, { lang: 'ts' });
  let out = '';
  let pos = 0;
  for (const c of comments) {
    out += code.slice(pos, c.start) + blank(code.slice(c.start, c.end));
    pos = c.end;
  }
  return out + code.slice(pos);
}

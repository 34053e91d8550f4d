import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { MarkdownIt } from 'markdown-it';
import { fileLine, deckEnv } from './env.ts';

/** The folder images must be in, from the project root. */
export const IMAGE_DIR = 'assets';

/**
 * Images come from the project's `assets/` folder (a path from the project root, e.g.
 * `assets/figure.png`) and must have alt text. A path that leaves `assets/` (by `..`, an
 * absolute path or a symbolic link), another host, a backslash, or a missing file is a content
 * error: the build publishes what slides point to, so nothing else may be pointed to.
 */
export function images(md: MarkdownIt): void {
  const fallback = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, rawEnv, self) => {
    const env = deckEnv(rawEnv);
    const token = tokens[idx]!;
    const written = String(token.attrGet('src') ?? '');
    const line = fileLine(env, (token.meta as { line: number }).line);
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const problem = (text: string, fix: string): string => {
      env.deck.sink.add(env.file, line, text, fix);
      return `<span class="deck-error" role="alert">${md.utils.escapeHtml(alt || written)}</span>`;
    };
    if (!alt.trim()) env.deck.sink.add(env.file, line, `image \`${written}\` has no alt text`, 'Describe the image: `![what it shows](assets/…)`.');
    const found = imageFile(written, env.deck.root);
    if (found.problem === 'host') return problem(`image \`${written}\` is not in the project`, 'Copy it into assets/ and link it from there: the deck must work offline.');
    if (found.problem === 'backslash') return problem(`image path \`${written}\` has a backslash`, 'Write paths with `/`, e.g. `assets/figure.png`.');
    if (found.problem === 'outside') return problem(`image \`${written}\` is outside ${IMAGE_DIR}/`, `Put the file under ${IMAGE_DIR}/ and give its path from the project root, e.g. \`${IMAGE_DIR}/figure.png\`.`);
    if (found.problem === 'missing') return problem(`missing image \`${written}\``, `Put the file under ${IMAGE_DIR}/ and give its path from the project root, e.g. \`${IMAGE_DIR}/figure.png\`.`);
    token.attrSet('src', `/${encodeURI(found.path!)}`);
    token.attrSet('loading', 'lazy');
    return fallback(tokens, idx, options, env, self);
  };
}

/** Where an image path leads: its path from the root (with `/`), or why it may not be used. */
export function imageFile(written: string, root: string): { path: string; problem?: never } | { problem: 'host' | 'backslash' | 'outside' | 'missing'; path?: never } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) return { problem: 'host' };
  let path: string;
  try {
    // markdown-it percent-encodes the path (图表.png, my fig.png): the file has the decoded name.
    path = decodeURI(written);
  } catch {
    path = written;
  }
  if (path.includes('\\')) return { problem: 'backslash' };
  path = path.replace(/^\.?\//, '');
  const dir = resolve(root, IMAGE_DIR);
  const file = resolve(root, path);
  if (isAbsolute(path) || !inside(dir, file)) return { problem: 'outside' };
  if (!existsSync(file) || !statSync(file).isFile()) return { problem: 'missing' };
  // A link inside assets/ may point anywhere: what counts is where it leads.
  if (!inside(realpathSync(dir), realpathSync(file))) return { problem: 'outside' };
  return { path: relative(root, file).split(sep).join('/') };
}

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

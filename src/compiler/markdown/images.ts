import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MarkdownIt } from 'markdown-it';
import { fileLine, deckEnv } from './env.ts';

/**
 * Images come from the project (`assets/…`, a path from the project root) and must have alt
 * text; a missing file or a missing alt is a content error.
 */
export function images(md: MarkdownIt): void {
  const fallback = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, rawEnv, self) => {
    const env = deckEnv(rawEnv);
    const token = tokens[idx]!;
    const src = String(token.attrGet('src') ?? '');
    const line = fileLine(env, (token.meta as { line: number }).line);
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    if (!alt.trim()) env.sink.add(env.file, line, `image \`${src}\` has no alt text`, 'Describe the image: `![what it shows](assets/…)`.');
    if (/^[a-z]+:/i.test(src)) {
      env.sink.add(env.file, line, `image \`${src}\` is not in the project`, 'Copy it into assets/ and link it from there: the deck must work offline.');
    } else if (!existsSync(resolve(env.root, src.replace(/^\//, '')))) {
      env.sink.add(env.file, line, `missing image \`${src}\``, 'Put the file under assets/ and give its path from the project root, e.g. `assets/figure.png`.');
    } else {
      token.attrSet('src', `/${src.replace(/^\.?\//, '')}`);
    }
    token.attrSet('loading', 'lazy');
    return fallback(tokens, idx, options, env, self);
  };
}

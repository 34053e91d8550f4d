import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { deckError } from '../node/errors.ts';

/** What the built site is made from: if any of it is newer than dist/, dist/ is stale. */
export const BUILD_INPUTS = ['slides', 'assets', 'src/deck', 'src/compiler', 'src/node', 'src/shared', 'index.html', 'handout.html', 'notes.html', 'paper.html', 'vite.config.ts', 'package-lock.json'];

/** The pages the exporter prints; each must be in dist/. */
export const BUILT_PAGES = ['index.html', 'handout.html', 'notes.html'];

/** Newest modification time (ms) under the given paths (files or folders); 0 if none exist. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(path, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

/** True when every built page exists and is newer than every source of the build. */
export function isDistFresh(root: string, distDir: string): boolean {
  const pages = BUILT_PAGES.map((p) => join(distDir, p));
  if (!pages.every((p) => existsSync(p))) return false;
  const oldestPage = Math.min(...pages.map((p) => statSync(p).mtimeMs));
  return newestMtime(BUILD_INPUTS.map((p) => join(root, p))) < oldestPage;
}

/**
 * Makes sure `distDir` holds a build of the deck: `auto` builds when it is stale, `always`
 * builds, `never` only checks that the pages are there. Says which it did.
 */
export async function ensureBuilt(root: string, distDir: string, mode: 'auto' | 'always' | 'never'): Promise<'built' | 'fresh' | 'as-is'> {
  if (mode === 'never') {
    const missing = BUILT_PAGES.filter((p) => !existsSync(join(distDir, p)));
    if (missing.length) throw deckError(`${distDir} has no ${missing.join(', ')}: run without --no-build, or \`npm run build\` first`);
    return 'as-is';
  }
  if (mode === 'auto' && isDistFresh(root, distDir)) return 'fresh';
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
  return 'built';
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deckError } from '../node/errors.ts';
import type { Interrupts } from '../node/interrupt.ts';
import { freshFolder, removeStaleTemporaries } from './fresh-folder.ts';

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
 * builds, `never` only checks that the pages are there. Says which it did. A build goes into a
 * fresh folder that replaces `distDir` once it is complete: a build that fails or is interrupted
 * leaves the old `distDir` as it was, never half of a new one that looks fresh.
 */
export async function ensureBuilt(root: string, distDir: string, mode: 'auto' | 'always' | 'never', interrupts?: Interrupts): Promise<'built' | 'fresh' | 'as-is'> {
  if (mode === 'never') {
    const missing = BUILT_PAGES.filter((p) => !existsSync(join(distDir, p)));
    if (missing.length) throw deckError(`${distDir} has no ${missing.join(', ')}: run without --no-build, or \`npm run build\` first`);
    return 'as-is';
  }
  if (mode === 'auto' && isDistFresh(root, distDir)) return 'fresh';
  removeStaleTemporaries(dirname(distDir), basename(distDir));
  const fresh = freshFolder(distDir);
  try {
    await buildInChild(root, fresh.dir, interrupts);
  } catch (e) {
    fresh.discard();
    throw e;
  }
  fresh.commit();
  return 'built';
}

/**
 * The build, run by Vite's `build()` in a Node process of its own. In this one it would hold the
 * main thread for seconds at a time (the compiler's synchronous work), so Ctrl+C would wait for
 * it — and tsx, which runs the exporter, kills a process that does not take a signal at once
 * (SIGKILL: nothing cleaned up, the browser left running). The child's errors come back whole.
 */
function buildInChild(root: string, outDir: string, interrupts?: Interrupts): Promise<void> {
  const script = [
    `import { build } from ${JSON.stringify(import.meta.resolve('vite'))};`,
    'const [root, configFile, outDir] = process.argv.slice(1);',
    'try {',
    "  await build({ root, configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });",
    '  process.exit(0);',
    '} catch (e) {',
    '  process.send({ error: e instanceof Error ? e.message : String(e) }, () => process.exit(1));',
    '}',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, root, join(root, 'vite.config.ts'), outDir], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let error: string | null = null;
    child.on('message', (m: { error?: string }) => (error = m.error ?? error));
    const stop = interrupts?.onInterrupt(() => stopChild(child));
    child.once('error', (e) => {
      stop?.();
      reject(deckError(`could not start the build: ${e.message}`, e));
    });
    child.once('exit', (code, signal) => {
      stop?.();
      if (code === 0) resolve();
      else reject(error !== null ? new Error(error) : deckError(`the build of ${outDir} stopped (${signal ?? `exit code ${code}`})`));
    });
  });
}

/**
 * Ends the build: SIGINT, on which Playwright in it closes the browser that draws the diagrams
 * and exits (SIGTERM would only close the browser); SIGKILL if it is still there after 3 s.
 */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}

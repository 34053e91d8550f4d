import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createLogger, type Logger } from 'vite';
import { copyProject } from '../../../scripts/bench/build.ts';
import type { DeckPluginOptions } from '../../../src/compiler/vite-plugin.ts';
import { deckConfig } from '../../../vite.config.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** A copy of the project whose `slides/` is a fixture's (node_modules linked, its caches too). */
export function fixtureProject(slides: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'deck-fixture-'));
  copyProject(ROOT, dir, { caches: true });
  rmSync(join(dir, 'slides'), { recursive: true, force: true });
  cpSync(slides, join(dir, 'slides'), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a build of a fixture project printed (each line of Vite's log), and the error it failed with, if it did. */
export interface FixtureBuild {
  outDir: string;
  printed: string[];
  error: Error | null;
}

/** Builds a fixture project with the deck's own Vite config, into `<dir>/dist`, recording what it prints. */
export async function buildFixture(dir: string, deck: DeckPluginOptions = {}): Promise<FixtureBuild> {
  const printed: string[] = [];
  const logger: Logger = createLogger('info');
  for (const level of ['info', 'warn', 'warnOnce', 'error'] as const) logger[level] = (message: string) => void printed.push(...message.split('\n'));
  const config = deckConfig(dir, deck);
  const outDir = join(dir, 'dist');
  try {
    await build({ ...config, root: dir, configFile: false, customLogger: logger, build: { ...config.build, outDir, emptyOutDir: true } });
    return { outDir, printed, error: null };
  } catch (e) {
    return { outDir, printed, error: e as Error };
  }
}

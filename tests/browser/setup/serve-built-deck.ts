import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic, type StaticServer } from '../../../src/node/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built deck is served, e.g. `http://127.0.0.1:41234/`. */
    deckUrl: string;
    /** The folder the deck was built into (its pages, for checks on the files themselves). */
    deckDist: string;
    /** Where the one-file deck (`npm run bundle`) of this run goes; made by the first test that asks for it (oneFileDeck). */
    deckOneFile: string;
  }
}

let server: StaticServer | undefined;
let outDir: string | undefined;
let oneFileDir: string | undefined;

/**
 * Builds the deck once, into a folder of its own (so a test run never clobbers dist/ or another
 * run), and serves it on 127.0.0.1 for every browser test with the project's static server.
 */
export async function setup(project: TestProject): Promise<void> {
  outDir = mkdtempSync(join(tmpdir(), 'deck-test-dist-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await serveStatic({ root: outDir });
  project.provide('deckUrl', server.url);
  project.provide('deckDist', outDir);
  oneFileDir = mkdtempSync(join(tmpdir(), 'deck-test-one-file-'));
  project.provide('deckOneFile', join(oneFileDir, 'deck.html'));
}

export async function teardown(): Promise<void> {
  await server?.close();
  for (const dir of [outDir, oneFileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * The one-file deck of this test run, bundled by the first test file that asks (the tests that
 * open it and the HTML checker share one build; most runs need none). Call it from a test or hook.
 */
export async function oneFileDeck(): Promise<string> {
  const file = inject('deckOneFile');
  if (!existsSync(file)) {
    const { bundleDeck } = await import('../../../src/export/bundle.ts');
    // Written whole or not at all (bundleDeck renames it into place): a file that exists is complete.
    await bundleDeck(file);
  }
  return file;
}

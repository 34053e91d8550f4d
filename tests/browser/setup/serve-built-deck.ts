import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic, type StaticServer } from '../../../src/node/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built deck is served, e.g. `http://127.0.0.1:41234/`. */
    deckUrl: string;
    /** The folder the deck was built into (its pages, for checks on the files themselves). */
    deckDist: string;
  }
}

let server: StaticServer | undefined;
let outDir: string | undefined;

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
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

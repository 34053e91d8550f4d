import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built deck is served, e.g. `http://127.0.0.1:41234/`. */
    deckUrl: string;
    /** The folder the deck was built into (its pages, for checks on the files themselves). */
    deckDist: string;
  }
}

let server: PreviewServer | undefined;
let outDir: string | undefined;

/**
 * Builds the deck once, into a folder of its own (so a test run never clobbers dist/ or another
 * run), and serves it on 127.0.0.1 for every browser test.
 */
export async function setup(project: TestProject): Promise<void> {
  outDir = mkdtempSync(join(tmpdir(), 'deck-test-dist-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('[deck] the preview server did not report its URL');
  project.provide('deckUrl', url);
  project.provide('deckDist', outDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

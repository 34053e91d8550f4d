import { mkdirSync, renameSync, rmSync, writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { deckError } from '../node/errors.ts';
import { requireBrowser } from '../node/chromium.ts';
import { katexWoff2Only } from '../compiler/katex-woff2.ts';
import { deckPlugin } from '../compiler/vite-plugin.ts';
import { withContentPolicy } from '../compiler/html/content-policy.ts';
import { cleanOneFileHtml } from './one-file-html.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `npm run bundle`: the whole deck as one self-contained file, `out/deck.html`, that opens by
 * double-click from a USB stick with no server and no network. Scripts, styles, fonts and the
 * diagrams (drawn at build time: the file carries no Mermaid) are inlined; the page is valid HTML
 * like the built ones (cleanOneFileHtml).
 */
export async function bundleDeck(outFile = join(ROOT, 'out/deck.html')): Promise<void> {
  // Without Chromium the diagrams would be left to Mermaid in the page, which the file does not carry.
  requireBrowser();
  const outDir = mkdtempSync(join(tmpdir(), 'deck-bundle-'));
  try {
    await build({
      configFile: false,
      root: ROOT,
      base: './',
      logLevel: 'warn',
      define: { 'import.meta.env.VITE_DECK_ONE_FILE': JSON.stringify('true') },
      plugins: [deckPlugin({ inlineFonts: true, paperLinks: 'view' }), katexWoff2Only(), viteSingleFile({ removeViteModuleLoader: true })],
      resolve: { alias: { mermaid: join(ROOT, 'src/deck/no-mermaid.ts') } },
      build: { outDir, emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(ROOT, 'index.html') } },
    });
    // What the inliner leaves invalid (attributes of the replaced links, U+FFFF in a script), fixed through a parser.
    // Its scripts are inline now: the policy allows exactly them, by their hashes.
    const html = Buffer.from(withContentPolicy(cleanOneFileHtml(readFileSync(join(outDir, 'index.html'), 'utf8'))), 'utf8');
    mkdirSync(dirname(outFile), { recursive: true });
    const partial = `${outFile}.tmp-${process.pid}`;
    try {
      writeFileSync(partial, html);
      renameSync(partial, outFile);
    } catch (e) {
      rmSync(partial, { force: true });
      throw deckError(`could not write ${outFile}: ${(e as Error).message}`, e);
    }
    console.log(`[deck] wrote ${outFile} (${(html.length / 1024 / 1024).toFixed(2)} MB): open it in a browser, no server needed`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  bundleDeck(process.argv[2] ? resolve(process.argv[2]) : undefined).catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MERMAID_CONFIG } from '../../shared/mermaid-config.ts';
import { findBrowser, launchBrowser } from '../../node/chromium.ts';

/** A drawn diagram, or why Mermaid refused it (`line` is 1-based in the diagram source, when known). */
export type DiagramResult = { svg: string } | { error: string; line: number | null };

const require = createRequire(import.meta.url);
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

/**
 * Draws Mermaid diagrams to SVG in a headless Chromium, so the deck shows finished SVGs at
 * first paint (no Mermaid in the page, nothing measured in a hidden slide). Results are cached
 * by source, config and Mermaid version. Returns null when there is no Chromium.
 */
export async function renderDiagramsInChromium(
  diagrams: readonly { id: string; source: string }[],
  options: { cacheDir: string; fontCss: string; fontKey?: string },
): Promise<DiagramResult[] | null> {
  // fontKey (when given) names the fonts' glyphs, so a subset that merely gains characters keeps the cache.
  const fontKey = options.fontKey ?? options.fontCss;
  const keyOf = (d: { id: string; source: string }): string =>
    createHash('sha256').update(JSON.stringify([MERMAID_VERSION, MERMAID_CONFIG, fontKey, d.id, d.source])).digest('hex').slice(0, 32);
  const results: (DiagramResult | null)[] = diagrams.map((d) => {
    const file = join(options.cacheDir, `${keyOf(d)}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DiagramResult) : null;
  });
  const todo = diagrams.map((d, i) => ({ ...d, i })).filter(({ i }) => results[i] === null);
  if (todo.length === 0) return results as DiagramResult[];
  if (!findBrowser()) return null;

  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${options.fontCss}</style></head><body></body></html>`);
    await page.addScriptTag({ path: MERMAID_BUNDLE });
    const drawn = await page.evaluate(async ({ items, config }) => {
      const mermaid = (window as unknown as { mermaid: { initialize(c: unknown): void; render(id: string, src: string): Promise<{ svg: string }> } }).mermaid;
      // A face loads only once text uses it: load them all first, or labels are measured in a fallback font.
      await Promise.all([...document.fonts].map((f) => f.load()));
      await document.fonts.ready;
      mermaid.initialize(config);
      const out: ({ svg: string } | { error: string })[] = [];
      for (const item of items) {
        try {
          out.push({ svg: (await mermaid.render(item.id, item.source)).svg });
        } catch (e) {
          out.push({ error: e instanceof Error ? e.message : String(e) });
        }
      }
      return out;
    }, { items: todo.map(({ id, source }) => ({ id, source })), config: MERMAID_CONFIG });
    mkdirSync(options.cacheDir, { recursive: true });
    drawn.forEach((d, k) => {
      const { i } = todo[k]!;
      const result: DiagramResult = 'svg' in d ? d : { error: firstLine(d.error), line: errorLine(d.error) };
      results[i] = result;
      if ('svg' in result) writeFileSync(join(options.cacheDir, `${keyOf(diagrams[i]!)}.json`), JSON.stringify(result));
    });
  } finally {
    await browser.close();
  }
  return results as DiagramResult[];
}

function errorLine(message: string): number | null {
  const m = /on line (\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}

function firstLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  // Mermaid's parse errors read "Parse error on line 3:", a source excerpt, then "Expecting …".
  const expecting = lines.find((l) => l.startsWith('Expecting') || l.startsWith('Lexical error'));
  return [lines[0], expecting].filter(Boolean).join(' ').replace(/\s+/g, ' ').slice(0, 300);
}

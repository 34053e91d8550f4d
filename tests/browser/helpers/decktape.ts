import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CHROMIUM_ARGS, requireBrowser } from '../../../src/node/chromium.ts';

/** How a DeckTape run is made. */
export interface DeckTapeOptions {
  /** DeckTape's `--slides` range (1-based slide indexes, e.g. `1-3,7`); every slide if absent. */
  slides?: string;
  /** Viewport and page size in CSS pixels (DeckTape's `--size`). */
  size?: { width: number; height: number };
  /** DeckTape's `--pause` before each slide is printed, in ms (its default is 1000). */
  pause?: number;
}

/** What DeckTape printed: its log, to show when something fails. */
export interface DeckTapeResult {
  log: string;
}

const require = createRequire(import.meta.url);

/** The DeckTape script of the project's devDependency (its `bin`). */
function deckTapeBin(): string {
  const pkgPath = require.resolve('decktape/package.json');
  const { bin } = require(pkgPath) as { bin: Record<string, string> };
  return join(dirname(pkgPath), bin.decktape ?? 'decktape.js');
}

/**
 * Runs `decktape reveal` on `url` as a user would, into `pdf`: the system Chromium (the one our
 * finder returns) with the same flags as every other browser of ours, and never a download.
 */
export function runDeckTape(url: string, pdf: string, options: DeckTapeOptions = {}): Promise<DeckTapeResult> {
  const chrome = requireBrowser().path;
  const { width, height } = options.size ?? { width: 1280, height: 720 };
  const args = [
    deckTapeBin(),
    'reveal',
    '--chrome-path', chrome,
    ...CHROMIUM_ARGS.map((a) => `--chrome-arg=${a}`),
    '--size', `${width}x${height}`,
    ...(options.pause === undefined ? [] : ['--pause', String(options.pause)]),
    ...(options.slides ? ['--slides', options.slides] : []),
    url,
    pdf,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, maxBuffer: 16 * 1024 * 1024, timeout: 15 * 60_000 },
      (error, stdout, stderr) => {
        const log = `${stdout}${stderr}`;
        if (error) reject(new Error(`[deck] decktape failed: ${error.message}\n${log.slice(-4000)}`));
        else resolve({ log });
      },
    );
  });
}

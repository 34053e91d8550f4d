import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireBrowser } from '../../src/node/chromium.ts';
import { deckUrl } from './helpers/deck-page.ts';

/*
 * The project's .pa11yci, run with pa11y-ci as a user runs it, on the deck the browser project
 * built and serves: the same pages and options, the test server's address instead of
 * `npx vite preview`'s, and the Chromium our finder returns. It runs axe on pages that
 * tests/browser/a11y.test.ts already checks with axe, so it is a client check for
 * `npm run verify` (`npm run test:pa11y`), not part of `npm test`'s time.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Pa11yConfig {
  defaults: { chromeLaunchConfig: { executablePath: string } } & Record<string, unknown>;
  urls: string[];
}
interface Pa11yReport {
  total: number;
  passes: number;
  errors: number;
  results: Record<string, { type?: string; code?: string; selector?: string; message?: string }[]>;
}

const dir = mkdtempSync(join(tmpdir(), 'deck-pa11y-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.env.DECK_PA11Y === '1')('pa11y-ci with the project’s .pa11yci', () => {
  it('passes on the built deck: the first slide, the study view and both printable pages', { timeout: 600_000 }, async () => {
    const config = JSON.parse(readFileSync(join(ROOT, '.pa11yci'), 'utf8')) as Pa11yConfig;
    config.defaults.chromeLaunchConfig.executablePath = requireBrowser().path;
    config.urls = config.urls.map((u) => {
      const url = new URL(u);
      return new URL(`${url.pathname.slice(1)}${url.search}`, deckUrl()).href;
    });
    expect(config.urls.length).toBeGreaterThanOrEqual(4);
    const file = join(dir, 'pa11yci.json');
    writeFileSync(file, JSON.stringify(config));

    const pkg = require.resolve('pa11y-ci/package.json');
    const bin = join(dirname(pkg), (require(pkg) as { bin: Record<string, string> }).bin['pa11y-ci']!);
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile(process.execPath, [bin, '--config', file, '--json'], { cwd: dir, env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, out) => {
        done({ code: error ? Number(error.code ?? 1) : 0, stdout: out });
      });
    });
    const report = JSON.parse(stdout) as Pa11yReport;
    const errors = Object.entries(report.results).flatMap(([url, issues]) =>
      // A page that failed to load is listed as a bare { message }.
      issues.filter((i) => i.type === undefined || i.type === 'error').map((i) => `${url}: ${i.code ?? ''} ${i.selector ?? ''} ${i.message ?? ''}`),
    );
    expect(errors).toEqual([]);
    expect(report).toMatchObject({ total: config.urls.length, passes: config.urls.length, errors: 0 });
    expect(code).toBe(0);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { allSlides, type DeckManifest } from '../../src/shared/deck-model.ts';
import { UI } from '../../src/shared/ui-strings.ts';
import { deckUrl, launch, pageManifest, type RevealWindow } from './helpers/deck-page.ts';

/**
 * The built deck on the static hosts people use, as they use them: at the root, in a sub-folder
 * (`/sub/`) and at the sub-folder's address without its slash (`/sub`); then the request for the
 * rest of the deck (assets/slides-<hash>.html) routed to a 404, aborted, and answered 200 with
 * another page. Each time the deck is whole (every slide of its default plan), or its first
 * screen says that it is not and how to fix it. One build (the browser project's) is copied to
 * the root of a folder and to its `sub/`; the hosts start side by side, and each host's three
 * addresses are opened by one reader in turn (a deck load is the cost of this file).
 */

const SERVE = join(import.meta.dirname, '../../node_modules/serve/build/main.js');

interface Host {
  name: string;
  url: string;
  close(): Promise<void>;
}

let site: string;
let browser: Browser;
let hosts: Host[] = [];
let manifest: DeckManifest;

/** A free TCP port on 127.0.0.1 (for the hosts that take a port, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A host run as its own program (python3, serve), ready once it answers. */
async function program(name: string, command: string, args: (port: number) => string[]): Promise<Host> {
  const port = await freePort();
  const child: ChildProcess = spawn(command, args(port), { cwd: site, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    const up = await fetch(url, { redirect: 'manual' }).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`${name} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** `npm run preview`: Vite's preview server (its defaults, as the project's config leaves them). */
async function vitePreview(): Promise<Host> {
  const server: PreviewServer = await preview({
    configFile: false,
    root: site,
    logLevel: 'silent',
    build: { outDir: site },
    preview: { host: '127.0.0.1', port: await freePort(), strictPort: true, open: false },
  });
  return { name: 'vite preview', url: server.resolvedUrls!.local[0]!, close: () => server.close() };
}

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'deck-hosts-'));
  cpSync(inject('deckDist'), site, { recursive: true });
  cpSync(inject('deckDist'), join(site, 'sub'), { recursive: true });
  const starting: Promise<Host>[] = [
    vitePreview(),
    program('npx serve', process.execPath, (port) => [SERVE, '--no-clipboard', '--no-request-logging', '--no-port-switching', '-l', `tcp://127.0.0.1:${port}`, site]),
    program('npx serve -s', process.execPath, (port) => [SERVE, '-s', '--no-clipboard', '--no-request-logging', '--no-port-switching', '-l', `tcp://127.0.0.1:${port}`, site]),
    // Debian's python3 (.ci/run installs it where it is missing).
    program('python3 -m http.server', 'python3', (port) => ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site]),
  ];
  const started = await Promise.allSettled([...starting, launch()]);
  hosts = started.slice(0, -1).flatMap((s) => (s.status === 'fulfilled' ? [s.value as Host] : []));
  const last = started.at(-1)!;
  if (last.status === 'fulfilled') browser = last.value as Browser;
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(hosts.map((h) => h.close()));
  if (site) rmSync(site, { recursive: true, force: true });
});

/** What a reader sees: the whole deck, the deck saying on its first screen that it is not whole, or neither. */
type Outcome = 'whole' | 'error shown' | `broken: ${string}`;

/** A reader's browser: nothing remembered from another host or case. */
function freshContext(): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 720 } });
}

/** Opens a URL in a new page of `context`, with the rest request optionally routed, and says what the reader gets. */
async function outcome(context: BrowserContext, url: string, routeRest?: (route: Route, attempt: number) => Promise<void>): Promise<{ outcome: Outcome; page: Page }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  if (routeRest) {
    let attempt = 0;
    await page.route(/\/assets\/slides-[0-9a-f]+\.(html|txt)$/, (route) => routeRest(route, attempt++));
  }
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.deckReady === 'true', undefined, { timeout: 30_000 });
  } catch (e) {
    return { outcome: `broken: never ready at ${page.url()} (${String(e).split('\n')[0]}) ${pageErrors.join(' ')}`, page };
  }
  const seen = await page.evaluate(() => {
    const error = document.getElementById('deck-load-error');
    const box = error?.getBoundingClientRect();
    const onScreen = !!box && box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth + 1 && box.bottom <= innerHeight + 1;
    return {
      ids: (window as unknown as RevealWindow).Reveal?.getSlides().map((s) => s.id) ?? [],
      error: error ? { onScreen, text: error.innerText } : null,
    };
  });
  if (seen.error) {
    const says = seen.error.text.includes(UI.restLoad.title) && seen.error.text.includes(UI.restLoad.fix);
    return { outcome: seen.error.onScreen && says ? 'error shown' : `broken: the error is ${seen.error.onScreen ? 'shown without its words' : 'not on screen'}`, page };
  }
  manifest ??= await pageManifest(page);
  const planned = allSlides(manifest, manifest.meta.defaultPlan).map((s) => s.id);
  const same = seen.ids.length === planned.length && seen.ids.every((id, i) => id === planned[i]);
  return { outcome: same ? 'whole' : `broken: ${seen.ids.length} of ${planned.length} slides`, page };
}

/** Runs the checks a few at a time (two cores: the browser and the hosts share them). */
async function inTurns<T, R>(items: readonly T[], run: (item: T) => Promise<R>, width = 3): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!);
    }
  }));
  return results;
}

describe('the built deck on every common static host', () => {
  it('is whole at the root, in a sub-folder, and at the sub-folder without its trailing slash, on each host', async () => {
    const paths = ['', 'sub/', 'sub'];
    // One reader per host, opening its three addresses in turn (the sub-folder's files come from its cache the second time).
    const results = (
      await inTurns(hosts, async (host) => {
        const context = await freshContext();
        const seen: string[] = [];
        for (const path of paths) {
          const { outcome: o, page } = await outcome(context, new URL(path, host.url).href);
          seen.push(`${host.name} /${path} → ${o}`);
          await page.close();
        }
        await context.close();
        return seen;
      })
    ).flat();
    console.log(`static hosts:\n  ${results.join('\n  ')}`);
    expect(results).toEqual(hosts.flatMap((host) => paths.map((path) => `${host.name} /${path} → whole`)));
  }, 240_000);

  it('is whole when the rest of the deck is refused once, or its .html address answers 404 or another page; says so on its first screen, in the slides and the study view, when every try fails', async () => {
    const other = '<!doctype html><html><head><title>Sign in</title></head><body><p>Please sign in</p></body></html>';
    // Every way a host can fail, one after another: the deck tries each address twice.
    const everyFault = [
      (r: Route) => r.abort('failed'),
      (r: Route) => r.fulfill({ status: 404, body: 'not found' }),
      (r: Route) => r.fulfill({ status: 200, contentType: 'text/html', body: other }),
    ];
    const faults: { name: string; path: string; expected: Outcome; route: (route: Route, attempt: number) => Promise<void> }[] = [
      { name: 'aborted once', path: '', expected: 'whole', route: (r, n) => (n === 0 ? r.abort('connectionreset') : r.continue()) },
      { name: '.html → 404 (the .txt copy answers)', path: '', expected: 'whole', route: (r) => (r.request().url().endsWith('.html') ? r.fulfill({ status: 404, body: 'not found' }) : r.continue()) },
      { name: '.html → 200 with index.html (an SPA rewrite)', path: '', expected: 'whole', route: async (r) => (r.request().url().endsWith('.html') ? r.fulfill({ status: 200, contentType: 'text/html', body: await (await fetch(deckUrl())).text() }) : r.continue()) },
      { name: 'every try aborted, 404 or another page', path: '', expected: 'error shown', route: (r, n) => everyFault[n % everyFault.length]!(r) },
      { name: 'the study view, every try aborted', path: '?view=scroll', expected: 'error shown', route: (r) => r.abort('failed') },
    ];
    const results = await inTurns(faults, async (f) => {
      const context = await freshContext();
      const { outcome: o, page } = await outcome(context, new URL(f.path, deckUrl()).href, f.route);
      // The study view offers to try again.
      const retry = f.path ? await page.getByRole('button', { name: UI.restLoad.retry }).isVisible() : true;
      await context.close();
      return `${f.name} → ${o}${retry ? '' : ' (no retry button)'}`;
    });
    console.log(`the rest of the deck:\n  ${results.join('\n  ')}`);
    expect(results).toEqual(faults.map((f) => `${f.name} → ${f.expected}`));
  }, 120_000);
});

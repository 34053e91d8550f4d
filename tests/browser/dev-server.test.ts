import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './helpers/deck-page.ts';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;
let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  // A copy of the project with one broken slide added, so the real slides/ stay untouched.
  dir = mkdtempSync(join(tmpdir(), 'deck-dev-'));
  for (const entry of ['index.html', 'vite.config.ts', 'package.json', 'slides', 'src', 'assets']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'slides/90-broken.md'), '---\nid: broken\ntitle: 坏页\n---\n\n# 坏页\n\n公式 $\\frac{1}{$ 与引用 [@99]\n');
  server = await createServer({ root: dir, configFile: join(dir, 'vite.config.ts'), logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start: the dev server with a content error', () => {
  it('shows every error with its place in the overlay, and keeps serving the deck', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.resolvedUrls!.local[0]!);
    const overlay = page.locator('vite-error-overlay');
    await expect.poll(() => overlay.count(), { timeout: 30_000 }).toBe(1);
    const text = await overlay.evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(text).toContain('[deck] slides/90-broken.md:8 formula KaTeX cannot parse');
    expect(text).toContain('[deck] slides/90-broken.md:8 unknown citation [@99]');
    expect(await page.locator('section#title h1').count()).toBe(1);
    expect(await page.locator('section#broken .deck-error').count()).toBe(2);
    await page.close();
  });

  it('says so, and keeps running, when slides/ disappears (an unhandled rejection would fail this run)', async () => {
    rmSync(join(dir, 'slides'), { recursive: true, force: true });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const url = server.resolvedUrls!.local[0]!;
    const overlayText = async (): Promise<string> => {
      const response = await page.goto(url);
      if (response?.status() !== 200) return `HTTP ${response?.status()}`;
      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor({ timeout: 10_000 }).catch(() => undefined);
      return overlay.evaluate((el) => el.shadowRoot?.textContent ?? '').catch(() => '');
    };
    await expect.poll(overlayText, { timeout: 60_000, interval: 1000 }).toContain('[deck] slides/:1 the folder slides/ is missing');
    expect((await fetch(new URL('handout.html', url))).status).toBe(200);
    await page.close();
  });
});

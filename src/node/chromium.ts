import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { deckError } from './errors.ts';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where Chromium is: `CHROME_PATH`, else the system's chromium/chrome, else Playwright's cache; null if none. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of SYSTEM_NAMES) {
      const path = join(dir, name);
      if (dir && existsSync(path)) return path;
    }
  }
  const cache = join(env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright'));
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache).filter((d) => d.startsWith('chromium')).sort().reverse()) {
      for (const sub of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium']) {
        if (existsSync(join(cache, dir, sub))) return join(cache, dir, sub);
      }
    }
  }
  return null;
}

/** The one-line answer when there is no browser. */
export const NO_BROWSER =
  'no Chromium found: install one (Debian/Ubuntu: `apt-get install chromium`) or set CHROME_PATH to a Chrome/Chromium binary';

/** Flags for a quiet headless Chromium: no background traffic, works as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--font-render-hinting=none',
];

/** Launches the browser `findBrowser` finds, or throws the one-line answer. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw deckError(NO_BROWSER);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

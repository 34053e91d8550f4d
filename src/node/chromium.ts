import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { deckError } from './errors.ts';

/*
 * Which Chromium the build, the exporter, the bench and the browser tests use. Nothing here
 * downloads a browser. In order, the first candidate that is an executable file wins:
 *
 * 1. `CHROME_PATH` (a macOS `.app` folder is taken to mean the program inside it);
 * 2. on Linux and macOS, `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable`,
 *    `microsoft-edge` on the `PATH`;
 * 3. macOS: Google Chrome, Chromium, Microsoft Edge in `/Applications` or `~/Applications`;
 *    Windows: Google Chrome, Chromium, Microsoft Edge under `%PROGRAMFILES%`,
 *    `%PROGRAMFILES(X86)%` and `%LOCALAPPDATA%`;
 * 4. Playwright's cache (`PLAYWRIGHT_BROWSERS_PATH`, else `~/.cache/ms-playwright`,
 *    `~/Library/Caches/ms-playwright`, `%LOCALAPPDATA%\ms-playwright`), newest first.
 *
 * A `CHROME_PATH` that is set but is not an executable is not fatal when another candidate
 * works: the result carries a one-line warning that names it, for the caller to print once.
 */

/** What the search looks at. Every field has the real machine's value by default; tests inject them. */
export interface BrowserHost {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** The user's home folder (for `~/Applications` and Playwright's default cache). */
  home: string;
  /** True when `path` is a file this user may run. */
  exists(path: string): boolean;
  /** The entries of a folder; [] when it cannot be read. */
  list(dir: string): string[];
}

/** Where a candidate came from. */
export type BrowserSource = 'CHROME_PATH' | 'PATH' | 'installed' | 'playwright';

/** The browser to launch. */
export interface FoundBrowser {
  /** The executable. */
  path: string;
  source: BrowserSource;
  /**
   * Set when `CHROME_PATH` is set but could not be used and another browser was found instead, e.g.
   * `[deck] CHROME_PATH=/x/y is not an executable; using /usr/bin/chromium`. Print it once.
   */
  warning: string | null;
}

/** Names of Chromium-based browsers looked for on the `PATH` (Linux, macOS), in order. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/**
 * The browser to use, or null when no candidate is an executable file. Pure: the same host
 * gives the same answer, and nothing is printed.
 */
export function findBrowser(host: Partial<BrowserHost> = {}): FoundBrowser | null {
  const h = withDefaults(host);
  const chromePath = h.env.CHROME_PATH || null;
  for (const candidate of browserCandidates(h)) {
    if (!h.exists(candidate.path)) continue;
    const warning = chromePath !== null && candidate.source !== 'CHROME_PATH' ? `[deck] CHROME_PATH=${chromePath} is not an executable; using ${candidate.path}` : null;
    return { ...candidate, warning };
  }
  return null;
}

const warned = new Set<string>();

/**
 * The browser to use, or a thrown one-line `[deck] no Chromium found: …` error (naming a bad
 * `CHROME_PATH`) when there is none. Call it where going on without a browser would be wrong:
 * the exporter, the one-file bundle, and the build when a diagram has to be drawn (unless the
 * user asked for the diagrams to be left to Mermaid in the page: then `findBrowser()`, where
 * null means that fallback). The warning of a bad `CHROME_PATH` goes to `warn` (stderr by
 * default) once per process, however many times this is called.
 */
export function requireBrowser(host: Partial<BrowserHost> = {}, warn: (line: string) => void = (line) => console.error(line)): FoundBrowser {
  const found = findBrowser(host);
  if (!found) throw deckError(noBrowserMessage(host));
  if (found.warning && !warned.has(found.warning)) {
    warned.add(found.warning);
    warn(found.warning);
  }
  return found;
}

/** Every place the search looks, in order (whether or not anything is there). */
export function browserCandidates(host: Partial<BrowserHost> = {}): { path: string; source: BrowserSource }[] {
  const h = withDefaults(host);
  const path = h.platform === 'win32' ? win32 : posix;
  const out: { path: string; source: BrowserSource }[] = [];
  const add = (p: string, source: BrowserSource): void => {
    if (!out.some((c) => c.path === p)) out.push({ path: p, source });
  };

  const chromePath = h.env.CHROME_PATH;
  if (chromePath) {
    add(chromePath, 'CHROME_PATH');
    // `CHROME_PATH="/Applications/Google Chrome.app"`: the program inside the bundle.
    const app = /([^/]+)\.app\/?$/.exec(chromePath);
    if (h.platform === 'darwin' && app) add(path.join(chromePath, 'Contents', 'MacOS', app[1]!), 'CHROME_PATH');
  }

  if (h.platform !== 'win32') {
    for (const dir of (env(h, 'PATH') ?? '').split(':')) {
      if (dir) for (const name of PATH_NAMES) add(path.join(dir, name), 'PATH');
    }
  }

  if (h.platform === 'darwin') {
    for (const apps of ['/Applications', path.join(h.home, 'Applications')]) {
      for (const app of ['Google Chrome', 'Chromium', 'Microsoft Edge']) add(path.join(apps, `${app}.app`, 'Contents', 'MacOS', app), 'installed');
    }
  } else if (h.platform === 'win32') {
    const roots = [env(h, 'PROGRAMFILES'), env(h, 'PROGRAMFILES(X86)'), env(h, 'LOCALAPPDATA')].filter((r): r is string => !!r);
    for (const program of ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']) {
      for (const root of roots) add(path.join(root, program), 'installed');
    }
  }

  const cache = playwrightCache(h);
  if (cache) {
    const revision = (name: string): number => Number(/-(\d+)$/.exec(name)?.[1] ?? 0);
    const byNewest = (prefix: string): string[] =>
      h.list(cache).filter((d) => d.startsWith(prefix) && /-\d+$/.test(d)).sort((a, b) => revision(b) - revision(a));
    for (const dir of byNewest('chromium-')) for (const sub of PLAYWRIGHT_CHROMIUM[platformKey(h.platform)]) add(path.join(cache, dir, ...sub), 'playwright');
    for (const dir of byNewest('chromium_headless_shell-')) for (const sub of PLAYWRIGHT_SHELL[platformKey(h.platform)]) add(path.join(cache, dir, ...sub), 'playwright');
  }
  return out;
}

/** The executables inside a Playwright browser folder, by platform, newest layout first. */
const PLAYWRIGHT_CHROMIUM: Record<'linux' | 'mac' | 'win', string[][]> = {
  linux: [['chrome-linux64', 'chrome'], ['chrome-linux-arm64', 'chrome'], ['chrome-linux', 'chrome']],
  mac: [
    ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
    ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
  ],
  win: [['chrome-win64', 'chrome.exe'], ['chrome-win', 'chrome.exe']],
};
const PLAYWRIGHT_SHELL: Record<'linux' | 'mac' | 'win', string[][]> = {
  linux: [['chrome-headless-shell-linux64', 'chrome-headless-shell'], ['chrome-headless-shell-linux-arm64', 'chrome-headless-shell'], ['chrome-linux', 'headless_shell']],
  mac: [['chrome-headless-shell-mac-arm64', 'chrome-headless-shell'], ['chrome-headless-shell-mac-x64', 'chrome-headless-shell']],
  win: [['chrome-headless-shell-win64', 'chrome-headless-shell.exe']],
};

function platformKey(platform: NodeJS.Platform): 'linux' | 'mac' | 'win' {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'win' : 'linux';
}

/** Playwright's browser folder, as Playwright itself computes it; null for `PLAYWRIGHT_BROWSERS_PATH=0` (inside its package). */
function playwrightCache(h: BrowserHost): string | null {
  const path = h.platform === 'win32' ? win32 : posix;
  const set = env(h, 'PLAYWRIGHT_BROWSERS_PATH');
  if (set === '0') return null;
  if (set) return set;
  if (h.platform === 'darwin') return path.join(h.home, 'Library', 'Caches', 'ms-playwright');
  if (h.platform === 'win32') return path.join(env(h, 'LOCALAPPDATA') ?? path.join(h.home, 'AppData', 'Local'), 'ms-playwright');
  return path.join(env(h, 'XDG_CACHE_HOME') || path.join(h.home, '.cache'), 'ms-playwright');
}

/** An environment variable; on Windows, whatever the case of its name (`ProgramFiles(x86)`). */
function env(h: BrowserHost, name: string): string | undefined {
  if (h.platform !== 'win32') return h.env[name];
  const key = Object.keys(h.env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : h.env[key];
}

/** The one line that says no browser was found, what was wrong with `CHROME_PATH` if set, and how to get one. */
export function noBrowserMessage(host: Partial<BrowserHost> = {}): string {
  const h = withDefaults(host);
  const bad = h.env.CHROME_PATH ? `CHROME_PATH=${h.env.CHROME_PATH} is not an executable, and there is no other` : 'none';
  const where = {
    linux: `on the PATH (${PATH_NAMES.slice(0, 3).join(', ')}, …) or in Playwright's cache`,
    mac: "in /Applications, ~/Applications, on the PATH or in Playwright's cache",
    win: "in Program Files, %LOCALAPPDATA% or in Playwright's cache",
  }[platformKey(h.platform)];
  const install = { linux: 'Debian/Ubuntu: `apt-get install chromium`', mac: 'Google Chrome or Chromium', win: 'Google Chrome or Microsoft Edge' }[platformKey(h.platform)];
  return `no Chromium found: ${bad} ${where}. Install one (${install}) or set CHROME_PATH to a Chrome/Chromium binary`;
}

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

/** How to launch. */
export interface LaunchOptions {
  /**
   * Let Playwright close the browser and end the process on Ctrl+C / SIGTERM / SIGHUP. A command
   * that handles the signals itself (the exporter: it says what was written) passes false; the
   * browser is still killed when the process exits. @default true
   */
  handleSignals?: boolean;
}

/**
 * Launches a headless Chromium (`requireBrowser()`'s unless given), or throws one line that
 * names the program and why it did not start.
 */
export async function launchBrowser(found: FoundBrowser = requireBrowser(), options: LaunchOptions = {}): Promise<Browser> {
  const signals = options.handleSignals ?? true;
  try {
    return await chromium.launch({
      executablePath: found.path,
      args: CHROMIUM_ARGS,
      headless: true,
      handleSIGINT: signals,
      handleSIGTERM: signals,
      handleSIGHUP: signals,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const exit = /process did exit: exitCode=(\d+)/.exec(message);
    const why = exit ? `it exited at once with code ${exit[1]}` : message.split('\n')[0]!.replace(/^browserType\.launch: /, '');
    throw deckError(`the browser ${found.path}${found.source === 'CHROME_PATH' ? ' (CHROME_PATH)' : ''} did not start: ${why}`, e);
  }
}

function withDefaults(host: Partial<BrowserHost>): BrowserHost {
  const platform = host.platform ?? process.platform;
  return {
    env: host.env ?? process.env,
    platform,
    home: host.home ?? homedir(),
    exists: host.exists ?? ((path) => isExecutableFile(path, platform)),
    list: host.list ?? listDir,
  };
}

function isExecutableFile(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    // Windows has no execute bit: an existing .exe is taken as runnable.
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

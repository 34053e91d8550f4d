import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser, requireBrowser, type BrowserHost } from '../../../src/node/chromium.ts';

/** A machine with exactly these executables (and these folder listings). */
function host(platform: NodeJS.Platform, env: Record<string, string>, executables: string[], dirs: Record<string, string[]> = {}): Partial<BrowserHost> {
  return { platform, env, home: platform === 'win32' ? 'C:\\Users\\li' : platform === 'darwin' ? '/Users/li' : '/home/li', exists: (p) => executables.includes(p), list: (d) => dirs[d] ?? [] };
}

describe('findBrowser on Linux', () => {
  it('takes a working CHROME_PATH first, with no warning', () => {
    expect(findBrowser(host('linux', { CHROME_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' }, ['/opt/chrome/chrome', '/usr/bin/chromium']))).toEqual({
      path: '/opt/chrome/chrome',
      source: 'CHROME_PATH',
      warning: null,
    });
  });

  it('names a CHROME_PATH that is not an executable and falls back to the PATH', () => {
    expect(findBrowser(host('linux', { CHROME_PATH: '/x/y', PATH: '/usr/local/bin:/usr/bin' }, ['/usr/bin/chromium']))).toEqual({
      path: '/usr/bin/chromium',
      source: 'PATH',
      warning: '[deck] CHROME_PATH=/x/y is not an executable; using /usr/bin/chromium',
    });
  });

  it('looks through the PATH in order, each folder for every name', () => {
    const found = findBrowser(host('linux', { PATH: '/a::/b' }, ['/b/chromium', '/a/google-chrome']));
    expect(found?.path).toBe('/a/google-chrome');
  });

  it('then Playwright’s cache, newest revision first (by number, not by letters)', () => {
    const cache = '/home/li/.cache/ms-playwright';
    const h = host('linux', { PATH: '/usr/bin' }, [`${cache}/chromium-999/chrome-linux/chrome`, `${cache}/chromium-1255/chrome-linux64/chrome`], {
      [cache]: ['firefox-1572', 'chromium-999', 'chromium-1255', 'chromium_headless_shell-1255'],
    });
    expect(findBrowser(h)).toEqual({ path: `${cache}/chromium-1255/chrome-linux64/chrome`, source: 'playwright', warning: null });
  });

  it('honours PLAYWRIGHT_BROWSERS_PATH and XDG_CACHE_HOME as Playwright does', () => {
    const list = (d: string) => (d.endsWith('ms-playwright') || d === '/pw' ? ['chromium-1'] : []);
    expect(browserCandidates({ ...host('linux', { PLAYWRIGHT_BROWSERS_PATH: '/pw' }, []), list }).map((c) => c.path)).toContain('/pw/chromium-1/chrome-linux64/chrome');
    expect(browserCandidates({ ...host('linux', { XDG_CACHE_HOME: '/xdg' }, []), list }).map((c) => c.path)).toContain('/xdg/ms-playwright/chromium-1/chrome-linux64/chrome');
  });

  it('finds nothing when nothing is there', () => {
    expect(findBrowser(host('linux', { CHROME_PATH: '/x/y', PATH: '/usr/bin' }, []))).toBeNull();
  });
});

describe('findBrowser on macOS', () => {
  it('finds Google Chrome, Chromium or Edge in /Applications, then in ~/Applications', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const mine = '/Users/li/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser(host('darwin', { PATH: '/usr/bin' }, [chrome, mine]))?.path).toBe(chrome);
    expect(findBrowser(host('darwin', { PATH: '/usr/bin' }, [mine]))).toEqual({ path: mine, source: 'installed', warning: null });
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser(host('darwin', {}, [edge]))?.path).toBe(edge);
  });

  it('takes CHROME_PATH naming the .app bundle to mean the program inside it', () => {
    const inside = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser(host('darwin', { CHROME_PATH: '/Applications/Chromium.app' }, [inside]))).toEqual({ path: inside, source: 'CHROME_PATH', warning: null });
  });

  it('looks in Playwright’s macOS cache', () => {
    const exe = '/Users/li/Library/Caches/ms-playwright/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    expect(findBrowser(host('darwin', {}, [exe], { '/Users/li/Library/Caches/ms-playwright': ['chromium-1255'] }))?.path).toBe(exe);
  });
});

describe('findBrowser on Windows', () => {
  const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local', PATH: 'C:\\Windows' };

  it('finds Chrome under any of %PROGRAMFILES%, %PROGRAMFILES(X86)%, %LOCALAPPDATA%, whatever the case of the names', () => {
    for (const root of [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA]) {
      const exe = `${root}\\Google\\Chrome\\Application\\chrome.exe`;
      expect(findBrowser(host('win32', env, [exe]))).toEqual({ path: exe, source: 'installed', warning: null });
    }
  });

  it('prefers Chrome, then Chromium, then Edge (Chromium too)', () => {
    const chromium = 'C:\\Users\\li\\AppData\\Local\\Chromium\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(host('win32', env, [edge, chromium]))?.path).toBe(chromium);
    expect(findBrowser(host('win32', env, [edge]))?.path).toBe(edge);
  });

  it('names a bad CHROME_PATH and uses Edge instead', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(host('win32', { ...env, CHROME_PATH: 'D:\\chrome.exe' }, [edge]))?.warning).toBe(`[deck] CHROME_PATH=D:\\chrome.exe is not an executable; using ${edge}`);
  });

  it('looks in %LOCALAPPDATA%\\ms-playwright', () => {
    const exe = 'C:\\Users\\li\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe';
    expect(findBrowser(host('win32', env, [exe], { 'C:\\Users\\li\\AppData\\Local\\ms-playwright': ['chromium-1255'] }))?.path).toBe(exe);
  });
});

describe('requireBrowser', () => {
  it('throws one line that names the bad CHROME_PATH when there is no browser at all', () => {
    expect(() => requireBrowser(host('linux', { CHROME_PATH: '/x/y', PATH: '/usr/bin' }, []))).toThrow(
      /^\[deck\] no Chromium found: CHROME_PATH=\/x\/y is not an executable, and there is no other on the PATH .*apt-get install chromium.* or set CHROME_PATH/,
    );
    expect(() => requireBrowser(host('linux', {}, []))).toThrow(/^\[deck\] no Chromium found: none on the PATH/);
    try {
      requireBrowser(host('darwin', {}, []));
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('prints the warning of a bad CHROME_PATH once, however often it is asked', () => {
    const lines: string[] = [];
    const h = host('linux', { CHROME_PATH: '/once/only', PATH: '/usr/bin' }, ['/usr/bin/chromium']);
    expect(requireBrowser(h, (l) => lines.push(l)).path).toBe('/usr/bin/chromium');
    requireBrowser(h, (l) => lines.push(l));
    expect(lines).toEqual(['[deck] CHROME_PATH=/once/only is not an executable; using /usr/bin/chromium']);
  });
});

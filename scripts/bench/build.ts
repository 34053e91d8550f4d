import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { servedBytes } from './serve.ts';
import { kindOf } from './walk.ts';

/** A timed `npm run build` into a folder of the bench's own. */
export interface BuildRun {
  seconds: number;
  /** The build said it left diagrams to the in-browser renderer (no Chromium). */
  diagramFallback: boolean;
  /** Its warnings and errors (stderr). */
  log: string;
  /** The peak resident memory of its largest process (GNU time's %M), where /usr/bin/time is there. */
  peakMB: number | null;
}

/** GNU time, which reports a command's peak memory; the build is timed without it where it is missing. */
const GNU_TIME = '/usr/bin/time';

/** Runs a command in `cwd`, returning its exit code and output; throws if it fails. */
function run(command: string, args: string[], cwd: string): Promise<{ seconds: number; stdout: string; stderr: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, stdout, stderr });
      else reject(new Error(`[bench] \`${command} ${args.join(' ')}\` failed (${code}):\n${stderr || stdout}`));
    });
  });
}

/** `npm run build -- --outDir <outDir>` in `root`, timed from the shell's point of view. */
export async function timedBuild(root: string, outDir: string): Promise<BuildRun> {
  const build = ['npm', 'run', 'build', '--', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const memory = existsSync(GNU_TIME) ? join(mkdtempSync(join(tmpdir(), 'deck-bench-rss-')), 'kb') : null;
  const [command, ...args] = memory ? [GNU_TIME, '-f', '%M', '-o', memory, ...build] : build;
  const { seconds, stdout, stderr } = await run(command!, args, root);
  const log = `${stdout}\n${stderr}`;
  const peakMB = memory ? Math.round(Number(readFileSync(memory, 'utf8').trim().split('\n').at(-1)) / 1024) : null;
  if (memory) rmSync(join(memory, '..'), { recursive: true, force: true });
  return { seconds, diagramFallback: /left to the browser|no Chromium found/i.test(log), log: stderr.replace(/^npm warn .*\n?/gim, '').trim(), peakMB };
}

/** Files and folders of the project a build reads, besides its pages (every top-level `.html`). */
const BUILD_INPUTS = ['vite.config.ts', 'package.json', 'tsconfig.json', 'slides', 'assets', 'src'];

/**
 * Copies what a build reads into `to`, with node_modules linked name by name: all of it, or
 * without its `.cache` (no diagram drawn, no font subset made yet, as on a fresh clone).
 */
export function copyProject(root: string, to: string, { caches }: { caches: boolean }): void {
  const pages = readdirSync(root).filter((name) => name.endsWith('.html'));
  for (const entry of [...pages, ...BUILD_INPUTS].filter((e) => existsSync(join(root, e)))) cpSync(join(root, entry), join(to, entry), { recursive: true });
  mkdirSync(join(to, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules')).filter((n) => caches || n !== '.cache')) {
    symlinkSync(join(root, 'node_modules', name), join(to, 'node_modules', name));
  }
}

/**
 * The same build from a copy of the project whose node_modules has no `.cache`: no diagram
 * drawn and no font subset cached, as on a fresh clone (the diagrams are drawn in Chromium).
 */
export async function timedColdBuild(root: string, outDir: string): Promise<BuildRun> {
  const copy = mkdtempSync(join(tmpdir(), 'deck-bench-cold-'));
  try {
    copyProject(root, copy, { caches: false });
    return await timedBuild(copy, outDir);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** Every file of a built site, with its size and the size a gzip-serving server sends. */
export interface DistFile {
  path: string;
  kind: string;
  bytes: number;
  served: number;
}

export function distFiles(dir: string): DistFile[] {
  const files: DistFile[] = [];
  const visit = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else {
        const bytes = readFileSync(path);
        const rel = relative(dir, path).split('\\').join('/');
        files.push({ path: rel, kind: kindOf(rel), bytes: bytes.byteLength, served: servedBytes(rel, bytes).byteLength });
      }
    }
  };
  visit(dir);
  return files;
}

/** dist/ by kind: raw bytes and bytes sent by a gzip-serving server. */
export function sizesByKind(files: readonly DistFile[]): Record<string, { files: number; bytes: number; gzip: number }> {
  const out: Record<string, { files: number; bytes: number; gzip: number }> = {};
  for (const kind of ['html', 'js', 'css', 'fonts', 'other', 'total']) out[kind] = { files: 0, bytes: 0, gzip: 0 };
  for (const f of files) {
    for (const k of [f.kind, 'total']) {
      out[k]!.files++;
      out[k]!.bytes += f.bytes;
      out[k]!.gzip += f.served;
    }
  }
  return out;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './fixture-deck.ts';

/** A port free right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A running `npm run live` process (started without npm, on a free port). */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  lectureId: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Waits until its output matches (or it exits, or `timeoutMs` passes). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends `signal` and waits for the exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Lecturer token used by every test server (so a restarted server takes the same). */
export const TEST_TOKEN = 'test-lecturer-token-0123456789';

/**
 * Starts the live server's CLI as its own process (`node --import tsx src/live/cli.ts`),
 * serving `dist` without building, and waits for it to print the students' URL. `host` ''
 * keeps the default (0.0.0.0; else 127.0.0.1); `token` null lets it make one (else the test token).
 */
export async function startServerProcess(args: { dist: string; out: string; extra?: string[]; host?: string; token?: string | null }): Promise<ServerProcess> {
  const token = args.token === undefined ? ['--token', TEST_TOKEN] : args.token === null ? [] : ['--token', args.token];
  const argv = ['--import', 'tsx', join(ROOT, 'src/live/cli.ts'), '--no-build', '--dist', args.dist, '--out', args.out, '--port', '0', ...token, ...(args.host === undefined ? ['--host', '127.0.0.1'] : args.host ? ['--host', args.host] : []), ...(args.extra ?? [])];
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters = new Set<() => void>();
  const heard = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const w of waiters) w();
  };
  child.stdout!.on('data', heard);
  child.stderr!.on('data', heard);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    for (const w of waiters) w();
    resolve(code);
  }));
  const waitForOutput = (pattern: RegExp, timeoutMs = 30_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = pattern.exec(text);
        if (m) done(() => resolve(m[0]));
        else if (child.exitCode !== null || child.signalCode !== null) done(() => reject(new Error(`server exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${text}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} in ${timeoutMs} ms:\n${text}`))), timeoutMs);
      const done = (f: () => void): void => {
        clearTimeout(timer);
        waiters.delete(check);
        f();
      };
      waiters.add(check);
      check();
    });
  const students = await waitForOutput(/^students: http:\/\/[^\s]+\?join$/m);
  const port = Number(/:(\d+)\/\?join/.exec(students)![1]);
  const lectureId = /^lecture: (\S+)/m.exec(text)![1]!;
  return {
    child,
    port,
    origin: `http://127.0.0.1:${port}`,
    lectureId,
    output: () => text,
    waitForOutput,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the live CLI to its end (for runs that must fail, or --help); its exit code and output. */
export function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/live/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** A real redis-server on a free port, without persistence; stopped by its pid. */
export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts Debian's `redis-server` (`--save '' --appendonly no`) and waits until it accepts connections. */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${text}`)), 10_000);
    child.once('error', (e) => reject(new Error(`cannot run redis-server (apt-get install -y redis-server): ${e.message}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${text}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

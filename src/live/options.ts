import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deckError } from '../node/errors.ts';
import { isLectureId } from './lecture-id.ts';

/** What `npm run live` was asked to do. */
export interface LiveCliOptions {
  /** @default 5174; 0 takes any free port */
  port: number;
  /** @default '0.0.0.0' (every interface: the students' phones are on the network) */
  host: string;
  /** The lecturer token; null: a random one for this run. */
  token: string | null;
  /** Continue this lecture; null: start a new one. */
  resume: string | null;
  /** Share the class with other processes through this Redis. */
  redis: string | null;
  /** `auto`: build dist/ when stale; `always` (`--build`); `never` (`--no-build`). */
  build: 'auto' | 'always' | 'never';
  distDir: string;
  /** @default '<dist>/deck.json' */
  deckFile: string;
  /** @default '<root>/out/live' (so --resume finds a lecture wherever the command is typed) */
  resultsDir: string;
  help: boolean;
}

/** How to call the live server. */
export const LIVE_USAGE = `usage: npm run live -- [options]    the deck and its live classroom on this network

  --port <n>        port (default 5174; 0: any free port)
  --host <addr>     address to listen on (default 0.0.0.0: every interface)
  --token <t>       the lecturer token (default: a random one for this run); 16+ of A-Z a-z 0-9 _ -
  --resume <id>     continue lecture <id> (from Redis, else out/live/<id>.json)
  --redis <url>     share the class with other server processes, e.g. redis://127.0.0.1:6379
  --no-build        serve dist/ as it is (default: build it when a source is newer than it)
  --build           always build dist/ first
  --dist <dir>      the built deck to serve (default: dist/)
  --deck <file>     the deck model (default: <dist>/deck.json)
  --out <dir>       where results files go (default: out/live/)`;

/** Reads the command line; relative paths are from `cwd`. Bad usage throws an Error saying what is wrong. */
export function parseLiveArgs(argv: readonly string[], cwd: string, root: string): LiveCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        resume: { type: 'string' },
        redis: { type: 'string' },
        build: { type: 'boolean' },
        'no-build': { type: 'boolean' },
        dist: { type: 'string' },
        deck: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw deckError(`${e instanceof Error ? e.message : String(e)}\n${LIVE_USAGE}`);
  }
  const port = values.port === undefined ? 5174 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw deckError(`--port takes a port number 0–65535, not \`${values.port}\``);
  if (values.token !== undefined && !/^[A-Za-z0-9_-]{16,128}$/.test(values.token)) throw deckError('--token needs 16 to 128 characters of A-Z a-z 0-9 _ - (it is a password: make it long and random)');
  if (values.resume !== undefined && !isLectureId(values.resume)) throw deckError(`--resume takes a lecture id as printed at start, like 2026-12-01-1530-k3f9, not \`${values.resume}\``);
  if (values.redis !== undefined && !/^rediss?:\/\/\S+$/.test(values.redis)) throw deckError(`--redis takes a redis:// URL, like redis://127.0.0.1:6379, not \`${values.redis}\``);
  if (values.build && values['no-build']) throw deckError('--build and --no-build contradict each other: give one');
  const distDir = values.dist === undefined ? resolve(root, 'dist') : resolve(cwd, values.dist);
  return {
    port,
    host: values.host ?? '0.0.0.0',
    token: values.token ?? null,
    resume: values.resume ?? null,
    redis: values.redis ?? null,
    build: values.build ? 'always' : values['no-build'] ? 'never' : 'auto',
    distDir,
    deckFile: values.deck === undefined ? resolve(distDir, 'deck.json') : resolve(cwd, values.deck),
    resultsDir: values.out === undefined ? resolve(root, 'out/live') : resolve(cwd, values.out),
    help: values.help ?? false,
  };
}

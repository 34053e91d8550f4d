import { relative, resolve } from 'node:path';
import QRCode from 'qrcode';
import { ensureBuiltApart } from './build-apart.ts';
import { lanAddress } from './lan-address.ts';
import { newLectureId } from './lecture-id.ts';
import { LIVE_USAGE, parseLiveArgs } from './options.ts';
import { newToken } from './secrets.ts';

/** The project root (this file is src/live/cli.ts). */
const ROOT = resolve(import.meta.dirname, '../..');

/** Log lines go to stderr with the time; the URLs to stdout. */
const log = (line: string): void => void process.stderr.write(`[live] ${new Date().toTimeString().slice(0, 8)} ${line}\n`);

/**
 * `npm run live`: builds the deck if needed, serves it with the live classroom, prints the
 * lecture id, the lecturer's and the students' URLs and a QR code of the students' URL, and
 * stops cleanly (results written) on Ctrl+C or SIGTERM. Usage errors exit 1 with no stack.
 * Resolves 'serving' once the server runs (a signal ends it), or the exit code.
 */
async function main(argv: string[]): Promise<number | 'serving'> {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const options = parseLiveArgs(argv, cwd, ROOT);
  if (options.help) {
    console.log(LIVE_USAGE);
    return 0;
  }
  // socket.io and Redis load only now, so --help and usage errors answer at once.
  const [built, { startLive }] = await Promise.all([ensureBuiltApart(ROOT, options.distDir, options.build), import('./start.ts')]);
  log(`deck: ${built === 'built' ? 'built' : built === 'fresh' ? 'up to date in' : 'served as it is from'} ${relative(cwd, options.distDir) || '.'}`);
  const lectureId = options.resume ?? newLectureId(new Date());
  const token = options.token ?? newToken();
  const live = await startLive({
    distDir: options.distDir,
    deckFile: options.deckFile,
    host: options.host,
    port: options.port,
    token,
    lectureId,
    resume: options.resume !== null,
    redisUrl: options.redis,
    resultsDir: options.resultsDir,
    cwd,
    log,
  });

  // A fault in one handler must not end the lecture for everyone: say it, keep serving.
  process.on('uncaughtException', (e) => log(`unexpected error (still serving): ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => log(`unexpected error (still serving): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      log(`${signal} again: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: stopping`);
    live.close().then(
      () => {
        log(`stopped; results in ${relative(cwd, live.resultsFile)}`);
        process.exit(0);
      },
      (e: unknown) => {
        log(`could not stop cleanly: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const host = options.host === '0.0.0.0' || options.host === '::' ? lanAddress() : options.host;
  const base = `http://${host}:${live.port}/`;
  const from = { new: 'new', file: `resumed from ${relative(cwd, live.resultsFile)}`, redis: `resumed from Redis` }[live.source];
  console.log(`lecture: ${lectureId} (${from}${options.redis ? `, shared through ${options.redis}` : ''})`);
  console.log(`results: ${relative(cwd, live.resultsFile)}`);
  console.log(`lecturer: ${base}?live=${token}`);
  console.log(`students: ${base}?join`);
  console.log(await QRCode.toString(`${base}?join`, { type: 'terminal', small: true }));
  return 'serving';
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 'serving') process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);

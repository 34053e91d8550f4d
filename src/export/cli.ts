import { resolve } from 'node:path';
import { Interrupts } from '../node/interrupt.ts';
import { parseExportArgs, USAGE } from './options.ts';
import { runExport } from './run.ts';

/** The project root (this file is src/export/cli.ts). */
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where the exporter speaks: files written on stdout; problems and progress on stderr. On a
 * terminal the progress is one line rewritten in place (and wiped before anything else is
 * said); elsewhere (a log, CI) it is one line per step.
 */
function terminal(stderr: NodeJS.WriteStream = process.stderr): { log(line: string): void; problem(line: string): void; progress(line: string): void } {
  let shown = false;
  const wipe = (): void => {
    if (shown) stderr.write('\r\x1b[2K');
    shown = false;
  };
  return {
    log: (line) => {
      wipe();
      console.log(line);
    },
    problem: (line) => {
      wipe();
      console.error(line);
    },
    progress: (line) => {
      if (!stderr.isTTY) return void console.error(`[deck] ${line}`);
      stderr.write(`\r\x1b[2K[deck] ${line}`);
      shown = true;
    },
  };
}

/**
 * `npm run pdf` / `npm run png` (run with tsx): parses the command line, exports, and on any
 * failure prints its message — one line for a missing browser or a failed write — with no
 * stack, and exits 1. Ctrl+C or SIGTERM: see src/node/interrupt.ts (one line, exit 130 / 143).
 */
async function main(argv: string[]): Promise<number> {
  // npm runs scripts from the project root; paths the user typed are from where they typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const out = terminal();
  const interrupts = new Interrupts({
    on: (signal, listener) => void process.on(signal, listener),
    off: (signal, listener) => void process.off(signal, listener),
    exit: (code) => process.exit(code),
    print: (line) => out.problem(line),
  });
  interrupts.install();
  // What was under way when the browser was closed by an interrupt may fail unheard: that is expected.
  process.on('unhandledRejection', (e) => {
    if (interrupts.interrupted) return;
    const line = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
    out.problem(line.startsWith('[deck]') ? line : `[deck] ${line}`);
    process.exit(1);
  });
  try {
    const options = parseExportArgs(argv, cwd, ROOT);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    await runExport(options, ROOT, cwd, { ...out, interrupts });
    return 0;
  } catch (e) {
    // Interrupted: the signal handler says what was written and exits; the failure it caused is no news.
    if (interrupts.interrupted) return new Promise<number>(() => undefined);
    const message = e instanceof Error ? e.message : String(e);
    // Playwright appends pages of browser logs; the first lines say what went wrong.
    out.problem(message.split('\n').slice(0, 12).join('\n'));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

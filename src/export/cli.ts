import { resolve } from 'node:path';
import { parseExportArgs, USAGE } from './options.ts';
import { runExport } from './run.ts';

/** The project root (this file is src/export/cli.ts). */
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `npm run pdf` / `npm run png` (run with tsx): parses the command line, exports, and on any
 * failure prints its message — one line for a missing browser or a failed write — with no
 * stack, and exits 1.
 */
async function main(argv: string[]): Promise<number> {
  // npm runs scripts from the project root; paths the user typed are from where they typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  try {
    const options = parseExportArgs(argv, cwd, ROOT);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    await runExport(options, ROOT, cwd, (line) => console.log(line), (line) => console.error(line));
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // Playwright appends pages of browser logs; the first lines say what went wrong.
    console.error(message.split('\n').slice(0, 12).join('\n'));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deckError } from '../node/errors.ts';

/** The PDFs `npm run pdf` can write, in the order it writes them. */
export const PDF_KINDS = ['slides', 'handout', 'notes', 'paper'] as const;
export type PdfKind = (typeof PDF_KINDS)[number];

/** What one run of the exporter does. Each option once, with its default. */
export interface ExportOptions {
  /** `pdf` (slides, handout, study guide, the paper) or `png` (one image per slide). */
  command: 'pdf' | 'png';
  /** Folder the files go to (created if missing). @default '<cwd>/out' */
  outDir: string;
  /** Folder of the built site. @default '<root>/dist' */
  distDir: string;
  /** `auto`: build when dist/ is older than its sources; `always` (`--build`); `never` (`--no-build`). @default 'auto' */
  build: 'auto' | 'always' | 'never';
  /** Export from a deck already served at this URL (no build, no server of ours). @default null */
  url: string | null;
  /** Pen marks (JSON) drawn on the slide PDF; pdf only. @default null */
  pen: string | null;
  /** Which PDFs to write. @default all of PDF_KINDS */
  only: PdfKind[];
  /** Print the usage and stop. @default false */
  help: boolean;
}

/** How to call the exporter. */
export const USAGE = `usage: npm run pdf -- [options]     slides.pdf, handout.pdf, notes.pdf, paper.pdf
       npm run png -- [options]     png/001-<slide-id>.png …, 1920×1080, one per slide

  --out <dir>       where to write (default: out/)
  --no-build        use dist/ as it is (default: build it when a source is newer than it)
  --build           always build dist/ first
  --dist <dir>      the built site to export (default: dist/)
  --url <url>       export a deck that is already being served, e.g. http://127.0.0.1:5173/
  --pen <file>      pdf: draw the pen marks saved in this JSON file on slides.pdf
  --only <kinds>    pdf: some of slides,handout,notes,paper (comma-separated)`;

/**
 * Reads the command line (`<pdf|png> [options]`); relative paths are taken from `cwd`, the
 * folder the user typed the command in. Bad usage throws an Error that says what is wrong.
 */
export function parseExportArgs(argv: readonly string[], cwd: string, root: string): ExportOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        dist: { type: 'string' },
        url: { type: 'string' },
        pen: { type: 'string' },
        only: { type: 'string' },
        build: { type: 'boolean' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw deckError(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help) return { ...defaults(cwd, root), command: command === 'png' ? 'png' : 'pdf', help: true };
  if (command !== 'pdf' && command !== 'png') {
    throw deckError(`say what to export: \`pdf\` or \`png\`${command === undefined ? '' : `, not \`${command}\``}\n${USAGE}`);
  }
  if (positionals.length > 1) throw deckError(`unexpected argument \`${positionals[1]}\`\n${USAGE}`);
  if (values.build && values['no-build']) throw deckError('--build and --no-build contradict each other: give one');
  if (command === 'png' && (values.pen || values.only)) throw deckError(`--${values.pen ? 'pen' : 'only'} is for \`pdf\`, not \`png\``);
  if (values.url !== undefined && !/^https?:\/\//.test(values.url)) throw deckError(`--url needs an http(s) URL, not \`${values.url}\``);

  const only = values.only === undefined ? [...PDF_KINDS] : values.only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((k) => !(PDF_KINDS as readonly string[]).includes(k));
  if (unknown.length || only.length === 0) throw deckError(`--only takes ${PDF_KINDS.join(', ')}; \`${unknown.join(',') || values.only}\` is not one of them`);

  return {
    ...defaults(cwd, root),
    command,
    outDir: resolve(cwd, values.out ?? 'out'),
    distDir: values.dist === undefined ? resolve(root, 'dist') : resolve(cwd, values.dist),
    build: values.build ? 'always' : values['no-build'] ? 'never' : 'auto',
    url: values.url === undefined ? null : values.url.endsWith('/') ? values.url : `${values.url}/`,
    pen: values.pen === undefined ? null : resolve(cwd, values.pen),
    only: PDF_KINDS.filter((k) => only.includes(k)),
  };
}

function defaults(cwd: string, root: string): ExportOptions {
  return { command: 'pdf', outDir: resolve(cwd, 'out'), distDir: resolve(root, 'dist'), build: 'auto', url: null, pen: null, only: [...PDF_KINDS], help: false };
}

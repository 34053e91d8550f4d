import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../../src/export/options.ts';

const ROOT = '/project';
const CWD = '/project/sub';
const parse = (...argv: string[]) => parseExportArgs(argv, CWD, ROOT);

describe('the export command line', () => {
  it('writes all three PDFs into out/ of the folder it was typed in, building dist/ when stale', () => {
    expect(parse('pdf')).toEqual({
      command: 'pdf',
      outDir: '/project/sub/out',
      distDir: '/project/dist',
      build: 'auto',
      url: null,
      pen: null,
      only: ['slides', 'handout', 'notes', 'paper'],
      help: false,
    });
  });

  it('takes --out, --dist and --pen relative to where it was typed', () => {
    const o = parse('pdf', '--out', 'prints', '--dist', '../built', '--pen', 'marks.json');
    expect(o).toMatchObject({ outDir: '/project/sub/prints', distDir: '/project/built', pen: '/project/sub/marks.json' });
  });

  it('skips the build with --no-build and forces it with --build, but not both', () => {
    expect(parse('png', '--no-build').build).toBe('never');
    expect(parse('pdf', '--build').build).toBe('always');
    expect(() => parse('pdf', '--build', '--no-build')).toThrow('--build and --no-build contradict each other');
  });

  it('writes only the PDFs named by --only, always in the same order', () => {
    expect(parse('pdf', '--only', 'notes,slides').only).toEqual(['slides', 'notes']);
    expect(() => parse('pdf', '--only', 'slides,poster')).toThrow('`poster` is not one of them');
  });

  it('exports a deck served elsewhere with --url, normalised to end in /', () => {
    expect(parse('pdf', '--url', 'http://127.0.0.1:5173').url).toBe('http://127.0.0.1:5173/');
    expect(() => parse('pdf', '--url', 'dist/')).toThrow('--url needs an http(s) URL');
  });

  it('refuses a missing or unknown command, unknown options and pdf-only options for png', () => {
    expect(() => parse()).toThrow('say what to export: `pdf` or `png`');
    expect(() => parse('poster')).toThrow('not `poster`');
    expect(() => parse('pdf', '--colour')).toThrow("Unknown option '--colour'");
    expect(() => parse('png', '--pen', 'x.json')).toThrow('--pen is for `pdf`, not `png`');
  });

  it('answers --help without needing a command', () => {
    expect(parse('--help').help).toBe(true);
  });

  it('reports bad usage as an Error from the one helper', () => {
    expect(() => parse('pdf', 'extra')).toThrow(/^\[deck\] unexpected argument `extra`/);
  });
});

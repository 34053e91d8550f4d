import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { oneFileDeck } from './setup/serve-built-deck.ts';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/**
 * What the Nu HTML Checker reports about this deck that is not wrong, matched by the exact
 * message, each with the reason. Everything else it reports fails the test: Mermaid's and
 * KaTeX's markup is made valid at build time (src/compiler/diagrams/clean-svg.ts), never excused here.
 */
const KNOWN_FALSE_POSITIVES: { message: string; extract?: RegExp; reason: string }[] = [
  {
    message: 'CSS: “transform”: The types are incompatible.',
    reason:
      'index.html’s static layout scales the first slide by calc(96vw / var(--deck-slide-width)): a length divided by a length (CSS Values 4 typed arithmetic), ' +
      'which vnu’s CSS parser predates (it also cannot see that the custom property is a length). Browsers without it keep the plain transform declared just before.',
  },
  {
    message: 'CSS: “container-type”: Property “container-type” doesn\'t exist.',
    reason:
      'The widgets lay out by their own width (CSS container queries, CSS Containment 3; every current browser): vnu’s CSS parser predates them. ' +
      'It meets them in the stylesheets each page carries inline.',
  },
  {
    message: 'CSS: Parse Error.',
    extract: /-paper-(?:hit|current)\)/,
    reason:
      'The paper view marks the words searched for with the CSS Custom Highlight API (`::highlight(deck-paper-hit)`, CSS Highlight API 1; every current browser), ' +
      'which vnu’s CSS parser predates. It meets it in the stylesheet paper.html carries inline.',
  },
  {
    message: 'CSS: Unrecognized at-rule “@container”',
    reason: 'The same container queries (see container-type).',
  },
  {
    message: 'Attribute “elementtiming” not allowed on element “h1” at this point.',
    reason:
      'The Element Timing API’s attribute (WICG; Chromium): the first slide’s heading is marked so that the deck can start its scripts once it is painted. ' +
      'vnu knows only the HTML standard’s attributes; browsers without the API ignore it.',
  },
];

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs vnu on the files; the JSON report comes on stderr, with exit code 1 when something is wrong. */
function vnu(files: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      try {
        resolve((JSON.parse(stderr || stdout) as { messages: VnuMessage[] }).messages);
      } catch {
        reject(new Error(`[deck] the Nu HTML Checker did not run (it needs Java: apt-get install default-jre-headless): ${error?.message ?? stderr}`));
      }
    });
  });
}

/** Every page of the built deck: index.html, the printable pages, and the document of the slides after the first. */
function builtPages(dist: string): string[] {
  return (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => join(dist, f)).sort();
}

/** What vnu reports, less the known false positives, as `file:line type: message …extract…`. */
function errorsOf(messages: VnuMessage[], nameOf: (file: string) => string): string[] {
  return messages
    .filter((m) => !KNOWN_FALSE_POSITIVES.some((k) => k.message === m.message && (!k.extract || k.extract.test(m.extract ?? ''))))
    .map((m) => `${nameOf(decodeURIComponent(new URL(m.url).pathname))}:${m.lastLine ?? '?'} ${m.type}: ${m.message} …${m.extract ?? ''}…`);
}

/** One run of the checker over every built page and the one-file deck: the Java VM starts once. */
let checked: Promise<{ dist: string; pages: string[]; oneFile: string; messages: VnuMessage[] }> | undefined;
function checkAll(): NonNullable<typeof checked> {
  checked ??= (async () => {
    const dist = inject('deckDist');
    const pages = builtPages(dist);
    const oneFile = await oneFileDeck();
    return { dist, pages, oneFile, messages: await vnu([...pages, oneFile]) };
  })();
  return checked;
}

/** The messages about one of the files checked. */
const about = (messages: VnuMessage[], files: string[]): VnuMessage[] => messages.filter((m) => files.includes(decodeURIComponent(new URL(m.url).pathname)));

describe('valid HTML (Nu HTML Checker)', () => {
  it('finds no error in any page the build makes: the deck, the handout, the study guide', async () => {
    const { dist, pages, messages } = await checkAll();
    expect(pages.map((p) => relative(dist, p))).toEqual(expect.arrayContaining(['index.html', 'handout.html', 'notes.html']));
    expect(errorsOf(about(messages, pages), (f) => relative(dist, f))).toEqual([]);
  }, 180_000);

  it('finds no error in the one-file deck (npm run bundle)', async () => {
    const { oneFile, messages } = await checkAll();
    expect(errorsOf(about(messages, [oneFile]), () => 'deck.html')).toEqual([]);
  }, 180_000);
});

import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/compiler/compile-deck.ts';
import { formatContentError } from '../../../src/compiler/errors.ts';
import { isElement, parseHtml, walkHtml } from '../../../src/compiler/html/dom.ts';
import { findBrowser } from '../../../src/node/chromium.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** The base deck with one fixture added as section 50, and the files the fixture needs; returns the compiled deck. */
async function compileWith(fixture: string, prepare: (root: string) => void = () => undefined) {
  const root = mkdtempSync(join(tmpdir(), 'deck-untrusted-'));
  made.push(root);
  cpSync(join(FIXTURES, 'base-deck'), root, { recursive: true });
  copyFileSync(join(FIXTURES, 'untrusted', fixture), join(root, 'slides', `50-${fixture}`));
  prepare(root);
  const deck = await compileDeck({ root, cacheDir: join(root, '.cache'), fonts: false });
  // In the order of the file's lines (each check reports in its own pass).
  const line = (m: string): number => Number(/:(\d+) /.exec(m)?.[1]);
  return { deck, messages: deck.errors.map(formatContentError).sort((a, b) => line(a) - line(b)), html: deck.model.sections.flatMap((s) => s.slides.map((sl) => sl.body + sl.notes)).join('\n') };
}

describe('what the content may point to: files inside assets/ only', () => {
  it('refuses an image path that leaves assets/ (.., an absolute path, a link to a file outside), and a backslash, each at its line', async () => {
    const { messages, html } = await compileWith('image-outside-assets.md', (root) => {
      mkdirSync(join(root, 'assets'), { recursive: true });
      writeFileSync(join(root, 'secret.txt'), 'secret');
      symlinkSync(join(root, 'secret.txt'), join(root, 'assets', 'link-out.png'));
    });
    expect(messages).toEqual([
      expect.stringMatching(/^\[deck\] slides\/50-image-outside-assets\.md:8 image `\.\.\/\.\.\/etc\/passwd` is outside assets\/\. Put the file under assets\//),
      expect.stringMatching(/^\[deck\] slides\/50-image-outside-assets\.md:10 image `\/etc\/hostname` is outside assets\//),
      expect.stringMatching(/^\[deck\] slides\/50-image-outside-assets\.md:12 image `assets\/link-out\.png` is outside assets\//),
      expect.stringMatching(/^\[deck\] slides\/50-image-outside-assets\.md:14 image path `assets%5Cfigure\.png` has a backslash\. Write paths with `\/`/),
    ]);
    expect(html).not.toContain('<img');
  });

  it('finds images named in Chinese or with a space, as written', async () => {
    const { messages, html } = await compileWith('image-names.md', (root) => {
      mkdirSync(join(root, 'assets'), { recursive: true });
      writeFileSync(join(root, 'assets', '图表.png'), PNG);
      writeFileSync(join(root, 'assets', 'my fig.png'), PNG);
    });
    expect(messages).toEqual([]);
    expect(html).toContain('src="/assets/%E5%9B%BE%E8%A1%A8.png"');
    expect(html).toContain('src="/assets/my%20fig.png"');
  });
});

describe('HTML in the content: an allowlist, and everything else an error with its place', () => {
  it('refuses scripts, event handlers, styles, frames and other hosts, on the slide, in the notes and in the cue; shows them as text', async () => {
    const { messages, html } = await compileWith('html-injection.md');
    const lines = messages.map((m) => m.replace(/\. Use Markdown.*$/, ''));
    expect(lines).toEqual([
      '[deck] slides/50-html-injection.md:8 HTML element `<script>` is not allowed',
      '[deck] slides/50-html-injection.md:10 image `x` is not a file under assets/',
      '[deck] slides/50-html-injection.md:10 attribute `onerror` on `<img>` is not allowed',
      '[deck] slides/50-html-injection.md:10 `<img>` has no alt text',
      '[deck] slides/50-html-injection.md:10 attribute `style` on `<span>` is not allowed',
      '[deck] slides/50-html-injection.md:12 HTML element `<iframe>` is not allowed',
      '[deck] slides/50-html-injection.md:14 HTML element `<link>` is not allowed',
      '[deck] slides/50-html-injection.md:16 link `https://example.com/` leads out of the deck',
      '[deck] slides/50-html-injection.md:19 image `https://example.com/track.png` is not a file under assets/',
      '[deck] slides/50-html-injection.md:22 link `javascript:alert(\'cue\')` leads out of the deck',
    ]);
    // What is refused is shown as text (a text node's quotes are not escaped, so `onerror="…"` may
    // stay readable there): no element of it is left, and no attribute.
    const elements: { tag: string; attrs: Record<string, string> }[] = [];
    walkHtml(parseHtml(html), (node) => void (isElement(node) && elements.push({ tag: node.tagName, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])) })));
    expect(elements.filter((e) => ['script', 'iframe', 'link', 'style'].includes(e.tag))).toEqual([]);
    expect(elements.filter((e) => Object.keys(e.attrs).some((a) => a.startsWith('on') || a === 'style'))).toEqual([]);
    expect(elements.filter((e) => /^(https?:|javascript:)/i.test(e.attrs.src ?? e.attrs.href ?? ''))).toEqual([]);
    expect(html).not.toContain('样式</span>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses markup that closes what it did not open, leaves an element open, takes a reserved id or the deck\u2019s own attributes', async () => {
    const { messages } = await compileWith('html-structure.md');
    expect(messages.map((m) => m.replace(/\. (Use Markdown|Close it).*$/, ''))).toEqual([
      '[deck] slides/50-html-structure.md:8 HTML element `</section>` is not allowed',
      '[deck] slides/50-html-structure.md:10 `<div>` is not closed',
      '[deck] slides/50-html-structure.md:18 id `deck-manifest` is reserved by the deck',
      '[deck] slides/50-html-structure.md:20 attribute `data-deck-quiz` on `<p>` is not allowed',
    ]);
  });

  it('refuses a formula that would link or load (KaTeX\u2019s trusted commands)', async () => {
    const { messages } = await compileWith('formula-links.md');
    expect(messages).toEqual([
      expect.stringMatching(/^\[deck\] slides\/50-formula-links\.md:8 formula uses `\\href`, which the deck does not allow/),
      expect.stringMatching(/^\[deck\] slides\/50-formula-links\.md:8 formula uses `\\url`, which the deck does not allow/),
      expect.stringMatching(/^\[deck\] slides\/50-formula-links\.md:11 formula uses `\\includegraphics`, which the deck does not allow/),
    ]);
  });

  it.runIf(findBrowser())('refuses a diagram that calls a script, links out, loads an image, or links to a slide that does not exist', async () => {
    const { messages } = await compileWith('diagram-unsafe.md');
    expect(messages.map((m) => m.replace(/\. (A diagram|Link it|Labels|Link to).*$/, ''))).toEqual([
      '[deck] slides/50-diagram-unsafe.md:8 diagram node `A` calls a script (`click … call`)',
      '[deck] slides/50-diagram-unsafe.md:8 a diagram label uses `<img>`',
      '[deck] slides/50-diagram-unsafe.md:8 diagram node `B` links to `javascript:alert(1)`',
      '[deck] slides/50-diagram-unsafe.md:19 link to unknown slide `#/no-such-slide`',
    ]);
  });
});

describe('diagrams that cannot be drawn at build time', () => {
  it('fail the build without a browser, naming a CHROME_PATH that is wrong, saying how to get one or how to leave them to the reader\u2019s browser', async () => {
    const saved = { PATH: process.env.PATH, CHROME_PATH: process.env.CHROME_PATH, PLAYWRIGHT_BROWSERS_PATH: process.env.PLAYWRIGHT_BROWSERS_PATH, HOME: process.env.HOME };
    Object.assign(process.env, { PATH: '', CHROME_PATH: '/nonexistent/chrome', PLAYWRIGHT_BROWSERS_PATH: '/nonexistent', HOME: '/nonexistent' });
    try {
      const root = mkdtempSync(join(tmpdir(), 'deck-untrusted-'));
      made.push(root);
      cpSync(join(FIXTURES, 'base-deck'), root, { recursive: true });
      copyFileSync(join(FIXTURES, 'mermaid-syntax-error.md'), join(root, 'slides', '50-diagram.md'));
      await expect(compileDeck({ root, cacheDir: join(root, '.cache'), fonts: false })).rejects.toThrow(/^\[deck\] 1 diagrams cannot be drawn: no Chromium found: CHROME_PATH=\/nonexistent\/chrome is not an executable, .*DECK_DIAGRAMS=browser/);
      const left = await compileDeck({ root, cacheDir: join(root, '.cache'), fonts: false, diagrams: 'browser' });
      expect(left.model.sections.flatMap((s) => s.slides.map((sl) => sl.body)).join('')).toContain('<pre class="mermaid">');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});

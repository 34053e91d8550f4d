import { cpSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDeck } from '../../../src/compiler/compile-deck.ts';
import { formatContentError } from '../../../src/compiler/errors.ts';
import { findBrowser } from '../../../src/node/chromium.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
// One font cache for every fixture: the interface's characters are the same in each.
const FONT_CACHE = mkdtempSync(join(tmpdir(), 'deck-fixture-fonts-'));
made.push(FONT_CACHE);

/** The base deck with one fault file added as section 50; returns every error message. */
async function messagesWith(fixture: string): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'deck-fixture-'));
  made.push(root);
  cpSync(join(FIXTURES, 'base-deck'), root, { recursive: true });
  copyFileSync(join(FIXTURES, fixture), join(root, 'slides', `50-${fixture}`));
  const deck = await compileDeck({ root, cacheDir: join(root, '.cache'), fontCacheDir: FONT_CACHE });
  return deck.errors.map(formatContentError);
}

describe('bad input fails with its place: `[deck] file:line problem. fix`', () => {
  it('compiles the base deck without an error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'deck-fixture-'));
    made.push(root);
    cpSync(join(FIXTURES, 'base-deck'), root, { recursive: true });
    const deck = await compileDeck({ root, cacheDir: join(root, '.cache'), fontCacheDir: FONT_CACHE });
    expect(deck.errors).toEqual([]);
    expect(deck.model.sections.map((s) => s.id)).toEqual(['intro', 'references']);
  });

  it('a formula KaTeX cannot parse', async () => {
    expect(await messagesWith('katex-parse-error.md')).toEqual([
      expect.stringMatching(/^\[deck\] slides\/50-katex-parse-error\.md:8 formula KaTeX cannot parse: .+ in `a\(1\+r\)\^\{t`\. Fix the TeX/),
    ]);
  });

  it.runIf(findBrowser())('a Mermaid diagram that does not parse, at the line Mermaid names', async () => {
    expect(await messagesWith('mermaid-syntax-error.md')).toEqual([
      expect.stringMatching(/^\[deck\] slides\/50-mermaid-syntax-error\.md:11 Mermaid diagram does not parse: Parse error on line 3/),
    ]);
  });

  it.runIf(findBrowser())('a diagram label that Mermaid breaks on its own, or that leaves one character on a line', async () => {
    expect(await messagesWith('mermaid-label-broken.md')).toEqual([
      expect.stringMatching(/^\[deck\] slides\/50-mermaid-label-broken\.md:8 Mermaid breaks the diagram label “新质生产力.+ \/ .+” where the source does not/),
      expect.stringMatching(/^\[deck\] slides\/50-mermaid-label-broken\.md:8 Mermaid breaks the diagram label “中国式现代 \/ 化”/),
    ]);
  });

  it('an unknown citation number', async () => {
    expect(await messagesWith('unknown-citation.md')).toEqual([
      '[deck] slides/50-unknown-citation.md:8 unknown citation [@12]. The references are [1]–[2] in slides/references.yml.',
    ]);
  });

  it('a missing image', async () => {
    expect(await messagesWith('missing-image.md')).toEqual([
      '[deck] slides/50-missing-image.md:8 missing image `assets/no-such-figure.png`. Put the file under assets/ and give its path from the project root, e.g. `assets/figure.png`.',
    ]);
  });

  it('a duplicate slide id, naming where it was first used', async () => {
    expect(await messagesWith('duplicate-slide-id.md')).toEqual([
      '[deck] slides/50-duplicate-slide-id.md:12 duplicate slide id `intro-second` (first used at slides/01-intro.md:15). Give each slide its own id.',
    ]);
  });

  it('an empty slide', async () => {
    expect(await messagesWith('empty-slide.md')).toEqual([
      '[deck] slides/50-empty-slide.md:11 empty slide. Write its content, or remove the extra `---`.',
    ]);
  });

  it('a slide without an id', async () => {
    expect(await messagesWith('slide-without-id.md')).toEqual([
      '[deck] slides/50-slide-without-id.md:11 slide has no id. Add `{#slide-id}` at the end of its first heading, e.g. `## 标题 {#logic-power}`.',
    ]);
  });

  it('an unknown ::: block', async () => {
    expect(await messagesWith('unknown-block.md')).toEqual([
      expect.stringMatching(/^\[deck\] slides\/50-unknown-block\.md:8 unknown block `::: teachng`\. Use one of: ::: teaching, ::: discussion, ::: references/),
    ]);
  });

  it('an unknown slide option', async () => {
    expect(await messagesWith('unknown-slide-option.md')).toEqual([
      '[deck] slides/50-unknown-slide-option.md:7 unknown slide option `stepz`. Use `steps`, `minutes=N`, `class=name`, `plan=id` or `source=12-13`.',
      "[deck] slides/50-unknown-slide-option.md:7 `minutes=two` is not a number of minutes of at least 0.5. Write e.g. `minutes=1.5`, or leave the minutes to the slide's kind.",
    ]);
  });

  it('a character the deck font cannot supply, in text and in \\text{}, but not in math (KaTeX draws that)', async () => {
    const fix = 'Use another character or a common variant of it: the deck font (Noto Sans SC) has no glyph for it.';
    expect(await messagesWith('character-not-in-font.md')).toEqual([
      `[deck] slides/50-character-not-in-font.md:8 character “𠮷” (U+20BB7) is not in the deck font. ${fix}`,
      `[deck] slides/50-character-not-in-font.md:12 character “힣” (U+D7A3) is not in the deck font. ${fix}`,
    ]);
  });
});

/** The base deck changed by `prepare`; returns every error message (and the deck). */
async function messagesIn(prepare: (root: string) => void, fonts = false) {
  const root = mkdtempSync(join(tmpdir(), 'deck-fixture-'));
  made.push(root);
  cpSync(join(FIXTURES, 'base-deck'), root, { recursive: true });
  prepare(root);
  const deck = await compileDeck({ root, cacheDir: join(root, '.cache'), fontCacheDir: FONT_CACHE, fonts, diagrams: 'browser' });
  return { messages: deck.errors.map(formatContentError), deck };
}

describe('the slides/ folder and its YAML files', () => {
  it('a missing slides/ is one error per file it lacks, never a stack trace', async () => {
    const { messages } = await messagesIn((root) => rmSync(join(root, 'slides'), { recursive: true }));
    expect(messages).toEqual([
      '[deck] slides/deck.yml:1 slides/deck.yml is missing. Create it (see the README, "Authoring format").',
      '[deck] slides/references.yml:1 slides/references.yml is missing. Create it (see the README, "Authoring format").',
      '[deck] slides/:1 the folder slides/ is missing. Create it with one Markdown file per section (see the README, "Authoring format").',
    ]);
  });

  it('a slides/ without a section file is an error, not a deck of no slides', async () => {
    const { messages } = await messagesIn((root) => {
      for (const f of readdirSync(join(root, 'slides')).filter((n) => n.endsWith('.md'))) unlinkSync(join(root, 'slides', f));
    });
    expect(messages).toEqual(['[deck] slides/:1 slides/ has no section files. Add one `NN-name.md` file per section of the paper.']);
  });

  it('reads every file the same with a byte-order mark (an editor\u2019s), the YAML lists too', async () => {
    const { messages, deck } = await messagesIn((root) => {
      writeFileSync(join(root, 'slides/glossary.yml'), '- term: 正文\n  definition: 一页的主体。\n  teaching: true\n');
      for (const f of readdirSync(join(root, 'slides'))) writeFileSync(join(root, 'slides', f), `\uFEFF${readFileSync(join(root, 'slides', f), 'utf8')}`);
    });
    expect(messages).toEqual([]);
    expect(deck.model.meta.title).toBe('测试讲稿');
    expect(deck.model.references.map((r) => r.n)).toEqual([1, 2]);
    expect(deck.model.glossary.map((t) => t.term)).toEqual(['正文']);
  });

  it('a character the deck font cannot supply in deck.yml (its words are on the printed covers)', async () => {
    const { messages } = await messagesIn((root) => writeFileSync(join(root, 'slides/deck.yml'), 'title: 测试讲稿\nsubtitle: 副标题 𠮷\n'), true);
    expect(messages).toEqual([expect.stringMatching(/^\[deck\] slides\/deck\.yml:2 character “𠮷” \(U\+20BB7\) is not in the deck font\./)]);
  });
});

describe('step notes: `Note N:` belongs to the Nth step of its slide', () => {
  it('a step note for a step the slide does not have', async () => {
    expect(await messagesWith('step-notes-beyond-steps.md')).toEqual([
      '[deck] slides/50-step-notes-beyond-steps.md:17 `Note 3:` is for step 3, but the slide has 2 steps. Number step notes by the fragments of the slide (`{.fragment}` or the `steps` option), from 1.',
    ]);
  });
});

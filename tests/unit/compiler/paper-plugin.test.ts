import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexHtmlTransformContext, ResolvedConfig } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { PAPER_FILE } from '../../../src/compiler/paper/read-paper.ts';
import { paperPlugin, type PaperPluginOptions } from '../../../src/compiler/paper/vite-paper.ts';

const ROOT = join(import.meta.dirname, '../../..');
const TEMPLATE = readFileSync(join(ROOT, 'paper.html'), 'utf8');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A project holding the real paper, or the paper with `edit` applied. */
function project(edit: (text: string) => string = (t) => t): string {
  const root = mkdtempSync(join(tmpdir(), 'deck-paper-plugin-'));
  made.push(root);
  mkdirSync(join(root, 'assets/paper'), { recursive: true });
  copyFileSync(join(ROOT, PAPER_FILE), join(root, PAPER_FILE));
  writeFileSync(join(root, PAPER_FILE), edit(readFileSync(join(root, PAPER_FILE), 'utf8')));
  return root;
}

/** Runs the plugin's page transform as `vite build` would. */
async function build(root: string, html: string, options?: PaperPluginOptions): Promise<string> {
  const plugin = paperPlugin(options);
  const logged: string[] = [];
  const config = { root, command: 'build', logger: { error: (m: string) => logged.push(m) } } as unknown as ResolvedConfig;
  (plugin.configResolved as (c: ResolvedConfig) => void)(config);
  const hook = plugin.transformIndexHtml as { handler: (html: string, ctx: IndexHtmlTransformContext) => Promise<string> };
  return hook.handler(html, {} as IndexHtmlTransformContext);
}

describe('the deck:paper plugin', () => {
  it('fills paper.html with the paper, its title and its slide links (none given here)', async () => {
    const html = await build(project(), TEMPLATE);
    expect(html).toContain('<title>新质生产力赋能共同富裕的内在逻辑与推进路径 · 论文原文</title>');
    expect(html).toContain('<p id="p-45" class="deck-paper-p" data-deck-paragraph="45"');
    expect(html).toContain('<script type="application/json" id="deck-paper-links">[]</script>');
    expect(html).not.toContain('<!--deck:paper');
  });

  it('passes on the links and left-out paragraphs it is given', async () => {
    const html = await build(project(), TEMPLATE, { links: () => [{ paragraph: 2, slides: [{ id: 'logic-mutual', title: '相互促进' }] }], leftOut: async () => [{ paragraph: 3, reason: '背景' }] });
    expect(html).toContain('<script type="application/json" id="deck-paper-links">[{"paragraph":2,"slides":[{"id":"logic-mutual","title":"相互促进"}]}]</script>');
    expect(html).toContain('<script type="application/json" id="deck-paper-left-out">[{"paragraph":3,"reason":"背景"}]</script>');
  });

  it('puts the paper into index.html as an inert template for the one-file deck (inPage), and nothing otherwise', async () => {
    const index = readFileSync(join(ROOT, 'index.html'), 'utf8');
    expect(index).toContain('<!--deck:paper in-page-->');
    const links = () => [{ paragraph: 2, slides: [{ id: 'logic-mutual', title: '相互促进' }] }];
    const one = await build(project(), index, { links, inPage: true });
    expect(one).toContain('<template id="deck-paper-template" data-deck-title="新质生产力赋能共同富裕的内在逻辑与推进路径 · 论文原文">\n<article class="deck-paper" lang="zh-CN"');
    expect(one).toContain('<p id="p-45" class="deck-paper-p"');
    expect(one).toContain('<script type="application/json" id="deck-paper-links">[{"paragraph":2,');
    expect(one).not.toContain('<!--deck:paper');
    const site = await build(project(), index, { links });
    expect(site).not.toContain('deck-paper');
    expect(site).not.toContain('<!--deck:paper');
  });

  it('leaves the other pages alone', async () => {
    expect(await build(project(), '<!doctype html><title>x</title>')).toBe('<!doctype html><title>x</title>');
  });

  it('fails the build on a problem in the paper, with its place', async () => {
    const root = project((t) => t.replace('<sup>[5](P222)</sup>', '<sup>[5](S.222)</sup>'));
    await expect(build(root, TEMPLATE)).rejects.toThrow('[deck] assets/paper/paper.txt:31 reference marker `<sup>[5](S.222)</sup>` is not `[n]` or `[n](Pn)`.');
  });
});

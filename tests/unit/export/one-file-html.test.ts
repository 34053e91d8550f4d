import { describe, expect, it } from 'vitest';
import { cleanOneFileHtml, escapeForScript, escapeForStyle } from '../../../src/export/one-file-html.ts';

const page = (head: string, body = '<p>正文</p>') => `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8" />\n${head}\n</head>\n<body>${body}</body>\n</html>\n`;

describe('cleanOneFileHtml', () => {
  it('drops the stylesheet link’s attributes the inliner leaves on <style>, and nothing else', () => {
    const html = page('<style rel="stylesheet" crossorigin>.a{color:red}</style>\n<style id="deck-fonts">@font-face{}</style>');
    expect(cleanOneFileHtml(html)).toBe(page('<style>.a{color:red}</style>\n<style id="deck-fonts">@font-face{}</style>'));
  });

  it('keeps crossorigin where it is allowed (a module script)', () => {
    const html = page('<script type="module" crossorigin>import.meta;</script>');
    expect(cleanOneFileHtml(html)).toBe(html);
  });

  it('escapes U+FFFF in a script, so the page has no forbidden code point and the script means the same', () => {
    const source = 'const re = RegExp(`[\\u202a-\\ud7ff豈-\uffff]`); const s = "\uffff";';
    const out = cleanOneFileHtml(page(`<script type="module">${source}</script>`));
    expect(out).not.toMatch(/\p{Noncharacter_Code_Point}/u);
    const script = out.slice(out.indexOf('<script type="module">') + 22, out.indexOf('</script>'));
    expect(script).toBe('const re = RegExp(`[\\u202a-\\ud7ff豈-\\uffff]`); const s = "\\uffff";');
    // The same values once run.
    const run = (code: string) => new Function(`${code} return [re.source, s];`)() as [string, string];
    expect(run(script)).toEqual(run(source));
  });

  it('leaves text, attributes and markup outside scripts and styles byte for byte', () => {
    const body = '<svg viewBox="0 0 1 1"><style>.x{fill:red}</style><text>“共同富裕”&amp;</text></svg><template><p class=a>模板</p></template><img alt="图" src="data:,">';
    const html = page('<link rel="icon" href="data:," />', body);
    expect(cleanOneFileHtml(html)).toBe(html);
  });

  it('escapes in a JSON script and in a style too', () => {
    const out = cleanOneFileHtml(page('<script type="application/json" id="m">{"a":"\uffff"}</script><style>.a::after{content:"\ufdd0"}</style>'));
    expect(JSON.parse(out.slice(out.indexOf('id="m">') + 7, out.indexOf('</script>')))).toEqual({ a: '\uffff' });
    expect(out).toContain('content:"\\fdd0 "');
  });
});

describe('escapes', () => {
  it('take a backslash that escaped the character with it, and leave escaped backslashes be', () => {
    expect(escapeForScript('"\\\uffff"')).toBe('"\\uffff"');
    expect(escapeForScript('"\\\\\uffff"')).toBe('"\\\\\\uffff"');
    expect(new Function(`return ${escapeForScript('"\\\uffff"')}`)()).toBe('\uffff');
    expect(new Function(`return ${escapeForScript('"\\\\\uffff"')}`)()).toBe('\\\uffff');
  });

  it('write a code point above U+FFFF as its surrogate pair, and controls too', () => {
    expect(escapeForScript('"\u{1fffe}"')).toBe('"\\ud83f\\udffe"');
    expect(new Function(`return ${escapeForScript('"\u{1fffe}"')}`)()).toBe('\u{1fffe}');
    expect(escapeForScript('"\u0001"')).toBe('"\\u0001"');
    expect(escapeForScript('a\tb\nc')).toBe('a\tb\nc');
    expect(escapeForStyle('"\u{1fffe}"')).toBe('"\\1fffe "');
  });
});

import postcss from 'postcss';
import type { Plugin } from 'vite';

/**
 * KaTeX's CSS lists each font three times (woff2, woff, ttf); every browser that runs the deck
 * reads woff2, so the other two sources, and their files, leave the build (in the one-file
 * deck they would otherwise be inlined: about 1 MB for nothing). The CSS is read with postcss.
 */
export function katexWoff2Only(): Plugin {
  return {
    name: 'deck:katex-woff2',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const dropped = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css') || typeof file.source !== 'string') continue;
        const css = postcss.parse(file.source);
        let changed = false;
        css.walkAtRules('font-face', (rule) => {
          rule.walkDecls('src', (decl) => {
            const sources = splitSources(decl.value);
            if (!sources.some((s) => s.format === 'woff2')) return;
            for (const s of sources.filter((x) => x.format !== 'woff2')) dropped.add(s.url.split('/').pop() ?? '');
            decl.value = sources.filter((s) => s.format === 'woff2').map((s) => s.text).join(',');
            changed = true;
          });
        });
        if (changed) file.source = css.toString();
      }
      for (const name of Object.keys(bundle)) {
        if (dropped.has(name.split('/').pop() ?? '')) delete bundle[name];
      }
    },
  };
}

/** The sources of a `src` descriptor (`url(a) format("woff2"), url(b) format("woff")`), each with its URL and format. */
function splitSources(value: string): { text: string; url: string; format: string }[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '(') depth++;
    else if (value[i] === ')') depth--;
    else if (value[i] === ',' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((text) => {
    const inside = (fn: string): string => {
      const at = text.indexOf(`${fn}(`);
      return at < 0 ? '' : text.slice(at + fn.length + 1, text.indexOf(')', at)).trim().replace(/^["']|["']$/g, '');
    };
    return { text: text.trim(), url: inside('url'), format: inside('format') };
  });
}

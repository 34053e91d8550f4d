import type { Plugin } from 'vite';

/** `, url(x.woff) format("woff"), url(x.ttf) format("truetype")` after a woff2 source. */
const LEGACY_SOURCES = /,\s*url\(([^)]*)\)\s*format\("woff"\)\s*,\s*url\(([^)]*)\)\s*format\("truetype"\)/g;

/**
 * KaTeX's CSS lists each font three times (woff2, woff, ttf); every browser that runs the deck
 * reads woff2, so the other two sources, and their files, leave the build (in the one-file
 * deck they would otherwise be inlined: about 1 MB for nothing).
 */
export function katexWoff2Only(): Plugin {
  return {
    name: 'deck:katex-woff2',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const dropped = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css') || typeof file.source !== 'string') continue;
        file.source = file.source.replace(LEGACY_SOURCES, (_m, woff: string, ttf: string) => {
          for (const url of [woff, ttf]) dropped.add(url.replace(/^["']|["']$/g, '').split('/').pop() ?? '');
          return '';
        });
      }
      for (const name of Object.keys(bundle)) {
        if (dropped.has(name.split('/').pop() ?? '')) delete bundle[name];
      }
    },
  };
}

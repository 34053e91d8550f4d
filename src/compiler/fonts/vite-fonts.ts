import type { HtmlTagDescriptor, Plugin, ResolvedConfig } from 'vite';
import { dataUrl, fontFaceCss } from './font-face-css.ts';
import type { FontFile } from './subset.ts';

/** Where the dev server serves the deck font's files. */
const DEV_PATH = '/__deck-fonts/';

/**
 * Ships the deck font with every page: its @font-face rules inline in `<head>` (the first slide
 * needs no extra CSS request), a preload of the faces the first slide is painted with, and the
 * woff2 files as build assets or, in dev, from a middleware. `fonts` gives the files of the
 * current compile; `inline` puts them in the page as data: URLs instead (the one-file deck).
 */
export function deckFontsPlugin(fonts: () => Promise<readonly FontFile[]>, { inline = false } = {}): Plugin {
  let config: ResolvedConfig;
  const urlOf = (f: FontFile): string =>
    inline ? dataUrl(f) : config.command === 'serve' ? `${DEV_PATH}${f.name}` : `${config.base}${config.build.assetsDir}/${f.name}`;

  return {
    name: 'deck:fonts',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (req, res, next) => {
        fonts().then((files) => {
          const file = files.find((f) => req.url === `/${f.name}`);
          res.statusCode = file ? 200 : 404; // an old name after a rebuild: not the page
          if (file) res.setHeader('Content-Type', 'font/woff2');
          res.end(file?.bytes);
        }, next);
      });
    },
    transformIndexHtml: {
      // After Vite has resolved the page's own URLs: these point at files Vite does not know.
      order: 'post',
      async handler() {
        const files = await fonts();
        // Preloaded: what the first slide is painted with, its own small faces (else the regular weight).
        const first = files.filter((f) => f.firstSlide);
        const preload = first.length ? first : files.filter((f) => f.weight === 400 && f.unicodeRange === null);
        // The (long) rules go at the end of <head>: `<meta charset>` must stay within the page's first 1024 bytes.
        const tags: HtmlTagDescriptor[] = [{ tag: 'style', attrs: { id: 'deck-fonts' }, children: fontFaceCss(files, urlOf), injectTo: 'head' }];
        if (!inline) {
          tags.unshift(...preload.map((f): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: urlOf(f) }, injectTo: 'head' })));
        }
        return files.length ? tags : [];
      },
    },
    async generateBundle() {
      if (inline) return;
      for (const f of await fonts()) {
        this.emitFile({ type: 'asset', fileName: `${config.build.assetsDir}/${f.name}`, source: f.bytes });
      }
    },
  };
}

import { preview } from 'vite';
import { deckError } from '../node/errors.ts';

/** A static server of the built site, for the browser to print from. */
export interface DistServer {
  /** Its URL, ending in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `distDir` on 127.0.0.1 at a free port (Vite's preview server, without the project's config). */
export async function serveDist(distDir: string): Promise<DistServer> {
  const server = await preview({
    configFile: false,
    logLevel: 'silent',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw deckError(`could not serve ${distDir}: the preview server did not report its URL`);
  }
  return { url: url.endsWith('/') ? url : `${url}/`, close: () => server.close() };
}

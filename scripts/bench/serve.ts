import { serveStatic, servedBody, type StaticServer } from '../../src/node/static-server.ts';

/** The gzip level of the bench server (and of the size budgets): zlib's default, what servers use. */
export const GZIP_LEVEL = 6;

/** The bytes a gzip-serving static server sends for a file of this name (its body, without headers). */
export function servedBytes(name: string, bytes: Buffer): Buffer {
  return servedBody(name, bytes, GZIP_LEVEL);
}

/** A static server of a built deck on 127.0.0.1 that gzips on the fly (compressed once per file). */
export type GzipServer = StaticServer;

/**
 * Serves `dir` like any static host with compression on (the project's static server): text
 * gzip-compressed at GZIP_LEVEL, fonts and images as they are, `Cache-Control: no-cache` (each
 * run starts from an empty browser cache anyway). `extra` adds pages that exist only in memory
 * (the bench's static first-slide page).
 */
export function serveGzip(dir: string, extra: Record<string, string> = {}): Promise<GzipServer> {
  return serveStatic({ root: dir, gzip: { level: GZIP_LEVEL }, cacheControl: 'no-cache', extra });
}

import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types of what the deck ships; text types are sent gzip-compressed. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

/** Formats that are already compressed: a server sends them as they are. */
const COMPRESSED = new Set(['.woff2', '.woff', '.png', '.jpg', '.webp', '.pdf']);

/** The gzip level of the bench server (and of the size budgets): zlib's default, what servers use. */
export const GZIP_LEVEL = 6;

/** The bytes a gzip-serving static server sends for a file of this name (its body, without headers). */
export function servedBytes(name: string, bytes: Buffer): Buffer {
  return COMPRESSED.has(extname(name).toLowerCase()) ? bytes : gzipSync(bytes, { level: GZIP_LEVEL });
}

/** A static server of a built deck on 127.0.0.1 that gzips on the fly (compressed once per file). */
export interface GzipServer {
  /** Ends in `/`, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` like any static host with compression on: text gzip-compressed, fonts and images
 * as they are, `Cache-Control: no-cache` (each run starts from an empty browser cache anyway).
 * `extra` adds pages that exist only in memory (the bench's static first-slide page).
 */
export async function serveGzip(dir: string, extra: Record<string, string> = {}): Promise<GzipServer> {
  const cache = new Map<string, { body: Buffer; gzip: boolean; type: string }>();
  const load = (path: string): { body: Buffer; gzip: boolean; type: string } | null => {
    const hit = cache.get(path);
    if (hit) return hit;
    let raw: Buffer;
    if (path in extra) raw = Buffer.from(extra[path]!, 'utf8');
    else {
      const file = normalize(join(dir, path));
      if (!file.startsWith(normalize(dir) + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
      raw = readFileSync(file);
    }
    const ext = extname(path).toLowerCase();
    const entry = { body: servedBytes(path, raw), gzip: !COMPRESSED.has(ext), type: TYPES[ext] ?? 'application/octet-stream' };
    cache.set(path, entry);
    return entry;
  };

  const server: Server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const entry = load(path);
    if (!entry) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const gzip = entry.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.body : path in extra ? Buffer.from(extra[path]!, 'utf8') : readFileSync(join(dir, path));
    res.writeHead(200, {
      'Content-Type': entry.type,
      'Content-Length': body.byteLength,
      'Cache-Control': 'no-cache',
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
      ...(path.endsWith('.woff2') ? { 'Access-Control-Allow-Origin': '*' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

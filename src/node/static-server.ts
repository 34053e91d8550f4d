import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { deckError } from './errors.ts';

/**
 * The project's one static file server (the exporter, the browser tests, the bench): a built
 * deck served as any static host would serve it, on 127.0.0.1. It answers GET and HEAD with the
 * file's bytes and content type, `index.html` for a folder, 404 for anything missing or outside
 * the served folder (`..`, `%2e%2e`, a symlink pointing out), and nothing else. `npm run preview`
 * (Vite's) stays the users' server; this one has no configuration to read.
 */
export interface StaticServerOptions {
  /** The folder to serve. */
  root: string;
  /**
   * The URL path the folder is served under, e.g. `/deck/` for a deck deployed in a sub-folder;
   * anything outside it is 404. @default '/'
   */
  base?: string;
  /** Compress text (HTML, JS, CSS, JSON, SVG, …) for clients that accept gzip, at this zlib level; fonts and images go as they are. @default false */
  gzip?: false | { level: number };
  /** Files that exist only in memory, by path under `base` (e.g. `{ 'bench.html': '<!doctype html>…' }`); they win over the folder. */
  extra?: Readonly<Record<string, string | Uint8Array>>;
  /** `Cache-Control` of every answer. @default 'no-cache' */
  cacheControl?: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
}

/** A running server. */
export interface StaticServer {
  /** The served folder's URL, ending in `/`, e.g. `http://127.0.0.1:41234/` or `http://127.0.0.1:41234/deck/`. */
  url: string;
  /** Stops listening and ends open connections; safe to call twice. */
  close(): Promise<void>;
}

/** Content types of what a built deck holds (and what a static host commonly sends). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** Formats that are compressed already: a gzip-serving host sends them as they are. */
const COMPRESSED = new Set(['.woff2', '.woff', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.pdf']);

/** The content type for a file name (`application/octet-stream` when unknown). */
export function contentType(name: string): string {
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a gzip-serving host compresses a file of this name. */
export function isCompressible(name: string): boolean {
  return !COMPRESSED.has(extname(name).toLowerCase());
}

/** The body a host with gzip at `level` sends for a file of this name: gzip for text, the bytes for fonts and images. */
export function servedBody(name: string, bytes: Uint8Array, level: number): Buffer {
  return isCompressible(name) ? gzipSync(bytes, { level }) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Where a request's path points inside the served folder: a path relative to it with `/`
 * separators ('' for the folder itself; a trailing `/` kept), or null when it is outside `base`
 * or would leave the folder. Each segment is percent-decoded once and refused if it is `.`, `..`
 * or holds a `/`, `\\` or NUL (so `%2e%2e` and `..%2f` are refused like `..`).
 */
export function resolveRequestPath(url: string, base = '/'): string | null {
  const prefix = normalizeBase(base);
  let pathname = url.split(/[?#]/)[0]!;
  if (!pathname.startsWith('/')) {
    // The absolute form a proxy may send: `GET http://host/path`.
    try {
      pathname = new URL(url).pathname;
    } catch {
      return null;
    }
  }
  if (!`${pathname}/`.startsWith(prefix)) return null;
  const segments = pathname.slice(prefix.length).split('/');
  const decoded: string[] = [];
  for (const [i, segment] of segments.entries()) {
    let part: string;
    try {
      part = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (part === '.' || part === '..' || /[/\\\0]/.test(part)) return null;
    // Empty segments (`a//b`) collapse, as on most hosts; a last empty one is the trailing slash.
    if (part !== '' || i === segments.length - 1) decoded.push(part);
  }
  return decoded.join('/');
}

/** Serves `root` (see StaticServerOptions) until `close()`. */
export async function serveStatic(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (e) {
    throw deckError(`cannot serve ${root}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, e);
  }
  const base = normalizeBase(options.base ?? '/');
  const level = options.gzip ? options.gzip.level : null;
  const cacheControl = options.cacheControl ?? 'no-cache';
  const extra = new Map(Object.entries(options.extra ?? {}).map(([k, v]) => [k.replace(/^\/+/, ''), typeof v === 'string' ? Buffer.from(v, 'utf8') : v]));
  // Compressed bodies, once per file version.
  const gzipped = new Map<string, { key: string; body: Buffer }>();

  const send = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string | number>, body: Uint8Array | string): void => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, { 'Content-Length': bytes.byteLength, 'Cache-Control': cacheControl, ...headers });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
  const notFound = (req: IncomingMessage, res: ServerResponse): void => send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'not found\n');

  /** The file's bytes and a key of its version, or null when it is not a file inside the folder. */
  const load = async (rel: string): Promise<{ bytes: Uint8Array; key: string } | 'folder' | null> => {
    const inMemory = extra.get(rel);
    if (inMemory) return { bytes: inMemory, key: `extra:${rel}` };
    const file = resolve(root, ...rel.split('/'));
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      return null;
    }
    // A symlink may point anywhere: what it points to must be inside the folder too.
    const inside = relative(realRoot, real);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
    const info = await stat(real).catch(() => null);
    if (!info) return null;
    if (info.isDirectory()) return 'folder';
    if (!info.isFile()) return null;
    return { bytes: await readFile(real), key: `${real}:${info.size}:${info.mtimeMs}` };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'method not allowed\n');
      return;
    }
    const url = req.url ?? '/';
    const rel = resolveRequestPath(url, base);
    if (rel === null) return notFound(req, res);
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const pathname = url.split(/[?#]/)[0]!;
    // The base without its slash, or a folder without one: a static host redirects to the slash.
    if (rel === '' && !pathname.endsWith('/')) {
      send(req, res, 301, { Location: `${base}${query}`, 'Content-Type': 'text/plain; charset=utf-8' }, '');
      return;
    }
    const name = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    const found = await load(name);
    if (found === 'folder') {
      send(req, res, 301, { Location: `${pathname}/${query}`, 'Content-Type': 'text/plain; charset=utf-8' }, '');
      return;
    }
    if (found === null) return notFound(req, res);
    const { bytes, key } = found;
    const headers: Record<string, string> = { 'Content-Type': contentType(name) };
    // Fonts are fetched in CORS mode (`<link rel=preload as=font crossorigin>`).
    if (/\.(woff2?|ttf|otf)$/i.test(name)) headers['Access-Control-Allow-Origin'] = '*';
    if (level !== null && isCompressible(name)) {
      headers.Vary = 'Accept-Encoding';
      if (acceptsGzip(req.headers['accept-encoding'])) {
        let cached = gzipped.get(name);
        if (cached?.key !== key) {
          cached = { key, body: servedBody(name, bytes, level) };
          gzipped.set(name, cached);
        }
        send(req, res, 200, { ...headers, 'Content-Encoding': 'gzip' }, cached.body);
        return;
      }
    }
    send(req, res, 200, headers, bytes);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(req, res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, `${e instanceof Error ? e.message : String(e)}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (e) => fail(deckError(`cannot serve ${root}: ${(e as NodeJS.ErrnoException).code ?? e.message}`, e)));
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ok);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}${base}`,
    close: () =>
      (closing ??= new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      })),
  };
}

/** `deck`, `/deck`, `/deck/` → `/deck/`; `''` and `/` → `/`. */
function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Whether an Accept-Encoding header allows gzip (`gzip`, `*`, not `gzip;q=0`). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((x) => x !== undefined);
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q) > 0);
  });
}

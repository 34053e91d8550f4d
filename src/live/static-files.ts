import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Answers GET and HEAD with the built deck's files (`/` is index.html; `?join`, `?live=` are the
 * deck's business). Never serves outside `distDir`. Hashed files under assets/ are cached for
 * good, pages are revalidated. A page (`.html`) goes through `page` first, if given. Returns
 * false when it has no such file (the caller answers 404).
 */
export function serveStatic(distDir: string, req: IncomingMessage, res: ServerResponse, page?: (html: string) => string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return false;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(distDir, path));
  if (!file.startsWith(normalize(distDir) + sep) || path.includes('\0')) return false;
  let size: number;
  let body: Buffer | null = null;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return false;
    size = stat.size;
    if (page && extname(file).toLowerCase() === '.html') {
      body = Buffer.from(page(readFileSync(file, 'utf8')), 'utf8');
      size = body.length;
    }
  } catch {
    return false;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD' || body) {
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, serveStatic, type StaticServer } from '../../../src/node/static-server.ts';

let dir: string;
let site: string;
const servers: StaticServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deck-static-'));
  site = join(dir, 'site');
  mkdirSync(join(site, 'assets'), { recursive: true });
  mkdirSync(join(site, 'sub'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>deck</title>'.repeat(50));
  writeFileSync(join(site, 'handout.html'), '<!doctype html><title>handout</title>');
  writeFileSync(join(site, 'assets', 'main-abc.js'), 'console.log("deck");\n'.repeat(100));
  writeFileSync(join(site, 'assets', 'deck.css'), 'body{color:red}');
  writeFileSync(join(site, 'assets', 'font.woff2'), Buffer.from('wOF2 not really a font'.repeat(20)));
  writeFileSync(join(site, 'assets', 'picture.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(site, 'assets', 'data.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(site, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  // Outside the served folder: must never be served.
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  mkdirSync(join(dir, 'private'));
  writeFileSync(join(dir, 'private', 'key.txt'), 'SECRET');
  symlinkSync(join(dir, 'secret.txt'), join(site, 'link-out.txt'));
  symlinkSync(join(dir, 'private'), join(site, 'dir-out'));
  symlinkSync(join(site, 'handout.html'), join(site, 'link-in.html'));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function serve(options: Omit<Parameters<typeof serveStatic>[0], 'root'> = {}): Promise<StaticServer> {
  const server = await serveStatic({ root: site, ...options });
  servers.push(server);
  return server;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with the path exactly as given (fetch would normalise `..` away before sending). */
function get(server: StaticServer, path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serveStatic: files', () => {
  it('serves a file with its content type and length, and the URL ends in /', async () => {
    const server = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const js = await get(server, '/assets/main-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-length']).toBe(String(js.body.byteLength));
    expect(js.body.toString()).toContain('console.log("deck")');
    for (const [path, type] of [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/assets/deck.css', 'text/css; charset=utf-8'],
      ['/assets/font.woff2', 'font/woff2'],
      ['/assets/picture.svg', 'image/svg+xml'],
      ['/assets/data.bin', 'application/octet-stream'],
    ] as const) {
      expect((await get(server, path)).headers['content-type'], path).toBe(type);
    }
    expect((await get(server, '/assets/font.woff2')).headers['access-control-allow-origin']).toBe('*');
    expect((await get(server, '/index.html')).headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html for a folder, redirects a folder without its slash, keeps the query', async () => {
    const server = await serve();
    expect((await get(server, '/')).body.toString()).toContain('<title>deck</title>');
    expect((await get(server, '/?print-pdf')).body.toString()).toContain('<title>deck</title>');
    expect((await get(server, '/sub/')).body.toString()).toContain('<title>sub</title>');
    const redirect = await get(server, '/sub?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/sub/?x=1');
  });

  it('answers 404 for what is missing, 405 for what is not GET or HEAD', async () => {
    const server = await serve();
    expect((await get(server, '/nope.html')).status).toBe(404);
    expect((await get(server, '/assets/nope/x.js')).status).toBe(404);
    expect((await get(server, '/index.html/x')).status).toBe(404);
    const post = await get(server, '/index.html', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const server = await serve({ gzip: { level: 6 } });
    for (const headers of [{}, { 'Accept-Encoding': 'gzip' }] as Record<string, string>[]) {
      const full = await get(server, '/assets/main-abc.js', { headers });
      const head = await get(server, '/assets/main-abc.js', { method: 'HEAD', headers });
      expect(head.status).toBe(200);
      expect(head.body.byteLength).toBe(0);
      expect(head.headers['content-length']).toBe(full.headers['content-length']);
      expect(head.headers['content-encoding']).toBe(full.headers['content-encoding']);
    }
    expect((await get(server, '/nope', { method: 'HEAD' })).status).toBe(404);
  });
});

describe('serveStatic: nothing outside the served folder', () => {
  const attempts = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/secret.txt%00.html',
    '/%',
  ];
  for (const path of attempts) {
    it(`refuses ${path}`, async () => {
      const answer = await get(await serve(), path);
      expect(answer.status).toBe(404);
      expect(answer.body.toString()).not.toContain('SECRET');
    });
  }

  it('refuses a symlink to a file or a folder outside, and follows one that stays inside', async () => {
    const server = await serve();
    for (const path of ['/link-out.txt', '/dir-out/key.txt', '/dir-out/']) {
      const answer = await get(server, path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString()).not.toContain('SECRET');
    }
    expect((await get(server, '/link-in.html')).body.toString()).toContain('<title>handout</title>');
  });

  it('resolves request paths to paths inside the folder, or null', () => {
    expect(resolveRequestPath('/')).toBe('');
    expect(resolveRequestPath('/assets/a%20b.js?x#y')).toBe('assets/a b.js');
    expect(resolveRequestPath('/sub/')).toBe('sub/');
    expect(resolveRequestPath('//assets//main.js')).toBe('assets/main.js');
    expect(resolveRequestPath('http://example.org/index.html')).toBe('index.html');
    for (const bad of ['/../x', '/a/./b', '/%2e%2e/x', '/.%2e/x', '/a%2f..%2f..%2fx', '/a%5cb', '/a%00', '/%zz']) expect(resolveRequestPath(bad), bad).toBeNull();
    expect(resolveRequestPath('/deck/x.js', '/deck/')).toBe('x.js');
    expect(resolveRequestPath('/deck', '/deck/')).toBe('');
    expect(resolveRequestPath('/deckx/x.js', '/deck/')).toBeNull();
    expect(resolveRequestPath('/x.js', 'deck')).toBeNull();
  });
});

describe('serveStatic: gzip', () => {
  it('is off by default', async () => {
    const answer = await get(await serve(), '/assets/main-abc.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(answer.headers['content-encoding']).toBeUndefined();
  });

  it('compresses text at the level asked for, for a client that accepts gzip; fonts and images go as they are', async () => {
    const server = await serve({ gzip: { level: 6 } });
    const js = await get(server, '/assets/main-abc.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.headers.vary).toBe('Accept-Encoding');
    const raw = Buffer.from('console.log("deck");\n'.repeat(100));
    expect(gunzipSync(js.body)).toEqual(raw);
    expect(js.body).toEqual(gzipSync(raw, { level: 6 }));
    const font = await get(server, '/assets/font.woff2', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.body.toString()).toContain('wOF2');
    const plain = await get(server, '/assets/main-abc.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(raw);
    const refused = await get(server, '/assets/main-abc.js', { headers: { 'Accept-Encoding': 'gzip;q=0' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('sends a file changed on disk as it is now', async () => {
    const server = await serve({ gzip: { level: 6 } });
    writeFileSync(join(site, 'changing.txt'), 'one');
    expect(gunzipSync((await get(server, '/changing.txt', { headers: { 'Accept-Encoding': 'gzip' } })).body).toString()).toBe('one');
    writeFileSync(join(site, 'changing.txt'), 'two, longer');
    expect(gunzipSync((await get(server, '/changing.txt', { headers: { 'Accept-Encoding': 'gzip' } })).body).toString()).toBe('two, longer');
  });
});

describe('serveStatic: a sub-folder, files in memory', () => {
  it('serves the folder under a path prefix, as a deploy in a sub-folder', async () => {
    const server = await serve({ base: '/course/deck/' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/course\/deck\/$/);
    expect((await get(server, '/course/deck/')).body.toString()).toContain('<title>deck</title>');
    expect((await get(server, '/course/deck/assets/deck.css')).status).toBe(200);
    expect((await get(server, '/index.html')).status).toBe(404);
    expect((await get(server, '/course/deck/../deck/index.html')).status).toBe(404);
    const redirect = await get(server, '/course/deck');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/course/deck/');
  });

  it('serves in-memory files before the folder’s, compressed like the rest', async () => {
    const server = await serve({ gzip: { level: 6 }, extra: { 'limit.html': '<!doctype html><title>limit</title>', 'handout.html': 'in memory' } });
    const page = await get(server, '/limit.html', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(gunzipSync(page.body).toString()).toBe('<!doctype html><title>limit</title>');
    expect((await get(server, '/handout.html')).body.toString()).toBe('in memory');
  });

  it('closes, twice without harm, and then refuses connections', async () => {
    const server = await serveStatic({ root: site });
    await server.close();
    await server.close();
    await expect(get(server, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses to serve a folder that does not exist, in one line', async () => {
    await expect(serveStatic({ root: join(dir, 'missing') })).rejects.toThrow(/^\[deck\] cannot serve .*missing: ENOENT$/);
  });
});

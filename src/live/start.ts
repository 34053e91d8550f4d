import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { writeAtomic } from '../export/write-atomic.ts';
import { deckError } from '../node/errors.ts';
import { indexDeck, LIVE_SOCKET_PATH, RESULTS_CSV_PATH } from '../shared/live-protocol.ts';
import { coalesce } from './coalesce.ts';
import { loadDeck } from './deck-file.ts';
import { Lecture } from './lecture.ts';
import { withLiveChannel } from './live-policy.ts';
import { attachLive, type LiveIo } from './live-server.ts';
import type { LiveLog } from './log.ts';
import { MemoryStore } from './memory-store.ts';
import { connectRedis, RedisStore, type RedisSource } from './redis-store.ts';
import { resultsCsv } from './results-csv.ts';
import { readResults, resultsPath, savedLectureIds } from './results-file.ts';
import { tokensMatch } from './secrets.ts';
import { serveStatic } from './static-files.ts';
import type { LiveStore } from './store.ts';
import { WriteQueue } from './write-queue.ts';

/** Largest frame the transport accepts; a bigger one closes its connection before it is parsed. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** Everything one live server needs (the CLI fills it from the command line). */
export interface LiveOptions {
  /** The built deck to serve. */
  distDir: string;
  /** The deck model (dist/deck.json). */
  deckFile: string;
  host: string;
  /** 0: any free port (the handle says which). */
  port: number;
  token: string;
  lectureId: string;
  /** Continue `lectureId` (from Redis, else its results file) instead of starting it. */
  resume: boolean;
  /** Share the class with other processes through this Redis; null for one process. */
  redisUrl: string | null;
  /** Where results files go (out/live). */
  resultsDir: string;
  /** Base for the paths named in messages (where the user typed the command). */
  cwd: string;
  log: LiveLog;
}

/** A running live server. */
export interface LiveHandle {
  port: number;
  resultsFile: string;
  /** Where the lecture came from: new, a results file, or Redis. */
  source: RedisSource;
  /** Stops: closes every connection, writes the results file a last time, lets go of Redis. */
  close(): Promise<void>;
}

/** Starts the live classroom: loads the deck and the lecture, serves the deck and the realtime channel. */
export async function startLive(o: LiveOptions): Promise<LiveHandle> {
  const shown = (path: string): string => relative(o.cwd, path) || '.';
  const deck = loadDeck(o.deckFile, shown(o.deckFile));
  const index = indexDeck(deck);
  const file = resultsPath(o.resultsDir, o.lectureId);
  const saved = o.resume && existsSync(file) ? readResults(file, shown(file), o.lectureId, deck, index) : null;
  if (!o.resume && existsSync(file)) throw deckError(`${shown(file)} exists already: continue it with --resume ${o.lectureId}`);
  if (o.resume && !saved && !o.redisUrl) throw noSuchLecture(o, shown(file));

  const startedAt = new Date().toISOString();
  let store: LiveStore;
  let source: RedisSource = saved ? 'file' : 'new';
  if (o.redisUrl) {
    const opened = await RedisStore.open(o.redisUrl, o.lectureId, { deckId: deck.id, startedAt, firstSlideId: index.firstSlideId, saved }, o.log);
    store = opened.store;
    source = opened.source;
    if (o.resume && source === 'new') {
      await store.close();
      throw noSuchLecture(o, shown(file));
    }
    if (!o.resume && source === 'redis') {
      await store.close();
      throw deckError(`Redis has a lecture ${o.lectureId} already: continue it with --resume ${o.lectureId}`);
    }
  } else {
    store = new MemoryStore(saved ?? { deckId: deck.id, startedAt }, index.firstSlideId);
  }
  const lecture = new Lecture(o.lectureId, deck, index, store);

  // The results file: written whole (atomically) after every change; an answer is acknowledged
  // only once it is in the file. A move is written within 200 ms, so a walk through the slides
  // costs one write, not one per step. With Redis, the answers are safe in Redis when
  // acknowledged, and only the process the lecturer is connected to writes the file.
  const queue = new WriteQueue(
    async () => writeAtomic(file, new TextEncoder().encode(`${JSON.stringify(await lecture.results(new Date()), null, 1)}\n`)),
    (e) => o.log(`could not write the results: ${e instanceof Error ? e.message : String(e)}`),
  );
  let lecturers = 0;
  let wasWriter = !o.redisUrl;
  const fileLater = coalesce(() => queue.request(), 200, () => undefined);
  const persist = async (change: 'move' | 'poll' | 'answer'): Promise<void> => {
    if (o.redisUrl) {
      if (lecturers > 0) fileLater.poke();
    } else if (change === 'move') fileLater.poke();
    else await queue.request();
  };
  if (!o.redisUrl) await queue.request();

  const http = createServer((req, res) => void answerHttp(req, res, o, lecture).catch((e: unknown) => {
    o.log(`http ${req.method} ${req.url?.split('?')[0]} failed: ${e instanceof Error ? e.message : String(e)}`);
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  }));
  const io: LiveIo = new Server(http, {
    path: LIVE_SOCKET_PATH,
    // The deck bundles socket.io-client itself; nothing else is served from here.
    serveClient: false,
    maxHttpBufferSize: MAX_FRAME_BYTES,
    // A phone that went away is noticed within 15 s, so the student count stays honest.
    pingInterval: 10_000,
    pingTimeout: 5_000,
  });
  const redisClients = o.redisUrl ? await Promise.all([connectRedis(o.redisUrl, o.log), connectRedis(o.redisUrl, o.log)]) : [];
  if (redisClients.length === 2) io.adapter(createAdapter(redisClients[0]!, redisClients[1]!));
  const channel = attachLive({
    io,
    lecture,
    token: o.token,
    log: o.log,
    cluster: !!o.redisUrl,
    persist,
    onLecturers: (n) => {
      lecturers = n;
      if (n > 0 && o.redisUrl) {
        wasWriter = true;
        fileLater.poke();
      }
    },
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'EADDRINUSE' ? deckError(`port ${o.port} is in use: give another with --port`) : deckError(`cannot listen on ${o.host}:${o.port}: ${e.message}`, e));
    });
    http.listen(o.port, o.host, () => resolve());
  }).catch(async (e: unknown) => {
    await Promise.all([store.close(), ...redisClients.map((c) => c.quit().catch(() => undefined))]);
    throw e;
  });

  let closing: Promise<void> | null = null;
  return {
    port: (http.address() as AddressInfo).port,
    resultsFile: file,
    source,
    close: () =>
      (closing ??= (async () => {
        await channel.stop();
        await new Promise<void>((resolve) => {
          io.close(() => resolve());
          http.closeAllConnections();
        });
        await fileLater.flush();
        fileLater.stop();
        if (wasWriter) await queue.request();
        await queue.idle();
        await Promise.all([store.close(), ...redisClients.map((c) => c.quit().catch(() => undefined))]);
      })()),
  };
}

/** The HTTP side: the lecturer's CSV of the results, else the built deck's files. */
async function answerHttp(req: IncomingMessage, res: ServerResponse, o: LiveOptions, lecture: Lecture): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (url.pathname === RESULTS_CSV_PATH) {
    const auth = req.headers.authorization;
    const presented = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : url.searchParams.get('token');
    if (presented === null || !tokensMatch(presented, o.token)) {
      o.log(`refused a results download (${presented === null ? 'no token' : 'wrong token'})`);
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer', 'Content-Type': 'text/plain; charset=utf-8' }).end('the lecturer token is needed\n');
      return;
    }
    const csv = resultsCsv(await lecture.results(new Date()));
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${lecture.id}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : csv);
    return;
  }
  // Its pages' policy names the live channel (live-policy.ts), for browsers that do not count it as 'self'.
  if (!serveStatic(o.distDir, req, res, (html) => withLiveChannel(html, req.headers.host))) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
}

function noSuchLecture(o: LiveOptions, shownFile: string): Error {
  const known = savedLectureIds(o.resultsDir).slice(0, 5);
  const where = o.redisUrl ? `neither Redis (${o.redisUrl}) nor ${shownFile} has it` : `${shownFile} does not exist`;
  return deckError(`cannot resume lecture ${o.lectureId}: ${where}${known.length ? `. Lectures saved here: ${known.join(', ')}` : ''}`);
}

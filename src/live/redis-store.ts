import { createClient } from 'redis';
import { deckError } from '../node/errors.ts';
import type { Position } from '../shared/live-protocol.ts';
import type { LiveLog } from './log.ts';
import { countAnswers } from './tally.ts';
import type { LiveStore, PollAction, PollChange, PollRecord, SavedLecture, VoteResult } from './store.ts';

type Redis = ReturnType<typeof createClient>;

/*
 * Keys, all under `live:<lecture-id>:` (a standalone Redis; the scripts build poll keys from it):
 *   meta              hash: deckId, startedAt, seq (the change counter), slide, step, posSeq, open (the open poll)
 *   polls             set of every quiz id that has a poll record
 *   poll:<quiz>       hash: status, seq, rev, openedAt, closedAt, revealedAt
 *   answers:<quiz>    hash: voter key → answer key
 *   counts:<quiz>     hash: answer key → how many gave it
 * The scripts run atomically in Redis, so votes from every process and the lecturer's
 * close never interleave, and a changed answer moves one count, never two.
 */

const MOVE = `
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('HSET', KEYS[1], 'slide', ARGV[1], 'step', ARGV[2], 'posSeq', seq)
return seq`;

const VOTE = `
-- KEYS: meta, poll, answers, counts   ARGV: quiz, voter, answer
if redis.call('HGET', KEYS[1], 'open') ~= ARGV[1] then return {0, 0, 0} end
local old = redis.call('HGET', KEYS[3], ARGV[2])
if old == ARGV[3] then return {1, 0, tonumber(redis.call('HGET', KEYS[2], 'rev') or '0')} end
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
if old then
  if redis.call('HINCRBY', KEYS[4], old, -1) <= 0 then redis.call('HDEL', KEYS[4], old) end
end
redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
return {1, 1, redis.call('HINCRBY', KEYS[2], 'rev', 1)}`;

const SET_POLL = `
-- ARGV: prefix, quiz, action, now. Returns {'ok', changed ids…} or {'error', code}.
local prefix, quiz, action, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local meta = prefix .. 'meta'
local function status_of(id) return redis.call('HGET', prefix .. 'poll:' .. id, 'status') or 'idle' end
local function set_status(id, status)
  local key = prefix .. 'poll:' .. id
  local old = status_of(id)
  if status == 'open' and not redis.call('HGET', key, 'openedAt') then redis.call('HSET', key, 'openedAt', now) end
  if old == 'open' and status ~= 'open' then redis.call('HSET', key, 'closedAt', now) end
  if status == 'revealed' then redis.call('HSET', key, 'revealedAt', now) end
  redis.call('HSET', key, 'status', status, 'seq', redis.call('HINCRBY', meta, 'seq', 1))
  redis.call('HSETNX', key, 'rev', 0)
  redis.call('SADD', prefix .. 'polls', id)
  if status == 'open' then redis.call('HSET', meta, 'open', id)
  elseif redis.call('HGET', meta, 'open') == id then redis.call('HDEL', meta, 'open') end
end
local current = status_of(quiz)
local target = current
if action == 'open' then
  if current == 'revealed' then return {'error', 'poll-revealed'} end
  target = 'open'
elseif action == 'close' then
  if current == 'open' then target = 'closed' end
else
  target = 'revealed'
end
local changed = {'ok'}
if target == 'open' then
  local other = redis.call('HGET', meta, 'open')
  if other and other ~= quiz then set_status(other, 'closed'); table.insert(changed, other) end
end
if target ~= current then set_status(quiz, target); table.insert(changed, quiz) end
return changed`;

/** Where a RedisStore's lecture came from: already in Redis, seeded from a results file, or new. */
export type RedisSource = 'redis' | 'file' | 'new';

/**
 * A lecture kept in Redis, shared by every server process of the class: the tallies are
 * correct whichever process a student's vote arrives at.
 */
export class RedisStore implements LiveStore {
  private constructor(private readonly client: Redis, private readonly prefix: string, private readonly firstSlideId: string) {}

  /**
   * Connects to Redis and opens lecture `lectureId`: as Redis has it, else seeded from `saved`
   * (a results file), else new. Throws a `[deck]` error when Redis cannot be reached.
   */
  static async open(url: string, lectureId: string, init: { deckId: string; startedAt: string; firstSlideId: string; saved: SavedLecture | null }, log: LiveLog): Promise<{ store: RedisStore; source: RedisSource }> {
    const client = await connectRedis(url, log);
    const store = new RedisStore(client, `live:${lectureId}:`, init.firstSlideId);
    const meta = await client.hGetAll(store.key('meta'));
    if (meta.deckId) {
      if (meta.deckId !== init.deckId) {
        await client.quit();
        throw deckError(`lecture ${lectureId} in Redis is for deck \`${meta.deckId}\`, not \`${init.deckId}\``);
      }
      return { store, source: 'redis' };
    }
    await store.seed(init.saved ?? { deckId: init.deckId, startedAt: init.startedAt, seq: 0, position: { slideId: init.firstSlideId, step: 0, seq: 0 }, polls: [] });
    return { store, source: init.saved ? 'file' : 'new' };
  }

  async snapshot(): Promise<{ position: Position; polls: PollRecord[] }> {
    const [meta, ids] = await Promise.all([this.client.hGetAll(this.key('meta')), this.client.sMembers(this.key('polls'))]);
    const records = await this.pollRecords(ids);
    return { position: this.positionOf(meta), polls: records.filter((p) => p.status !== 'idle') };
  }

  async move(slideId: string, step: number): Promise<Position> {
    const seq = Number(await this.client.eval(MOVE, { keys: [this.key('meta')], arguments: [slideId, String(step)] }));
    return { slideId, step, seq };
  }

  async setPoll(quizId: string, action: PollAction, now: string): Promise<PollChange> {
    const reply = (await this.client.eval(SET_POLL, { keys: [], arguments: [this.prefix, quizId, action, now] })) as string[];
    if (reply[0] === 'error') return { ok: false, error: 'poll-revealed' };
    const ids = reply.slice(1);
    const [records, [poll]] = await Promise.all([this.pollRecords(ids), this.pollRecords([quizId])]);
    return { ok: true, changed: records, poll: poll! };
  }

  async vote(quizId: string, voter: string, answer: string): Promise<VoteResult> {
    const keys = [this.key('meta'), this.key(`poll:${quizId}`), this.key(`answers:${quizId}`), this.key(`counts:${quizId}`)];
    const [open, changed, rev] = ((await this.client.eval(VOTE, { keys, arguments: [quizId, voter, answer] })) as number[]).map(Number);
    if (!open) return { ok: false, error: 'poll-not-open' };
    return { ok: true, changed: changed === 1, rev: rev ?? 0 };
  }

  async counts(quizId: string): Promise<{ poll: PollRecord | null; counts: Map<string, number> }> {
    const [poll, counts] = (await this.client.multi().hGetAll(this.key(`poll:${quizId}`)).hGetAll(this.key(`counts:${quizId}`)).exec()) as unknown as [Record<string, string>, Record<string, string>];
    return {
      poll: poll.status ? recordOf(quizId, poll) : null,
      counts: new Map(Object.entries(counts).map(([k, v]) => [k, Number(v)])),
    };
  }

  async answersOf(voter: string, quizIds: readonly string[]): Promise<Map<string, string>> {
    if (quizIds.length === 0) return new Map();
    const multi = this.client.multi();
    for (const id of quizIds) multi.hGet(this.key(`answers:${id}`), voter);
    const replies = (await multi.exec()) as unknown as (string | null)[];
    const found = new Map<string, string>();
    quizIds.forEach((id, i) => {
      const answer = replies[i];
      if (typeof answer === 'string') found.set(id, answer);
    });
    return found;
  }

  async dump(): Promise<SavedLecture> {
    const ids = await this.client.sMembers(this.key('polls'));
    const multi = this.client.multi().hGetAll(this.key('meta'));
    for (const id of ids) multi.hGetAll(this.key(`poll:${id}`)).hGetAll(this.key(`answers:${id}`));
    const [meta, ...rest] = (await multi.exec()) as unknown as Record<string, string>[];
    const polls = ids.map((id, i) => ({ ...recordOf(id, rest[2 * i] ?? {}), answers: { ...rest[2 * i + 1] } }));
    return {
      deckId: meta?.deckId ?? '',
      startedAt: meta?.startedAt ?? '',
      seq: Number(meta?.seq ?? 0),
      position: this.positionOf(meta ?? {}),
      polls: polls.filter((p) => p.status !== 'idle').sort((a, b) => a.quizId.localeCompare(b.quizId)),
    };
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => undefined);
  }

  /** Writes a whole lecture into Redis in one transaction (a new one, or a results file's). */
  private async seed(saved: SavedLecture): Promise<void> {
    const multi = this.client.multi();
    multi.hSet(this.key('meta'), { deckId: saved.deckId, startedAt: saved.startedAt, seq: String(saved.seq), slide: saved.position.slideId, step: String(saved.position.step), posSeq: String(saved.position.seq) });
    for (const poll of saved.polls) {
      const fields: Record<string, string> = { status: poll.status, seq: String(poll.seq), rev: String(poll.rev) };
      for (const name of ['openedAt', 'closedAt', 'revealedAt'] as const) {
        const at = poll[name];
        if (at) fields[name] = at;
      }
      multi.hSet(this.key(`poll:${poll.quizId}`), fields).sAdd(this.key('polls'), poll.quizId);
      if (poll.status === 'open') multi.hSet(this.key('meta'), 'open', poll.quizId);
      const answers = Object.entries(poll.answers);
      if (answers.length) {
        multi.hSet(this.key(`answers:${poll.quizId}`), Object.fromEntries(answers));
        multi.hSet(this.key(`counts:${poll.quizId}`), Object.fromEntries([...countAnswers(Object.values(poll.answers))].map(([k, n]) => [k, String(n)])));
      }
    }
    await multi.exec();
  }

  private async pollRecords(ids: readonly string[]): Promise<PollRecord[]> {
    if (ids.length === 0) return [];
    const multi = this.client.multi();
    for (const id of ids) multi.hGetAll(this.key(`poll:${id}`));
    const replies = (await multi.exec()) as unknown as Record<string, string>[];
    return ids.map((id, i) => recordOf(id, replies[i] ?? {}));
  }

  private positionOf(meta: Record<string, string>): Position {
    return meta.slide ? { slideId: meta.slide, step: Number(meta.step ?? 0), seq: Number(meta.posSeq ?? 0) } : { slideId: this.firstSlideId, step: 0, seq: 0 };
  }

  private key(name: string): string {
    return this.prefix + name;
  }
}

/**
 * A connected Redis client. Its errors are logged (at most one line every 5 s while it
 * reconnects) instead of crashing the process; the first connection failing is an error.
 */
export async function connectRedis(url: string, log: LiveLog): Promise<Redis> {
  let connected = false;
  // Once connected, retry for ever (Redis restarting mid-lecture); the first connection fails at once.
  const reconnectStrategy = (retries: number, cause: Error): number | Error => (connected ? Math.min(100 * 2 ** retries, 2000) : cause);
  const client = createClient({ url, socket: { reconnectStrategy, connectTimeout: 5000 } });
  let lastLog = 0;
  client.on('error', (e: unknown) => {
    const now = Date.now();
    if (now - lastLog < 5000) return;
    lastLog = now;
    log(`redis: ${e instanceof Error ? e.message || e.constructor.name : String(e)}`);
  });
  try {
    await withTimeout(client.connect(), 5000);
    connected = true;
  } catch (e) {
    client.destroy();
    throw deckError(`cannot connect to Redis at ${url}: ${e instanceof Error ? e.message || e.constructor.name : String(e)}`, e);
  }
  return client as unknown as Redis;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function recordOf(quizId: string, h: Record<string, string>): PollRecord {
  return {
    quizId,
    status: (h.status ?? 'idle') as PollRecord['status'],
    seq: Number(h.seq ?? 0),
    rev: Number(h.rev ?? 0),
    openedAt: h.openedAt ?? null,
    closedAt: h.closedAt ?? null,
    revealedAt: h.revealedAt ?? null,
  };
}

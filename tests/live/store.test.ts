import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/live/memory-store.ts';
import { RedisStore } from '../../src/live/redis-store.ts';
import type { LiveStore, SavedLecture } from '../../src/live/store.ts';
import { startRedis, type RedisProcess } from './helpers/processes.ts';

const NOW = '2026-12-01T07:30:00.000Z';
const init = { deckId: 'deck', startedAt: NOW };
let redis: RedisProcess;
let lectures = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

/** Each test gets a fresh lecture in a store of each kind. */
const kinds: [string, (saved?: SavedLecture) => Promise<LiveStore>][] = [
  ['MemoryStore', async (saved) => new MemoryStore(saved ?? init, 'first')],
  ['RedisStore', async (saved) => (await RedisStore.open(redis.url, `2026-12-01-0730-t${String(++lectures).padStart(3, '0')}`, { ...init, firstSlideId: 'first', saved: saved ?? null }, () => undefined)).store],
];

describe.each(kinds)('%s', (_name, open) => {
  it('starts on the first slide and counts every change', async () => {
    const store = await open();
    expect((await store.snapshot()).position).toEqual({ slideId: 'first', step: 0, seq: 0 });
    expect(await store.move('b', 2)).toEqual({ slideId: 'b', step: 2, seq: 1 });
    expect(await store.move('c', 0)).toEqual({ slideId: 'c', step: 0, seq: 2 });
    expect((await store.snapshot()).position).toEqual({ slideId: 'c', step: 0, seq: 2 });
    await store.close();
  });

  it('takes one answer per student, changeable while open, none before or after', async () => {
    const store = await open();
    expect(await store.vote('q1', 'alice', '0')).toEqual({ ok: false, error: 'poll-not-open' });
    await store.setPoll('q1', 'open', NOW);
    expect(await store.vote('q1', 'alice', '0')).toMatchObject({ ok: true, changed: true });
    expect(await store.vote('q1', 'bob', '0')).toMatchObject({ ok: true, changed: true });
    expect(await store.vote('q1', 'alice', '0')).toMatchObject({ ok: true, changed: false });
    expect(await store.vote('q1', 'alice', '2')).toMatchObject({ ok: true, changed: true });
    expect(Object.fromEntries((await store.counts('q1')).counts)).toEqual({ '0': 1, '2': 1 });
    await store.setPoll('q1', 'close', NOW);
    expect(await store.vote('q1', 'carol', '1')).toEqual({ ok: false, error: 'poll-not-open' });
    expect(Object.fromEntries((await store.counts('q1')).counts)).toEqual({ '0': 1, '2': 1 });
    expect(await store.answersOf('alice', ['q1', 'q2'])).toEqual(new Map([['q1', '2']]));
    await store.close();
  });

  it('opening a poll closes the one open; a revealed poll cannot open again', async () => {
    const store = await open();
    await store.setPoll('q1', 'open', NOW);
    const opened = await store.setPoll('q2', 'open', NOW);
    expect(opened.ok && opened.changed.map((p) => [p.quizId, p.status])).toEqual([['q1', 'closed'], ['q2', 'open']]);
    expect(await store.vote('q1', 'alice', '0')).toMatchObject({ ok: false });
    const revealed = await store.setPoll('q2', 'reveal', NOW);
    expect(revealed.ok && revealed.poll).toMatchObject({ status: 'revealed', openedAt: NOW, closedAt: NOW, revealedAt: NOW });
    expect(await store.setPoll('q2', 'open', NOW)).toEqual({ ok: false, error: 'poll-revealed' });
    const again = await store.setPoll('q2', 'close', NOW);
    expect(again.ok && again.changed).toEqual([]);
    const seqs = (await store.snapshot()).polls.map((p) => p.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    await store.close();
  });

  it('dumps everything and continues from its dump', async () => {
    const store = await open();
    await store.move('b', 1);
    await store.setPoll('q1', 'open', NOW);
    await store.vote('q1', 'alice', '1');
    await store.vote('q1', 'bob', '3');
    const saved = await store.dump();
    await store.close();
    expect(saved).toMatchObject({ deckId: 'deck', startedAt: NOW, position: { slideId: 'b', step: 1 }, polls: [{ quizId: 'q1', status: 'open', rev: 2, answers: { alice: '1', bob: '3' } }] });

    const resumed = await open(saved);
    expect(await resumed.snapshot()).toEqual({ position: saved.position, polls: [expect.objectContaining({ quizId: 'q1', status: 'open' })] });
    // Still open after the restart; bob changes his mind and is counted once.
    expect(await resumed.vote('q1', 'bob', '1')).toMatchObject({ ok: true, changed: true, rev: 3 });
    expect(Object.fromEntries((await resumed.counts('q1')).counts)).toEqual({ '1': 2 });
    expect((await resumed.move('c', 0)).seq).toBeGreaterThan(saved.seq);
    await resumed.close();
  });
});

describe('RedisStore across processes', () => {
  it('counts concurrent votes from two connections once each', async () => {
    const id = '2026-12-01-0730-both';
    const opts = { ...init, firstSlideId: 'first', saved: null };
    const a = (await RedisStore.open(redis.url, id, opts, () => undefined)).store;
    const b = await RedisStore.open(redis.url, id, opts, () => undefined);
    expect(b.source).toBe('redis');
    await a.setPoll('q', 'open', NOW);
    // 200 students, each voting twice (once through each connection), all at once.
    await Promise.all(Array.from({ length: 200 }, (_, i) => [a.vote('q', `s${i}`, String(i % 3)), b.store.vote('q', `s${i}`, String(i % 3))]).flat());
    const counts = (await b.store.counts('q')).counts;
    expect([...counts.values()].reduce((x, y) => x + y, 0)).toBe(200);
    expect(Object.fromEntries(counts)).toEqual({ '0': 67, '1': 67, '2': 66 });
    await a.close();
    await b.store.close();
  });

  it('refuses a lecture kept for another deck', async () => {
    const id = '2026-12-01-0730-deck';
    const first = await RedisStore.open(redis.url, id, { ...init, firstSlideId: 'first', saved: null }, () => undefined);
    await first.store.close();
    await expect(RedisStore.open(redis.url, id, { ...init, deckId: 'other', firstSlideId: 'first', saved: null }, () => undefined)).rejects.toThrow(/is for deck `deck`, not `other`/);
  });

  it('says so when Redis cannot be reached', async () => {
    await expect(RedisStore.open('redis://127.0.0.1:1', '2026-12-01-0730-none', { ...init, firstSlideId: 'first', saved: null }, () => undefined)).rejects.toThrow(/^\[deck\] cannot connect to Redis at redis:\/\/127\.0\.0\.1:1/);
  });
});

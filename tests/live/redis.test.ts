import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '../../src/live/client.ts';
import type { ResultsFile } from '../../src/live/results-file.ts';
import { allAt, lecturer, students, until } from './helpers/clients.ts';
import { fixtureDeck, fixtureDist, quizOfKind } from './helpers/fixture-deck.ts';
import { startRedis, startServerProcess, TEST_TOKEN, type RedisProcess, type ServerProcess } from './helpers/processes.ts';

const slides = fixtureDeck().sections.flatMap((s) => s.slides);
const multiple = quizOfKind('multiple');
const PER_SERVER = 25;

let redis: RedisProcess;
let dist: ReturnType<typeof fixtureDist>;
let outB: string;
let a: ServerProcess;
let b: ServerProcess;
let teacher: LiveClient;
let onA: LiveClient[];
let onB: LiveClient[];
let everyone: LiveClient[];

beforeAll(async () => {
  redis = await startRedis();
  dist = fixtureDist();
  outB = mkdtempSync(join(tmpdir(), 'live-out-b-'));
  a = await startServerProcess({ dist: dist.dir, out: dist.out, extra: ['--redis', redis.url] });
  // The second process joins the same lecture (and token) through Redis.
  b = await startServerProcess({ dist: dist.dir, out: outB, extra: ['--redis', redis.url, '--resume', a.lectureId] });
  teacher = await lecturer(a.origin);
  [onA, onB] = await Promise.all([students(a.origin, PER_SERVER), students(b.origin, PER_SERVER)]);
  everyone = [...onA, ...onB];
});

afterAll(async () => {
  for (const c of [teacher, ...(everyone ?? [])]) c?.close();
  await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
  await redis?.stop();
  dist?.remove();
  rmSync(outB, { recursive: true, force: true });
});

describe('two server processes sharing one class through Redis', () => {
  it('the second process joined the first one’s lecture from Redis', () => {
    expect(b.lectureId).toBe(a.lectureId);
    expect(b.output()).toMatch(/^lecture: \S+ \(resumed from Redis, shared through redis:\/\/127\.0\.0\.1:\d+\)$/m);
    expect(b.output()).toContain(`?live=${TEST_TOKEN}`);
  });

  it('counts the students of both processes for the lecturer', async () => {
    await until(() => teacher.view.students === 2 * PER_SERVER, `a count of ${2 * PER_SERVER}`);
  });

  it('brings the students of both processes along with every move', async () => {
    for (const [slide, step] of [[slides[3]!, 0], [slides.find((s) => s.steps > 1)!, 1], [slides[9]!, 0]] as const) {
      const reply = await teacher.send('move', { slideId: slide.id, step });
      expect(reply.ok).toBe(true);
      await until(() => allAt(everyone, slide.id, step), `all ${everyone.length} at ${slide.id}/${step}`);
    }
  });

  it('counts every vote once, whichever process it reaches, changed answers included', async () => {
    await teacher.send('poll:open', { quizId: multiple.id });
    await until(() => everyone.every((c) => c.view.polls[multiple.id]?.status === 'open'), 'the poll open on both');
    const answer = (i: number): number[] => (i % 3 === 0 ? multiple.answer : [i % multiple.options.length]);
    // Everyone answers at once; then every fifth student changes their mind.
    expect((await Promise.all(everyone.map((c, i) => c.send('answer', { quizId: multiple.id, answer: answer(i) })))).every((r) => r.ok)).toBe(true);
    const changers = everyone.filter((_, i) => i % 5 === 0);
    expect((await Promise.all(changers.map((c) => c.send('answer', { quizId: multiple.id, answer: [2] })))).every((r) => r.ok)).toBe(true);

    const expected = multiple.options.map(() => 0);
    let allRight = 0;
    everyone.forEach((_, i) => {
      const final = i % 5 === 0 ? [2] : answer(i);
      for (const o of final) expected[o]!++;
      if (final.join() === multiple.answer.join()) allRight++;
    });
    await until(() => teacher.view.tallies[multiple.id]?.total === everyone.length && teacher.view.tallies[multiple.id]?.counts.join() === expected.join(), 'the tally of both processes');
    expect(teacher.view.tallies[multiple.id]).toMatchObject({ total: 2 * PER_SERVER, counts: expected, allRight });
  });

  it('a vote that reaches only the other process still reaches the lecturer’s tally', async () => {
    const before = teacher.view.tallies[multiple.id]!;
    const student = onB[1]!; // i = PER_SERVER + 1: not a changer, answered [i % 4]
    const was = student.view.yours[multiple.id]!;
    const now = was.join() === '3' ? [1] : [3];
    expect((await student.send('answer', { quizId: multiple.id, answer: now })).ok).toBe(true);
    await until(() => teacher.view.tallies[multiple.id]!.rev > before.rev, 'the tally to change');
    const expected = [...before.counts];
    for (const o of was) expected[o]!--;
    for (const o of now) expected[o]!++;
    expect(teacher.view.tallies[multiple.id]).toMatchObject({ total: before.total, counts: expected });
  });

  it('closing on one process closes the poll for the students of the other', async () => {
    await teacher.send('poll:close', { quizId: multiple.id });
    await until(() => onB.every((c) => c.view.polls[multiple.id]?.status === 'closed'), 'closed on B');
    expect(await onB[0]!.send('answer', { quizId: multiple.id, answer: [0] })).toMatchObject({ ok: false, error: 'poll-not-open' });
  });

  it('only the lecturer’s process writes the results file; any process serves the CSV', async () => {
    const file = join(dist.out, `${a.lectureId}.json`);
    await until(() => existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as ResultsFile).polls[0]?.status === 'closed', 'the results file');
    const results = JSON.parse(readFileSync(file, 'utf8')) as ResultsFile;
    expect(results.polls[0]).toMatchObject({ quizId: multiple.id, total: 2 * PER_SERVER, counts: teacher.view.tallies[multiple.id]!.counts });
    expect(existsSync(join(outB, `${a.lectureId}.json`))).toBe(false);
    const csv = await (await fetch(`${b.origin}/live/results.csv?token=${TEST_TOKEN}`)).text();
    expect(csv).toContain(`,all-right,,,yes,${results.polls[0]!.allRight},`);
  });

  it('when one process dies the other goes on, and the count drops its students', async () => {
    await b.stop('SIGKILL');
    const moved = await students(a.origin, 1);
    await teacher.send('move', { slideId: slides[11]!.id, step: 0 });
    await until(() => allAt([...onA, ...moved], slides[11]!.id, 0), 'A’s students following');
    moved[0]!.close();
    await until(() => teacher.view.students === PER_SERVER, 'the count without B’s students', 20_000);
  });
});

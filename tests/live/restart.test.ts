import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveClient } from '../../src/live/client.ts';
import type { ResultsFile } from '../../src/live/results-file.ts';
import { allAt, lecturer, students, until } from './helpers/clients.ts';
import { fixtureDeck, fixtureDist, quizOfKind } from './helpers/fixture-deck.ts';
import { startServerProcess, type ServerProcess } from './helpers/processes.ts';

const slides = fixtureDeck().sections.flatMap((s) => s.slides);
const withSteps = slides.find((s) => s.steps >= 1)!;
const single = quizOfKind('single');

let dist: ReturnType<typeof fixtureDist>;
let server: ServerProcess;
let teacher: LiveClient;
let room: LiveClient[];

beforeAll(async () => {
  dist = fixtureDist();
  server = await startServerProcess({ dist: dist.dir, out: dist.out });
  teacher = await lecturer(server.origin);
  room = await students(server.origin, 10);
});

afterAll(async () => {
  for (const c of [teacher, ...(room ?? [])]) c?.close();
  await server?.stop('SIGKILL');
  dist?.remove();
});

/** The position in a server's results file as it is now (null if unreadable mid-rename). */
function savedPosition(of: ServerProcess): { slideId: string; step: number } | null {
  try {
    return (JSON.parse(readFileSync(join(dist.out, `${of.lectureId}.json`), 'utf8')) as ResultsFile).position;
  } catch {
    return null;
  }
}

/** The server again, on the same port (so the clients find it), continuing the same lecture. */
function restart(previous: ServerProcess): Promise<ServerProcess> {
  return startServerProcess({ dist: dist.dir, out: dist.out, extra: ['--resume', previous.lectureId, '--port', String(previous.port)] });
}

describe('a server killed mid-lecture and started again with --resume', () => {
  it('has every acknowledged vote in the results file when it dies', async () => {
    await teacher.send('move', { slideId: single.slideId, step: 0 });
    await teacher.send('poll:open', { quizId: single.id });
    await until(() => room.every((c) => c.view.polls[single.id]?.status === 'open'), 'the poll open');
    const replies = await Promise.all(room.map((c, i) => c.send('answer', { quizId: single.id, answer: [i < 7 ? 1 : 0] })));
    expect(replies.every((r) => r.ok)).toBe(true);
    await teacher.send('move', { slideId: withSteps.id, step: 1 });
    await until(() => allAt(room, withSteps.id, 1), 'everyone on the next slide');
    // A move is written within moments (answers before they are acknowledged).
    await until(() => savedPosition(server)?.slideId === withSteps.id, 'the move in the results file');

    // An acknowledged answer is already in the file: kill without warning.
    expect(await server.stop('SIGKILL')).toBeNull();
    await until(() => [teacher, ...room].every((c) => c.connection === 'reconnecting'), 'every client to notice');
  });

  it('brings every client back on the slide and step it was on, with the tallies', async () => {
    server = await restart(server);
    expect(server.output()).toMatch(/^lecture: \S+ \(resumed from .*\.json\)$/m);
    await until(() => [teacher, ...room].every((c) => c.connection === 'connected'), 'every client reconnected', 20_000);
    await until(() => allAt([teacher, ...room], withSteps.id, 1), 'everyone back on the slide and step');
    await until(() => teacher.view.tallies[single.id]?.total === 10, 'the tally back');
    expect(teacher.view.tallies[single.id]).toMatchObject({ status: 'open', counts: [3, 7, 0, 0], allRight: 7 });
    expect(room[0]!.view.yours[single.id]).toEqual([1]);
    await until(() => teacher.view.students === 10, 'the student count back');
  });

  it('follows the lecturer again, and a changed answer is still counted once', async () => {
    await teacher.send('move', { slideId: slides[2]!.id, step: 0 });
    await until(() => allAt(room, slides[2]!.id, 0), 'everyone following again');
    expect((await room[0]!.send('answer', { quizId: single.id, answer: [2] })).ok).toBe(true);
    await until(() => teacher.view.tallies[single.id]?.counts[2] === 1, 'the changed answer');
    expect(teacher.view.tallies[single.id]).toMatchObject({ total: 10, counts: [3, 6, 1, 0] });
  });

  it('stops cleanly on SIGTERM with the results written, and resumes again', async () => {
    await teacher.send('poll:close', { quizId: single.id });
    expect(await server.stop('SIGTERM')).toBe(0);
    const results = JSON.parse(readFileSync(join(dist.out, `${server.lectureId}.json`), 'utf8')) as ResultsFile;
    expect(results.position).toMatchObject({ slideId: slides[2]!.id, step: 0 });
    expect(results.polls).toEqual([expect.objectContaining({ quizId: single.id, status: 'closed', total: 10, counts: [3, 6, 1, 0] })]);
    expect(Object.keys(results.polls[0]!.answers)).toHaveLength(10);
    // No browser id in the file: only hashed voter keys.
    for (const c of room) expect(JSON.stringify(results)).not.toContain((c.socket.auth as { studentId: string }).studentId);

    server = await restart(server);
    await until(() => allAt(room, slides[2]!.id, 0) && room.every((c) => c.connection === 'connected'), 'everyone back once more', 20_000);
    await until(() => room.every((c) => c.view.polls[single.id]?.status === 'closed'), 'the poll still closed');
    expect(await room[1]!.send('answer', { quizId: single.id, answer: [0] })).toMatchObject({ ok: false, error: 'poll-not-open' });
  });
});

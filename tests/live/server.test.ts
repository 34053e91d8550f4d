import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectLive, type LiveClient } from '../../src/live/client.ts';
import { createStudentId, RATE_LIMIT, type Position } from '../../src/shared/live-protocol.ts';
import { allAt, lecturer, students, until } from './helpers/clients.ts';
import { fixtureDeck, fixtureDist, quizOfKind } from './helpers/fixture-deck.ts';
import { startServerProcess, TEST_TOKEN, type ServerProcess } from './helpers/processes.ts';

const deck = fixtureDeck();
const slides = deck.sections.flatMap((s) => s.slides);
const withSteps = slides.find((s) => s.steps >= 2)!;
const single = quizOfKind('single');
const multiple = quizOfKind('multiple');
const order = quizOfKind('order');

let dist: ReturnType<typeof fixtureDist>;
let server: ServerProcess;
let teacher: LiveClient;
let room: LiveClient[];
const clients: LiveClient[] = [];

beforeAll(async () => {
  dist = fixtureDist();
  server = await startServerProcess({ dist: dist.dir, out: dist.out });
  teacher = await lecturer(server.origin);
  room = await students(server.origin, 20);
  clients.push(teacher, ...room);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
  dist?.remove();
});

/** The status of a GET of `path` exactly as written. */
function rawStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

/** Moves the class and waits until every given client is there. */
async function moveAll(slideId: string, step: number, who: readonly LiveClient[] = room): Promise<Position> {
  const reply = await teacher.send('move', { slideId, step });
  if (!reply.ok) throw new Error(`move refused: ${reply.message}`);
  await until(() => allAt(who, slideId, step), `everyone at ${slideId}/${step}`);
  return reply.position;
}

/** Proof that the server still serves everyone else: a move reaches every other client. */
async function stillServesEveryone(except: LiveClient | null = null): Promise<void> {
  const target = slides[(Math.floor(Math.random() * 50) % slides.length) + 1]!;
  await moveAll(target.id, 0, room.filter((c) => c !== except));
}

describe('the deck over HTTP', () => {
  it('serves the built pages, the student and lecturer URLs included', async () => {
    for (const path of ['/', '/?join', `/?live=${TEST_TOKEN}`, '/handout.html', '/deck.json']) {
      const res = await fetch(server.origin + path);
      expect(res.status, path).toBe(200);
    }
    expect(await (await fetch(`${server.origin}/?join`)).text()).toContain('<title>index</title>');
  });

  it('serves its pages with the live channel in their connect-src; the built files keep their own', async () => {
    const connectSrc = (html: string): string | undefined => /content="([^"]*)"/.exec(html)?.[1]?.split('; ').find((d) => d.startsWith('connect-src'));
    const host = `127.0.0.1:${server.port}`;
    for (const path of ['/?join', `/?live=${TEST_TOKEN}`, '/handout.html']) {
      const res = await fetch(server.origin + path);
      const html = await res.text();
      expect(connectSrc(html), path).toBe(`connect-src 'self' ws://${host} wss://${host}`);
      expect(Number(res.headers.get('content-length')), path).toBe(Buffer.byteLength(html));
    }
    expect(connectSrc(readFileSync(join(dist.dir, 'index.html'), 'utf8'))).toBe("connect-src 'self'");
    // Anything but a page is served as it is.
    expect(await (await fetch(`${server.origin}/deck.json`)).text()).toBe(readFileSync(join(dist.dir, 'deck.json'), 'utf8'));
  });

  it('serves nothing outside dist/, and not socket.io’s own client script', async () => {
    // Raw paths: fetch() would tidy the dots away before they reach the server.
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/socket.io/socket.io.js', '/nope.html', '/%E0%A4%A', '/index.html%00.txt']) {
      expect(await rawStatus(server.port, path), path).toBe(404);
    }
    // The realtime path answers only socket.io's own requests (engine.io says 400 to anything else).
    const script = await fetch(`${server.origin}/live/socket.io/socket.io.js`);
    expect(script.status).toBe(400);
    expect(script.headers.get('content-type')).not.toMatch(/javascript/);
    expect((await fetch(server.origin, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('connecting', () => {
  it('refuses a lecturer with a wrong token, and logs it', async () => {
    const impostor = connectLive({ url: server.origin, auth: { role: 'lecturer', token: 'not-the-token-at-all-1234' }, transports: ['websocket'] });
    clients.push(impostor);
    await until(() => impostor.connection === 'refused', 'the refusal');
    expect(impostor.refusal).toEqual({ code: 'bad-token', message: 'the lecturer token is wrong' });
    expect(impostor.view.position).toBeNull();
    await server.waitForOutput(/refused connection \S+ \(bad-token: the lecturer token is wrong\)/);
  });

  it('refuses a connection with no role or a malformed id', async () => {
    for (const auth of [{}, { role: 'student', studentId: 'x' }, { role: 'root' }]) {
      const c = connectLive({ url: server.origin, auth: auth as never, transports: ['websocket'] });
      clients.push(c);
      await until(() => c.connection === 'refused', `refusal of ${JSON.stringify(auth)}`);
      expect(c.refusal?.code).toBe('bad-auth');
    }
  });

  it('tells the lecturer how many students are connected, each browser once', async () => {
    await until(() => teacher.view.students === 20, 'a count of 20');
    const id = createStudentId();
    const [tab1, tab2] = await students(server.origin, 2, [id, id]);
    await until(() => teacher.view.students === 21, 'a count of 21 (two tabs, one browser)');
    tab1!.close();
    tab2!.close();
    await until(() => teacher.view.students === 20, 'the count back at 20');
  });
});

describe('following the lecturer', () => {
  it('brings every student to the lecturer’s slide and step', async () => {
    await moveAll(withSteps.id, 1);
    await moveAll(withSteps.id, 2);
    const position = await moveAll(slides[5]!.id, 0);
    expect(room.every((c) => c.view.position?.seq === position.seq)).toBe(true);
  });

  it('puts a late joiner on the current slide at once', async () => {
    await moveAll(withSteps.id, 2);
    const [late] = await students(server.origin, 1);
    clients.push(late!);
    expect(late!.view.position).toMatchObject({ slideId: withSteps.id, step: 2 });
  });

  it('catches up a student whose connection dropped while the class moved on', async () => {
    const phone = room[0]!;
    let drops = 0;
    phone.onConnection((s) => void (s === 'reconnecting' && drops++));
    // A tunnel: the transport dies under the client, which reconnects by itself.
    phone.socket.io.engine.close();
    await until(() => drops === 1, 'the phone to notice');
    await teacher.send('move', { slideId: slides[7]!.id, step: 0 });
    await until(() => phone.connection === 'connected' && allAt([phone], slides[7]!.id, 0), 'the phone back on the current slide');
  });
});

describe('a live poll', () => {
  it('opens for everyone, takes answers without saying right or wrong, and tallies live', async () => {
    await moveAll(single.slideId, 0);
    const opened = await teacher.send('poll:open', { quizId: single.id });
    expect(opened).toEqual({ ok: true, poll: { quizId: single.id, status: 'open', seq: expect.any(Number) } });
    await until(() => room.every((c) => c.view.polls[single.id]?.status === 'open'), 'the poll open on every phone');
    expect(room[0]!.view.polls[single.id]).not.toHaveProperty('answer');

    const replies = await Promise.all(room.map((c, i) => c.send('answer', { quizId: single.id, answer: [i % 2] })));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect(replies[0]).toEqual({ ok: true, quizId: single.id, answer: [0] });
    await until(() => teacher.view.tallies[single.id]?.total === 20, 'a tally of 20');
    expect(teacher.view.tallies[single.id]).toMatchObject({ counts: [10, 10, 0, 0], allRight: 10 });
  });

  it('lets a student change their answer, counted once', async () => {
    const before = teacher.view.tallies[single.id]!.rev;
    const reply = await room[0]!.send('answer', { quizId: single.id, answer: [1] });
    expect(reply.ok).toBe(true);
    expect(room[0]!.view.yours[single.id]).toEqual([1]);
    await until(() => teacher.view.tallies[single.id]!.rev > before, 'the changed tally');
    expect(teacher.view.tallies[single.id]).toMatchObject({ total: 20, counts: [9, 11, 0, 0] });
  });

  it('refuses answers once closed, then reveals the answer to everyone', async () => {
    await teacher.send('poll:close', { quizId: single.id });
    await until(() => room.every((c) => c.view.polls[single.id]?.status === 'closed'), 'closed everywhere');
    expect(await room[1]!.send('answer', { quizId: single.id, answer: [2] })).toMatchObject({ ok: false, error: 'poll-not-open' });
    await teacher.send('poll:reveal', { quizId: single.id });
    await until(() => room.every((c) => c.view.polls[single.id]?.status === 'revealed'), 'revealed everywhere');
    expect(room[3]!.view.polls[single.id]!.answer).toEqual(single.answer);
    expect(await teacher.send('poll:open', { quizId: single.id })).toMatchObject({ ok: false, error: 'poll-revealed' });
    await until(() => teacher.view.tallies[single.id]?.status === 'revealed', 'the revealed tally');
    expect(teacher.view.tallies[single.id]).toMatchObject({ total: 20, counts: [9, 11, 0, 0] });
  });

  it('counts an order question’s right orders and its commonest mistake', async () => {
    await teacher.send('poll:open', { quizId: order.id });
    await until(() => room.every((c) => c.view.polls[order.id]?.status === 'open'), 'the order poll open');
    const orders = [[0, 1, 2], [1, 0, 2], [1, 0, 2], [2, 1, 0]];
    await Promise.all(room.slice(0, 4).map((c, i) => c.send('answer', { quizId: order.id, answer: orders[i]! })));
    await until(() => teacher.view.tallies[order.id]?.total === 4, 'four orders');
    expect(teacher.view.tallies[order.id]).toMatchObject({ allRight: 1, counts: [1, 2, 3], commonestMistake: { answer: [1, 0, 2], count: 2 } });
  });

  it('opening another poll closes the open one for everyone', async () => {
    await teacher.send('poll:open', { quizId: multiple.id });
    await until(() => room.every((c) => c.view.polls[order.id]?.status === 'closed' && c.view.polls[multiple.id]?.status === 'open'), 'one poll open');
  });

  it('gives a reconnecting student their own answers back', async () => {
    await room[5]!.send('answer', { quizId: multiple.id, answer: [3, 0] });
    const again = connectLive({ url: server.origin, auth: room[5]!.socket.auth as never, transports: ['websocket'] });
    clients.push(again);
    await until(() => again.view.position !== null, 'the state');
    expect(again.view.yours).toMatchObject({ [multiple.id]: [0, 3], [single.id]: [1] });
    again.close();
  });
});

describe('the results download', () => {
  it('is refused without the lecturer token, and logged', async () => {
    expect((await fetch(`${server.origin}/live/results.csv`)).status).toBe(401);
    expect((await fetch(`${server.origin}/live/results.csv?token=wrong-token-wrong-token`)).status).toBe(401);
    expect((await fetch(`${server.origin}/live/results.csv`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    await server.waitForOutput(/refused a results download \(wrong token\)/);
  });

  it('gives the lecturer every poll’s tallies as CSV', async () => {
    const res = await fetch(`${server.origin}/live/results.csv`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${server.lectureId}.csv"`);
    const csv = await res.text();
    expect(csv).toContain(`,${single.id},${single.slideId},single,`);
    expect(csv).toMatch(new RegExp(`,${single.id},.*,all-right,,,yes,11,55,20\\r\\n`));
    const viaQuery = await fetch(`${server.origin}/live/results.csv?token=${TEST_TOKEN}`);
    expect(await viaQuery.text()).toBe(csv);
  });
});

describe('refusals: each refused and logged, everyone else still served', () => {
  let watcher: LiveClient;
  const seenByWatcher: string[] = [];

  beforeAll(async () => {
    watcher = (await students(server.origin, 1))[0]!;
    clients.push(watcher);
    for (const event of ['move', 'poll', 'tally', 'students'] as const) watcher.on(event, (payload: unknown) => seenByWatcher.push(`${event} ${JSON.stringify(payload)}`));
  });

  it('a student sending a lecturer command', async () => {
    const rogue = room[2]!;
    const before = teacher.view.position!;
    expect(await rogue.send('move', { slideId: slides[0]!.id, step: 0 })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await rogue.send('poll:close', { quizId: multiple.id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await rogue.send('poll:reveal', { quizId: multiple.id })).toMatchObject({ ok: false, error: 'forbidden' });
    await server.waitForOutput(/refused `move` \(forbidden: `move` is a lecturer command\) from student/);
    expect(teacher.view.position).toEqual(before);
    expect(room.every((c) => c.view.polls[multiple.id]?.status === 'open')).toBe(true);
    await stillServesEveryone();
  });

  it('an unknown question id and an option out of range', async () => {
    expect(await room[3]!.send('answer', { quizId: 'quiz-no-such-question', answer: [0] })).toMatchObject({ ok: false, error: 'unknown-quiz' });
    expect(await room[3]!.send('answer', { quizId: multiple.id, answer: [0, multiple.options.length] })).toMatchObject({ ok: false, error: 'bad-answer' });
    expect(await room[3]!.send('answer', { quizId: multiple.id, answer: [-1] })).toMatchObject({ ok: false, error: 'bad-answer' });
    await server.waitForOutput(/refused `answer` \(unknown-quiz: no question `quiz-no-such-question` in the deck\)/);
    expect(teacher.view.tallies[multiple.id]?.total).toBe(1);
    await stillServesEveryone();
  });

  it('malformed messages that the typed client would not send', async () => {
    const raw = room[4]!.socket as unknown as { emit(...args: unknown[]): void; emitWithAck(...args: unknown[]): Promise<unknown> };
    expect(await raw.emitWithAck('answer', 'just a string')).toMatchObject({ ok: false, error: 'bad-message' });
    expect(await raw.emitWithAck('answer', { quizId: multiple.id, answer: [0], extra: true })).toMatchObject({ ok: false, error: 'bad-message' });
    expect(await raw.emitWithAck('drop-table', {})).toMatchObject({ ok: false, error: 'unknown-command' });
    expect(await raw.emitWithAck('answer', { quizId: multiple.id, answer: [0], pad: 'x'.repeat(10_000) })).toMatchObject({ ok: false, error: 'too-large' });
    raw.emit('answer', { quizId: multiple.id, answer: 'all' }); // no acknowledgement asked: dropped all the same
    await stillServesEveryone();
  });

  it('a 1 MB message: its connection is closed before it is read', async () => {
    const sender = room[6]!;
    const raw = sender.socket as unknown as { emit(...args: unknown[]): void };
    raw.emit('answer', { quizId: multiple.id, answer: [0], pad: 'x'.repeat(1024 * 1024) });
    await server.waitForOutput(/student \S+ disconnected \(transport error/);
    await stillServesEveryone(sender);
    // The phone reconnects by itself and follows again.
    await until(() => sender.connection === 'connected' && allAt([sender], teacher.view.position!.slideId, teacher.view.position!.step), 'the sender back');
    expect(teacher.view.tallies[multiple.id]?.total).toBe(1);
  });

  it('1,000 messages in a second: the rate limit refuses all but a few', async () => {
    const flooder = room[7]!;
    const replies: Promise<{ ok: boolean; error?: string }>[] = [];
    const start = Date.now();
    for (let burst = 0; burst < 10; burst++) {
      for (let i = 0; i < 100; i++) replies.push(flooder.send('answer', { quizId: multiple.id, answer: [i % multiple.options.length] }) as never);
      await new Promise((r) => setTimeout(r, 100));
    }
    const settled = await Promise.all(replies);
    const seconds = (Date.now() - start) / 1000;
    const accepted = settled.filter((r) => r.ok).length;
    expect(settled.filter((r) => r.error === 'rate-limited').length).toBe(1000 - accepted);
    expect(accepted).toBeGreaterThan(0);
    // The burst, then 20 a second for as long as the flood lasted (longer on a busy machine).
    expect(accepted).toBeLessThanOrEqual(RATE_LIMIT.burst + Math.ceil(RATE_LIMIT.perSecond * seconds));
    await server.waitForOutput(/refused `answer` \(rate-limited: over 20 messages a second\) from student (\S+)\n(.*\n)*.*refused \d+ more messages from student \1 in the second after/, 5000);
    // However many got through, the flooder has one answer.
    await until(() => teacher.view.tallies[multiple.id]?.total === 2, 'two answers in the tally');
    await stillServesEveryone();
    const vote = await room[8]!.send('answer', { quizId: multiple.id, answer: [1] });
    expect(vote.ok).toBe(true);
    await until(() => teacher.view.tallies[multiple.id]?.total === 3, 'another student’s vote counted');
  });

  it('none of it reached another client: the watcher saw only moves and polls the lecturer made', () => {
    expect(seenByWatcher.length).toBeGreaterThan(0);
    for (const line of seenByWatcher) expect(line).toMatch(/^move \{"slideId":"[a-z0-9-]+","step":\d+,"seq":\d+\}$/);
  });

  it('the server is still up, and said nothing it should not', () => {
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/unexpected error|TypeError|ReferenceError/);
    expect(server.output()).not.toContain(TEST_TOKEN.slice(0, 20) + ' ');
  });
});

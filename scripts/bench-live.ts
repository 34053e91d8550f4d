/**
 * `npm run bench:live`: can one live server hold a large lecture hall on this machine? Starts
 * the server (its own process, as `npm run live` does, serving a stand-in dist/ with the deck
 * model), connects 300 students and a lecturer (socket.io-client on 127.0.0.1, all in this
 * process), moves through 50 steps of the deck and opens 5 polls that every student answers
 * (one in ten changes their mind once), after 5 warm-up moves. Prints one JSON object:
 *
 *   followP50Ms / followP95Ms / followMaxMs   from the lecturer sending a move to all students having it
 *   votesExpected / votesCounted               300 × 5, and what the lecturer's final tallies say
 *   serverCpuPercent / serverRssMB             the server process over the moves and polls (100 = one core)
 *
 * and exits 1 when a target is missed (p95 > 100 ms, or any vote lost or counted twice).
 *
 *   npm run bench:live                         300 students, the fixture deck model
 *   npm run bench:live -- --students 500       more students
 *   npm run bench:live -- --deck dist/deck.json  the built deck's model
 *
 * Progress goes to stderr, the JSON to stdout. The figures are this machine's, in this run: a
 * busy machine shows in them (the load average is in the report); tests never assert them.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { connectLive, type LiveClient } from '../src/live/client.ts';
import { loadDeck } from '../src/live/deck-file.ts';
import { createStudentId, RATE_LIMIT, type LiveDeck, type LiveQuiz } from '../src/shared/live-protocol.ts';
import { lecturer, until } from '../tests/live/helpers/clients.ts';
import { DECK_FILE, fixtureDist } from '../tests/live/helpers/fixture-deck.ts';
import { startServerProcess } from '../tests/live/helpers/processes.ts';

const TARGETS = { followP95Ms: 100, lostVotes: 0 };
const MOVES = 50;
const POLLS = 5;
/** Moves before the measured ones, as a lecture's first minute: code paths compiled, buffers grown. */
const WARMUP_MOVES = 5;
/**
 * The moves come at most this often: half the rate the server allows one client (a lecturer
 * tapping → fast). Sent back to back, a quiet machine delivers them faster than the server's
 * rate limit and the lecturer's own moves are refused.
 */
const MOVE_INTERVAL_MS = 2000 / RATE_LIMIT.perSecond;

const log = (line: string): void => void process.stderr.write(`[bench:live] ${line}\n`);

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { students: { type: 'string' }, deck: { type: 'string' } } });
  const studentCount = Math.max(1, Number(values.students ?? 300));
  const deckFile = resolve(values.deck ?? DECK_FILE);
  const deck = loadDeck(deckFile);
  const quizzes = pickQuizzes(deck);
  const path = lecturePath(deck, quizzes);
  const dist = fixtureDist();
  copyFileSync(deckFile, join(dist.dir, 'deck.json'));
  const loadBefore = Number(loadavg()[0]!.toFixed(2));

  log('starting the server…');
  const server = await startServerProcess({ dist: dist.dir, out: dist.out });
  const clients: LiveClient[] = [];
  try {
    const teacher = await lecturer(server.origin);
    clients.push(teacher);
    log(`connecting ${studentCount} students…`);
    const room: LiveClient[] = [];
    for (let i = 0; i < studentCount; i += 50) {
      const batch = Array.from({ length: Math.min(50, studentCount - i) }, () => connectLive({ url: server.origin, auth: { role: 'student', studentId: createStudentId() }, transports: ['websocket'] }));
      room.push(...batch);
      clients.push(...batch);
      await until(() => batch.every((c) => c.view.position !== null), 'a batch of students to connect', 60_000);
    }
    await until(() => teacher.view.students === studentCount, `the lecturer to count ${studentCount} students`, 60_000);

    // Each student notes when the move the bench is waiting for reaches it.
    let waitingFor = '';
    let arrived = 0;
    let lastArrival = 0;
    for (const c of room) {
      c.on('move', (p) => {
        if (`${p.slideId}/${p.step}` !== waitingFor) return;
        arrived++;
        lastArrival = performance.now();
      });
    }

    // Warm-up: back and forth on the first slides, not measured.
    for (let i = 0; i < WARMUP_MOVES; i++) {
      const stop = path[i % 2]!;
      waitingFor = `${stop.slideId}/${stop.step}`;
      arrived = 0;
      await teacher.send('move', { slideId: stop.slideId, step: stop.step });
      await until(() => arrived === room.length, 'a warm-up move to reach every student', 30_000);
    }

    const cpuStart = cpuSeconds(server.child.pid!);
    const clientCpuStart = process.cpuUsage();
    const wallStart = performance.now();
    const follow: number[] = [];
    const polls: { quiz: LiveQuiz; expected: number[]; total: number; counts: number[]; acked: number; changed: number }[] = [];
    let lastSent = 0;
    for (const [i, stop] of path.entries()) {
      await new Promise((done) => setTimeout(done, Math.max(0, lastSent + MOVE_INTERVAL_MS - performance.now())));
      waitingFor = `${stop.slideId}/${stop.step}`;
      arrived = 0;
      const sent = performance.now();
      lastSent = sent;
      const reply = await teacher.send('move', { slideId: stop.slideId, step: stop.step });
      if (!reply.ok) throw new Error(`move ${i + 1} refused: ${reply.message}`);
      await until(() => arrived === room.length, `move ${i + 1} to reach every student`, 30_000);
      follow.push(lastArrival - sent);
      if (stop.quiz) {
        log(`move ${i + 1}/${path.length}: poll ${stop.quiz.id}…`);
        polls.push(await runPoll(teacher, room, stop.quiz));
      }
    }
    const wallSeconds = (performance.now() - wallStart) / 1000;
    const serverCpuPercent = Math.round(((cpuSeconds(server.child.pid!) - cpuStart) / wallSeconds) * 1000) / 10;
    const memory = memoryMB(server.child.pid!);
    const clientCpu = process.cpuUsage(clientCpuStart);
    const clientsCpuPercent = Math.round(((clientCpu.user + clientCpu.system) / 1e6 / wallSeconds) * 1000) / 10;

    const sorted = [...follow].sort((a, b) => a - b);
    const votesExpected = studentCount * POLLS;
    const votesCounted = polls.reduce((n, p) => n + p.total, 0);
    const countsRight = polls.every((p) => p.counts.join() === p.expected.join());
    const lostVotes = votesExpected - polls.reduce((n, p) => n + Math.min(p.total, studentCount), 0);
    const resultsFile = JSON.parse(readFileSync(join(dist.out, `${server.lectureId}.json`), 'utf8')) as { polls: { total: number }[] };
    const report = {
      students: studentCount,
      moves: follow.length,
      warmupMoves: WARMUP_MOVES,
      followP50Ms: round(percentile(sorted, 0.5)),
      followP95Ms: round(percentile(sorted, 0.95)),
      followMaxMs: round(sorted.at(-1) ?? 0),
      votesExpected,
      votesCounted,
      votesAcknowledged: polls.reduce((n, p) => n + p.acked, 0),
      answersChanged: polls.reduce((n, p) => n + p.changed, 0),
      countsMatchAnswers: countsRight,
      votesInResultsFile: resultsFile.polls.reduce((n, p) => n + p.total, 0),
      serverCpuPercent,
      serverRssMB: memory.rss,
      serverPeakRssMB: memory.peak,
      clientsCpuPercent,
      seconds: round(wallSeconds),
      loadAverage: { before: loadBefore, after: Number(loadavg()[0]!.toFixed(2)) },
      targets: { followP95Ms: TARGETS.followP95Ms, votesCounted: votesExpected },
      ok: true,
    };
    const failures = [
      report.followP95Ms > TARGETS.followP95Ms && `follow p95 ${report.followP95Ms} ms > ${TARGETS.followP95Ms} ms`,
      votesCounted !== votesExpected && `${votesCounted} votes counted, ${votesExpected} expected`,
      lostVotes > TARGETS.lostVotes && `${lostVotes} votes lost`,
      !countsRight && 'the tallies differ from the answers given',
      report.votesInResultsFile !== votesExpected && `the results file has ${report.votesInResultsFile} votes`,
    ].filter((f): f is string => typeof f === 'string');
    report.ok = failures.length === 0;
    log(`follow times (ms), in order: ${follow.map((t) => Math.round(t)).join(' ')}`);
    console.log(JSON.stringify(report, null, 2));
    for (const f of failures) log(`target missed: ${f}`);
    return report.ok ? 0 : 1;
  } finally {
    for (const c of clients) c.close();
    await server.stop('SIGTERM');
    dist.remove();
  }
}

/**
 * One poll as in class: open it, every student answers (a tenth change their mind once), close
 * it, then read the lecturer's final tally and compare it with the answers given.
 */
async function runPoll(teacher: LiveClient, room: LiveClient[], quiz: LiveQuiz) {
  const opened = await teacher.send('poll:open', { quizId: quiz.id });
  if (!opened.ok) throw new Error(`poll ${quiz.id} refused: ${opened.message}`);
  await until(() => room.every((c) => c.view.polls[quiz.id]?.status === 'open'), `poll ${quiz.id} to open everywhere`, 30_000);
  const finalAnswers = room.map(() => randomAnswer(quiz));
  const first = await Promise.all(room.map((c, i) => c.send('answer', { quizId: quiz.id, answer: i % 10 === 0 ? randomAnswer(quiz) : finalAnswers[i]! })));
  const changers = room.flatMap((c, i) => (i % 10 === 0 ? [[c, i] as const] : []));
  const second = await Promise.all(changers.map(([c, i]) => c.send('answer', { quizId: quiz.id, answer: finalAnswers[i]! })));
  const acked = first.filter((r) => r.ok).length;
  const refused = [...first, ...second].flatMap((r) => (r.ok ? [] : [r.message]));
  if (refused.length) log(`poll ${quiz.id}: ${refused.length} answers refused (${refused[0]})`);
  await teacher.send('poll:close', { quizId: quiz.id });
  const expected = quiz.options.map(() => 0);
  for (const answer of finalAnswers) answer.forEach((option, place) => (quiz.kind !== 'order' || option === place) && expected[option]!++);
  // The last tally the lecturer gets is the closed poll's.
  await until(() => teacher.view.tallies[quiz.id]?.status === 'closed' && teacher.view.tallies[quiz.id]!.total >= acked, `the final tally of ${quiz.id}`, 30_000).catch(() => undefined);
  const tally = teacher.view.tallies[quiz.id];
  return { quiz, expected, total: tally?.total ?? 0, counts: tally?.counts ?? [], acked, changed: changers.length };
}

/** A valid answer, at random. */
function randomAnswer(quiz: LiveQuiz): number[] {
  const n = quiz.options.length;
  const indices = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  if (quiz.kind === 'order') return indices;
  if (quiz.kind === 'single') return [indices[0]!];
  return indices.slice(0, 1 + Math.floor(Math.random() * n)).sort((a, b) => a - b);
}

/** The first five questions, of every kind the deck has. */
function pickQuizzes(deck: LiveDeck): LiveQuiz[] {
  const quizzes = deck.quizzes.slice(0, POLLS);
  if (quizzes.length < POLLS) throw new Error(`[bench:live] the deck has ${deck.quizzes.length} questions; the bench needs ${POLLS}`);
  return quizzes;
}

/** 50 stops through the deck, slide by slide and step by step, with the 5 question slides among them. */
function lecturePath(deck: LiveDeck, quizzes: LiveQuiz[]): { slideId: string; step: number; quiz?: LiveQuiz }[] {
  const walk = deck.sections.flatMap((s) => s.slides).flatMap((slide) => Array.from({ length: slide.steps + 1 }, (_, step) => ({ slideId: slide.id, step })));
  const plain = walk.filter((p) => !quizzes.some((q) => q.slideId === p.slideId)).slice(0, MOVES - quizzes.length);
  const path: { slideId: string; step: number; quiz?: LiveQuiz }[] = [...plain];
  quizzes.forEach((quiz, i) => path.splice(Math.round(((i + 1) * MOVES) / (quizzes.length + 1)), 0, { slideId: quiz.slideId, step: 0, quiz }));
  return path.slice(0, MOVES);
}

/** CPU time (user + system) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

let ticks = 0;
function clockTicks(): number {
  ticks ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

/** A process's resident memory now and at its peak, in MB (from /proc). */
function memoryMB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: round(kb('VmRSS') / 1024), peak: round(kb('VmHWM') / 1024) };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  },
);

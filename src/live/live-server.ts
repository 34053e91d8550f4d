import type { Server, Socket } from 'socket.io';
import {
  parseAuth,
  RATE_LIMIT,
  validateCommand,
  type ClientToServerEvents,
  type Command,
  type Refusal,
  type Role,
  type ServerToClientEvents,
} from '../shared/live-protocol.ts';
import { coalesce } from './coalesce.ts';
import type { Lecture } from './lecture.ts';
import { RefusalLog, type LiveLog } from './log.ts';
import { TokenBucket } from './rate-limit.ts';
import { tokensMatch, voterKey } from './secrets.ts';

/** What the server keeps on each socket (`fetchSockets` carries it across processes: no secrets). */
export interface LiveSocketData {
  role: Role;
  /** The browser's random id (students), to count each browser once. */
  studentId: string | null;
  /** Short name for log lines, e.g. `student 3fa9c1`. */
  label: string;
}

/** Messages between server processes (through the Redis adapter). */
export interface InterServerEvents {
  /** Answers changed in these polls: lecturers' processes refresh their tallies and results file. */
  'live:tally': (quizIds: string[]) => void;
  /** Students connected or left somewhere: lecturers' processes recount. */
  'live:students': () => void;
}

/** The socket.io server of the live classroom, typed with the shared protocol. */
export type LiveIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, LiveSocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, LiveSocketData>;

export interface LiveChannelOptions {
  io: LiveIo;
  lecture: Lecture;
  token: string;
  log: LiveLog;
  /** Other processes share this class through the Redis adapter. */
  cluster: boolean;
  /**
   * Keeps the latest change safe (results file, or Redis); acks wait for it. A move may be
   * kept lazily (the lecturer's deck sends its slide again on reconnect); answers may not.
   */
  persist: (change: 'move' | 'poll' | 'answer') => Promise<void>;
  /** Hears how many lecturers are connected to this process (the results writer has one). */
  onLecturers?: (count: number) => void;
}

const LECTURERS = 'lecturers';
const STUDENTS = 'students';

/**
 * Wires the live classroom onto a socket.io server: refuses connections without a valid
 * role (and the lecturer's without the token), sends each (re)connecting client the lecture's
 * state, and runs every incoming message through the rate limit and the protocol's validators
 * before it touches the lecture. Returns a function that stops its timers.
 */
export function attachLive(options: LiveChannelOptions): { stop(): Promise<void> } {
  const { io, lecture, token, log, cluster, persist } = options;
  let lecturersHere = 0;
  let lastCount = -1;
  const onError = (what: string) => (e: unknown): void => log(`${what} failed: ${message(e)}`);

  // Tallies go to this process's lecturers, at most every 50 ms however fast votes come.
  const dirtyTallies = new Set<string>();
  const tallies = coalesce(async () => {
    const ids = [...dirtyTallies];
    dirtyTallies.clear();
    if (lecturersHere === 0) return;
    for (const id of ids) io.local.to(LECTURERS).emit('tally', await lecture.tally(id));
  }, 50, onError('sending the tally'));
  // Other processes hear of this process's votes (one message per 50 ms, not one per vote).
  const toTell = new Set<string>();
  const tellOthers = coalesce(async () => {
    const ids = [...toTell];
    toTell.clear();
    io.serverSideEmit('live:tally', ids);
  }, 50, onError('telling the other servers'));
  const counts = coalesce(async () => {
    if (lecturersHere === 0) return;
    const count = await countStudents(io);
    if (count !== lastCount) io.local.to(LECTURERS).emit('students', { count });
    lastCount = count;
  }, 100, onError('counting students'));
  const tellStudents = coalesce(async () => void io.serverSideEmit('live:students'), 100, onError('telling the other servers'));
  // A process that dies takes its students with it without a word: recount now and then.
  const recount = cluster ? setInterval(() => counts.poke(), 5000).unref() : null;

  const talliesChanged = (quizIds: readonly string[], here: boolean): void => {
    for (const id of quizIds) dirtyTallies.add(id);
    tallies.poke();
    if (here && cluster) {
      for (const id of quizIds) toTell.add(id);
      tellOthers.poke();
    }
  };
  const studentsChanged = (): void => {
    counts.poke();
    if (cluster) tellStudents.poke();
  };
  if (cluster) {
    io.on('live:tally', (ids) => {
      if (!Array.isArray(ids)) return;
      talliesChanged(ids.filter((id) => lecture.index.quizzes.has(id)), false);
      void persist('answer');
    });
    io.on('live:students', () => counts.poke());
  }

  // Handshake: a role, and for the lecturer the token (compared in constant time).
  io.use((socket, next) => {
    const auth = parseAuth(socket.handshake.auth);
    const short = socket.id.slice(0, 6);
    if (!auth.ok) return next(refusedConnection(auth, log, short));
    if (auth.value.role === 'lecturer' && !tokensMatch(auth.value.token, token)) {
      return next(refusedConnection({ ok: false, error: 'bad-token', message: 'the lecturer token is wrong' }, log, short));
    }
    socket.data = {
      role: auth.value.role,
      studentId: auth.value.role === 'student' ? auth.value.studentId : null,
      label: `${auth.value.role} ${short}`,
    };
    next();
  });

  io.on('connection', (socket: LiveSocket) => {
    const { role, label } = socket.data;
    const voter = socket.data.studentId === null ? '' : voterKey(lecture.id, socket.data.studentId);
    const bucket = new TokenBucket(RATE_LIMIT.perSecond, RATE_LIMIT.burst, Date.now());
    const refusals = new RefusalLog(label, log);
    const run = runCommand(io, lecture, voter, persist, talliesChanged);

    // Every incoming message stops here: rate limit, validation, then the command. Nothing a
    // client sends is passed on as it is; what others receive is built from the lecture's state.
    socket.use((packet, _next) => {
      const [event, ...args] = packet;
      const last = args.at(-1);
      const ack = typeof last === 'function' ? (args.pop() as (reply: unknown) => void) : null;
      const reply = (r: unknown): void => {
        if (ack && socket.connected) ack(r);
      };
      const name = String(event);
      if (!bucket.take(Date.now())) {
        refusals.refused(`\`${clip(name)}\` (rate-limited: over ${RATE_LIMIT.perSecond} messages a second)`);
        return reply({ ok: false, error: 'rate-limited', message: `over ${RATE_LIMIT.perSecond} messages a second` } satisfies Refusal);
      }
      const checked = validateCommand(name, args, role, lecture.index);
      if (!checked.ok) {
        refusals.refused(`\`${clip(name)}\` (${checked.error}: ${checked.message})`);
        return reply(checked);
      }
      run(checked.value).then(reply, (e: unknown) => {
        log(`${label}: \`${name}\` failed: ${message(e)}`);
        reply({ ok: false, error: 'server-error', message: 'the server could not do this just now; try again' } satisfies Refusal);
      });
    });

    void socket.join(role === 'lecturer' ? LECTURERS : STUDENTS);
    if (role === 'lecturer') {
      options.onLecturers?.(++lecturersHere);
      log(`${label} connected`);
    }
    studentsChanged();
    void sendState(socket, voter, 0);

    socket.on('disconnect', (reason, description) => {
      refusals.flush();
      // An oversized frame lands here: the transport closes the connection before anything is parsed.
      if (reason === 'transport error' || reason === 'parse error') log(`${label} disconnected (${reason}${detail(description)})`);
      else if (role === 'lecturer') log(`${label} disconnected (${reason})`);
      if (role === 'lecturer') options.onLecturers?.(--lecturersHere);
      studentsChanged();
    });
  });

  io.engine.on('connection_error', (e: { code?: number; message?: string }) => {
    log(`refused a connection at the transport: ${e.message ?? 'unknown error'} (code ${e.code ?? '?'})`);
  });

  /** The catch-up every connect and reconnect gets; retried while Redis (say) is unreachable. */
  async function sendState(socket: LiveSocket, voter: string, attempt: number): Promise<void> {
    try {
      const state = socket.data.role === 'lecturer' ? await lecture.lecturerState(await countStudents(io)) : await lecture.studentState(voter);
      if (socket.connected) socket.emit('state', state);
    } catch (e) {
      log(`${socket.data.label}: could not send the lecture's state (${message(e)})${attempt < 10 ? '; trying again' : ''}`);
      if (attempt < 10 && socket.connected) setTimeout(() => void sendState(socket, voter, attempt + 1), 1000).unref();
    }
  }

  return {
    async stop() {
      if (recount) clearInterval(recount);
      await Promise.all([tallies.flush(), counts.flush()]);
      for (const c of [tallies, tellOthers, counts, tellStudents]) c.stop();
    },
  };
}

/** What each accepted command does, and what is broadcast (always built from the lecture's state). */
function runCommand(io: LiveIo, lecture: Lecture, voter: string, persist: LiveChannelOptions['persist'], talliesChanged: (ids: string[], here: boolean) => void) {
  return async (command: Command): Promise<unknown> => {
    switch (command.name) {
      case 'move': {
        const position = await lecture.move(command.payload.slideId, command.payload.step);
        io.emit('move', position);
        await persist('move');
        return { ok: true, position };
      }
      case 'poll:open':
      case 'poll:close':
      case 'poll:reveal': {
        const action = command.name.slice('poll:'.length) as 'open' | 'close' | 'reveal';
        const result = await lecture.poll(action, command.payload.quizId, new Date());
        if (!result.ok) return result;
        for (const poll of result.changed) io.emit('poll', poll);
        talliesChanged([command.payload.quizId, ...result.changed.map((p) => p.quizId)], true);
        await persist('poll');
        return { ok: true, poll: result.poll };
      }
      case 'answer': {
        const { quizId, answer } = command.payload;
        const result = await lecture.answer(voter, quizId, answer);
        if (!result.ok) return result;
        if (result.changed) talliesChanged([quizId], true);
        await persist('answer');
        // No right or wrong here: a live poll shows that only when the lecturer reveals it.
        return { ok: true, quizId, answer };
      }
    }
  };
}

/** Students connected to the class (every process), each browser once however many tabs. */
async function countStudents(io: LiveIo): Promise<number> {
  const sockets = await io.in(STUDENTS).fetchSockets();
  return new Set(sockets.map((s) => s.data.studentId)).size;
}

/** The error a refused handshake gets (`connect_error` on the client, with `data.code`). */
function refusedConnection(refusal: Refusal, log: LiveLog, short: string): Error {
  log(`refused connection ${short} (${refusal.error}: ${refusal.message})`);
  return Object.assign(new Error(refusal.message), { data: { code: refusal.error } });
}

function detail(description: unknown): string {
  const d = description as { description?: unknown; message?: unknown } | undefined;
  const inner = d?.description instanceof Error ? d.description.message : typeof d?.message === 'string' ? d.message : '';
  return inner ? `: ${inner}` : '';
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The live classroom's messages, shared by the server (src/live/) and the browser: their types,
 * and pure validators for everything a client sends. Imports only the deck model, so either side can use it.
 * src/live/README.md lists every event, who may send it and what the server answers.
 */

/** Where the realtime channel listens, beside the deck's own files (same origin). */
export const LIVE_SOCKET_PATH = '/live/socket.io';

/** The lecturer-only download of every poll's tallies (token as `?token=` or `Authorization: Bearer`). */
export const RESULTS_CSV_PATH = '/live/results.csv';

/** Largest message a client may send, as JSON text (anything bigger is refused). */
export const MAX_MESSAGE_CHARS = 2048;

/** Messages per second a connection may send, and the burst it may save up. */
export const RATE_LIMIT = { perSecond: 20, burst: 20 } as const;

// ── The deck as the live layer sees it (dist/deck.json) ────────────────────────────────────────

import type { QuizInfo } from './deck-model.ts';

export { QUIZ_KINDS, type QuizKind } from './deck-model.ts';

/** One question of the deck, as the deck model has it (src/shared/deck-model.ts); for `order`, `answer` is 0,1,2,…. */
export type LiveQuiz = Pick<QuizInfo, 'id' | 'slideId' | 'kind' | 'question' | 'options' | 'answer' | 'explanation'>;

/** The runtime part of the deck model, written by the build as `dist/deck.json`. */
export interface LiveDeck {
  id: string;
  title: string;
  /** `steps`: the slide's fragments; a step goes from 0 (no fragment shown) to `steps`. */
  sections: { id: string; title: string; slides: { id: string; title: string; steps: number }[] }[];
  quizzes: LiveQuiz[];
}

/** What validating a message needs to know of the deck: each slide's steps and each quiz. */
export interface DeckIndex {
  steps: ReadonlyMap<string, number>;
  quizzes: ReadonlyMap<string, LiveQuiz>;
  /** The first slide: where a lecture starts. */
  firstSlideId: string;
}

/** Indexes a deck for the validators (the deck is assumed valid: see src/live/deck-file.ts). */
export function indexDeck(deck: LiveDeck): DeckIndex {
  const slides = deck.sections.flatMap((s) => s.slides);
  return {
    steps: new Map(slides.map((s) => [s.id, s.steps])),
    quizzes: new Map(deck.quizzes.map((q) => [q.id, q])),
    firstSlideId: slides[0]?.id ?? '',
  };
}

// ── Connecting ─────────────────────────────────────────────────────────────────────────────────

export type Role = 'lecturer' | 'student';

/** socket.io's `auth` for the lecturer: the token printed by `npm run live`. */
export interface LecturerAuth {
  role: 'lecturer';
  token: string;
}

/** socket.io's `auth` for a student: a random id the browser keeps (never a name). */
export interface StudentAuth {
  role: 'student';
  studentId: string;
}

export type LiveAuth = LecturerAuth | StudentAuth;

const STUDENT_ID = /^[A-Za-z0-9_-]{16,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** A new anonymous student id: 22 URL-safe characters, 132 random bits, for the browser to keep. */
export function createStudentId(): string {
  const bytes = new Uint8Array(22);
  globalThis.crypto.getRandomValues(bytes);
  // 64 divides 256, so `& 63` keeps every character equally likely.
  return Array.from(bytes, (b) => URL_SAFE[b & 63]).join('');
}

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Reads a connection's `auth`; says what is wrong with it. Does not check the token's value. */
export function parseAuth(value: unknown): Checked<LiveAuth> {
  if (!isPlainObject(value)) return refuse('bad-auth', 'auth must be an object with a role');
  if (value.role === 'lecturer') {
    if (typeof value.token !== 'string' || !TOKEN.test(value.token)) return refuse('bad-auth', 'a lecturer connection needs its token');
    return { ok: true, value: { role: 'lecturer', token: value.token } };
  }
  if (value.role === 'student') {
    if (typeof value.studentId !== 'string' || !STUDENT_ID.test(value.studentId)) return refuse('bad-auth', 'a student connection needs a studentId of 16–64 URL-safe characters');
    return { ok: true, value: { role: 'student', studentId: value.studentId } };
  }
  return refuse('bad-auth', 'role must be `lecturer` or `student`');
}

// ── What the server sends ──────────────────────────────────────────────────────────────────────

/** Where the class is. `seq` grows with every change of the lecture: keep the highest seen. */
export interface Position {
  slideId: string;
  step: number;
  seq: number;
}

/** `idle`: never opened. `open`: taking answers. `closed`: no more answers. `revealed`: closed, answer shown. */
export type PollStatus = 'idle' | 'open' | 'closed' | 'revealed';

/** A poll as everyone sees it. `answer` only once revealed. `seq`: as in Position. */
export interface PollPublic {
  quizId: string;
  status: Exclude<PollStatus, 'idle'>;
  seq: number;
  answer?: number[];
}

/**
 * A poll's live counts, for the lecturer only. `counts[i]`: students who chose option i
 * (`single`, `multiple`) or put step i in its right place (`order`). `rev` grows with every
 * answer: keep the highest seen.
 */
export interface Tally {
  quizId: string;
  status: PollStatus;
  seq: number;
  rev: number;
  /** Students who answered. */
  total: number;
  counts: number[];
  /** Students whose whole answer is right. */
  allRight: number;
  /** The wrong answer given most often (ties: the first in sorted order), or null. */
  commonestMistake: { answer: number[]; count: number } | null;
}

/** Sent to a student on every connect and reconnect: catch-up. `yours`: their own answers. */
export interface StudentState {
  role: 'student';
  lectureId: string;
  deckId: string;
  position: Position;
  polls: PollPublic[];
  yours: Record<string, number[]>;
}

/** Sent to the lecturer on every connect and reconnect. */
export interface LecturerState {
  role: 'lecturer';
  lectureId: string;
  deckId: string;
  position: Position;
  polls: PollPublic[];
  tallies: Tally[];
  /** Students connected (each browser once). */
  students: number;
}

/** The server's events and their payloads (a socket.io event map). */
export interface ServerToClientEvents {
  state: (state: StudentState | LecturerState) => void;
  move: (position: Position) => void;
  poll: (poll: PollPublic) => void;
  /** Lecturer only. */
  tally: (tally: Tally) => void;
  /** Lecturer only. */
  students: (count: { count: number }) => void;
}

// ── What clients send ──────────────────────────────────────────────────────────────────────────

export interface MovePayload {
  slideId: string;
  step: number;
}

export interface QuizRef {
  quizId: string;
}

/** Option indices: one (`single`), one or more (`multiple`), or a permutation of all (`order`). */
export interface AnswerPayload {
  quizId: string;
  answer: number[];
}

/** Every command, with its payload. */
export interface CommandPayloads {
  move: MovePayload;
  'poll:open': QuizRef;
  'poll:close': QuizRef;
  'poll:reveal': QuizRef;
  answer: AnswerPayload;
}

export type CommandName = keyof CommandPayloads;

/** Who may send each command. */
export const COMMAND_ROLES: Readonly<Record<CommandName, Role>> = {
  move: 'lecturer',
  'poll:open': 'lecturer',
  'poll:close': 'lecturer',
  'poll:reveal': 'lecturer',
  answer: 'student',
};

/** What the server answers to each command when it is accepted. */
export interface CommandReplies {
  move: { ok: true; position: Position };
  'poll:open': { ok: true; poll: PollPublic };
  'poll:close': { ok: true; poll: PollPublic | null };
  'poll:reveal': { ok: true; poll: PollPublic };
  answer: { ok: true; quizId: string; answer: number[] };
}

/** Why a message was refused (also the code of a refused connection). */
export type RefusalCode =
  | 'bad-auth'
  | 'bad-token'
  | 'unknown-command'
  | 'bad-message'
  | 'too-large'
  | 'rate-limited'
  | 'forbidden'
  | 'unknown-slide'
  | 'bad-step'
  | 'unknown-quiz'
  | 'bad-answer'
  | 'poll-not-open'
  | 'poll-revealed'
  | 'offline'
  | 'timeout'
  | 'server-error';

/** A refused message or connection: a code for the program, a sentence for the log. */
export interface Refusal {
  ok: false;
  error: RefusalCode;
  message: string;
}

/** The server's answer to a command: accepted, or why not. */
export type Reply<C extends CommandName> = CommandReplies[C] | Refusal;

/** The commands as a socket.io event map: each takes its payload and an acknowledgement. */
export type ClientToServerEvents = {
  [C in CommandName]: (payload: CommandPayloads[C], ack: (reply: Reply<C>) => void) => void;
};

/** A checked value, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | Refusal;

/** A command that passed validation. */
export type Command = { [C in CommandName]: { name: C; payload: CommandPayloads[C] } }[CommandName];

/**
 * Validates one incoming message (`args` is what followed the event name, without the
 * acknowledgement): its size, its shape, who sent it, and every id and index against the deck.
 */
export function validateCommand(event: string, args: readonly unknown[], role: Role, deck: DeckIndex): Checked<Command> {
  if (!Object.hasOwn(COMMAND_ROLES, event)) return refuse('unknown-command', `unknown command \`${clip(event)}\``);
  const name = event as CommandName;
  const size = jsonSize(args);
  if (size > MAX_MESSAGE_CHARS) return refuse('too-large', `\`${name}\` of ${size > 1e6 ? 'over a million' : size} characters (the limit is ${MAX_MESSAGE_CHARS})`);
  if (COMMAND_ROLES[name] !== role) return refuse('forbidden', role === 'student' ? `\`${name}\` is a lecturer command` : `\`${name}\` is for students`);
  if (args.length !== 1 || !isPlainObject(args[0])) return refuse('bad-message', `\`${name}\` takes one object`);
  const payload = args[0];
  switch (name) {
    case 'move': {
      if (!hasOnlyKeys(payload, ['slideId', 'step'])) return refuse('bad-message', '`move` takes { slideId, step }');
      const { slideId, step } = payload;
      const steps = typeof slideId === 'string' ? deck.steps.get(slideId) : undefined;
      if (steps === undefined) return refuse('unknown-slide', `no slide \`${clip(slideId)}\` in the deck`);
      if (!Number.isInteger(step) || (step as number) < 0 || (step as number) > steps) return refuse('bad-step', `slide \`${slideId as string}\` has steps 0–${steps}, not ${clip(step)}`);
      return { ok: true, value: { name, payload: { slideId: slideId as string, step: step as number } } };
    }
    case 'poll:open':
    case 'poll:close':
    case 'poll:reveal': {
      if (!hasOnlyKeys(payload, ['quizId'])) return refuse('bad-message', `\`${name}\` takes { quizId }`);
      const quiz = findQuiz(payload.quizId, deck);
      if (!quiz.ok) return quiz;
      return { ok: true, value: { name, payload: { quizId: quiz.value.id } } };
    }
    case 'answer': {
      if (!hasOnlyKeys(payload, ['quizId', 'answer'])) return refuse('bad-message', '`answer` takes { quizId, answer }');
      const quiz = findQuiz(payload.quizId, deck);
      if (!quiz.ok) return quiz;
      const answer = checkAnswer(quiz.value, payload.answer);
      if (!answer.ok) return answer;
      return { ok: true, value: { name, payload: { quizId: quiz.value.id, answer: answer.value } } };
    }
  }
}

/**
 * Checks a student's answer against its question and returns it in one canonical form
 * (`multiple`: sorted), so the same choice always counts as the same answer.
 */
export function checkAnswer(quiz: LiveQuiz, value: unknown): Checked<number[]> {
  const n = quiz.options.length;
  if (!Array.isArray(value) || value.length > n || !value.every((i) => Number.isInteger(i))) {
    return refuse('bad-answer', `an answer is a list of at most ${n} option numbers`);
  }
  const indices = value as number[];
  const outside = indices.find((i) => i < 0 || i >= n);
  if (outside !== undefined) return refuse('bad-answer', `option ${outside} is out of range: \`${quiz.id}\` has options 0–${n - 1}`);
  if (new Set(indices).size !== indices.length) return refuse('bad-answer', 'an option may be given only once');
  if (quiz.kind === 'single' && indices.length !== 1) return refuse('bad-answer', `\`${quiz.id}\` takes exactly one option`);
  if (quiz.kind === 'multiple' && indices.length === 0) return refuse('bad-answer', `\`${quiz.id}\` takes one option or more`);
  if (quiz.kind === 'order' && indices.length !== n) return refuse('bad-answer', `\`${quiz.id}\` takes all ${n} steps, in the order chosen`);
  return { ok: true, value: quiz.kind === 'multiple' ? [...indices].sort((a, b) => a - b) : [...indices] };
}

/** True when an answer (as checkAnswer returns it) is the question's right answer. */
export function isRightAnswer(quiz: LiveQuiz, answer: readonly number[]): boolean {
  return answer.length === quiz.answer.length && answer.every((v, i) => v === quiz.answer[i]);
}

/** A count as a percentage of a total, to one decimal (0 when nobody answered). */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count * 1000) / total) / 10 : 0;
}

function findQuiz(quizId: unknown, deck: DeckIndex): Checked<LiveQuiz> {
  const quiz = typeof quizId === 'string' ? deck.quizzes.get(quizId) : undefined;
  return quiz ? { ok: true, value: quiz } : refuse('unknown-quiz', `no question \`${clip(quizId)}\` in the deck`);
}

function refuse(error: RefusalCode, message: string): Refusal {
  return { ok: false, error, message };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && own.every((k) => keys.includes(k));
}

/** Length of a value as JSON text; anything JSON cannot say (a cycle, a BigInt) counts as too large. */
function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** A value as a short string for a message (never the whole of an oversized input). */
function clip(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : String(JSON.stringify(value));
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

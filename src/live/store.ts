import type { PollStatus, Position } from '../shared/live-protocol.ts';
import type { AnswerCounts } from './tally.ts';

/** A poll's state in a store. Times are ISO strings, null until it happens. */
export interface PollRecord {
  quizId: string;
  status: PollStatus;
  /** The lecture's change counter when this poll's status last changed. */
  seq: number;
  /** Grows with every answer given or changed. */
  rev: number;
  openedAt: string | null;
  closedAt: string | null;
  revealedAt: string | null;
}

/** A poll with every student's answer (voter key → answer key): what a results file keeps. */
export interface SavedPoll extends PollRecord {
  answers: Record<string, string>;
}

/** A whole lecture as saved: enough to continue it after a restart. */
export interface SavedLecture {
  deckId: string;
  startedAt: string;
  seq: number;
  position: Position;
  polls: SavedPoll[];
}

/** What a lecturer can do to a poll. */
export type PollAction = 'open' | 'close' | 'reveal';

/** A poll command's outcome: every poll whose status changed (opening one closes another), and the poll. */
export type PollChange = { ok: true; changed: PollRecord[]; poll: PollRecord } | { ok: false; error: 'poll-revealed' };

/** A vote's outcome; `changed` is false when the student gave the same answer again. */
export type VoteResult = { ok: true; changed: boolean; rev: number } | { ok: false; error: 'poll-not-open' };

/**
 * Where a lecture's state lives: in this process (MemoryStore) or in Redis, shared by every
 * process (RedisStore). Each operation is atomic, so a vote and a close never interleave.
 */
export interface LiveStore {
  /** Where the class is, and every poll that was ever opened. */
  snapshot(): Promise<{ position: Position; polls: PollRecord[] }>;
  /** Moves the class; returns the new position with its seq. */
  move(slideId: string, step: number): Promise<Position>;
  /** Opens (closing any other open poll), closes or reveals a poll at time `now`. */
  setPoll(quizId: string, action: PollAction, now: string): Promise<PollChange>;
  /** Records a student's answer to an open poll, replacing their earlier one. */
  vote(quizId: string, voter: string, answer: string): Promise<VoteResult>;
  /** How many gave each answer to a poll, with the poll's state (null if never opened). */
  counts(quizId: string): Promise<{ poll: PollRecord | null; counts: AnswerCounts }>;
  /** One student's answers to the given polls (those they answered). */
  answersOf(voter: string, quizIds: readonly string[]): Promise<Map<string, string>>;
  /** Everything, for the results file. */
  dump(): Promise<SavedLecture>;
  /** Lets go of connections (the data stays where it is). */
  close(): Promise<void>;
}

/** The status a poll takes for an action, or an error when the action is not allowed. */
export function nextStatus(current: PollStatus, action: PollAction): PollStatus | 'poll-revealed' {
  if (action === 'open') return current === 'revealed' ? 'poll-revealed' : 'open';
  if (action === 'close') return current === 'open' ? 'closed' : current;
  return 'revealed';
}

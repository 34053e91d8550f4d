import type { Position } from '../shared/live-protocol.ts';
import { countAnswers } from './tally.ts';
import { nextStatus, type LiveStore, type PollAction, type PollChange, type PollRecord, type SavedLecture, type VoteResult } from './store.ts';

interface MemoryPoll extends PollRecord {
  answers: Map<string, string>;
  counts: Map<string, number>;
}

/** A lecture kept in this process: for one server without Redis (the results file keeps it). */
export class MemoryStore implements LiveStore {
  private seq: number;
  private position: Position;
  private readonly polls = new Map<string, MemoryPoll>();

  /** A store holding `saved` (a resumed lecture) or a new lecture on its first slide. */
  constructor(private readonly saved: Pick<SavedLecture, 'deckId' | 'startedAt'> & Partial<SavedLecture>, firstSlideId: string) {
    this.seq = saved.seq ?? 0;
    this.position = saved.position ?? { slideId: firstSlideId, step: 0, seq: 0 };
    for (const poll of saved.polls ?? []) {
      const answers = new Map(Object.entries(poll.answers));
      this.polls.set(poll.quizId, { ...pollRecord(poll), answers, counts: countAnswers(answers.values()) });
    }
  }

  async snapshot(): Promise<{ position: Position; polls: PollRecord[] }> {
    return { position: this.position, polls: this.opened().map(pollRecord) };
  }

  async move(slideId: string, step: number): Promise<Position> {
    this.position = { slideId, step, seq: ++this.seq };
    return this.position;
  }

  async setPoll(quizId: string, action: PollAction, now: string): Promise<PollChange> {
    const poll = this.poll(quizId);
    const status = nextStatus(poll.status, action);
    if (status === 'poll-revealed') return { ok: false, error: status };
    const changed: PollRecord[] = [];
    if (status === 'open') {
      for (const other of this.polls.values()) {
        if (other !== poll && other.status === 'open') changed.push(this.setStatus(other, 'closed', now));
      }
    }
    if (status !== poll.status) changed.push(this.setStatus(poll, status, now));
    return { ok: true, changed, poll: pollRecord(poll) };
  }

  async vote(quizId: string, voter: string, answer: string): Promise<VoteResult> {
    const poll = this.polls.get(quizId);
    if (poll?.status !== 'open') return { ok: false, error: 'poll-not-open' };
    const old = poll.answers.get(voter);
    if (old === answer) return { ok: true, changed: false, rev: poll.rev };
    if (old !== undefined) {
      const left = (poll.counts.get(old) ?? 1) - 1;
      if (left > 0) poll.counts.set(old, left);
      else poll.counts.delete(old);
    }
    poll.answers.set(voter, answer);
    poll.counts.set(answer, (poll.counts.get(answer) ?? 0) + 1);
    return { ok: true, changed: true, rev: ++poll.rev };
  }

  async counts(quizId: string): Promise<{ poll: PollRecord | null; counts: Map<string, number> }> {
    const poll = this.polls.get(quizId);
    return { poll: poll ? pollRecord(poll) : null, counts: new Map(poll?.counts) };
  }

  async answersOf(voter: string, quizIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of quizIds) {
      const answer = this.polls.get(id)?.answers.get(voter);
      if (answer !== undefined) found.set(id, answer);
    }
    return found;
  }

  async dump(): Promise<SavedLecture> {
    return {
      deckId: this.saved.deckId,
      startedAt: this.saved.startedAt,
      seq: this.seq,
      position: this.position,
      polls: this.opened().map((p) => ({ ...pollRecord(p), answers: Object.fromEntries(p.answers) })),
    };
  }

  async close(): Promise<void> {}

  /** Polls that were ever opened (a close or reveal of a fresh poll leaves a record too). */
  private opened(): MemoryPoll[] {
    return [...this.polls.values()].filter((p) => p.status !== 'idle');
  }

  private poll(quizId: string): MemoryPoll {
    let poll = this.polls.get(quizId);
    if (!poll) {
      poll = { quizId, status: 'idle', seq: 0, rev: 0, openedAt: null, closedAt: null, revealedAt: null, answers: new Map(), counts: new Map() };
      this.polls.set(quizId, poll);
    }
    return poll;
  }

  private setStatus(poll: MemoryPoll, status: PollRecord['status'], now: string): PollRecord {
    if (status === 'open') poll.openedAt ??= now;
    if (poll.status === 'open' && status !== 'open') poll.closedAt = now;
    if (status === 'revealed') poll.revealedAt = now;
    poll.status = status;
    poll.seq = ++this.seq;
    return pollRecord(poll);
  }
}

/** The record part of a poll, copied (so callers never hold the store's own object). */
function pollRecord(p: PollRecord): PollRecord {
  return { quizId: p.quizId, status: p.status, seq: p.seq, rev: p.rev, openedAt: p.openedAt, closedAt: p.closedAt, revealedAt: p.revealedAt };
}

import type { LecturerState, PollPublic, Position, StudentState, Tally } from '../shared/live-protocol.ts';

/** What a client knows of the lecture, kept up to date from the server's events. */
export interface LiveView {
  lectureId: string | null;
  /** Where the class is (null until the first state arrives). */
  position: Position | null;
  /** Every poll that was opened, by quiz id. */
  polls: Readonly<Record<string, PollPublic>>;
  /** A student's own answers, by quiz id. */
  yours: Readonly<Record<string, readonly number[]>>;
  /** Lecturer only: each poll's tally, by quiz id. */
  tallies: Readonly<Record<string, Tally>>;
  /** Lecturer only: students connected (null until known). */
  students: number | null;
}

/** A view before anything has arrived. */
export const EMPTY_VIEW: LiveView = { lectureId: null, position: null, polls: {}, yours: {}, tallies: {}, students: null };

/**
 * Folds the server's events into a LiveView. Events can arrive out of order around a
 * (re)connect (a move broadcast before the catch-up state it is newer than), so each item
 * keeps the highest `seq` (tallies: `seq`, then `rev`) seen on this connection and ignores
 * older ones. `connected()` starts a new connection: a restarted server counts afresh.
 */
export class LiveViewKeeper {
  private current: LiveView = EMPTY_VIEW;
  private positionSeq = -1;
  private pollSeq = new Map<string, number>();
  private tallyOrder = new Map<string, [number, number]>();

  get view(): LiveView {
    return this.current;
  }

  /** A new connection: what it says next is the truth, whatever the old one said. */
  connected(): void {
    this.positionSeq = -1;
    this.pollSeq.clear();
    this.tallyOrder.clear();
  }

  /** The catch-up state; returns whether the view changed. */
  state(s: StudentState | LecturerState): boolean {
    const polls: Record<string, PollPublic> = {};
    // Polls seen on this connection before the state came are newer or as new: keep them.
    for (const [id, poll] of Object.entries(this.current.polls)) if (this.pollSeq.has(id)) polls[id] = poll;
    this.current = { ...this.current, lectureId: s.lectureId, polls };
    this.move(s.position);
    for (const p of s.polls) this.poll(p);
    if (s.role === 'student') this.current = { ...this.current, yours: s.yours };
    else {
      this.current = { ...this.current, students: s.students };
      for (const t of s.tallies) this.tally(t);
    }
    return true;
  }

  /** A move; false when it is older than what this connection has seen. */
  move(p: Position): boolean {
    if (p.seq < this.positionSeq) return false;
    this.positionSeq = p.seq;
    this.current = { ...this.current, position: p };
    return true;
  }

  /** A poll's new status; false when older than seen. */
  poll(p: PollPublic): boolean {
    if (p.seq < (this.pollSeq.get(p.quizId) ?? -1)) return false;
    this.pollSeq.set(p.quizId, p.seq);
    this.current = { ...this.current, polls: { ...this.current.polls, [p.quizId]: p } };
    return true;
  }

  /** A poll's tally; false when older than seen. */
  tally(t: Tally): boolean {
    const [seq, rev] = this.tallyOrder.get(t.quizId) ?? [-1, -1];
    if (t.seq < seq || (t.seq === seq && t.rev < rev)) return false;
    this.tallyOrder.set(t.quizId, [t.seq, t.rev]);
    this.current = { ...this.current, tallies: { ...this.current.tallies, [t.quizId]: t } };
    return true;
  }

  /** The student count. */
  students(count: number): boolean {
    this.current = { ...this.current, students: count };
    return true;
  }

  /** The server accepted the student's answer. */
  answered(quizId: string, answer: readonly number[]): boolean {
    this.current = { ...this.current, yours: { ...this.current.yours, [quizId]: answer } };
    return true;
  }
}

import type { DeckIndex, LecturerState, LiveDeck, PollPublic, Position, Refusal, StudentState, Tally } from '../shared/live-protocol.ts';
import { buildResults, type ResultsFile } from './results-file.ts';
import type { LiveStore, PollAction, PollRecord } from './store.ts';
import { answerFromKey, answerKey, tallyOf } from './tally.ts';

/**
 * One lecture: the deck, its store, and what each command does to them, as values to send
 * (sockets are live-server.ts's business). Commands reaching here are already validated.
 */
export class Lecture {
  constructor(
    readonly id: string,
    readonly deck: LiveDeck,
    readonly index: DeckIndex,
    readonly store: LiveStore,
  ) {}

  /** What a (re)connecting student needs: where the class is, the polls, their own answers. */
  async studentState(voter: string): Promise<StudentState> {
    const { position, polls } = await this.store.snapshot();
    const mine = await this.store.answersOf(voter, polls.map((p) => p.quizId));
    return {
      role: 'student',
      lectureId: this.id,
      deckId: this.deck.id,
      position,
      polls: polls.map(publicPoll(this.index)),
      yours: Object.fromEntries([...mine].map(([quizId, key]) => [quizId, answerFromKey(key)])),
    };
  }

  /** What a (re)connecting lecturer needs: position, polls with their tallies, students connected. */
  async lecturerState(students: number): Promise<LecturerState> {
    const { position, polls } = await this.store.snapshot();
    const tallies = await Promise.all(polls.map((p) => this.tally(p.quizId)));
    return { role: 'lecturer', lectureId: this.id, deckId: this.deck.id, position, polls: polls.map(publicPoll(this.index)), tallies, students };
  }

  /** Moves the class to a slide and step. */
  move(slideId: string, step: number): Promise<Position> {
    return this.store.move(slideId, step);
  }

  /** Opens, closes or reveals a poll; `changed` is every poll whose status changed (to broadcast). */
  async poll(action: PollAction, quizId: string, now: Date): Promise<{ ok: true; poll: PollPublic | null; changed: PollPublic[] } | Refusal> {
    const result = await this.store.setPoll(quizId, action, now.toISOString());
    if (!result.ok) return { ok: false, error: 'poll-revealed', message: `\`${quizId}\` was revealed already: its answers cannot change any more` };
    const toPublic = publicPoll(this.index);
    return { ok: true, poll: result.poll.status === 'idle' ? null : toPublic(result.poll), changed: result.changed.map(toPublic) };
  }

  /** Records a student's answer (replacing theirs); refused unless the poll is open. */
  async answer(voter: string, quizId: string, answer: number[]): Promise<{ ok: true; changed: boolean } | Refusal> {
    const result = await this.store.vote(quizId, voter, answerKey(answer));
    if (!result.ok) return { ok: false, error: 'poll-not-open', message: `\`${quizId}\` is not taking answers now` };
    return { ok: true, changed: result.changed };
  }

  /** A poll's live tally (all zero for a poll never opened). */
  async tally(quizId: string): Promise<Tally> {
    const quiz = this.index.quizzes.get(quizId)!;
    const { poll, counts } = await this.store.counts(quizId);
    return tallyOf(quiz, counts, poll ?? { status: 'idle', seq: 0, rev: 0 });
  }

  /** Every poll's tallies as the results file holds them. */
  async results(now: Date): Promise<ResultsFile> {
    return buildResults(this.deck, this.id, await this.store.dump(), now.toISOString());
  }
}

/** A poll as everyone may see it: the right answer only once the lecturer has revealed it. */
function publicPoll(index: DeckIndex): (p: PollRecord) => PollPublic {
  return (p) => {
    const status = p.status === 'idle' ? 'closed' : p.status;
    const poll: PollPublic = { quizId: p.quizId, status, seq: p.seq };
    if (status === 'revealed') poll.answer = index.quizzes.get(p.quizId)?.answer ?? [];
    return poll;
  };
}

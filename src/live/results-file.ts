import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deckError } from '../node/errors.ts';
import { checkAnswer, percentOf, type DeckIndex, type LiveDeck, type PollStatus, type Position, type QuizKind } from '../shared/live-protocol.ts';
import { htmlToText } from './html-text.ts';
import type { SavedLecture, SavedPoll } from './store.ts';
import { answerFromKey, answerKey, countAnswers, tallyOf } from './tally.ts';

/** The version of the results file's shape, its first field. */
export const RESULTS_FORMAT = 'live-results/1';

/** One poll in the results file: the question as text, its tallies, and every (anonymous) answer. */
export interface ResultsPoll {
  quizId: string;
  slideId: string;
  kind: QuizKind;
  question: string;
  options: string[];
  answer: number[];
  status: PollStatus;
  seq: number;
  rev: number;
  openedAt: string | null;
  closedAt: string | null;
  revealedAt: string | null;
  total: number;
  /** Per option: chose it (`single`, `multiple`) or put it in its right place (`order`). */
  counts: number[];
  percents: number[];
  allRight: number;
  allRightPercent: number;
  commonestMistake: { answer: number[]; count: number } | null;
  /** Voter key (a hash, never the browser's id) → answer. */
  answers: Record<string, number[]>;
}

/** `out/live/<lecture-id>.json`: a lecture's polls, written as they change. */
export interface ResultsFile {
  format: typeof RESULTS_FORMAT;
  lectureId: string;
  deck: { id: string; title: string };
  startedAt: string;
  savedAt: string;
  seq: number;
  position: Position;
  polls: ResultsPoll[];
}

/** Where a lecture's results file is. */
export function resultsPath(outDir: string, lectureId: string): string {
  return join(outDir, `${lectureId}.json`);
}

/** The results file for a lecture as a store dumped it, each poll in the deck's order. */
export function buildResults(deck: LiveDeck, lectureId: string, saved: SavedLecture, savedAt: string): ResultsFile {
  const byId = new Map(saved.polls.map((p) => [p.quizId, p]));
  const polls = deck.quizzes.flatMap((quiz): ResultsPoll[] => {
    const poll = byId.get(quiz.id);
    if (!poll) return [];
    const tally = tallyOf(quiz, countAnswers(Object.values(poll.answers)), poll);
    return [{
      quizId: quiz.id,
      slideId: quiz.slideId,
      kind: quiz.kind,
      question: htmlToText(quiz.question),
      options: quiz.options.map(htmlToText),
      answer: quiz.answer,
      status: poll.status,
      seq: poll.seq,
      rev: poll.rev,
      openedAt: poll.openedAt,
      closedAt: poll.closedAt,
      revealedAt: poll.revealedAt,
      total: tally.total,
      counts: tally.counts,
      percents: tally.counts.map((c) => percentOf(c, tally.total)),
      allRight: tally.allRight,
      allRightPercent: percentOf(tally.allRight, tally.total),
      commonestMistake: tally.commonestMistake,
      answers: Object.fromEntries(Object.entries(poll.answers).map(([voter, key]) => [voter, answerFromKey(key)])),
    }];
  });
  return { format: RESULTS_FORMAT, lectureId, deck: { id: deck.id, title: deck.title }, startedAt: saved.startedAt, savedAt, seq: saved.seq, position: saved.position, polls };
}

/**
 * Reads a results file to continue its lecture (`--resume`). It must be this lecture's, for this
 * deck, and every slide, question and answer in it must fit the deck; else a `[deck]` error
 * says what does not (the file is never half used).
 */
export function readResults(file: string, label: string, lectureId: string, deck: LiveDeck, index: DeckIndex): SavedLecture {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw deckError(`cannot resume from ${label}: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  const problems: string[] = [];
  const r = (typeof value === 'object' && value !== null ? value : {}) as Partial<ResultsFile>;
  if (r.format !== RESULTS_FORMAT) problems.push(`\`format\` is not \`${RESULTS_FORMAT}\``);
  if (r.lectureId !== lectureId) problems.push(`it is lecture \`${String(r.lectureId)}\`, not \`${lectureId}\``);
  if (r.deck?.id !== deck.id) problems.push(`it is for deck \`${String(r.deck?.id)}\`, not \`${deck.id}\` (this dist/deck.json)`);
  const steps = index.steps.get(String(r.position?.slideId));
  if (steps === undefined || !Number.isInteger(r.position?.step) || r.position!.step < 0 || r.position!.step > steps) problems.push(`its position (${JSON.stringify(r.position)}) is not a slide and step of the deck`);
  if (!Array.isArray(r.polls)) problems.push('`polls` is missing');
  const polls: SavedPoll[] = [];
  for (const [i, p] of (Array.isArray(r.polls) ? r.polls : []).entries()) {
    const quiz = index.quizzes.get(String(p?.quizId));
    if (!quiz) {
      problems.push(`polls[${i}]: question \`${String(p?.quizId)}\` is not in the deck`);
      continue;
    }
    if (!['open', 'closed', 'revealed'].includes(p.status)) problems.push(`polls[${i}]: status \`${String(p.status)}\` is not open, closed or revealed`);
    const answers: Record<string, string> = {};
    for (const [voter, answer] of Object.entries(p.answers ?? {})) {
      const checked = checkAnswer(quiz, answer);
      if (checked.ok) answers[voter] = answerKey(checked.value);
      else problems.push(`polls[${i}] (${quiz.id}): answer ${JSON.stringify(answer)}: ${checked.message}`);
    }
    polls.push({ quizId: quiz.id, status: p.status, seq: num(p.seq), rev: num(p.rev), openedAt: p.openedAt ?? null, closedAt: p.closedAt ?? null, revealedAt: p.revealedAt ?? null, answers });
  }
  if (polls.filter((p) => p.status === 'open').length > 1) problems.push('more than one poll is open');
  if (problems.length) throw deckError(`cannot resume from ${label}:\n${problems.slice(0, 20).map((p) => `  - ${p}`).join('\n')}`);
  // The counter must stay ahead of every seq the file holds, or new changes would look old.
  const seq = Math.max(num(r.seq), num(r.position?.seq), ...polls.map((p) => p.seq));
  return { deckId: deck.id, startedAt: String(r.startedAt ?? ''), seq, position: { slideId: r.position!.slideId, step: r.position!.step, seq: num(r.position?.seq) }, polls };
}

/** The lecture ids that have results in `outDir`, newest first (to suggest one for --resume). */
export function savedLectureIds(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => f.slice(0, -5)).sort().reverse();
}

function num(value: unknown): number {
  return Number.isInteger(value) && (value as number) >= 0 ? (value as number) : 0;
}

import { isRightAnswer, type LiveQuiz, type PollStatus, type Tally } from '../shared/live-protocol.ts';

/** An answer as one string (`"0,2"`), the form stores keep it in. Answers are canonical (checkAnswer). */
export function answerKey(answer: readonly number[]): string {
  return answer.join(',');
}

/** The answer an answerKey stands for. */
export function answerFromKey(key: string): number[] {
  return key === '' ? [] : key.split(',').map(Number);
}

/** A poll's counts as a store keeps them: how many students gave each distinct answer. */
export type AnswerCounts = ReadonlyMap<string, number>;

/**
 * Derives what the projector shows from how many gave each answer: a count per option (chose
 * it, or for `order` put it in its right place), how many were wholly right, the commonest mistake.
 */
export function tallyOf(quiz: LiveQuiz, counts: AnswerCounts, poll: { status: PollStatus; seq: number; rev: number }): Tally {
  const perOption = quiz.options.map(() => 0);
  let total = 0;
  let allRight = 0;
  let mistake: { key: string; count: number } | null = null;
  for (const [key, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count <= 0) continue;
    const answer = answerFromKey(key);
    total += count;
    answer.forEach((option, place) => {
      const counted = quiz.kind === 'order' ? option === place : true;
      if (counted && option < perOption.length) perOption[option]! += count;
    });
    if (isRightAnswer(quiz, answer)) allRight += count;
    else if (!mistake || count > mistake.count) mistake = { key, count };
  }
  return {
    quizId: quiz.id,
    status: poll.status,
    seq: poll.seq,
    rev: poll.rev,
    total,
    counts: perOption,
    allRight,
    commonestMistake: mistake && { answer: answerFromKey(mistake.key), count: mistake.count },
  };
}

/** Counts of each distinct answer, from each student's answer. */
export function countAnswers(answers: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of answers) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

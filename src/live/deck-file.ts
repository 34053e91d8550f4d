import { existsSync, readFileSync } from 'node:fs';
import { deckError } from '../node/errors.ts';
import { QUIZ_KINDS, type LiveDeck, type QuizKind } from '../shared/live-protocol.ts';

/**
 * Reads and validates the deck model the build writes (`dist/deck.json`). `label` names the file
 * in errors. A missing, unreadable or malformed file throws one `[deck]` error listing every problem.
 */
export function loadDeck(file: string, label = file): LiveDeck {
  if (!existsSync(file)) {
    throw deckError(`${label} does not exist: the live server needs the deck model the build writes there (\`npm run build\`), or give --deck <file>`);
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw deckError(`${label} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, e);
  }
  return validateDeck(value, label);
}

/** Checks that a parsed value is a LiveDeck; throws one `[deck]` error naming `label` and each problem. */
export function validateDeck(value: unknown, label: string): LiveDeck {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string): boolean => {
    if (!ok) problems.push(problem);
    return ok;
  };
  if (!need(isObject(value), 'the file must hold one JSON object { meta, sections, quizzes }') || !isObject(value)) return fail(label, problems);
  const meta = isObject(value.meta) ? value.meta : {};
  need(isText(meta.id), '`meta.id` is missing or not a non-empty string');
  need(isText(meta.title), '`meta.title` is missing or not a non-empty string');

  const slides = new Map<string, number>();
  if (need(Array.isArray(value.sections) && value.sections.length > 0, '`sections` is missing or empty') && Array.isArray(value.sections)) {
    value.sections.forEach((section: unknown, i) => {
      const at = `sections[${i}]`;
      if (!need(isObject(section), `${at} is not an object`) || !isObject(section)) return;
      need(isText(section.id), `${at}.id is missing`);
      need(typeof section.title === 'string', `${at}.title is missing`);
      if (!need(Array.isArray(section.slides), `${at}.slides is missing`) || !Array.isArray(section.slides)) return;
      section.slides.forEach((slide: unknown, k) => {
        const where = `${at}.slides[${k}]`;
        if (!need(isObject(slide), `${where} is not an object`) || !isObject(slide)) return;
        if (!need(isText(slide.id), `${where}.id is missing`)) return;
        const id = slide.id as string;
        need(!slides.has(id), `${where}.id \`${id}\` is used twice`);
        need(typeof slide.title === 'string', `${where}.title is missing`);
        if (need(Number.isInteger(slide.steps) && (slide.steps as number) >= 0, `${where}.steps must be a whole number ≥ 0`)) slides.set(id, slide.steps as number);
      });
    });
    need(slides.size > 0, 'the deck has no slides');
  }

  const quizIds = new Set<string>();
  if (need(Array.isArray(value.quizzes), '`quizzes` is missing (an empty list if the deck has none)') && Array.isArray(value.quizzes)) {
    value.quizzes.forEach((quiz: unknown, i) => {
      const at = `quizzes[${i}]`;
      if (!need(isObject(quiz), `${at} is not an object`) || !isObject(quiz)) return;
      if (need(isText(quiz.id), `${at}.id is missing`)) {
        need(!quizIds.has(quiz.id as string), `${at}.id \`${String(quiz.id)}\` is used twice`);
        quizIds.add(quiz.id as string);
      }
      need(typeof quiz.slideId === 'string' && slides.has(quiz.slideId), `${at}.slideId \`${String(quiz.slideId)}\` is not a slide of the deck`);
      const kindOk = need(typeof quiz.kind === 'string' && (QUIZ_KINDS as readonly string[]).includes(quiz.kind), `${at}.kind must be one of ${QUIZ_KINDS.join(', ')}`);
      need(isText(quiz.question), `${at}.question is missing`);
      need(typeof quiz.explanation === 'string', `${at}.explanation is missing`);
      const optionsOk = need(Array.isArray(quiz.options) && quiz.options.length >= 2 && quiz.options.every(isText), `${at}.options must be a list of at least 2 non-empty strings`);
      if (kindOk && optionsOk) {
        const problem = answerProblem(quiz.kind as QuizKind, (quiz.options as string[]).length, quiz.answer);
        if (problem) problems.push(`${at}.answer ${problem}`);
      }
    });
  }
  if (problems.length) return fail(label, problems);
  // The deck model's runtime part (src/shared/deck-model.ts), named as the live layer names it.
  const manifest = value as unknown as Pick<LiveDeck, 'sections' | 'quizzes'> & { meta: { id: string; title: string } };
  return { id: manifest.meta.id, title: manifest.meta.title, sections: manifest.sections, quizzes: manifest.quizzes };
}

/** What is wrong with a quiz's right answer for its kind, or null. */
function answerProblem(kind: QuizKind, n: number, answer: unknown): string | null {
  if (!Array.isArray(answer) || !answer.every((i) => Number.isInteger(i) && i >= 0 && i < n)) return `must be a list of option indices 0–${n - 1}`;
  if (new Set(answer).size !== answer.length) return 'names an option twice';
  if (kind === 'single' && answer.length !== 1) return `of a \`single\` question must name exactly 1 option, not ${answer.length}`;
  if (kind === 'multiple' && answer.length < 1) return 'of a `multiple` question must name at least 1 option';
  if (kind === 'multiple' && answer.some((v, i) => i > 0 && v < answer[i - 1])) return 'of a `multiple` question must be in increasing order';
  if (kind === 'order' && !answer.every((v, i) => v === i)) return 'of an `order` question must be [0, 1, 2, …] (the options are listed in the right order)';
  if (kind === 'order' && answer.length !== n) return 'of an `order` question must list every option';
  return null;
}

function fail(label: string, problems: string[]): never {
  throw deckError(`${label} is not a valid deck model:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

import type { MarkdownIt, Token } from 'markdown-it';
import container from 'markdown-it-container';
import { ATTR, QUIZ_KINDS, type QuizInfo, type QuizKind } from '../../shared/deck-model.ts';
import { escapeHtml } from '../../shared/html.ts';
import { UI } from '../../shared/ui-strings.ts';
import { deckEnv, fileLine, placeOf, setPlace, slideIdOf } from './env.ts';

/** A question as authored: the prompt, the options (in authored order), and the explanation. */
export interface Quiz {
  kind: QuizKind;
  question: Token;
  options: { inline: Token; correct: boolean }[];
  explanation: Token[];
}

/** What is wrong with a question, with its 0-based line in the file. */
export interface QuizProblem {
  line: number;
  problem: string;
  fix: string;
}

const CHECKBOX = /^\[( |x|X)\]\s+/;

/**
 * Reads the tokens inside `::: quiz <kind>` … `:::`: a paragraph (the question), a list (the
 * options: `- [x]` right, `- [ ]` wrong; for `order`, a numbered list in the right order), then
 * paragraphs (the explanation, which must link to the slide that teaches the point).
 */
export function parseQuiz(type: string, inner: Token[], openLine: number): Quiz | QuizProblem[] {
  const problems: QuizProblem[] = [];
  if (!(QUIZ_KINDS as readonly string[]).includes(type)) {
    return [{ line: openLine, problem: `unknown question type \`${type || '(none)'}\``, fix: 'Write `::: quiz single`, `::: quiz multiple` or `::: quiz order`.' }];
  }
  const kind = type as QuizKind;
  const questionAt = inner.findIndex((t) => t.type === 'inline');
  const listAt = inner.findIndex((t) => t.type === 'bullet_list_open' || t.type === 'ordered_list_open');
  const question = questionAt >= 0 && (listAt < 0 || questionAt < listAt) ? inner[questionAt]! : null;
  if (!question) problems.push({ line: openLine, problem: 'question has no text', fix: 'Write the question as the first paragraph inside the block.' });
  if (listAt < 0) {
    problems.push({ line: openLine, problem: 'question has no options', fix: 'List the options: `- [x] right`, `- [ ] wrong` (for `order`: `1. first step`).' });
    return problems;
  }
  const listOpen = inner[listAt]!;
  const listEnd = inner.findIndex((t, i) => i > listAt && t.type === listOpen.type.replace('_open', '_close') && t.level === listOpen.level);
  const items = inner.slice(listAt, listEnd).filter((t) => t.type === 'inline' && t.level === listOpen.level + 3);
  const options = items.map((inline) => {
    const first = inline.children?.[0];
    const m = first?.type === 'text' ? CHECKBOX.exec(first.content) : null;
    if (m && first) first.content = first.content.slice(m[0].length);
    return { inline, correct: m ? m[1] !== ' ' : false, marked: !!m };
  });
  const line = listOpen.map?.[0] ?? openLine;
  if (kind === 'order') {
    if (listOpen.type !== 'ordered_list_open') problems.push({ line, problem: 'an `order` question needs a numbered list', fix: 'Write the steps in the right order: `1. …`, `2. …`.' });
    if (options.length < 3) problems.push({ line, problem: `an \`order\` question needs at least 3 steps, not ${options.length}`, fix: 'Add steps.' });
  } else {
    if (options.length < 2) problems.push({ line, problem: `a question needs at least 2 options, not ${options.length}`, fix: 'Add options.' });
    if (options.some((o) => !o.marked)) problems.push({ line, problem: 'every option must start with `[x]` (right) or `[ ]` (wrong)', fix: 'Mark each option.' });
    const right = options.filter((o) => o.correct).length;
    if (kind === 'single' && right !== 1) problems.push({ line, problem: `a \`single\` question needs exactly 1 right option, not ${right}`, fix: 'Mark one option `[x]`, or make it `::: quiz multiple`.' });
    if (kind === 'multiple' && right < 1) problems.push({ line, problem: 'a `multiple` question needs at least 1 right option', fix: 'Mark the right options `[x]`.' });
  }
  const explanation = inner.slice(listEnd + 1);
  const explains = explanation.some((t) => t.type === 'inline');
  const links = explanation.some((t) => t.children?.some((c) => c.type === 'link_open' && String(c.attrGet('href') ?? '').startsWith('#/')));
  if (!explains || !links) {
    problems.push({ line: openLine, problem: 'question has no explanation that links to the slide teaching it', fix: 'After the options, explain the answer and link the slide: `参见 [强大动力](#/logic-power)`.' });
  }
  if (problems.length || !question) return problems;
  return { kind, question, options: options.map(({ inline, correct }) => ({ inline, correct })), explanation };
}

/** What a `deck_quiz` token carries: the question as authored and its id. */
export interface QuizTokenMeta {
  quiz: Quiz;
  id: string;
}

/**
 * `::: quiz single|multiple|order` — a check of understanding: the block's tokens become one
 * `deck_quiz` token (see parseQuiz), rendered as a form; rendering also records the question
 * with its answer in the deck model (`QuizInfo`), where the browser and the printed pages read it.
 */
export function quiz(md: MarkdownIt): void {
  md.use(container, 'quiz', { validate: (params: string) => /^quiz(\s|$)/.test(params.trim()) });
  md.core.ruler.push('deck_quiz', (state) => {
    const env = deckEnv(state.env);
    const tokens = state.tokens;
    const perSlide = new Map<string, number>();
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'container_quiz_open') continue;
      const open = tokens[i]!;
      const close = tokens.findIndex((t, k) => k > i && t.type === 'container_quiz_close' && t.level === open.level);
      const end = close < 0 ? tokens.length : close;
      const parsed = parseQuiz(open.info.trim().replace(/^quiz\s*/, ''), tokens.slice(i + 1, end), open.map?.[0] ?? 0);
      let replacement: Token;
      if (Array.isArray(parsed)) {
        for (const p of parsed) env.deck.sink.add(env.file, fileLine(env, p.line), p.problem, p.fix);
        replacement = new state.Token('html_block', '', 0);
        replacement.content = `<div class="deck-error" role="alert">${escapeHtml(UI.quiz.malformed)}</div>\n`;
      } else {
        const slideId = slideIdOf(env, open);
        const n = (perSlide.get(slideId) ?? 0) + 1;
        perSlide.set(slideId, n);
        replacement = new state.Token('deck_quiz', 'form', 0);
        replacement.meta = { quiz: parsed, id: `quiz-${slideId}-${n}` } satisfies QuizTokenMeta;
      }
      replacement.map = open.map;
      setPlace(replacement, placeOf(open));
      tokens.splice(i, end - i + 1, replacement);
    }
  });

  md.renderer.rules.deck_quiz = (tokens, idx, _options, rawEnv) => {
    const env = deckEnv(rawEnv);
    const { quiz: q, id } = tokens[idx]!.meta as unknown as QuizTokenMeta;
    const inline = (t: Token): string => md.renderer.renderInline(t.children ?? [], md.options, env);
    const info: QuizInfo = {
      id,
      slideId: env.currentSlide,
      sectionId: env.sectionId,
      kind: q.kind,
      question: inline(q.question),
      options: q.options.map((o) => inline(o.inline)),
      answer: q.kind === 'order' ? q.options.map((_o, i) => i) : q.options.flatMap((o, i) => (o.correct ? [i] : [])),
      shown: q.kind === 'order' ? shuffled(q.options.length, id) : q.options.map((_o, i) => i),
      explanation: md.renderer.render(q.explanation, md.options, env),
    };
    env.deck.quizzes.push(info);
    return quizForm(info);
  };
}

/** A question as a form: its kind, the question, the options (or the steps, shuffled), submit, feedback, the hidden explanation. */
function quizForm(q: QuizInfo): string {
  const legend = `<legend class="deck-quiz-question">${q.question}</legend>`;
  let body: string;
  if (q.kind === 'order') {
    body = `<p class="deck-quiz-hint">${escapeHtml(UI.quiz.orderHint)}</p><ol class="deck-quiz-order">${q.shown
      .map((k) => `<li ${ATTR.option}="${k}"><span class="deck-quiz-step">${q.options[k]}</span><span class="deck-quiz-moves"><button type="button" class="deck-button deck-quiz-move" data-move="-1" aria-label="${escapeHtml(UI.quiz.moveUp)}">↑</button><button type="button" class="deck-button deck-quiz-move" data-move="1" aria-label="${escapeHtml(UI.quiz.moveDown)}">↓</button></span></li>`)
      .join('')}</ol>`;
  } else {
    const input = q.kind === 'single' ? 'radio' : 'checkbox';
    body = `<div class="deck-quiz-options">${q.shown
      .map((k) => `<label class="deck-quiz-option" ${ATTR.option}="${k}"><input type="${input}" name="${q.id}" value="${k}"> <span>${q.options[k]}</span></label>`)
      .join('')}</div>`;
  }
  // The legend must be the fieldset's first child (HTML), so the kind of question comes before it.
  return `<form class="deck-quiz" id="${q.id}" ${ATTR.quiz}="${q.id}"><p class="deck-quiz-kind">${escapeHtml(UI.quiz.kinds[q.kind])}</p><fieldset>${legend}${body}</fieldset>
<div class="deck-quiz-actions"><button type="submit" class="deck-button">${escapeHtml(UI.quiz.submit)}</button><p class="deck-quiz-feedback" role="status" aria-live="polite"></p></div>
<div class="deck-quiz-explanation" hidden>${q.explanation}</div></form>\n`;
}

/** A fixed shuffle of 0..n-1 for an id (so every class sees the same), never the right order. */
export function shuffled(n: number, id: string): number[] {
  let seed = [...id].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  if (order.every((v, i) => v === i) && n > 1) order.push(order.shift()!);
  return order;
}

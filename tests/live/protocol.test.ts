import { describe, expect, it } from 'vitest';
import { checkAnswer, createStudentId, MAX_MESSAGE_CHARS, parseAuth, percentOf, validateCommand } from '../../src/shared/live-protocol.ts';
import { fixtureIndex, quizOfKind } from './helpers/fixture-deck.ts';

const deck = fixtureIndex();
const single = quizOfKind('single');
const multiple = quizOfKind('multiple');
const order = quizOfKind('order');
const slideWithSteps = [...deck.steps].find(([, n]) => n > 0)!;

function code(result: ReturnType<typeof validateCommand>): string {
  return result.ok ? 'ok' : result.error;
}

describe('parseAuth', () => {
  it('accepts a lecturer with a token and a student with an id', () => {
    expect(parseAuth({ role: 'lecturer', token: 'a'.repeat(22) })).toEqual({ ok: true, value: { role: 'lecturer', token: 'a'.repeat(22) } });
    const id = createStudentId();
    expect(parseAuth({ role: 'student', studentId: id })).toEqual({ ok: true, value: { role: 'student', studentId: id } });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'lecturer'],
    ['no role', { token: 'a'.repeat(22) }],
    ['an unknown role', { role: 'admin', token: 'a'.repeat(22) }],
    ['a lecturer without token', { role: 'lecturer' }],
    ['a short token', { role: 'lecturer', token: 'short' }],
    ['a student without id', { role: 'student' }],
    ['a student id with odd characters', { role: 'student', studentId: '../../etc/passwd-0000' }],
    ['a huge student id', { role: 'student', studentId: 'a'.repeat(10_000) }],
  ])('refuses %s', (_what, auth) => {
    expect(parseAuth(auth)).toMatchObject({ ok: false, error: 'bad-auth' });
  });
});

describe('createStudentId', () => {
  it('makes ids the server accepts, different every time', () => {
    const ids = new Set(Array.from({ length: 200 }, createStudentId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(parseAuth({ role: 'student', studentId: id }).ok).toBe(true);
  });
});

describe('validateCommand', () => {
  it('accepts a move to a slide and a step it has', () => {
    const [slideId, steps] = slideWithSteps;
    expect(validateCommand('move', [{ slideId, step: steps }], 'lecturer', deck)).toEqual({ ok: true, value: { name: 'move', payload: { slideId, step: steps } } });
    expect(code(validateCommand('move', [{ slideId, step: 0 }], 'lecturer', deck))).toBe('ok');
  });

  it('refuses a move to an unknown slide, a step out of range or of the wrong type', () => {
    const [slideId, steps] = slideWithSteps;
    expect(code(validateCommand('move', [{ slideId: 'no-such-slide', step: 0 }], 'lecturer', deck))).toBe('unknown-slide');
    expect(code(validateCommand('move', [{ slideId, step: steps + 1 }], 'lecturer', deck))).toBe('bad-step');
    expect(code(validateCommand('move', [{ slideId, step: -1 }], 'lecturer', deck))).toBe('bad-step');
    expect(code(validateCommand('move', [{ slideId, step: 0.5 }], 'lecturer', deck))).toBe('bad-step');
    expect(code(validateCommand('move', [{ slideId, step: '1' }], 'lecturer', deck))).toBe('bad-step');
  });

  it('refuses lecturer commands from a student and answers from the lecturer', () => {
    const [slideId] = slideWithSteps;
    expect(code(validateCommand('move', [{ slideId, step: 0 }], 'student', deck))).toBe('forbidden');
    for (const c of ['poll:open', 'poll:close', 'poll:reveal']) expect(code(validateCommand(c, [{ quizId: single.id }], 'student', deck))).toBe('forbidden');
    expect(code(validateCommand('answer', [{ quizId: single.id, answer: [0] }], 'lecturer', deck))).toBe('forbidden');
  });

  it('refuses unknown commands, and payloads of the wrong shape', () => {
    expect(code(validateCommand('shutdown', [{}], 'lecturer', deck))).toBe('unknown-command');
    expect(code(validateCommand('__proto__', [{}], 'lecturer', deck))).toBe('unknown-command');
    expect(code(validateCommand('toString', [{}], 'lecturer', deck))).toBe('unknown-command');
    expect(code(validateCommand('poll:open', [], 'lecturer', deck))).toBe('bad-message');
    expect(code(validateCommand('poll:open', ['quiz'], 'lecturer', deck))).toBe('bad-message');
    expect(code(validateCommand('poll:open', [null], 'lecturer', deck))).toBe('bad-message');
    expect(code(validateCommand('poll:open', [[single.id]], 'lecturer', deck))).toBe('bad-message');
    expect(code(validateCommand('poll:open', [{ quizId: single.id }, 'extra'], 'lecturer', deck))).toBe('bad-message');
    expect(code(validateCommand('poll:open', [{ quizId: single.id, also: 1 }], 'lecturer', deck))).toBe('bad-message');
    expect(code(validateCommand('poll:open', [Object.assign(Object.create({ inherited: 1 }) as object, { quizId: single.id })], 'lecturer', deck))).toBe('bad-message');
  });

  it('refuses an unknown question id', () => {
    expect(code(validateCommand('poll:open', [{ quizId: 'quiz-nope' }], 'lecturer', deck))).toBe('unknown-quiz');
    expect(code(validateCommand('answer', [{ quizId: 'quiz-nope', answer: [0] }], 'student', deck))).toBe('unknown-quiz');
    expect(code(validateCommand('answer', [{ quizId: 7, answer: [0] }], 'student', deck))).toBe('unknown-quiz');
  });

  it('refuses a message over the size limit before looking into it', () => {
    const big = { quizId: single.id, answer: [0], pad: 'x'.repeat(MAX_MESSAGE_CHARS) };
    expect(code(validateCommand('answer', [big], 'student', deck))).toBe('too-large');
    expect(code(validateCommand('answer', [{ quizId: 'x'.repeat(1_000_000), answer: [0] }], 'student', deck))).toBe('too-large');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(code(validateCommand('answer', [cycle], 'student', deck))).toBe('too-large');
  });

  it('never echoes a long input whole in its message', () => {
    const result = validateCommand('poll:open', [{ quizId: 'q'.repeat(1500) }], 'lecturer', deck);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(120);
  });
});

describe('checkAnswer', () => {
  it('takes exactly one option for a single-choice question', () => {
    expect(checkAnswer(single, [1])).toEqual({ ok: true, value: [1] });
    expect(checkAnswer(single, [])).toMatchObject({ ok: false, error: 'bad-answer' });
    expect(checkAnswer(single, [0, 1])).toMatchObject({ ok: false, error: 'bad-answer' });
  });

  it('takes one or more distinct options for a multiple-choice question, sorted', () => {
    expect(checkAnswer(multiple, [3, 0])).toEqual({ ok: true, value: [0, 3] });
    expect(checkAnswer(multiple, [])).toMatchObject({ ok: false });
    expect(checkAnswer(multiple, [1, 1])).toMatchObject({ ok: false });
  });

  it('takes a permutation of every step for an order question, as given', () => {
    expect(checkAnswer(order, [2, 0, 1])).toEqual({ ok: true, value: [2, 0, 1] });
    expect(checkAnswer(order, [0, 1])).toMatchObject({ ok: false });
    expect(checkAnswer(order, [0, 0, 1])).toMatchObject({ ok: false });
  });

  it('refuses options out of range and values that are not option numbers', () => {
    const n = single.options.length;
    for (const bad of [[n], [-1], [1.5], ['1'], [null], '1', { 0: 1 }, null, Array.from({ length: 100 }, (_, i) => i)]) {
      expect(checkAnswer(single, bad)).toMatchObject({ ok: false, error: 'bad-answer' });
    }
    expect(checkAnswer(single, [n])).toMatchObject({ message: expect.stringContaining('out of range') });
  });
});

describe('percentOf', () => {
  it('rounds to one decimal and gives 0 when nobody answered', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBe(0);
  });
});

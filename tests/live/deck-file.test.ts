import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeck, validateDeck } from '../../src/live/deck-file.ts';
import type { DeckManifest } from '../../src/shared/deck-model.ts';
import { DECK_FILE } from './helpers/fixture-deck.ts';

/** The fixture as the build writes it (the deck model's runtime part), to break on purpose. */
const fixtureDeck = (): DeckManifest => JSON.parse(readFileSync(DECK_FILE, 'utf8')) as DeckManifest;

const dir = mkdtempSync(join(tmpdir(), 'live-deck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function problemsOf(value: unknown): string {
  try {
    validateDeck(value, 'dist/deck.json');
  } catch (e) {
    return (e as Error).message;
  }
  return 'valid';
}

describe('loadDeck', () => {
  it('loads the fixture deck: the real deck’s 13 questions', () => {
    const deck = loadDeck(DECK_FILE);
    expect(deck.id).toBe('nqp-common-prosperity');
    expect(deck.quizzes).toHaveLength(13);
    expect(new Set(deck.quizzes.map((q) => q.kind))).toEqual(new Set(['single', 'multiple', 'order']));
  });

  it('names a missing file and what to do', () => {
    expect(() => loadDeck(join(dir, 'deck.json'), 'dist/deck.json')).toThrow(/^\[deck\] dist\/deck\.json does not exist: .*npm run build/);
  });

  it('names a file that is not JSON', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"id": "x",');
    expect(() => loadDeck(file, 'dist/deck.json')).toThrow(/^\[deck\] dist\/deck\.json is not valid JSON/);
  });
});

describe('validateDeck', () => {
  it('lists every missing part, naming the file', () => {
    const message = problemsOf({ title: '' });
    expect(message).toMatch(/^\[deck\] dist\/deck\.json is not a valid deck model:/);
    for (const part of ['`meta.id`', '`meta.title`', '`sections`', '`quizzes`']) expect(message).toContain(part);
  });

  it('says where a slide or a question is wrong', () => {
    const deck = fixtureDeck();
    deck.sections[0]!.slides[1]!.steps = -1;
    deck.quizzes[0]!.slideId = 'nowhere';
    deck.quizzes[1]!.answer = [0, 1];
    deck.quizzes[2]!.answer = [1, 0, 2];
    deck.quizzes[3]!.options = ['only one'];
    const message = problemsOf(deck);
    expect(message).toContain('sections[0].slides[1].steps must be a whole number');
    expect(message).toContain('quizzes[0].slideId `nowhere` is not a slide of the deck');
    expect(message).toContain('quizzes[1].answer of a `single` question must name exactly 1 option, not 2');
    expect(message).toContain('quizzes[2].answer of an `order` question must be [0, 1, 2, …]');
    expect(message).toContain('quizzes[3].options must be a list of at least 2');
  });

  it('refuses duplicate ids', () => {
    const deck = fixtureDeck();
    deck.quizzes[1]!.id = deck.quizzes[0]!.id;
    deck.sections[1]!.slides[0]!.id = deck.sections[0]!.slides[0]!.id;
    const message = problemsOf(deck);
    expect(message).toMatch(/quizzes\[1\]\.id `.*` is used twice/);
    expect(message).toMatch(/sections\[1\]\.slides\[0\]\.id `.*` is used twice/);
  });

  it('accepts the fixture as it is', () => {
    expect(problemsOf(fixtureDeck())).toBe('valid');
  });
});

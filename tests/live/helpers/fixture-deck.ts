import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withContentPolicy } from '../../../src/compiler/html/content-policy.ts';
import { loadDeck } from '../../../src/live/deck-file.ts';
import { indexDeck, type DeckIndex, type LiveDeck } from '../../../src/shared/live-protocol.ts';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** The fixture deck model: the real deck's slides and questions, as the build will write them. */
export const DECK_FILE = resolve(import.meta.dirname, '../fixtures/deck.json');

/** The fixture deck, parsed. */
export function fixtureDeck(): LiveDeck {
  return loadDeck(DECK_FILE);
}

/** The fixture deck's index (what the validators need). */
export function fixtureIndex(): DeckIndex {
  return indexDeck(fixtureDeck());
}

/** A fixture quiz by kind (the first of that kind). */
export function quizOfKind(kind: 'single' | 'multiple' | 'order'): LiveDeck['quizzes'][number] {
  const quiz = fixtureDeck().quizzes.find((q) => q.kind === kind);
  if (!quiz) throw new Error(`the fixture deck has no ${kind} question`);
  return quiz;
}

/**
 * A stand-in for dist/: the three pages and deck.json, in a temp folder (the deck is not
 * built), with `out/` for results beside it and a `secret.txt` the server must never serve.
 */
export function fixtureDist(): { dir: string; out: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'live-'));
  const dir = join(root, 'dist');
  const out = join(root, 'out');
  mkdirSync(dir);
  mkdirSync(out);
  writeFileSync(join(root, 'secret.txt'), 'not for students\n');
  // Each page with its content policy, as the build writes it.
  for (const page of ['index', 'handout', 'notes']) writeFileSync(join(dir, `${page}.html`), withContentPolicy(`<!doctype html><meta charset="utf-8"><title>${page}</title><p>${page}</p>\n`));
  copyFileSync(DECK_FILE, join(dir, 'deck.json'));
  return { dir, out, remove: () => rmSync(root, { recursive: true, force: true }) };
}

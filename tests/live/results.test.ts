import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resultsCsv } from '../../src/live/results-csv.ts';
import { buildResults, readResults } from '../../src/live/results-file.ts';
import type { SavedLecture } from '../../src/live/store.ts';
import { fixtureDeck, fixtureIndex, quizOfKind } from './helpers/fixture-deck.ts';

const deck = fixtureDeck();
const index = fixtureIndex();
const single = quizOfKind('single');
const order = quizOfKind('order');
const ID = '2026-12-01-1530-abcd';
const dir = mkdtempSync(join(tmpdir(), 'live-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const saved: SavedLecture = {
  deckId: deck.id,
  startedAt: '2026-12-01T07:30:00.000Z',
  seq: 7,
  position: { slideId: single.slideId, step: 0, seq: 5 },
  polls: [
    { quizId: single.id, status: 'revealed', seq: 6, rev: 4, openedAt: 'a', closedAt: 'b', revealedAt: 'b', answers: { v1: '1', v2: '1', v3: '0', v4: '2' } },
    { quizId: order.id, status: 'open', seq: 7, rev: 3, openedAt: 'c', closedAt: null, revealedAt: null, answers: { v1: '0,1,2', v2: '1,0,2', v3: '1,0,2' } },
  ],
};

function written(value: unknown): string {
  const file = join(dir, `${ID}.json`);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('the results file', () => {
  const results = buildResults(deck, ID, saved, '2026-12-01T08:00:00.000Z');

  it('holds each poll’s question as text, its tallies and percentages', () => {
    expect(results.polls.map((p) => p.quizId)).toEqual([single.id, order.id]);
    const [s, o] = results.polls;
    expect(s).toMatchObject({ kind: 'single', status: 'revealed', total: 4, counts: [1, 2, 1, 0], percents: [25, 50, 25, 0], allRight: 2, allRightPercent: 50, commonestMistake: { answer: [0], count: 1 } });
    expect(s!.question).not.toMatch(/</);
    expect(o).toMatchObject({ kind: 'order', total: 3, counts: [1, 1, 3], allRight: 1, commonestMistake: { answer: [1, 0, 2], count: 2 } });
  });

  it('keeps no student id, only hashed voter keys', () => {
    expect(Object.keys(results.polls[0]!.answers)).toEqual(['v1', 'v2', 'v3', 'v4']);
  });

  it('reads back to the lecture it was made from', () => {
    const file = written(results);
    expect(readResults(file, 'out/live/x.json', ID, deck, index)).toEqual(saved);
  });

  it('refuses a file of another lecture or deck, or that does not fit the deck, saying why', () => {
    const broken = structuredClone(results);
    broken.deck.id = 'other-deck';
    broken.position.slideId = 'gone';
    broken.polls[0]!.answers.v9 = [99];
    broken.polls[1]!.quizId = 'quiz-gone';
    expect(() => readResults(written(broken), 'out/live/x.json', ID, deck, index)).toThrow(/^\[deck\] cannot resume from out\/live\/x\.json:\n/);
    let message = '';
    try {
      readResults(written(broken), 'f', ID, deck, index);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('deck `other-deck`, not `nqp-common-prosperity`');
    expect(message).toContain('its position');
    expect(message).toContain('answer [99]: option 99 is out of range');
    expect(message).toContain('question `quiz-gone` is not in the deck');
    expect(() => readResults(written(results), 'f', '2026-12-01-1530-zzzz', deck, index)).toThrow(/it is lecture `2026-12-01-1530-abcd`/);
    expect(() => readResults(written('not an object'), 'f', ID, deck, index)).toThrow(/format/);
  });

  it('keeps the change counter ahead of every seq in the file', () => {
    const behind = structuredClone(results);
    behind.seq = 0;
    expect(readResults(written(behind), 'f', ID, deck, index).seq).toBe(7);
  });
});

describe('resultsCsv', () => {
  const csv = resultsCsv(buildResults(deck, ID, saved, 'now'));
  const rows = csv.replace(/^\ufeff/, '').trim().split('\r\n');

  it('starts with a byte-order mark and a header', () => {
    expect(csv.startsWith('\ufefflecture_id,quiz_id,slide_id,kind,question,status,row,option_number,option,right,count,percent,answered\r\n')).toBe(true);
  });

  it('has a row per option, then the wholly right count and the commonest mistake', () => {
    const mine = rows.filter((r) => r.includes(`,${single.id},`));
    expect(mine).toHaveLength(single.options.length + 2);
    expect(mine[1]).toMatch(/,option,2,[^,]+,yes,2,50,4$/);
    expect(mine.at(-2)).toMatch(/,all-right,,,yes,2,50,4$/);
    expect(mine.at(-1)).toMatch(/,commonest-mistake,1,[^,]+,no,1,25,4$/);
    const steps = rows.filter((r) => r.includes(`,${order.id},`));
    expect(steps[0]).toMatch(/,step-in-place,1,/);
    expect(steps.at(-1)).toMatch(/,commonest-mistake,2>1>3,.+ → .+,no,2,66\.7,3$/);
  });

  it('quotes fields that hold commas or quotes', () => {
    const deck2 = fixtureDeck();
    deck2.quizzes.find((q) => q.id === single.id)!.question = '<p>a, "b"</p>';
    const text = resultsCsv(buildResults(deck2, ID, saved, 'now'));
    expect(text).toContain(',"a, ""b""",');
  });
});

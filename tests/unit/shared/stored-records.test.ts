import { describe, expect, it } from 'vitest';
import { LAST_SLIDE, PEN_MARKS, QUIZ_RESULTS, readEntries, storedText } from '../../../src/shared/stored-records.ts';

const stroke = { color: '#d0021b', width: 5, points: [[1, 2], [3, 4]] };

describe('what the deck keeps in the browser', () => {
  it('stores a record with its format version, and reads it back whole', () => {
    const text = storedText(QUIZ_RESULTS, { 'quiz-a-1': true, 'quiz-b-1': false });
    expect(JSON.parse(text)).toEqual({ v: 1, data: { 'quiz-a-1': true, 'quiz-b-1': false } });
    expect(readEntries(QUIZ_RESULTS, text)).toEqual({ entries: { 'quiz-a-1': true, 'quiz-b-1': false }, dropped: 0 });
  });

  it('keeps every valid entry when one is broken, and counts what it dropped', () => {
    const text = JSON.stringify({ v: 1, data: { 'quiz-a-1': true, 'quiz-b-1': 'yes', 'quiz-c-1': false } });
    expect(readEntries(QUIZ_RESULTS, text)).toEqual({ entries: { 'quiz-a-1': true, 'quiz-c-1': false }, dropped: 1 });
    const pen = JSON.stringify({ v: 1, data: { overview: [stroke], abstract: [{ ...stroke, width: -1 }] } });
    expect(readEntries(PEN_MARKS, pen).entries).toEqual({ overview: [stroke] });
  });

  it('reads the records of the deck before they had a version (migrating them)', () => {
    expect(readEntries(QUIZ_RESULTS, JSON.stringify({ 'quiz-a-1': true })).entries).toEqual({ 'quiz-a-1': true });
    expect(readEntries(LAST_SLIDE, JSON.stringify('logic-power')).entries).toEqual({ slide: 'logic-power' });
  });

  it('gives nothing, never an error, for garbage or a newer deck\u2019s record', () => {
    for (const text of ['{', 'null', '[1,2]', '"x"', JSON.stringify({ v: 99, data: { 'quiz-a-1': true } })]) {
      expect(readEntries(QUIZ_RESULTS, text).entries).toEqual({});
    }
    expect(readEntries(QUIZ_RESULTS, null)).toEqual({ entries: {}, dropped: 0 });
  });
});

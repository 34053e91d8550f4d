import { describe, expect, it } from 'vitest';
import { LiveViewKeeper } from '../../src/live/live-view.ts';
import type { LecturerState, StudentState, Tally } from '../../src/shared/live-protocol.ts';

const studentState = (seq: number, slideId = 's1'): StudentState => ({
  role: 'student',
  lectureId: 'L',
  deckId: 'D',
  position: { slideId, step: 0, seq },
  polls: [{ quizId: 'q', status: 'open', seq }],
  yours: { q: [1] },
});

describe('LiveViewKeeper', () => {
  it('takes the catch-up state, then newer moves', () => {
    const k = new LiveViewKeeper();
    k.connected();
    k.state(studentState(4));
    expect(k.view).toMatchObject({ lectureId: 'L', position: { slideId: 's1', seq: 4 }, polls: { q: { status: 'open' } }, yours: { q: [1] } });
    expect(k.move({ slideId: 's2', step: 1, seq: 5 })).toBe(true);
    expect(k.view.position).toEqual({ slideId: 's2', step: 1, seq: 5 });
  });

  it('ignores a catch-up state older than a move that overtook it', () => {
    const k = new LiveViewKeeper();
    k.connected();
    k.move({ slideId: 'newer', step: 0, seq: 9 });
    k.poll({ quizId: 'q', status: 'closed', seq: 9 });
    k.state(studentState(8, 'older'));
    expect(k.view.position?.slideId).toBe('newer');
    expect(k.view.polls.q?.status).toBe('closed');
  });

  it('after a reconnect, believes the new server even if its counter is lower (a restart)', () => {
    const k = new LiveViewKeeper();
    k.connected();
    k.move({ slideId: 'before', step: 0, seq: 40 });
    k.connected();
    k.state(studentState(38, 'resumed'));
    expect(k.view.position?.slideId).toBe('resumed');
    expect(k.move({ slideId: 'next', step: 0, seq: 39 })).toBe(true);
    expect(k.view.position?.slideId).toBe('next');
  });

  it('drops polls a new connection’s state does not have', () => {
    const k = new LiveViewKeeper();
    k.connected();
    k.poll({ quizId: 'gone', status: 'open', seq: 3 });
    k.connected();
    k.state(studentState(1));
    expect(Object.keys(k.view.polls)).toEqual(['q']);
  });

  it('keeps the newest tally by seq, then rev', () => {
    const k = new LiveViewKeeper();
    k.connected();
    const t = (seq: number, rev: number, total: number): Tally => ({ quizId: 'q', status: 'open', seq, rev, total, counts: [total], allRight: 0, commonestMistake: null });
    const lecturer: LecturerState = { role: 'lecturer', lectureId: 'L', deckId: 'D', position: { slideId: 's', step: 0, seq: 1 }, polls: [], tallies: [t(1, 5, 5)], students: 3 };
    k.state(lecturer);
    expect(k.tally(t(1, 4, 4))).toBe(false);
    expect(k.tally(t(1, 6, 6))).toBe(true);
    expect(k.tally(t(2, 0, 6))).toBe(true);
    expect(k.view.tallies.q).toMatchObject({ seq: 2, total: 6 });
    expect(k.view.students).toBe(3);
  });
});

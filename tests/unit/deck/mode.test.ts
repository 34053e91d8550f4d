import { describe, expect, it } from 'vitest';
import { decideLive, decideMode, STUDY_MAX_WIDTH, urlForMode } from '../../../src/deck/mode.ts';

describe('the one place that decides how the deck runs', () => {
  it('prints for ?print-pdf, previews for ?receiver, whatever the screen', () => {
    expect(decideMode('?print-pdf', 390)).toBe('print');
    expect(decideMode('?receiver&margin=0', 1920)).toBe('preview');
  });

  it('opens the study view for ?view=scroll (reveal.js\u2019s name) or ?view=study, and on a narrow screen', () => {
    expect(decideMode('?view=scroll', 1920)).toBe('study');
    expect(decideMode('?view=study', 1920)).toBe('study');
    expect(decideMode('', STUDY_MAX_WIDTH)).toBe('study');
    expect(decideMode('', STUDY_MAX_WIDTH + 1)).toBe('present');
  });

  it('presents on a narrow screen when asked to', () => {
    expect(decideMode('?view=present', 390)).toBe('present');
  });

  it('presents the lecturer\u2019s live page (the projector\u2019s) on any screen; a student\u2019s page is slides or, on a phone, the study view', () => {
    expect(decideMode('?live', 390)).toBe('present');
    expect(decideMode('?join', 390)).toBe('study');
    expect(decideMode('?join', 1280)).toBe('present');
    expect(decideMode('?join', 844, true)).toBe('study');
    expect(decideMode('', 844, true)).toBe('present');
  });

  it('runs the live layer only on a lecturer\u2019s or a student\u2019s page, never in the speaker view, print or a preview', () => {
    expect(decideLive('?live', 'present')).toBe('lecturer');
    expect(decideLive('?join', 'present')).toBe('student');
    expect(decideLive('?join', 'study')).toBe('student');
    expect(decideLive('?live&view=scroll', 'study')).toBeNull();
    for (const mode of ['speaker', 'print', 'preview'] as const) {
      expect(decideLive('?live', mode)).toBeNull();
      expect(decideLive('?join', mode)).toBeNull();
    }
    expect(decideLive('', 'present')).toBeNull();
  });

  it('links the same slide in the other mode, keeping the other parameters', () => {
    expect(urlForMode('study', 'logic-power', { pathname: '/deck/', search: '?plan=45&print-pdf' })).toBe('/deck/?plan=45&view=scroll#/logic-power');
    expect(urlForMode('present', 'title', { pathname: '/', search: '' })).toBe('/?view=present#/title');
  });
});

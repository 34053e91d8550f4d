import { describe, expect, it } from 'vitest';
import { decideMode, STUDY_MAX_WIDTH, urlForMode } from '../../../src/deck/mode.ts';

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

  it('links the same slide in the other mode, keeping the other parameters', () => {
    expect(urlForMode('study', 'logic-power', { pathname: '/deck/', search: '?plan=45&print-pdf' })).toBe('/deck/?plan=45&view=scroll#/logic-power');
    expect(urlForMode('present', 'title', { pathname: '/', search: '' })).toBe('/?view=present#/title');
  });
});

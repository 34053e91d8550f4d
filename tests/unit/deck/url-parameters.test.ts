import { describe, expect, it } from 'vitest';
import { acceptedParameters } from '../../../src/deck/url-parameters.ts';

describe('the query string the deck runs with', () => {
  it('keeps what the deck, reveal.js\u2019s print and speaker views and the exporters use, with their flags bare', () => {
    expect(acceptedParameters('?print-pdf&margin=0&pen')).toEqual({ search: '?print-pdf&margin=0&pen', ignored: [] });
    expect(acceptedParameters('?receiver&margin=0&controls=false&progress=false&slideNumber=false&transition=none&backgroundTransition=none').ignored).toEqual([]);
    expect(acceptedParameters('?view=scroll&plan=90').search).toBe('?view=scroll&plan=90');
  });

  it('drops values that would wedge reveal.js, and parameters that would undo a rule of the deck', () => {
    expect(acceptedParameters('?transition=a%20b&width=abc&showHiddenSlides=true&view=present')).toEqual({
      search: '?view=present',
      ignored: ['transition=a b', 'width=abc', 'showHiddenSlides=true'],
    });
    expect(acceptedParameters('?margin=2&view=present&view=scroll').ignored).toEqual(['margin=2', 'view=scroll']);
  });

  it('keeps the live classroom\u2019s parameters: a lecturer token or a bare ?live, a bare ?join', () => {
    expect(acceptedParameters('?live=test-lecturer-token-0123456789').search).toBe('?live=test-lecturer-token-0123456789');
    expect(acceptedParameters('?live').search).toBe('?live');
    expect(acceptedParameters('?join').search).toBe('?join');
    expect(acceptedParameters('?live=a%20b').ignored).toEqual(['live=a b']);
  });

  it('shows a student (?join) every slide the lecturer may go to: no lecture plan', () => {
    expect(acceptedParameters('?join&plan=45')).toEqual({ search: '?join', ignored: ['plan=45'] });
    expect(acceptedParameters('?live&plan=45').search).toBe('?live&plan=45');
  });

  it('keeps nothing from nothing', () => {
    expect(acceptedParameters('')).toEqual({ search: '', ignored: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { zoomKey } from '../../../src/deck/zoom-key.ts';

describe('the zoom key: what reveal.js is configured with and what the help names, per platform', () => {
  it('is Ctrl on Linux, where the window manager takes Alt+click', () => {
    expect(zoomKey('Linux x86_64')).toEqual({ config: 'ctrl', label: 'Ctrl' });
  });

  it('is Alt on Windows and Option (the same key) on a Mac', () => {
    expect(zoomKey('Win32')).toEqual({ config: 'alt', label: 'Alt' });
    expect(zoomKey('MacIntel')).toEqual({ config: 'alt', label: 'Option' });
  });
});

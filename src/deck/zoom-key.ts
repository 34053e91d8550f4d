import { UI } from '../shared/ui-strings.ts';

/** The key held down to zoom with a click: what reveal.js's zoom plugin is configured with, and what the help names. */
export interface ZoomKey {
  /** reveal.js's `zoomKey`. */
  config: 'ctrl' | 'alt';
  /** The key's name on this platform's keyboard. */
  label: string;
}

/**
 * Ctrl on Linux, where the window manager takes Alt+click (it moves the window); Alt elsewhere
 * (Option on a Mac). This is the zoom plugin's own default, decided here once so that the
 * presentation's config and the help cannot disagree.
 */
export function zoomKey(platform: string = navigator.platform): ZoomKey {
  const M = UI.keys.modifiers;
  if (/Linux/i.test(platform)) return { config: 'ctrl', label: M.ctrl };
  return { config: 'alt', label: /Mac/i.test(platform) ? M.option : M.alt };
}

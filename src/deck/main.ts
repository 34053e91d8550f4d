import './styles/deck.css';
import { readManifest } from './manifest.ts';
import { decideMode } from './mode.ts';

/**
 * Boots the deck in the mode the URL and the screen ask for. Reveal.js and the lecture tools
 * load only in the modes that use them; the study view never loads reveal.js.
 */
async function boot(): Promise<void> {
  const mode = decideMode(location.search, window.innerWidth);
  document.documentElement.dataset.deckMode = mode;
  const manifest = readManifest();
  if (mode === 'study') {
    const [{ startStudy }, { startShared }] = await Promise.all([import('./study/study-mode.ts'), import('./shared-controllers.ts')]);
    startStudy(manifest);
    startShared(manifest);
  } else {
    const { startPresentation } = await import('./present.ts');
    await startPresentation(mode, manifest);
  }
  void import('./widgets/index.ts').then((m) => m.registerWidgets()).catch(() => undefined);
  document.documentElement.dataset.deckReady = 'true';
}

void boot();

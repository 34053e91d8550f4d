import type { DeckManifest } from '../shared/manifest.ts';
import { startPopovers } from './controllers/popovers.ts';
import { startQuiz } from './controllers/quiz.ts';
import { startResume } from './controllers/resume.ts';

/** What runs in both the presentation and the study view. */
export function startShared(manifest: DeckManifest): void {
  startResume(manifest);
  startQuiz(manifest);
  startPopovers();
}

import { MANIFEST_ID, type DeckManifest } from '../shared/deck-model.ts';

/** What a page without a manifest (a broken build) runs with: nothing to show, nothing that breaks. */
const EMPTY: DeckManifest = {
  meta: { id: 'deck', title: '', subtitle: '', authors: [], englishTitle: '', keywords: [], funding: '', plans: [], defaultPlan: '', lang: 'zh-CN' },
  sections: [],
  quizzes: [],
  diagrams: [],
  titleWords: {},
};

/** The deck model's runtime part, embedded by the build as `#deck-manifest`. */
export function readManifest(): DeckManifest {
  const text = document.getElementById(MANIFEST_ID)?.textContent;
  return text ? (JSON.parse(text) as DeckManifest) : EMPTY;
}

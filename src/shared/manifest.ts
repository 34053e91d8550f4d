/** The deck's table of contents and lecture plan, embedded in the page as `#deck-manifest`. */
export interface DeckManifest {
  title: string;
  /** Planned lecture length in minutes. */
  minutes: number;
  /** What slides/deck.yml says about the paper (covers of the printed handout and study guide). */
  meta: {
    subtitle: string;
    authors: { name: string; affiliation: string }[];
    keywords: string[];
  };
  sections: {
    id: string;
    title: string;
    slides: { id: string; title: string; minutes: number | null }[];
  }[];
}

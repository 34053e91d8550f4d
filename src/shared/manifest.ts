/** The deck's table of contents and lecture plan, embedded in the page as `#deck-manifest`. */
export interface DeckManifest {
  title: string;
  /** Planned lecture length in minutes. */
  minutes: number;
  sections: {
    id: string;
    title: string;
    slides: { id: string; title: string; minutes: number | null }[];
  }[];
}

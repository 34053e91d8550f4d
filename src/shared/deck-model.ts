/**
 * The deck model's runtime part: what the compiler knows about the deck that the browser, the
 * printable pages and the tools need, embedded in every page as `#deck-manifest` (and written
 * to `deck.json` beside the pages). The compiler's own model (src/compiler/model.ts) extends
 * these types with what only the build needs (HTML, sources, places). This module also names
 * the ids and `data-deck-*` attributes through which the compiled HTML and the browser meet:
 * nothing else of the markup is read back.
 *
 * Shared by compiler (Node) and deck (browser): nothing here may import from either side.
 */

/** What `slides/deck.yml` says about the paper and the deck. */
export interface DeckMeta {
  /** The deck's own id (lowercase letters, digits, -): names it in the live classroom's results. @default 'deck' */
  id: string;
  /** The paper's title: the page title, covers, the title slide. */
  title: string;
  /** @default '' */
  subtitle: string;
  /** @default [] */
  authors: { name: string; affiliation: string }[];
  /** The paper's English title. @default '' */
  englishTitle: string;
  /** @default [] */
  keywords: string[];
  /** The paper's funding note. @default '' */
  funding: string;
  /**
   * The lectures a teacher can give from the deck (`plans:`), shortest first. Each slide names
   * the plans it is in (`plan=`, every plan when it names none). @default one plan of 45 minutes
   */
  plans: LecturePlan[];
  /** The plan the presentation shows when neither the URL nor the lecturer chose one. @default the first plan */
  defaultPlan: string;
  /** The language of the deck and of its interface (see ui-strings.ts). @default 'zh-CN' */
  lang: string;
}

/** One lecture plan of `slides/deck.yml`: a lecture of so many minutes, given with the slides that name it. */
export interface LecturePlan {
  /** What `?plan=` and a slide's `plan=` say (lowercase letters, digits, -). */
  id: string;
  /** As the menu and the speaker view offer it, e.g. 一课时（45分钟）. */
  title: string;
  minutes: number;
}

/** `?plan=all`: every slide in the presentation (rehearsal, and tools that read the whole deck). */
export const ALL_PLANS = 'all';

/** `plan=none` on a slide: in no lecture, only in the study view and the printed pages. */
export const NO_PLAN = 'none';

/** One slide, as every view of the deck knows it. */
export interface SlideInfo {
  /** Unique in the deck; its URL is `#/<id>`. */
  id: string;
  /** The text of its first heading. */
  title: string;
  /** Its planned minutes in a lecture: `minutes=N`, or its kind's (see the compiler's slide-minutes.ts). */
  minutes: number;
  /** The lecture plans it is in (ids of DeckMeta.plans); none for a slide of self-study only. */
  plans: string[];
  /** How many steps (fragments) it reveals one at a time; 0 for none. */
  steps: number;
  /**
   * The paragraphs of the paper it teaches (`source=12-13`), ascending, as the paper view
   * numbers them (¶1…); null for a slide that names none (the title, a section opener, the
   * back matter).
   */
  source: number[] | null;
}

/** One section of the paper: one file of slides/, one horizontal group of slides. */
export interface SectionInfo {
  id: string;
  /** Its heading in the menu, the outline and the printed pages. */
  title: string;
  /** Its short title, for the progress label (`short:`; the title when not given). */
  short: string;
  slides: SlideInfo[];
}

/** The kinds of question `::: quiz` knows. */
export const QUIZ_KINDS = ['single', 'multiple', 'order'] as const;
export type QuizKind = (typeof QUIZ_KINDS)[number];

/** A check of understanding (`::: quiz`), with its answer: the quiz form, the worksheet and the answers page read it. */
export interface QuizInfo {
  /** Unique in the deck: `quiz-<slide id>-<n>`; the form carries it as `data-deck-quiz`. */
  id: string;
  slideId: string;
  /** Its section: scores are kept per section. */
  sectionId: string;
  kind: QuizKind;
  /** The question, as HTML. */
  question: string;
  /** The options (for `order`: the steps) as HTML, in the order the author wrote them (for `order`: the right order). */
  options: string[];
  /** For `single`/`multiple`: indices into `options` of the right ones. For `order`: every index in the right order. */
  answer: number[];
  /** The order in which the slide shows the options (indices into `options`); a fixed shuffle for `order`. */
  shown: number[];
  /** The explanation, as HTML (it links to the slide that teaches the point). */
  explanation: string;
}

/** A diagram's accessible name and description (`accTitle`, `accDescr`): the printed pages caption it, and the PDFs' /Alt carry it. */
export interface DiagramInfo {
  /** Its figure carries it as `data-deck-diagram`. */
  id: string;
  slideId: string;
  /** '' when the diagram was left to the browser (nothing was read at build time). */
  title: string;
  description: string;
}

/** The model's runtime part, as embedded in the pages. */
export interface DeckManifest {
  meta: DeckMeta;
  sections: SectionInfo[];
  quizzes: QuizInfo[];
  diagrams: DiagramInfo[];
  /** The deck's and each section's title cut where a line may break (shared/typeset.ts), for the headings the pages make of them. */
  titleWords: Record<string, string[]>;
}

/** The element that carries the manifest as JSON. */
export const MANIFEST_ID = 'deck-manifest';

/**
 * The `elementtiming` identifier the build gives the first slide's heading: its first paint (in
 * the deck font; text is not painted while its font blocks) is the moment the first slide is
 * visible, observed with a PerformanceObserver of type `element`, by the deck's boot and by
 * `npm run bench`.
 */
export const FIRST_SLIDE_MARK = 'deck-first-slide';

/**
 * The class of index.html's static copy of the study view's first screen (the build's, from
 * the first slide: render/study-first-screen.ts): what a phone paints before any script, until
 * the study view puts the same markup, whole, in its place. Wide screens never show it.
 */
export const STUDY_FIRST_SCREEN_CLASS = 'deck-study-first';

/** The id of the `<link>` from index.html to the document of the other slides (`assets/slides-<hash>.html`). */
export const REST_LINK_ID = 'deck-rest';

/** Where each slide group starts in the document of the other slides: the page merges it a group at a time. */
export const REST_GROUP_MARK = '<!--deck:group-->';

/**
 * The rest document's copy under this extension: some static hosts (`serve -s`) turn a request
 * for `x.html` into the clean URL `x` and answer it with index.html; no host rewrites `.txt`.
 */
export const REST_FALLBACK_EXTENSION = '.txt';

/** The line in the rest document that says which build it belongs to (the link carries the same id, `ATTR.rest`). */
export function restMark(id: string): string {
  return `<meta name="deck-rest" content="${id}">`;
}

/** The id of the slide that lists the references; every citation links there. */
export const REFERENCES_SLIDE_ID = 'references';

/**
 * The attributes of the compiled slides that the browser reads, each declared once:
 * - `section`: on a slide group, its section's id;
 * - `minutes`: on a slide, its planned minutes;
 * - `plans`: on a slide, the ids of the lecture plans it is in, space-separated (none: self-study only);
 * - `step`: on the notes (`aside.notes`) of a slide's Nth step, N;
 * - `cue`: on the lecturer-only part of a slide's notes;
 * - `quiz`: on a question's form, the question's id (see QuizInfo);
 * - `option`: on each option (or step) of a question, its index in QuizInfo.options;
 * - `diagram`: on a diagram's figure, the diagram's id;
 * - `ref`: on a citation's link, the number of the reference;
 * - `scores`: where the table of the reader's quiz scores goes (`::: scores`);
 * - `timing`: where the speaker view puts each section's minutes in the plan shown (`::: timing`);
 * - `rest`: on index.html's link to the document of the other slides, that document's id;
 * - `source`: on a slide's 「原文」 link, the paragraphs it teaches as a fragment (`p-12-13`).
 */
export const ATTR = {
  section: 'data-deck-section',
  minutes: 'data-deck-minutes',
  plans: 'data-deck-plans',
  step: 'data-deck-step',
  cue: 'data-deck-cue',
  quiz: 'data-deck-quiz',
  option: 'data-deck-option',
  diagram: 'data-deck-diagram',
  ref: 'data-deck-ref',
  scores: 'data-deck-quiz-scores',
  timing: 'data-deck-plan-timing',
  rest: 'data-deck-rest',
  source: 'data-deck-source',
} as const;

/** Where a slide sits: its section, its place in the section and in the deck (1-based). */
export interface SlidePlace {
  sectionTitle: string;
  inSection: number;
  sectionSize: number;
  inDeck: number;
  deckSize: number;
  title: string;
}

/**
 * Finds a slide's place by id among the slides of a plan (every slide for ALL_PLANS, the
 * default); null for an unknown id or a slide outside the plan.
 */
export function placeOf(manifest: Pick<DeckManifest, 'sections'>, slideId: string, plan: string = ALL_PLANS): SlidePlace | null {
  const sections = manifest.sections.map((s) => ({ ...s, slides: s.slides.filter((sl) => inPlan(sl, plan)) }));
  let inDeck = 0;
  const deckSize = sections.reduce((n, s) => n + s.slides.length, 0);
  for (const section of sections) {
    for (const [i, slide] of section.slides.entries()) {
      inDeck++;
      if (slide.id === slideId) {
        return { sectionTitle: section.title, inSection: i + 1, sectionSize: section.slides.length, inDeck, deckSize, title: slide.title };
      }
    }
  }
  return null;
}

/** Whether a slide is shown in a plan (ALL_PLANS: every slide). */
export function inPlan(slide: Pick<SlideInfo, 'plans'>, plan: string): boolean {
  return plan === ALL_PLANS || slide.plans.includes(plan);
}

/** Every slide in deck order; with a plan, only that plan's. */
export function allSlides(manifest: Pick<DeckManifest, 'sections'>, plan: string = ALL_PLANS): SlideInfo[] {
  return manifest.sections.flatMap((s) => s.slides).filter((s) => inPlan(s, plan));
}

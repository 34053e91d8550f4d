/** Shared by build (Node) and deck (browser): nothing here may import from either side. */

/**
 * The `elementtiming` identifier the build gives the first slide's heading: its first paint (in
 * the deck font; text is not painted while its font blocks) is the moment the first slide is
 * visible, observed with a PerformanceObserver of type `element`, by the deck's boot and by
 * `npm run bench`.
 */
export const FIRST_SLIDE_MARK = 'deck-first-slide';

/**
 * Where each slide group starts in the document of the other slides (`assets/slides-<hash>.html`,
 * linked from index.html as `<link rel="next" id="deck-rest">`): the page parses it a group at
 * a time.
 */
export const REST_GROUP_MARK = '<!--deck:group-->';

/** The id of the `<link>` to the document of the other slides. */
export const REST_LINK_ID = 'deck-rest';

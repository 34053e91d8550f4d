/**
 * The rules of Chinese line breaking the deck keeps where the platform's cannot see (typeset.ts)
 * and the line check measures (tests/browser/helpers/lines.ts): characters, not shown strings.
 */

/** Punctuation that may not start a line. */
export const CLOSING_PUNCTUATION = '，。、；：？！）」』”’》〉】〕';
/** Punctuation that may not end a line. */
export const OPENING_PUNCTUATION = '（「『“‘《〈【〔';

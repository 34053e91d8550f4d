/** Shared by build (Node) and deck (browser): nothing here may import from either side. */

/**
 * The family name of the deck's own font (Noto Sans SC subset to the deck's characters at build
 * time); a name of its own, so a system font called "Noto Sans SC" is never taken for it.
 */
export const DECK_FONT_FAMILY = 'Deck Sans SC';

/** The font stack of the deck; diagrams are measured and drawn with the same one. System CJK fonts are fallbacks. */
export const DECK_FONT_STACK =
  `"${DECK_FONT_FAMILY}", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

/** Mermaid's settings, used by the build-time renderer and by the in-browser fallback alike. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  // Not 'strict': diagrams may link to slides (`click A href "#/slide-id"`); scripts are still removed.
  securityLevel: 'antiscript',
  theme: 'base',
  fontFamily: DECK_FONT_STACK,
  themeVariables: {
    fontFamily: DECK_FONT_STACK,
    fontSize: '24px',
    primaryColor: '#e8f0fb',
    primaryBorderColor: '#1f4e8c',
    primaryTextColor: '#14213d',
    lineColor: '#3b4a63',
    secondaryColor: '#fdf0e1',
    tertiaryColor: '#f3f5f8',
    clusterBkg: '#f5f7fa',
    // Lines and borders at least 3:1 against what they sit on (WCAG 1.4.11): edges 8:1, nodes 7:1, groups 4:1.
    clusterBorder: '#6b7a90',
    edgeLabelBackground: '#ffffff',
  },
  flowchart: {
    htmlLabels: false,
    useMaxWidth: false,
    padding: 12,
    nodeSpacing: 36,
    rankSpacing: 44,
    curve: 'basis',
    // A subgraph's title gets room of its own above the first box (Mermaid's default is none: the box covered it).
    subGraphTitleMargin: { top: 6, bottom: 14 },
    // Labels break only where the source says (<br/>): Mermaid's own wrapping at 200 px left one
    // character alone on a line (劳动者素质提升缓 / 慢). The build reports a label it still wraps.
    wrappingWidth: 640,
  },
} as const;

/**
 * The phone's drawing of a wide flowchart (see src/compiler/diagrams/): on a 390 px screen the
 * study view's column is 358 px, and a label (24 px in the drawing) must be drawn at 12 px or
 * more, so a drawing wider than 716 px gets a second one for narrow screens: top to bottom
 * instead of left to right, or with tighter spacing, whichever first fits.
 */
export const PHONE_DIAGRAM = {
  /** The widest drawing a phone shows whole with its labels at 12 px or more. */
  maxWidth: 716,
  /** The study view shows the phone's drawing in a column narrower than this (CSS px; study.css). */
  column: 720,
  /** Tighter spacing, for a drawing that is still too wide top to bottom. */
  compact: { nodeSpacing: 16, rankSpacing: 28, padding: 8 },
} as const;

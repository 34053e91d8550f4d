import { firstSlideSpan } from '../../src/compiler/html/first-slide.ts';

/**
 * The static-page limit: the built deck's own page cut down to its first slide, with the same
 * `<head>` (stylesheet, inline styles, @font-face rules and font preloads) and no script at
 * all. Nothing can show the first slide sooner than this page on the same machine, with the
 * same CSS and fonts; the deck is measured against it in the same run.
 */
export function limitPage(indexHtml: string): string {
  const head = indexHtml
    .slice(0, indexHtml.indexOf('</head>'))
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '')
    .replace(/<link\s[^>]*rel="modulepreload"[^>]*>\s*/g, '');
  const span = firstSlideSpan(indexHtml);
  if (!span) throw new Error('[bench] the built index.html has no slide');
  const group = indexHtml.lastIndexOf('<section', span.start - 1);
  const groupOpen = group >= 0 ? /^<section\b[^>]*>/.exec(indexHtml.slice(group))![0] : '';
  const slide = indexHtml.slice(span.start, span.end);
  const wrapped = groupOpen.includes('data-deck-section') ? `${groupOpen}\n${slide}\n</section>` : slide;
  return `${head}</head>\n  <body>\n    <div class="reveal">\n      <div class="slides">\n${wrapped}\n      </div>\n    </div>\n  </body>\n</html>\n`;
}

/**
 * Makes a Mermaid SVG valid inside an HTML page (the Nu HTML Checker passes it), changing
 * nothing that is seen or heard:
 * - each HTML label is `<span class="nodeLabel"><p>…</p></span>`, and a `<p>` may not sit in a
 *   `<span>`: the paragraph's text moves up into the span (a second paragraph after a `<br>`);
 * - a clickable node carries its tooltip as a `title` attribute, which SVG does not have: it
 *   becomes the node's `<title>` child, SVG's own tooltip (and the link's accessible name).
 */
export function cleanSvg(svg: string): string {
  return svg
    .replace(/(<span\b[^>]*>)((?:<p\b[^>]*>[\s\S]*?<\/p>)+)(<\/span>)/g, (_m, open: string, paragraphs: string, close: string) => {
      const texts = [...paragraphs.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].map((p) => p[1]!);
      return `${open}${texts.join('<br>')}${close}`;
    })
    .replace(/<g\b([^>]*?)\stitle="([^"]*)"([^>]*)>/g, '<g$1$3><title>$2</title>');
}

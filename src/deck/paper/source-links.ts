/**
 * Printed pages have no links to follow: each slide's 「原文 ¶12–13」 (a.deck-source) inside
 * `root` becomes the same words as text, which the reader finds in paper.pdf (numbered alike).
 * A link would print as the address of the export's own server, dead once the PDF is written.
 */
export function unlinkSources(root: ParentNode): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a.deck-source')) {
    const span = document.createElement('span');
    for (const attr of a.attributes) if (attr.name !== 'href' && attr.name !== 'title') span.setAttribute(attr.name, attr.value);
    span.append(...a.childNodes);
    a.replaceWith(span);
  }
}

import { ATTR, type DeckManifest, type DiagramInfo } from '../../shared/deck-model.ts';
import { UI } from '../../shared/ui-strings.ts';

/** A diagram's figure in `root`, with what the manifest says of it. */
export interface PrintedDiagram {
  figure: HTMLElement;
  info: DiagramInfo;
}

/**
 * Names each diagram's figure in `root` by its title and description (`aria-label`) for a page
 * made to be printed: Chromium gives a tagged PDF's Figure its /Alt from the figure's accessible
 * name, and Mermaid's SVG names itself with `aria-labelledby`, which the figure does not inherit.
 * (On screen the SVG's own name is enough; naming the figure too would say it twice.)
 * Returns the diagrams named, for the pages that also caption them.
 */
export function nameDiagramsForPrint(root: ParentNode, manifest: Pick<DeckManifest, 'diagrams'>): PrintedDiagram[] {
  const byId = new Map(manifest.diagrams.map((d) => [d.id, d]));
  const out: PrintedDiagram[] = [];
  for (const figure of root.querySelectorAll<HTMLElement>(`figure[${ATTR.diagram}]`)) {
    const info = byId.get(figure.getAttribute(ATTR.diagram) ?? '');
    const label = info ? UI.diagram.printedLabel(info.title, info.description) : '';
    if (!info || !label) continue;
    figure.setAttribute('aria-label', label);
    out.push({ figure, info });
  }
  return out;
}

/** A diagram's caption, as the handout and the study guide print it under the diagram. */
export function diagramCaption(info: DiagramInfo, tag: 'figcaption' | 'p', className: string): HTMLElement {
  const caption = document.createElement(tag);
  caption.className = className;
  caption.textContent = UI.diagram.caption(info.title, info.description);
  return caption;
}

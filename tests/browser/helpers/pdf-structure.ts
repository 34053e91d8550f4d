import { execFileSync } from 'node:child_process';

/** One structure element of a tagged PDF, as qpdf reads it. */
export interface PdfStructureElement {
  /** Its type without the slash: `Figure`, `P`, `H1`, … */
  type: string;
  /** Its `/Alt`, '' if it has none. */
  alt: string;
}

/**
 * Every structure element of the PDF's structure tree (tagged PDF), read with `qpdf --json`:
 * each object whose dictionary has a `/S` type and a `/P` parent. Strings come as `u:text`
 * (qpdf's JSON v2), or `b:<hex>` for bytes that are not text.
 */
export function pdfStructureElements(pdf: string): PdfStructureElement[] {
  const json = execFileSync('qpdf', ['--json', '--json-key=qpdf', pdf], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const objects = (JSON.parse(json) as { qpdf: [unknown, Record<string, { value?: unknown }>] }).qpdf[1];
  const out: PdfStructureElement[] = [];
  for (const { value } of Object.values(objects)) {
    if (!value || typeof value !== 'object') continue;
    const dict = value as Record<string, unknown>;
    if (typeof dict['/S'] !== 'string' || !('/P' in dict)) continue;
    const alt = typeof dict['/Alt'] === 'string' ? dict['/Alt'] : '';
    out.push({ type: dict['/S'].replace(/^\//, ''), alt: alt.replace(/^u:/, '') });
  }
  return out;
}

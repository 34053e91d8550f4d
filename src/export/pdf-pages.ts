/**
 * Counts the pages of a PDF that Chromium wrote (its page objects are not compressed: each reads
 * `/Type /Page`). Null when the file keeps its objects in compressed streams and cannot be
 * counted this way. Used to check, before anything is written, that no blank page slipped in.
 */
export function countPdfPages(pdf: Uint8Array): number | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-') || text.includes('/ObjStm')) return null;
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

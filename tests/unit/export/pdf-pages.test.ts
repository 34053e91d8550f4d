import { describe, expect, it } from 'vitest';
import { countPdfPages } from '../../../src/export/pdf-pages.ts';

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF`);

describe('countPdfPages', () => {
  it('counts the page objects, not the page tree nodes', () => {
    const body = '1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj 2 0 obj << /Type /Page >> endobj 3 0 obj <</Type/Page/Parent 1 0 R>> endobj';
    expect(countPdfPages(pdf(body))).toBe(2);
  });

  it('gives up (null) on compressed object streams and on what is not a PDF', () => {
    expect(countPdfPages(pdf('1 0 obj << /Type /ObjStm /N 3 >> endobj'))).toBeNull();
    expect(countPdfPages(new TextEncoder().encode('<html>'))).toBeNull();
  });
});

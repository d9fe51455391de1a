/**
 * What guide writes itself in place of pdfkit must be what pdfkit writes, byte for byte: the
 * structure elements' dictionaries (`elementText`, in place of `PDFObject.convert`) and a QR
 * code's path (`qrPath`, in place of `rect` and `fill`).
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { qrPath } from '../../src/writers/pdf/draw.js';
import { elementText } from '../../src/writers/pdf/structure.js';
import type { StructNode } from '../../src/writers/pdf/types.js';

interface PdfkitRef {
  id: number;
  finalize(): void;
}
interface PdfkitInternals {
  ref(data: Record<string, unknown>): PdfkitRef;
  _write(chunk: string | Uint8Array): void;
  _refEnd(ref: PdfkitRef): void;
  page: { content: { buffer: Uint8Array[] } };
}

/** What pdfkit writes for an object holding `data`, between `n 0 obj` and `endobj`. */
function pdfkitText(doc: PdfkitInternals, data: Record<string, unknown>): string {
  const ref = doc.ref(data);
  const written: string[] = [];
  const [write, refEnd] = [doc._write, doc._refEnd];
  doc._write = (chunk) => void written.push(String(chunk));
  doc._refEnd = () => undefined;
  try {
    ref.finalize();
  } finally {
    doc._write = write;
    doc._refEnd = refEnd;
  }
  return written.slice(1, -1).join('\n');
}

describe('PDF text written by guide in place of pdfkit', () => {
  it("structure elements: what pdfkit's convert writes for the same dictionary", () => {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as PdfkitInternals;
    const [parent, page, otherPage, annotation] = [1, 2, 3, 4].map(() => doc.ref({}));
    const node = (extra: Partial<StructNode>): StructNode => ({ type: 'P', key: 0, ...extra });
    const cases: { node: StructNode | null; pg: PdfkitRef | null; kids: unknown[] }[] = [
      { node: null, pg: null, kids: [] },
      { node: node({}), pg: page!, kids: [0, 1, 2] },
      { node: node({ type: 'Figure', alt: 'QR (a)\\b\n\r\t\b\f end' }), pg: page!, kids: [0] },
      { node: node({ type: 'Figure', alt: '二維碼：電子稅務局（網上辦理）𠀀' }), pg: page!, kids: [3] },
      { node: node({ type: 'TH', scope: 'Column' }), pg: null, kids: [annotation!] },
      {
        node: node({ type: 'Link' }),
        pg: page!,
        kids: [5, { Type: 'MCR', Pg: otherPage!, MCID: 0 }, { Type: 'OBJR', Obj: annotation!, Pg: otherPage! }],
      },
    ];
    for (const [i, { node: element, pg, kids }] of cases.entries()) {
      const data: Record<string, unknown> = { S: element?.type ?? 'Document', P: parent };
      if (pg) data.Pg = pg;
      if (element?.alt !== undefined) data.Alt = new String(element.alt);
      if (element?.scope !== undefined) data.A = { O: 'Table', Scope: element.scope };
      data.K = kids;
      const written = kids.map((kid) =>
        typeof kid === 'number'
          ? String(kid)
          : 'Type' in (kid as object)
            ? pdfkitText(doc, kid as Record<string, unknown>)
            : `${(kid as PdfkitRef).id} 0 R`,
      );
      assert.equal(elementText(element, parent!.id, pg ? pg.id : -1, written), pdfkitText(doc, data), `case ${i}`);
    }
  });

  it("a QR code's path: what pdfkit's rect and fill write", () => {
    const size = 21;
    const dark = Uint8Array.from({ length: size * size }, (_, i) => Number((i * 7919) % 3 === 0 || i % size < 7));
    const drawn = { x: 72.123456789, y: 400.1, size: 51.7, matrix: { size, dark } };
    const doc = new PDFDocument({ compress: false }) as unknown as PdfkitInternals & PDFKit.PDFDocument;
    doc.page.content.buffer = [];
    const module = drawn.size / size;
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size;) {
        if (!dark[row * size + col]) {
          col++;
          continue;
        }
        const start = col;
        while (col < size && dark[row * size + col]) col++;
        doc.rect(drawn.x + start * module, drawn.y + row * module, (col - start) * module, module);
      }
    }
    doc.fill();
    const expected = Buffer.concat(doc.page.content.buffer);
    assert.ok(expected.length > 100);
    assert.ok(Buffer.from(qrPath(drawn)).equals(expected));
  });
});

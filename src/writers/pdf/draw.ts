/**
 * Laid-out pages → PDF bytes with pdfkit. pdfkit only draws here: every position was decided
 * by the layout pass, text is drawn with `lineBreak: false` (so pdfkit never wraps or adds a
 * page), and the pdfkit page has no margins.
 */

import PDFDocument from 'pdfkit';
import type { DocMeta } from '../../model/doc-model.js';
import type { PdfFonts } from './fonts.js';
import type { LayoutResult } from './layout.js';
import { qrRuns } from './qr.js';
import type { Drawable } from './types.js';

/** pdfkit's outline items, with the dictionary the typings leave out. */
interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  outlineData: { Dest?: unknown };
}

/** Length of a dot in a dotted rule: round caps turn this into dots as wide as the line. */
const DOT = 0.001;

/** Draws the layout; resolves with the bytes of the finished file. */
export function drawDocument(
  layout: LayoutResult,
  meta: DocMeta,
  fonts: PdfFonts,
  creationDate: Date,
): Promise<Uint8Array> {
  const { width, height } = layout.geometry;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [width, height],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    lang: meta.language,
    displayTitle: true,
    // The file ID is a hash of the info dictionary, CreationDate included: passing the date
    // here (not after construction) is what makes the bytes reproducible.
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(', '),
      CreationDate: creationDate,
      ModDate: creationDate,
    },
  });
  const chunks: Uint8Array[] = [];
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(bytes);
    });
  });

  // pdfkit accepts an opened fontkit font (it checks for `layout`); its typings only list files.
  doc.registerFont('regular', fonts.regular.pdfkitFont as unknown as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', fonts.bold.pdfkitFont as unknown as PDFKit.Mixins.PDFFontSource);

  const anchors = new Set<string>();
  for (const page of layout.pages) {
    for (const d of page.drawables) if (d.kind === 'anchor') anchors.add(d.id);
  }
  const painter = new Painter(doc, anchors);
  for (const page of layout.pages) {
    doc.addPage({ size: [width, height], margin: 0 });
    painter.page(page.drawables);
  }
  doc.end();
  return finished;
}

/** Draws the drawables of one page after another, remembering state pdfkit would re-emit. */
class Painter {
  private fill = '';
  private chapter: OutlineItem | null = null;
  private readonly outline: OutlineItem;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly anchors: Set<string>,
  ) {
    this.outline = doc.outline as unknown as OutlineItem;
  }

  page(drawables: Drawable[]): void {
    // A fresh page starts with the default colour in the PDF graphics state.
    this.fill = '';
    // Cell shading first, so borders and text lie on top of it.
    for (const d of drawables) {
      if (d.kind === 'cell' && d.fill) {
        this.setFill(d.fill);
        this.doc.rect(d.x, d.y, d.width, d.height).fill();
      }
    }
    for (const d of drawables) this.draw(d);
  }

  private setFill(color: string): void {
    if (color !== this.fill) {
      this.doc.fillColor(color);
      this.fill = color;
    }
  }

  private draw(d: Drawable): void {
    const { doc } = this;
    switch (d.kind) {
      case 'line':
        for (const run of d.runs) {
          this.setFill(run.color);
          doc.font(run.font, d.size).text(run.text, run.x, d.baseline, {
            lineBreak: false,
            baseline: 'alphabetic',
            characterSpacing: run.charSpacing,
          });
        }
        break;
      case 'rule':
        doc.save().lineWidth(d.lineWidth).strokeColor(d.color);
        if (d.dotPitch !== null) doc.lineCap('round').dash(DOT, { space: d.dotPitch - DOT });
        doc
          .moveTo(d.x, d.y)
          .lineTo(d.x + d.width, d.y)
          .stroke()
          .restore();
        break;
      case 'frame':
        doc.save().lineWidth(d.lineWidth).strokeColor(d.color).rect(d.x, d.y, d.width, d.height);
        for (const x of d.columns) doc.moveTo(x, d.y).lineTo(x, d.y + d.height);
        for (const y of d.rows) doc.moveTo(d.x, y).lineTo(d.x + d.width, y);
        doc.stroke().restore();
        break;
      case 'bullet':
        if (d.filled) {
          this.setFill(d.color);
          doc.circle(d.x, d.y, d.radius).fill();
        } else {
          doc
            .save()
            .lineWidth(d.radius * 0.4)
            .strokeColor(d.color)
            .circle(d.x, d.y, d.radius)
            .stroke()
            .restore();
        }
        break;
      case 'qr': {
        const module = d.size / d.matrix.size;
        // Colour before the path: PDF allows no colour operators between path and fill.
        this.setFill(d.color);
        for (const run of qrRuns(d.matrix)) {
          doc.rect(d.x + run.col * module, d.y + run.row * module, run.length * module, module);
        }
        doc.fill();
        break;
      }
      case 'link':
        if (d.target.kind === 'uri') doc.link(d.x, d.y, d.width, d.height, d.target.uri);
        else if (this.anchors.has(d.target.id)) doc.goTo(d.x, d.y, d.width, d.height, d.target.id);
        break;
      case 'anchor':
        doc.addNamedDestination(d.id, 'XYZ', null, d.y, null);
        if (d.outlineLevel !== null) this.bookmark(d.id, d.title, d.outlineLevel);
        break;
      case 'cell':
      case 'page-ref':
        // Cells were shaded in the first pass; page references were resolved by layout.
        break;
    }
  }

  /** Chapters at the top of the outline, their measures nested; both open on the heading. */
  private bookmark(id: string, title: string, level: 1 | 2): void {
    const parent = level === 2 && this.chapter ? this.chapter : this.outline;
    const item = parent.addItem(title, { expanded: level === 1 });
    // pdfkit points outline items at the top of the current page; the named destination is
    // the heading itself, the same target TOC entries and links use.
    item.outlineData.Dest = new String(id);
    if (level === 1) this.chapter = item;
  }
}

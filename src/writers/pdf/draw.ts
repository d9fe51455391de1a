/**
 * Laid-out pages → PDF bytes with pdfkit. pdfkit writes the file (objects, pages, links,
 * outline, compression) and draws the shapes; every position was decided by the layout pass,
 * and the text is written as PDF text operators here, glyph ids and all (font-embed.ts).
 */

import PDFDocument from 'pdfkit';
import type { DocMeta } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import { EmbeddedFace, pdfNumber, sharedSubset, type FontResource } from './font-embed.js';
import { faceOf, type PdfFonts } from './fonts.js';
import type { LayoutResult } from './layout.js';
import { qrRuns } from './qr.js';
import type { Drawable, FontKey, LineDrawable, SharedGlyphs } from './types.js';
import { ByteBlocks } from '../byte-blocks.js';

/** pdfkit's outline items, with the dictionary the typings leave out. */
interface OutlineItem {
  addItem(title: string, options?: { expanded?: boolean }): OutlineItem;
  outlineData: { Dest?: unknown };
}

/** Length of a dot in a dotted rule: round caps turn this into dots as wide as the line. */
const DOT = 0.001;

/**
 * Draws the layout; resolves with the bytes of the finished file. Code points in `sharedGlyphs`
 * are drawn from subsets shared with the other documents given the same (font-embed.ts).
 */
export function drawDocument(
  layout: LayoutResult,
  meta: DocMeta,
  fonts: PdfFonts,
  creationDate: Date,
  cache: WriterCache,
  sharedGlyphs?: SharedGlyphs,
): Promise<Uint8Array> {
  const { width, height } = layout.geometry;
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [width, height],
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    // No default font: pdfkit would parse Helvetica's metrics for every document, unused.
    font: '',
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
  const output = new ByteBlocks();
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => output.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve(output.bytes()));
  });

  const shared = (key: FontKey) => {
    const codePoints = sharedGlyphs?.[key];
    return codePoints && codePoints.length > 0
      ? sharedSubset(faceOf(fonts, key).primary, codePoints, cache)
      : undefined;
  };
  const faces: Record<FontKey, EmbeddedFace> = {
    regular: new EmbeddedFace(doc, fonts.regular, 'F1', shared('regular')),
    bold: new EmbeddedFace(doc, fonts.bold, 'F2', shared('bold')),
  };
  const anchors = new Set<string>();
  for (const page of layout.pages) {
    for (const d of page.drawables) if (d.kind === 'anchor') anchors.add(d.id);
  }
  const painter = new Painter(doc, anchors, faces);
  for (const page of layout.pages) {
    doc.addPage({ size: [width, height], margin: 0 });
    painter.page(page.drawables);
  }
  for (const face of Object.values(faces)) face.finish();
  doc.end();
  return finished;
}

/** '#rrggbb' → PDF's "r g b" (0 to 1). */
function rgb(color: string): string {
  const value = Number.parseInt(color.slice(1), 16);
  return [value >> 16, (value >> 8) & 0xff, value & 0xff].map((c) => pdfNumber(c / 255)).join(' ');
}

/** Draws the drawables of one page after another, remembering state pdfkit would re-emit. */
class Painter {
  /** The fill colour in effect ('' at the start of a page: the PDF default). */
  private fill = '';
  /** Text state in effect on the page (it outlives each BT … ET). */
  private font: FontResource | null = null;
  private size = 0;
  private charSpacing = 0;
  /** Operators of the text object being written, until a shape or the page's end closes it. */
  private text: string[] | null = null;
  private chapter: OutlineItem | null = null;
  private readonly outline: OutlineItem;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly anchors: Set<string>,
    private readonly faces: Record<FontKey, EmbeddedFace>,
  ) {
    this.outline = doc.outline as unknown as OutlineItem;
  }

  page(drawables: Drawable[]): void {
    // A fresh page starts with the default colour and text state.
    this.fill = '';
    this.font = null;
    this.charSpacing = 0;
    // Cell shading first, so borders and text lie on top of it.
    for (const d of drawables) {
      if (d.kind === 'cell' && d.fill) {
        this.setFill(d.fill);
        this.doc.rect(d.x, d.y, d.width, d.height).fill();
      }
    }
    // Cells were shaded above; page references were resolved by layout.
    for (const d of drawables) {
      if (d.kind === 'line') this.line(d);
      else if (d.kind !== 'cell' && d.kind !== 'page-ref') this.draw(d);
    }
    this.endText();
  }

  private setFill(color: string): void {
    if (color !== this.fill) {
      this.doc.fillColor(color);
      this.fill = color;
    }
  }

  /**
   * A line's runs as text operators, in the text object the lines before it opened. The page's
   * coordinates run downwards (pdfkit flips them), so each run's text matrix flips back.
   */
  private line(d: LineDrawable): void {
    const ops = (this.text ??= ['BT']);
    for (const run of d.runs) {
      if (run.charSpacing !== this.charSpacing) {
        ops.push(`${pdfNumber(run.charSpacing)} Tc`);
        this.charSpacing = run.charSpacing;
      }
      if (run.color !== this.fill) {
        ops.push(`${rgb(run.color)} rg`);
        this.fill = run.color;
      }
      ops.push(`1 0 0 -1 ${pdfNumber(run.x)} ${pdfNumber(d.baseline)} Tm`);
      // Each Tj carries on where the one before ended, also after a change of font.
      for (const { font, hex } of this.faces[run.font].encode(run.text)) {
        if (font !== this.font || d.size !== this.size) {
          (this.doc.page.fonts as Record<string, unknown>)[font.resourceName] = font.ref;
          ops.push(`/${font.resourceName} ${pdfNumber(d.size)} Tf`);
          this.font = font;
          this.size = d.size;
        }
        ops.push(`<${hex}> Tj`);
      }
    }
  }

  /** Closes the open text object: shapes cannot be drawn inside one. */
  private endText(): void {
    if (this.text === null) return;
    this.text.push('ET');
    this.doc.addContent(this.text.join('\n'));
    this.text = null;
  }

  private draw(d: Exclude<Drawable, { kind: 'line' | 'cell' | 'page-ref' }>): void {
    const { doc } = this;
    // Links, anchors and bookmarks add no operators; they may stay inside a text object.
    if (d.kind !== 'link' && d.kind !== 'anchor') this.endText();
    switch (d.kind) {
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

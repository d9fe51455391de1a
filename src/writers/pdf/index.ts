/**
 * The PDF writer: DocModel → PDF bytes, with its own layout pass (CJK line breaking with
 * kinsoku, justification, keeps, table rows across pages, TOC page numbers) and pdfkit for
 * drawing. Pure: fonts and the date come from the caller; nothing here touches fs, the clock
 * or the environment. Same model, theme, fonts and date → byte-identical output.
 */

import type { DocModel } from '../../model/doc-model.js';
import type { Theme } from '../theme.js';
import { drawDocument } from './draw.js';
import { MissingGlyphError, type PdfFonts } from './fonts.js';
import { layoutDocument } from './layout.js';
import { snapshotLayout, type LayoutSnapshot } from './snapshot.js';

export { MissingGlyphError, missingCodePoints, openPdfFonts, type PdfFonts } from './fonts.js';
export type { LayoutSnapshot, SnapshotBox, SnapshotLine, SnapshotPage } from './snapshot.js';

/** What `writePdf` produces. */
export interface PdfResult {
  bytes: Uint8Array;
  /** Pages in the file, cover included. */
  pageCount: number;
  /** Body pages: the M of "第 N 頁，共 M 頁". */
  bodyPageCount: number;
  /** Heading id → printed page number (body pages count from 1; headings on the cover are absent). */
  headingPages: Map<string, number>;
  /** Where everything went, for golden files and layout tests. */
  layout: LayoutSnapshot;
}

/** Options of `writePdf`. */
export interface PdfOptions {
  theme: Theme;
  /** Opened once per process with `openPdfFonts` and reused. */
  fonts: PdfFonts;
  /** Written as CreationDate and ModDate; with the model it fixes the file ID. */
  creationDate: Date;
}

/**
 * Lays out and draws `model`. Throws `MissingGlyphError` (listing every code point) when the
 * fonts cannot draw a character, rather than leave it out as pdfkit would. Links to `#id`s
 * that no heading has are drawn as text without a link.
 */
export async function writePdf(model: DocModel, options: PdfOptions): Promise<PdfResult> {
  const layout = layoutDocument(model, options.theme, options.fonts);
  if (layout.missing.length > 0) throw new MissingGlyphError(layout.missing);
  const bytes = await drawDocument(layout, model.meta, options.fonts, options.creationDate);
  return {
    bytes,
    pageCount: layout.pages.length,
    bodyPageCount: layout.pages.filter((page) => page.number !== null).length,
    headingPages: layout.headingPages,
    layout: snapshotLayout(layout),
  };
}

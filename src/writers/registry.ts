/**
 * The writers by format: DocModel → bytes. Adding a format is a folder beside pdf/, docx/ and html/ and
 * one line here (and its name in `outputFormats`). Writers are pure: the model, the theme, the
 * fonts, the date and the caches come in; bytes go out. The DOCX and HTML writers are imported
 * when first asked for: a PDF-only build loads neither (the PDF layout serves every format).
 */

import type { OutputFormat } from './formats.js';
import type { DocModel } from '../model/doc-model.js';
import type { TocEntry } from '../model/transforms/toc.js';
import type { WriterCache } from './cache.js';
import { writePdf, type PdfFonts, type PdfOutput, type PdfPagination, type SharedGlyphs } from './pdf/index.js';
import type { Theme } from './theme.js';

/** What every writer is given. */
export interface WriteInput {
  model: DocModel;
  theme: Theme;
  fonts: PdfFonts;
  /** Written into the file's metadata; with the rest it fixes the bytes. */
  creationDate: Date;
  /** The standard the PDF meets and its colours. */
  pdfOutput: PdfOutput;
  /** Glyphs many documents draw (a batch's): the PDF embeds them from shared subsets, the DOCX first in its fonts. */
  sharedGlyphs?: SharedGlyphs;
  /** The table of contents, worked out once for every writer. */
  toc: readonly TocEntry[];
  /** What the writers keep between documents. */
  cache: WriterCache;
  /**
   * Where the PDF layout puts each heading and how many pages the body has: the DOCX pre-fills
   * its TOC and page total with them, so both formats agree before Word updates a field. Laid
   * out once per document, whichever writer asks first.
   */
  pagination(): PdfPagination;
}

/** A written file. */
export interface Written {
  bytes: Uint8Array;
  /** Pages, where the writer knows them (PDF). */
  pages?: number;
  /** The layout the PDF writer made, so no other writer lays the document out again. */
  pagination?: PdfPagination;
}

export interface Writer {
  write(input: WriteInput): Promise<Written>;
}

export const writers: Record<OutputFormat, Writer> = {
  pdf: {
    async write(input) {
      const pdf = await writePdf(input.model, {
        theme: input.theme,
        fonts: input.fonts,
        creationDate: input.creationDate,
        output: input.pdfOutput,
        toc: input.toc,
        cache: input.cache,
        ...(input.sharedGlyphs ? { sharedGlyphs: input.sharedGlyphs } : {}),
      });
      // Only the pagination is passed on: the result's `layout` would keep every page alive.
      const { pageCount, bodyPageCount, headingPages } = pdf;
      return { bytes: pdf.bytes, pages: pageCount, pagination: { pageCount, bodyPageCount, headingPages } };
    },
  },
  docx: {
    async write(input) {
      const pages = input.pagination();
      const { writeDocx } = await import('./docx/index.js');
      const docx = await writeDocx(input.model, {
        theme: input.theme,
        fonts: input.fonts,
        creationDate: input.creationDate,
        headingPages: pages.headingPages,
        bodyPageCount: pages.bodyPageCount,
        toc: input.toc,
        cache: input.cache,
        ...(input.sharedGlyphs ? { sharedGlyphs: input.sharedGlyphs } : {}),
      });
      return { bytes: docx.bytes };
    },
  },
  html: {
    async write(input) {
      const { model, theme, toc, creationDate, cache } = input;
      const { writeHtml } = await import('./html/index.js');
      return { bytes: writeHtml(model, { theme, toc, creationDate, cache }) };
    },
  },
};

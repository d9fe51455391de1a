/** DocModel → the requested files. Shared by `guide build` and each firm of `guide batch`. */

import type { OutputFormat } from '../catalogue/types.js';
import type { DocModel } from '../model/doc-model.js';
import { tocEntries } from '../model/transforms/toc.js';
import { writeDocx } from '../writers/docx/index.js';
import { paginatePdf, writePdf, type PdfFonts, type PdfPagination, type SharedGlyphs } from '../writers/pdf/index.js';
import { createWriterCache, type WriterCache } from '../writers/cache.js';
import type { Theme } from '../writers/theme.js';

export interface GuideOutput {
  format: OutputFormat;
  bytes: Uint8Array;
  /** PDF only. */
  pages?: number;
}

export async function writeOutputs(
  model: DocModel,
  options: {
    theme: Theme;
    fonts: PdfFonts;
    formats: readonly OutputFormat[];
    creationDate: Date;
    /** Glyphs the PDF embeds from subsets shared with other documents (a batch's). */
    sharedGlyphs?: SharedGlyphs;
    /** What the writers keep between documents (a batch's); a fresh one when absent. */
    cache?: WriterCache;
  },
): Promise<GuideOutput[]> {
  const outputs: GuideOutput[] = [];
  const { theme, fonts, creationDate } = options;
  const toc = tocEntries(model, theme.toc.depth);
  const cache = options.cache ?? createWriterCache();
  // The PDF is laid out even for a DOCX-only build (not drawn): its page numbers pre-fill the
  // DOCX's TOC and footer total, so both formats agree before Word updates any field.
  let pages: PdfPagination;
  if (options.formats.includes('pdf')) {
    const pdf = await writePdf(model, {
      theme,
      fonts,
      creationDate,
      toc,
      cache,
      ...(options.sharedGlyphs ? { sharedGlyphs: options.sharedGlyphs } : {}),
    });
    outputs.push({ format: 'pdf', bytes: pdf.bytes, pages: pdf.pageCount });
    pages = pdf;
  } else {
    pages = paginatePdf(model, { theme, fonts, toc, cache });
  }
  if (options.formats.includes('docx')) {
    const docx = await writeDocx(model, {
      theme,
      creationDate,
      toc,
      cache,
      headingPages: pages.headingPages,
      bodyPageCount: pages.bodyPageCount,
    });
    outputs.push({ format: 'docx', bytes: docx.bytes });
  }
  return outputs;
}

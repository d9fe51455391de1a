/** DocModel → the requested files, through the writer registry. Nothing here touches disk. */

import type { OutputFormat } from '../writers/formats.js';
import type { DocModel } from '../model/doc-model.js';
import { tocEntries } from '../model/transforms/toc.js';
import type { WriterCache } from '../writers/cache.js';
import { paginatePdf, type PdfPagination, type SharedGlyphs } from '../writers/pdf/index.js';
import { writers } from '../writers/registry.js';
import { resolvePdfOutput } from './pdf-output.js';
import type { Prepared } from './prepare.js';
import type { BuildRequest } from './request.js';

/** One file of a guide, in memory. */
export interface GuideFile {
  format: OutputFormat;
  bytes: Uint8Array;
  /** PDF only. */
  pages?: number;
}

/** Writes `model` in every format of the request, in `outputFormats` order. */
export async function writeDocument(
  model: DocModel,
  prepared: Prepared,
  request: BuildRequest,
  cache: WriterCache,
  sharedGlyphs?: SharedGlyphs,
): Promise<GuideFile[]> {
  const { theme, fonts } = prepared;
  const toc = tocEntries(model, theme.toc.depth);
  let pagination: PdfPagination | undefined;
  const input = {
    model,
    theme,
    fonts,
    creationDate: request.creationDate,
    pdfOutput: resolvePdfOutput(theme, request),
    toc,
    cache,
    ...(sharedGlyphs ? { sharedGlyphs } : {}),
    // A DOCX-only build lays the PDF out without drawing it.
    pagination: () => (pagination ??= paginatePdf(model, { theme, fonts, toc, cache })),
  };
  const files: GuideFile[] = [];
  for (const format of request.formats) {
    const written = await writers[format].write(input);
    pagination ??= written.pagination;
    files.push({ format, bytes: written.bytes, ...(written.pages !== undefined ? { pages: written.pages } : {}) });
  }
  return files;
}

/** DocModel → the requested files. Shared by `guide build` and each firm of `guide batch`. */

import type { OutputFormat } from '../catalogue/types.js';
import type { DocModel } from '../model/doc-model.js';
import { writeDocx } from '../writers/docx/index.js';
import { writePdf, type PdfFonts, type SharedGlyphs } from '../writers/pdf/index.js';
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
  },
): Promise<GuideOutput[]> {
  const outputs: GuideOutput[] = [];
  // The PDF is laid out even for a DOCX-only build: its page numbers pre-fill the DOCX's TOC and
  // footer total, so both formats agree before Word updates any field.
  const pdf = await writePdf(model, {
    theme: options.theme,
    fonts: options.fonts,
    creationDate: options.creationDate,
    ...(options.sharedGlyphs ? { sharedGlyphs: options.sharedGlyphs } : {}),
  });
  if (options.formats.includes('pdf')) outputs.push({ format: 'pdf', bytes: pdf.bytes, pages: pdf.pageCount });
  if (options.formats.includes('docx')) {
    const docx = await writeDocx(model, {
      theme: options.theme,
      creationDate: options.creationDate,
      headingPages: pdf.headingPages,
      bodyPageCount: pdf.bodyPageCount,
    });
    outputs.push({ format: 'docx', bytes: docx.bytes });
  }
  return outputs;
}

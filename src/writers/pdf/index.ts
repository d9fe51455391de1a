/**
 * The PDF writer: DocModel → PDF bytes, with its own layout pass (CJK line breaking with
 * kinsoku, justification, keeps, table rows across pages, TOC page numbers) and pdfkit for
 * drawing. Pure: fonts and the date come from the caller; nothing here touches fs, the clock
 * or the environment. Same model, theme, fonts and date → byte-identical output.
 */

import type { DocModel } from '../../model/doc-model.js';
import { tocEntries, type TocEntry } from '../../model/transforms/toc.js';
import { createWriterCache, type WriterCache } from '../cache.js';
import type { Theme } from '../theme.js';
import { drawDocument } from './draw.js';
import { MissingGlyphError, type PdfFonts } from './fonts.js';
import { layoutDocument, type LayoutPage, type LayoutResult } from './layout.js';
import { snapshotLayout, type LayoutSnapshot } from './snapshot.js';
import { defaultPdfOutput, type PdfOutput } from './standards.js';
import { glyphsOf } from './glyphs-of.js';
import type { LineDrawable, SharedGlyphs } from './types.js';

export { FontFace, keepFontMetrics, MissingGlyphError, openFacesKey, type PdfFonts } from './fonts.js';
export { missingCodePoints } from './face-chain.js';
export type { LayoutSnapshot, SnapshotBox, SnapshotLine, SnapshotPage } from './snapshot.js';
export type { SharedGlyphs } from './types.js';
export { pdfStandards, printConflictsWith, type PdfOutput, type PdfStandard } from './standards.js';

/**
 * The code points `model` draws, by face, once laid out: what a batch's documents share when
 * `model` holds only what every one of them holds. Lines it sets stay in `cache` for them.
 */
export function drawnGlyphs(
  model: DocModel,
  theme: Theme,
  fonts: PdfFonts,
  cache: WriterCache = createWriterCache(),
): SharedGlyphs {
  const layout = layoutDocument(model, theme, fonts, tocEntries(model, theme.toc.depth), cache);
  return glyphsOf(linesOf(layout.pages), fonts);
}

function* linesOf(pages: readonly LayoutPage[]): Generator<LineDrawable> {
  for (const page of pages) for (const d of page.drawables) if (d.kind === 'line') yield d;
}

/** Where the pages of a document fall: what the DOCX takes from the PDF layout. */
export interface PdfPagination {
  /** Pages in the file, cover included. */
  pageCount: number;
  /** Body pages: the M of "第 N 頁，共 M 頁". */
  bodyPageCount: number;
  /** Heading id → printed page number (body pages count from 1; headings on the cover are absent). */
  headingPages: Map<string, number>;
}

/** What `writePdf` produces. */
export interface PdfResult extends PdfPagination {
  bytes: Uint8Array;
  /** Where everything went, for golden files and layout tests. */
  readonly layout: LayoutSnapshot;
}

/** Options of `writePdf`. */
export interface PdfOptions {
  theme: Theme;
  /** Opened once per process with `openThemeFonts` and reused. */
  fonts: PdfFonts;
  /** Written as CreationDate and ModDate; with the model it fixes the file ID. */
  creationDate: Date;
  /** Glyphs embedded from subsets shared with other documents (see `drawnGlyphs`). */
  sharedGlyphs?: SharedGlyphs;
  /**
   * The TOC's entries, when the caller has them for every writer; else worked out here
   * (`tocEntries` to the theme's depth).
   */
  toc?: readonly TocEntry[];
  /** What is kept between documents (a batch passes one for all); a fresh one when absent. */
  cache?: WriterCache;
  /** The standard the file meets and its colours: tagged PDF/UA-1 for the screen when absent. */
  output?: PdfOutput;
}

/** Options of `paginatePdf`: those of `writePdf` that laying out reads. */
export type PdfLayoutOptions = Pick<PdfOptions, 'theme' | 'fonts' | 'toc' | 'cache'>;

function checkedLayout(model: DocModel, options: PdfLayoutOptions, cache: WriterCache): LayoutResult {
  const { theme, fonts } = options;
  const layout = layoutDocument(model, theme, fonts, options.toc ?? tocEntries(model, theme.toc.depth), cache);
  if (layout.missing.length > 0) throw new MissingGlyphError(layout.missing);
  return layout;
}

function paginationOf(layout: LayoutResult): PdfPagination {
  return {
    pageCount: layout.pages.length,
    bodyPageCount: layout.pages.filter((page) => page.number !== null).length,
    headingPages: layout.headingPages,
  };
}

/** Lays out `model` without drawing it, for a DOCX written without its PDF. Throws as `writePdf` does. */
export function paginatePdf(model: DocModel, options: PdfLayoutOptions): PdfPagination {
  return paginationOf(checkedLayout(model, options, options.cache ?? createWriterCache()));
}

/**
 * Lays out and draws `model`. Throws `MissingGlyphError` (listing every code point) when the
 * fonts cannot draw a character, rather than leave it out as pdfkit would. Links to `#id`s
 * that no heading has are drawn as text without a link.
 */
export async function writePdf(model: DocModel, options: PdfOptions): Promise<PdfResult> {
  const cache = options.cache ?? createWriterCache();
  const layout = checkedLayout(model, options, cache);
  const { fonts, creationDate, sharedGlyphs } = options;
  const output = options.output ?? defaultPdfOutput;
  const bytes = await drawDocument(layout, model.meta, fonts, creationDate, cache, output, sharedGlyphs);
  let snapshot: LayoutSnapshot | undefined;
  return {
    bytes,
    ...paginationOf(layout),
    // Made when read (golden files, layout tests): a batch never reads it.
    get layout() {
      return (snapshot ??= snapshotLayout(layout));
    },
  };
}

/**
 * The look of a guide, shared by the PDF and DOCX writers. Staff edit templates/theme.yaml;
 * the catalogue loader validates it against the same schema machinery as guide.yaml.
 * Lengths are in points (1/72 inch); colours are "#rrggbb".
 */

import type { ParagraphRole } from '../model/doc-model.js';
import type { PdfStandard } from './pdf/standards.js';

/** A theme colour, "#rrggbb": what the theme schema accepts and the writers take as one. */
export const themeColor = /^#[0-9a-fA-F]{6}$/;

export interface TextStyle {
  size: number;
  bold: boolean;
  color: string;
  align: 'left' | 'center' | 'right' | 'justify';
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  spaceBefore: number;
  spaceAfter: number;
  /** First-line indent in characters (ems of `size`): 2 for a Chinese letter's paragraphs. */
  firstLineIndent?: number;
}

/** A fallback font for the PDF, in both weights. */
export interface FallbackFace {
  regular: string;
  bold: string;
}

export interface Theme {
  page: {
    /** Only A4 for now; kept as a name so DOCX and PDF agree. */
    size: 'A4';
    margins: { top: number; right: number; bottom: number; left: number };
    /**
     * The PDF text block is narrowed to a whole number of ems of the body size, centred between
     * the margins, so full CJK lines set solid instead of stretched.
     */
    solidMeasure: boolean;
  };
  fonts: {
    /**
     * Font files embedded in the PDF (a path relative to the edition folder, or a node_modules
     * package path): the primary faces, then fallback faces, in order, for the characters the
     * ones before lack.
     */
    pdf: { regular: string; bold: string; fallback: FallbackFace[] };
    /**
     * Font names written into the DOCX: East Asian text and Latin text are set apart. A run
     * holding characters the primary PDF face lacks names `eastAsiaFallback[i]`, the face named
     * like `pdf.fallback[i]`, which has them.
     */
    docx: {
      eastAsia: string;
      latin: string;
      eastAsiaFallback: string[];
      /**
       * Faces to take, in order, where `eastAsia` is missing (fontTable.xml: the first is its
       * altName; all are listed): Microsoft JhengHei on Windows, PingFang TC on macOS, Noto Sans
       * CJK TC on Linux.
       */
      alternatives: string[];
      /** Embed a subset of the PDF's primary faces under the `eastAsia` name, as Word does. */
      embed: boolean;
    };
  };
  colors: {
    text: string;
    accent: string;
    muted: string;
    link: string;
    rule: string;
    tableHeaderFill: string;
    tableLabelFill: string;
  };
  /** Paragraph roles (body, lead, note, title, subtitle, cover-meta, letter, signature). */
  paragraph: Record<ParagraphRole, TextStyle>;
  heading: { 1: TextStyle; 2: TextStyle; 3: TextStyle };
  /** Page header and footer text on body pages. */
  running: { size: number; color: string; footer: string };
  list: { indent: number; itemSpacing: number };
  table: {
    cellPadding: number;
    fontSize: number;
    lineHeight: number;
    borderWidth: number;
    spaceAfter: number;
    /**
     * Mark of a table continued on the next page (「（續）」): after a row's label repeated
     * there, and after the card's title in the small caption above it. Empty: no caption.
     */
    continued: string;
  };
  toc: { title: string; depth: 1 | 2 | 3; size: number; lineHeight: number };
  qr: { size: number };
  /**
   * What the PDF conforms to (tagged PDF/UA-1 unless told otherwise) and whether its colours
   * are for the print shop (DeviceGray text, CMYK accents) rather than the screen (RGB).
   */
  pdf: { standard: PdfStandard; print: boolean };
}

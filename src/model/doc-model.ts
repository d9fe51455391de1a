/**
 * The one canonical document tree between templates and writers (pandoc's AST, unified's mdast).
 * Writers see only this: never template text, never YAML. Every value is plain JSON so the
 * model can be compared against golden files and sent to worker threads.
 */

/** Inline content of a paragraph, heading or table cell. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  /** `url` is http(s) for external links, or `#id` for a heading inside the document. */
  | { type: 'link'; url: string; children: Inline[] }
  /** A hard line break inside a paragraph. */
  | { type: 'break' };

/** How a paragraph is set; the theme gives each role its font, size, colour, alignment and spacing. */
export type ParagraphRole =
  | 'body'
  | 'title' // cover title
  | 'subtitle' // cover subtitle
  | 'cover-meta' // cover lines: edition, publisher, date
  | 'lead' // chapter intro, measure summary
  | 'note' // small print: sources, hints
  | 'letter' // a letter's paragraphs: the first line indented (theme firstLineIndent)
  | 'signature'; // a letter's sender and date, set flush right

export type Block =
  | {
      type: 'heading';
      /** 1 = chapter, 2 = measure (or appendix section), 3 = sub-heading inside a measure. */
      level: 1 | 2 | 3;
      /** Stable anchor, unique in the document: the target of TOC entries and `#id` links. */
      id: string;
      children: Inline[];
      /** Listed in the table of contents and the PDF outline. */
      toc: boolean;
    }
  | { type: 'paragraph'; role: ParagraphRole; children: Inline[] }
  | {
      type: 'list';
      ordered: boolean;
      /** First number of an ordered list (each list restarts its numbering). */
      start: number;
      items: ListItem[];
    }
  | Table
  /** Forces the next block onto a new page. */
  | { type: 'page-break' }
  /** Where the table of contents goes; writers fill it from the headings with `toc: true`. */
  | { type: 'toc'; title: string }
  /** A QR code for `url`, set beside `label` (and the URL in small print). */
  | { type: 'qr'; url: string; label: Inline[] }
  | { type: 'thematic-break' };

export interface ListItem {
  /** Usually one paragraph; may hold a nested list. */
  children: Block[];
}

export interface Table {
  type: 'table';
  /**
   * `card`: a measure's service card, label column + content column, no header row.
   * `grid`: an ordinary table with a header row that repeats on every page.
   */
  variant: 'card' | 'grid';
  /** Relative column widths; they sum to 1. */
  columns: number[];
  /**
   * The widths were not written but estimated from the length of the cells' text (a GFM table
   * outside a ::::grid{columns}): a writer that measures text sizes the columns itself.
   */
  columnsFromContent?: boolean;
  /** Repeated at the top of every page the table runs onto. Empty for `card` tables. */
  header: TableRow[];
  rows: TableRow[];
}

export interface TableRow {
  cells: TableCell[];
}

export interface TableCell {
  /** Cells hold blocks, so a cell can hold a list or several paragraphs. */
  children: Block[];
}

/**
 * A run of pages with one page style. The cover has no running header or footer and is not
 * counted in "第 N 頁，共 M 頁"; the body has both.
 */
export interface Section {
  kind: 'cover' | 'body';
  blocks: Block[];
}

/** Document properties written to PDF Info / DOCX core.xml. */
export interface DocMeta {
  title: string;
  subtitle?: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47, e.g. zh-Hant-TW. */
  language: string;
  /** Running header text on body pages. */
  header: string;
}

export interface DocModel {
  meta: DocMeta;
  sections: Section[];
}

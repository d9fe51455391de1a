/**
 * What the layout pass places on a page, in PDF points with y growing downwards from the top
 * of the page (pdfkit's convention). The drawer turns these into PDF operators; the snapshot
 * turns them into JSON for golden files and layout tests.
 */

import type { QrMatrix } from './qr.js';

/** The two faces of the guide font; strong text and bold styles use `bold`. */
export type FontKey = 'regular' | 'bold';

/**
 * Code points, by face, that many documents draw (a batch's common text): embedded from a subset
 * made once and shared, rather than in each document's own.
 */
export type SharedGlyphs = Partial<Record<FontKey, readonly number[]>>;

/** Where a link goes: a web address, or a heading of this document by id. */
export type LinkTarget = { kind: 'uri'; uri: string } | { kind: 'dest'; id: string };

/**
 * A structure element of the tagged PDF: its standard type, a key that names it in the whole
 * document (a paragraph, table, row… split across pages keeps one element; keys count from 0,
 * so the drawer finds an element by index), and what a reader is told about it besides its
 * content.
 */
export interface StructNode {
  type: StructType;
  key: number;
  /** Alternative text (figures). */
  alt?: string;
  /** Header cells: the row or column they head. */
  scope?: 'Row' | 'Column';
}

/** The standard structure types the guide uses (PDF 1.7, 14.8.4). */
export type StructType =
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Link'
  | 'TOC'
  | 'TOCI'
  | 'Figure';

/**
 * Where a drawable's content sits in the structure tree: its elements from the top (below the
 * document) down. Content without one is drawn as an artifact (running text, rules, borders).
 */
export type StructPath = readonly StructNode[];

/**
 * What a line of text is, for tests and golden files. `continued`: what a table repeats on the
 * page it runs onto (a row's label and a card's caption, with 「（續）」): not new content.
 */
export type LineRole =
  'text' | 'heading' | 'toc-title' | 'toc-entry' | 'toc-page' | 'marker' | 'url' | 'header' | 'footer' | 'continued';

/** A stretch of one line drawn in one call: one font, one colour, one letter spacing. */
export interface TextRun {
  x: number;
  text: string;
  font: FontKey;
  color: string;
  /** Extra space after every character (PDF `Tc`): how justified CJK lines are stretched. */
  charSpacing: number;
  /** The run's own place in the structure tree when not its line's (the text of a link). */
  struct?: StructPath;
}

/** One line of text; `x`, `y` are the top-left of its line box. */
export interface LineDrawable {
  kind: 'line';
  role: LineRole;
  x: number;
  y: number;
  /** Width of the ink from the first character to the end of the last one. */
  width: number;
  height: number;
  baseline: number;
  size: number;
  text: string;
  runs: TextRun[];
  /** The paragraph (or heading, TOC entry…) the line belongs to, and its index in it. */
  block: number;
  index: number;
  /** Heading id for heading lines; target heading id for TOC lines. */
  ref?: string;
  struct?: StructPath;
}

/** A table cell's area on one page; `fill` paints it before its text. */
export interface CellDrawable {
  kind: 'cell';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string | null;
  table: number;
  /** Row index in the table's body rows, or in its header rows when `header` is set. */
  row: number;
  col: number;
  header: boolean;
  /** The cell's element (TH, TD): present in the structure tree even when the cell is empty. */
  struct?: StructPath;
}

/** The borders of one table on one page: outer box plus inner column and row lines. */
export interface FrameDrawable {
  kind: 'frame';
  x: number;
  y: number;
  width: number;
  height: number;
  /** x of the inner vertical lines. */
  columns: number[];
  /** y of the inner horizontal lines. */
  rows: number[];
  lineWidth: number;
  color: string;
  table: number;
}

/** A straight horizontal line: a thematic break, the running-header rule or a dotted TOC leader. */
export interface RuleDrawable {
  kind: 'rule';
  role: 'thematic-break' | 'header' | 'leader';
  x: number;
  y: number;
  width: number;
  lineWidth: number;
  color: string;
  /** Distance between dot centres for a dotted rule; null for a solid one. */
  dotPitch: number | null;
}

/** A list bullet: the font's bullet character, or a vector circle when the font has none (draw.ts). */
export interface BulletDrawable {
  kind: 'bullet';
  x: number;
  y: number;
  radius: number;
  filled: boolean;
  color: string;
  struct?: StructPath;
}

/** A QR code: dark modules as filled squares. */
export interface QrDrawable {
  kind: 'qr';
  x: number;
  y: number;
  size: number;
  matrix: QrMatrix;
  color: string;
  struct?: StructPath;
}

/** A clickable area. */
export interface LinkDrawable {
  kind: 'link';
  x: number;
  y: number;
  width: number;
  height: number;
  target: LinkTarget;
  /** The Link element the annotation belongs to. */
  struct?: StructPath;
}

/** Where a heading starts: a named destination, and an outline item when `outlineLevel` is set. */
export interface AnchorDrawable {
  kind: 'anchor';
  id: string;
  x: number;
  y: number;
  title: string;
  outlineLevel: 1 | 2 | null;
}

/**
 * A page number of a heading, right-aligned at `right`: its text is known only after
 * pagination, so the layout pass leaves this and resolves it into a line.
 */
export interface PageRefDrawable {
  kind: 'page-ref';
  id: string;
  right: number;
  y: number;
  height: number;
  baseline: number;
  size: number;
  font: FontKey;
  color: string;
  block: number;
  struct?: StructPath;
}

export type Drawable =
  | LineDrawable
  | CellDrawable
  | FrameDrawable
  | RuleDrawable
  | BulletDrawable
  | QrDrawable
  | LinkDrawable
  | AnchorDrawable
  | PageRefDrawable;

/** A copy of `d` moved by (dx, dy). */
export function offsetDrawable(d: Drawable, dx: number, dy: number): Drawable {
  switch (d.kind) {
    case 'line':
      return {
        ...d,
        x: d.x + dx,
        y: d.y + dy,
        baseline: d.baseline + dy,
        runs: d.runs.map((r) => ({ ...r, x: r.x + dx })),
      };
    case 'page-ref':
      return { ...d, right: d.right + dx, y: d.y + dy, baseline: d.baseline + dy };
    case 'frame':
      return {
        ...d,
        x: d.x + dx,
        y: d.y + dy,
        columns: d.columns.map((c) => c + dx),
        rows: d.rows.map((r) => r + dy),
      };
    default:
      return { ...d, x: d.x + dx, y: d.y + dy };
  }
}

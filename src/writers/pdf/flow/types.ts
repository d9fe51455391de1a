/**
 * What the flow pass makes (boxes, table rows, page breaks) and what its builders share. Flow
 * items are the vertical list the paginator breaks into pages.
 */

import type { TocEntry } from '../../../model/transforms/toc.js';
import type { WriterCache } from '../../cache.js';
import type { Theme } from '../../theme.js';
import type { TextMeasurer } from '../text-measure.js';
import type { Drawable, StructPath } from '../types.js';
import type { ContinuedLabel } from './table.js';

/** An indivisible piece of the flow: usually one line of text. */
export interface FlowBox {
  kind: 'box';
  height: number;
  /** Space above the box; dropped at the top of a page the flow ran onto. */
  gapBefore: number;
  /** A page must not break between this box and the one before (keeps, widows, orphans). */
  keepWithPrev: boolean;
  /** Relative to the left edge of the text area and the top of the box. */
  drawables: Drawable[];
}

/** What all rows of one table share. */
export interface TableInfo {
  id: number;
  /** Left edge and width, relative to the text area. */
  x: number;
  width: number;
  /** Header rows, repeated at the top of every page the table continues on (grid tables). */
  header: FlowRow[];
  padding: number;
  lineWidth: number;
  color: string;
  /** A card's title with the continued mark, set above the card on every page it runs onto. */
  caption: FlowBox | null;
}

/** One cell of a row: its blocks already turned into boxes, stacked from the top. */
export interface FlowCell {
  col: number;
  /** Left edge, relative to the text area. */
  x: number;
  width: number;
  fill: string | null;
  /** The cell's structure element (TH, TD), with the table and row above it. */
  struct: StructPath;
  /** Relative to the cell's padded content box. */
  items: FlowBox[];
}

/** A table row; the paginator may split it between boxes of its cells. */
export interface FlowRow {
  kind: 'row';
  table: TableInfo;
  index: number;
  header: boolean;
  cells: FlowCell[];
  height: number;
  gapBefore: number;
  keepWithPrev: boolean;
  /**
   * The first cell with the continued mark (「辦理流程（續）」): it replaces the first cell in
   * the part of a split row on the next page, when all of that cell stayed on the page before.
   * Null for a row that has none to repeat (a header row, a table of one column).
   */
  continuedLabel: ContinuedLabel | null;
  /** The part of a split row on the page after the break. */
  continuation: boolean;
}

/** A forced page break. */
export interface FlowPageBreak {
  kind: 'page-break';
}

export type FlowItem = FlowBox | FlowRow | FlowPageBreak;

/** What every builder of one layout run shares. */
export interface FlowEnv {
  theme: Theme;
  measurer: TextMeasurer;
  /** Entries of `toc` blocks: the headings listed, down to the theme's TOC depth. */
  toc: readonly TocEntry[];
  /** Digits reserved for TOC page numbers, so the TOC's size does not depend on them. */
  pageDigits: number;
  /** Height of the text area of a page. */
  textHeight: number;
  /** Running numbers for text blocks and tables (snapshot ids), and structure elements. */
  counters: { block: number; table: number; struct: number };
  cache: WriterCache;
}

/** Where a block is set: its column, and how text looks there. */
export interface BlockContext {
  /** Left edge and width of the column, relative to the text area (or the cell's content box). */
  x: number;
  width: number;
  /** In a table cell: text uses the table's size; block spacing is tight. */
  cell: boolean;
  /** Header and label cells set all their text bold. */
  bold: boolean;
  /** Nesting depth of lists around the block (0 outside lists). */
  listDepth: number;
  /** The structure element the block's own element goes into (empty: the document). */
  struct: StructPath;
}

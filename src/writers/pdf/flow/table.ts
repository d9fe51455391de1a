/**
 * Tables: columns from the relative widths (or, for tables that ask, from what their cells hold),
 * each cell's blocks set by a builder of its own, rows kept so no table leaves a lone row at the
 * bottom or top of a page. What a table needs when it runs onto another page is made here too:
 * each row's label repeated with the continued mark, and a card's caption. Rows are drawn here,
 * for the paginator and for tables nested in cells.
 */

import type { Block, Inline, Table, TableCell, TableRow } from '../../../model/doc-model.js';
import { columnCount } from '../../../model/visit.js';
import { breakOpportunities } from '../line-break.js';
import { styleInlines } from '../styled-text.js';
import { offsetDrawable, type Drawable, type StructPath } from '../types.js';
import type { FlowBuilder } from './index.js';
import { structNode } from './tags.js';
import { CELL_BLOCK_GAP, lineBoxes, paragraphStyle } from './text.js';
import type { BlockContext, FlowBox, FlowCell, FlowItem, FlowRow, TableInfo } from './types.js';

/**
 * A table's first body row keeps with the second (no lone row at the bottom of a page), and its
 * last with the one before (none at the top), when the row that would move along is at most this
 * share of a page: moving a taller one would leave a large gap.
 */
const LONE_ROW_MAX_SHARE = 0.25;
/**
 * A cell of a table sized from its content that is at most this many ems of the table size
 * wide (a date, a phone number, a short header) is never wrapped when the table can avoid it.
 */
const SHORT_CELL_EMS = 8;
/** The caption over a continued card: size and space below it, in ems of the note size. */
const CAPTION_LINE_HEIGHT = 1.5;
const CAPTION_SPACE_BELOW = 0.3;

/** Stacked height of boxes, the first one's gap not counted. */
function stackHeight(items: FlowBox[]): number {
  let height = 0;
  for (const [i, item] of items.entries()) height += (i === 0 ? 0 : item.gapBefore) + item.height;
  return height;
}

/** A row's height from its cells' contents. */
export function rowHeight(cells: FlowCell[], padding: number): number {
  let tallest = 0;
  for (const cell of cells) tallest = Math.max(tallest, stackHeight(cell.items));
  return 2 * padding + tallest;
}

/**
 * The drawables of a row whose top-left corner is at (x, y): cell areas, then cell contents.
 * Borders are not included: the paginator draws them per table and page.
 */
export function renderRow(row: FlowRow, x: number, y: number): Drawable[] {
  const out: Drawable[] = [];
  const { padding } = row.table;
  for (const cell of row.cells) {
    out.push({
      kind: 'cell',
      x: x + cell.x,
      y,
      width: cell.width,
      height: row.height,
      fill: cell.fill,
      table: row.table.id,
      row: row.index,
      col: cell.col,
      header: row.header,
      struct: cell.struct,
    });
  }
  for (const cell of row.cells) {
    let top = y + padding;
    for (const [i, item] of cell.items.entries()) {
      if (i > 0) top += item.gapBefore;
      for (const d of item.drawables) out.push(offsetDrawable(d, x + cell.x + padding, top));
      top += item.height;
    }
  }
  return out;
}

/** Relative column widths normalised to sum 1; equal columns when they do not match the cells. */
function columnShares(table: Table, count: number): number[] {
  const sum = table.columns.reduce((a, b) => a + b, 0);
  if (table.columns.length !== count || !(sum > 0)) return Array.from({ length: count }, () => 1 / count);
  return table.columns.map((c) => c / sum);
}

/** Width of a cell's paragraphs set on one line, and of their widest unbreakable piece. */
function cellExtent(flow: FlowBuilder, cell: TableCell | undefined, bold: boolean): { natural: number; piece: number } {
  const { theme, measurer } = flow.env;
  let natural = 0;
  let piece = 0;
  for (const block of cell?.children ?? []) {
    if (block.type !== 'paragraph') continue;
    const styled = styleInlines(block.children, { bold, color: theme.colors.text }, theme.colors);
    const widths = measurer.widths(styled, theme.table.fontSize);
    let start = 0;
    let line = 0;
    for (const point of breakOpportunities(styled.text)) {
      let width = 0;
      for (let i = start; i < point.position; i++) width += widths[i]!;
      piece = Math.max(piece, width);
      line += width;
      if (point.required) {
        natural = Math.max(natural, line);
        line = 0;
      }
      start = point.position;
    }
  }
  return { natural, piece };
}

/**
 * Column shares measured from the cells, as browsers lay out automatic tables: each column
 * needs at least its widest unbreakable piece (a short cell counts whole, so a date that fits
 * never wraps), would like its widest cell on one line, and the width left over after the
 * minimums goes to the columns in proportion to how much more they would like.
 */
function columnsFromContent(flow: FlowBuilder, table: Table, count: number, width: number): number[] {
  const { theme } = flow.env;
  const padding = 2 * theme.table.cellPadding;
  const short = SHORT_CELL_EMS * theme.table.fontSize;
  const rows = [
    ...table.header.map((row) => ({ row, bold: true })),
    ...table.rows.map((row) => ({ row, bold: false })),
  ];
  const least: number[] = [];
  const wished: number[] = [];
  const pieces: number[] = [];
  for (let col = 0; col < count; col++) {
    const extents = rows.map(({ row, bold }) => cellExtent(flow, row.cells[col], bold));
    pieces.push(padding + Math.max(0, ...extents.map((e) => e.piece)));
    least.push(padding + Math.max(0, ...extents.map((e) => (e.natural <= short ? e.natural : e.piece))));
    wished.push(padding + Math.max(0, ...extents.map((e) => e.natural)));
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  // Short cells kept whole cannot all fit: fall back to unbreakable pieces.
  const floor = sum(least) <= width ? least : pieces;
  if (sum(floor) >= width) return floor.map((value) => value / sum(floor));
  const room = width - sum(floor);
  const more = wished.map((value, i) => Math.max(0, value - floor[i]!));
  if (sum(more) <= room) {
    // Everything fits on one line: the rest is shared in proportion to the widths wished.
    const spare = room - sum(more);
    return wished.map((value, i) => (Math.max(value, floor[i]!) + (spare * value) / sum(wished)) / width);
  }
  return floor.map((value, i) => (value + (room * more[i]!) / sum(more)) / width);
}

/** A table's rows, header rows first. */
export function addTable(flow: FlowBuilder, table: Table, ctx: BlockContext): void {
  const { theme } = flow.env;
  const count = columnCount(table);
  if (count === 0) return;
  const shares = table.columnsFromContent
    ? columnsFromContent(flow, table, count, ctx.width)
    : columnShares(table, count);
  const columns: { x: number; width: number }[] = [];
  let x = ctx.x;
  for (const share of shares) {
    columns.push({ x, width: share * ctx.width });
    x += share * ctx.width;
  }
  const info: TableInfo = {
    id: flow.env.counters.table++,
    x: ctx.x,
    width: ctx.width,
    header: [],
    padding: theme.table.cellPadding,
    lineWidth: theme.table.borderWidth,
    color: theme.colors.rule,
    caption: table.variant === 'card' && !ctx.cell ? continuedCaption(flow, ctx) : null,
  };
  const tablePath = [...ctx.struct, structNode(flow.env, 'Table')];
  for (const [i, row] of table.header.entries()) {
    info.header.push(flowRow(flow, row, i, info, columns, true, table.variant, tablePath));
  }
  const rows: FlowRow[] = [];
  for (const [i, row] of table.rows.entries()) {
    rows.push(flowRow(flow, row, i, info, columns, false, table.variant, tablePath));
  }
  const shortRowHeight = LONE_ROW_MAX_SHARE * flow.env.textHeight;
  const last = rows.length - 1;
  if (last >= 1 && rows[0]!.height <= shortRowHeight) rows[1]!.keepWithPrev = true;
  if (last >= 1 && rows[last - 1]!.height <= shortRowHeight) rows[last]!.keepWithPrev = true;
  const all = [...info.header, ...rows];
  for (const [i, row] of all.entries()) {
    if (i === 0) row.gapBefore = flow.takeGap(0);
    // Header rows stay together and with the first body row.
    else if (i <= info.header.length) row.keepWithPrev = true;
    flow.emit(row);
  }
  flow.gap = ctx.listDepth > 0 ? 0 : ctx.cell ? theme.table.cellPadding * CELL_BLOCK_GAP : theme.table.spaceAfter;
}

/**
 * The small caption over a card's continuation on a new page: the title of the measure (the
 * last heading listed in the TOC) with the continued mark. None without a mark or a title.
 */
function continuedCaption(flow: FlowBuilder, ctx: BlockContext): FlowBox | null {
  const { theme } = flow.env;
  const mark = theme.table.continued;
  if (mark === '' || flow.title === null) return null;
  const note = theme.paragraph.note;
  const style = { ...note, align: 'left' as const, lineHeight: CAPTION_LINE_HEIGHT, spaceBefore: 0, spaceAfter: 0 };
  const boxes = lineBoxes(flow, [...flow.title, { type: 'text', value: mark }], style, ctx.x, ctx.width, 'continued');
  if (boxes.length === 0) return null;
  const drawables = boxes.flatMap((box, i) => box.drawables.map((d) => offsetDrawable(d, 0, i * box.height)));
  const height = boxes.reduce((total, box) => total + box.height, 0) + CAPTION_SPACE_BELOW * note.size;
  return { kind: 'box', height, gapBefore: 0, keepWithPrev: false, drawables };
}

/**
 * A row's first cell set again with the continued mark, worked out when first asked for: only
 * the few rows that split ask. Data rather than a closure per row: see "Code kept optimized" in
 * docs/decisions.md.
 */
export class ContinuedLabel {
  #label: FlowBox[] | null | undefined;

  constructor(
    private readonly flow: FlowBuilder,
    private readonly blocks: Block[],
    private readonly context: BlockContext,
  ) {}

  /** The cell's boxes with the mark; null when the cell holds no single paragraph to repeat. */
  get(): FlowBox[] | null {
    if (this.#label === undefined) this.#label = continuedLabel(this.flow, this.blocks, this.context);
    return this.#label;
  }
}

/**
 * A row's first cell set again with the continued mark (「辦理流程（續）」), for the part of the
 * row that runs onto the next page; null when the cell holds no single paragraph to repeat.
 */
function continuedLabel(flow: FlowBuilder, blocks: Block[], context: BlockContext): FlowBox[] | null {
  const [first] = blocks;
  if (blocks.length !== 1 || first?.type !== 'paragraph') return null;
  const style = paragraphStyle(flow.env.theme, first.role, context);
  const inlines: Inline[] = [...first.children, { type: 'text', value: flow.env.theme.table.continued }];
  const boxes = lineBoxes(flow, inlines, style, context.x, context.width, 'continued');
  return boxes.length > 0 ? boxes : null;
}

function flowRow(
  flow: FlowBuilder,
  row: TableRow,
  index: number,
  table: TableInfo,
  columns: { x: number; width: number }[],
  header: boolean,
  variant: Table['variant'],
  tablePath: StructPath,
): FlowRow {
  const { colors } = flow.env.theme;
  let repeated: FlowRow['continuedLabel'] = null;
  const rowPath = [...tablePath, structNode(flow.env, 'TR')];
  const cells: FlowCell[] = [];
  for (const [col, column] of columns.entries()) {
    const label = variant === 'card' && col === 0 && !header;
    const cellFlow = flow.cellFlow();
    // Header rows head their columns; a card's label cell heads its row.
    const cellNode = header
      ? structNode(flow.env, 'TH', { scope: 'Column' })
      : label
        ? structNode(flow.env, 'TH', { scope: 'Row' })
        : structNode(flow.env, 'TD');
    const context: BlockContext = {
      x: 0,
      width: Math.max(0, column.width - 2 * table.padding),
      cell: true,
      bold: header || label,
      listDepth: 0,
      struct: [...rowPath, cellNode],
    };
    const blocks = row.cells[col]?.children ?? [];
    for (const block of blocks) cellFlow.addBlock(block, context);
    if (col === 0 && !header && columns.length > 1) repeated = new ContinuedLabel(flow, blocks, context);
    cells.push({
      col,
      x: column.x,
      width: column.width,
      fill: header ? colors.tableHeaderFill : label ? colors.tableLabelFill : null,
      struct: context.struct,
      items: cellBoxes(cellFlow.items),
    });
  }
  return {
    kind: 'row',
    table,
    index,
    header,
    cells,
    height: rowHeight(cells, table.padding),
    gapBefore: 0,
    keepWithPrev: false,
    continuedLabel: repeated,
    continuation: false,
  };
}

/** The items of a cell: a table nested in a cell becomes rows that do not split. */
function cellBoxes(items: readonly FlowItem[]): FlowBox[] {
  const boxes: FlowBox[] = [];
  for (const item of items) {
    if (item.kind === 'box') boxes.push(item);
    else if (item.kind === 'row') {
      const { table } = item;
      boxes.push({
        kind: 'box',
        height: item.height,
        gapBefore: item.gapBefore,
        keepWithPrev: item.keepWithPrev,
        drawables: [
          ...renderRow(item, 0, 0),
          {
            kind: 'frame',
            x: table.x,
            y: 0,
            width: table.width,
            height: item.height,
            columns: item.cells.slice(1).map((cell) => cell.x),
            rows: [],
            lineWidth: table.lineWidth,
            color: table.color,
            table: table.id,
          },
        ],
      });
    }
  }
  return boxes;
}

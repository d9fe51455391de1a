/**
 * Tables: columns from the relative widths, each cell's blocks set by a builder of its own, rows
 * kept so no table leaves a lone row at the bottom or top of a page. Rows are drawn here too,
 * for the paginator and for tables nested in cells.
 */

import type { Table, TableRow } from '../../../model/doc-model.js';
import { offsetDrawable, type Drawable } from '../types.js';
import type { FlowBuilder } from './index.js';
import { CELL_BLOCK_GAP } from './text.js';
import type { BlockContext, FlowBox, FlowCell, FlowItem, FlowRow, TableInfo } from './types.js';

/**
 * A table's first body row keeps with the second (no lone row at the bottom of a page), and its
 * last with the one before (none at the top), when the row that would move along is at most this
 * share of a page: moving a taller one would leave a large gap.
 */
const LONE_ROW_MAX_SHARE = 0.25;

/** Stacked height of boxes, the first one's gap not counted. */
function stackHeight(items: FlowBox[]): number {
  let height = 0;
  items.forEach((item, i) => {
    height += (i === 0 ? 0 : item.gapBefore) + item.height;
  });
  return height;
}

/** A row's height from its cells' contents. */
export function rowHeight(cells: FlowCell[], padding: number): number {
  return 2 * padding + Math.max(0, ...cells.map((cell) => stackHeight(cell.items)));
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
    });
  }
  for (const cell of row.cells) {
    let top = y + padding;
    cell.items.forEach((item, i) => {
      if (i > 0) top += item.gapBefore;
      for (const d of item.drawables) out.push(offsetDrawable(d, x + cell.x + padding, top));
      top += item.height;
    });
  }
  return out;
}

/** Relative column widths normalised to sum 1; equal columns when they do not match the cells. */
function columnShares(table: Table, count: number): number[] {
  const sum = table.columns.reduce((a, b) => a + b, 0);
  if (table.columns.length !== count || !(sum > 0)) return Array.from({ length: count }, () => 1 / count);
  return table.columns.map((c) => c / sum);
}

/** A table's rows, header rows first. */
export function addTable(flow: FlowBuilder, table: Table, ctx: BlockContext): void {
  const { theme } = flow.env;
  const count = Math.max(
    table.columns.length,
    ...table.header.map((row) => row.cells.length),
    ...table.rows.map((row) => row.cells.length),
  );
  if (count === 0) return;
  const shares = columnShares(table, count);
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
  };
  info.header = table.header.map((row, i) => flowRow(flow, row, i, info, columns, true, table.variant));
  const rows = table.rows.map((row, i) => flowRow(flow, row, i, info, columns, false, table.variant));
  const all = [...info.header, ...rows];
  const short = (row: FlowRow): boolean => row.height <= LONE_ROW_MAX_SHARE * flow.env.textHeight;
  const last = rows.length - 1;
  if (last >= 1 && short(rows[0]!)) rows[1]!.keepWithPrev = true;
  if (last >= 1 && short(rows[last - 1]!)) rows[last]!.keepWithPrev = true;
  all.forEach((row, i) => {
    if (i === 0) row.gapBefore = flow.takeGap(0);
    // Header rows stay together and with the first body row.
    else if (i <= info.header.length) row.keepWithPrev = true;
    flow.emit(row);
  });
  flow.gap = ctx.listDepth > 0 ? 0 : ctx.cell ? theme.table.cellPadding * CELL_BLOCK_GAP : theme.table.spaceAfter;
}

function flowRow(
  flow: FlowBuilder,
  row: TableRow,
  index: number,
  table: TableInfo,
  columns: { x: number; width: number }[],
  header: boolean,
  variant: Table['variant'],
): FlowRow {
  const { colors } = flow.env.theme;
  const cells: FlowCell[] = columns.map((column, col) => {
    const label = variant === 'card' && col === 0 && !header;
    const cellFlow = flow.cellFlow();
    const context: BlockContext = {
      x: 0,
      width: Math.max(0, column.width - 2 * table.padding),
      cell: true,
      bold: header || label,
      listDepth: 0,
    };
    for (const block of row.cells[col]?.children ?? []) cellFlow.addBlock(block, context);
    return {
      col,
      x: column.x,
      width: column.width,
      fill: header ? colors.tableHeaderFill : label ? colors.tableLabelFill : null,
      items: cellBoxes(cellFlow.items),
    };
  });
  return {
    kind: 'row',
    table,
    index,
    header,
    cells,
    height: rowHeight(cells, table.padding),
    gapBefore: 0,
    keepWithPrev: false,
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

/**
 * Blocks → a vertical list of flow items (lines, table rows, page breaks), each knowing its
 * height, the space above it and whether a page may break right before it. Everything
 * horizontal is decided here (line breaking, justification, indents, table columns);
 * pagination only decides where the page breaks fall.
 */

import type { Block, Inline, ListItem, ParagraphRole, Table, TableRow } from '../../model/doc-model.js';
import type { TocEntry } from '../../model/transforms/toc.js';
import { plainText } from '../../model/visit.js';
import type { TextStyle, Theme } from '../theme.js';
import { fitLines, setLine, type SetLine } from './line-break.js';
import type { PdfFonts } from './fonts.js';
import { qrMatrix } from './qr.js';
import { styleInlines } from './styled-text.js';
import type { TextMeasurer } from './text-measure.js';
import { offsetDrawable, type Drawable, type FontKey, type LineDrawable, type LineRole } from './types.js';

/**
 * Top of the ideographic em box above the baseline, in ems (Noto Sans CJK: 880/1000). Lines put
 * the em box in the middle of the line box, so CJK text sits centred between its neighbours.
 */
const EM_BOX_TOP = 0.88;
/** Baseline of a line of text `size` points in a line box `height` points tall, from its top. */
export function baselineOffset(size: number, height: number): number {
  return (height - size) / 2 + EM_BOX_TOP * size;
}

/** Space between a list marker and the item text, in ems. */
const MARKER_GAP = 0.4;
/** Space between the paragraphs of a table cell, as a share of the cell padding. */
const CELL_BLOCK_GAP = 0.6;
/** Indent per TOC level, in ems of the TOC size. */
const TOC_INDENT = 2;
/** Shortest dotted leader in a TOC entry, in ems. */
const TOC_LEADER_MIN = 2;
/** Distance between the dots of a TOC leader, in ems. */
const TOC_LEADER_PITCH = 0.3;
/** Extra space above a chapter entry in the TOC, in ems. */
const TOC_CHAPTER_GAP = 0.35;
/** Space between a QR code and its text, in points (also its quiet zone on that side). */
const QR_TEXT_GAP = 12;
/**
 * A table's first body row keeps with the second (no lone row at the bottom of a page), and its
 * last with the one before (none at the top), when the row that would move along is at most this
 * share of a page: moving a taller one would leave a large gap.
 */
const LONE_ROW_MAX_SHARE = 0.25;
/** Height of the box a thematic break is drawn in the middle of, in points. */
const THEMATIC_BREAK_HEIGHT = 18;

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
}

/** One cell of a row: its blocks already turned into boxes, stacked from the top. */
export interface FlowCell {
  col: number;
  /** Left edge, relative to the text area. */
  x: number;
  width: number;
  fill: string | null;
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
  /** Running numbers for text blocks and tables (snapshot ids). */
  counters: { block: number; table: number };
}

/** Where a block is set: its column, and how text looks there. */
interface Context {
  /** Left edge and width of the column, relative to the text area (or the cell's content box). */
  x: number;
  width: number;
  /** In a table cell: text uses the table's size; block spacing is tight. */
  cell: boolean;
  /** Header and label cells set all their text bold. */
  bold: boolean;
  /** Nesting depth of lists around the block (0 outside lists). */
  listDepth: number;
}

/** Lines of a paragraph as set once, and the characters the fonts lacked while setting them. */
interface SetParagraph {
  lines: SetLine[];
  missing: number[];
}

/**
 * Set lines by fonts, then by the inlines they were set from, then by style and width. A batch
 * of tailored guides sets the same measure sections (the same inline arrays: the Markdown
 * reader shares them) at the same widths for firm after firm; line breaking and justification
 * were a fifth of writing each PDF. Set lines are never changed after they are made.
 */
const setParagraphs = new WeakMap<PdfFonts, WeakMap<readonly Inline[], Map<string, SetParagraph>>>();

/** `inlines` styled, broken into lines `width` wide and set, from the cache when it has them. */
function setParagraph(
  measurer: TextMeasurer,
  inlines: Inline[],
  style: TextStyle,
  width: number,
  colors: { accent: string; link: string },
): SetLine[] {
  let byInlines = setParagraphs.get(measurer.fonts);
  if (!byInlines) setParagraphs.set(measurer.fonts, (byInlines = new WeakMap()));
  let byStyle = byInlines.get(inlines);
  if (!byStyle) byInlines.set(inlines, (byStyle = new Map()));
  const key = `${style.size} ${style.bold} ${style.color} ${style.align} ${width} ${colors.accent} ${colors.link}`;
  let set = byStyle.get(key);
  if (!set) {
    const { value: lines, missing } = measurer.missingDuring(() => {
      const styled = styleInlines(inlines, { bold: style.bold, color: style.color }, colors);
      const widths = measurer.widths(styled, style.size);
      if (styled.text === '') return [];
      return fitLines(styled.text, widths, width).map((span) =>
        setLine(styled, widths, span, width, style.align, style.size),
      );
    });
    set = { lines, missing };
    byStyle.set(key, set);
  }
  // A character the fonts lack is reported by every document that uses it, cached or not.
  for (const cp of set.missing) measurer.missing.add(cp);
  return set.lines;
}

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

/** Turns blocks into flow items for one column (the text area, or a table cell). */
export class FlowBuilder {
  readonly items: FlowItem[] = [];
  /** Space owed to the next box: the last block's space after. */
  private gap = 0;
  /** How many more boxes must stay on the page of what came before (after a heading). */
  private keep = 0;
  /** A list marker waiting for the first box of its item. */
  private marker: ((box: FlowBox) => Drawable[]) | null = null;

  constructor(private readonly env: FlowEnv) {}

  /** Adds blocks set across a text area `width` wide. */
  addBlocks(blocks: Block[], width: number): void {
    const context: Context = { x: 0, width, cell: false, bold: false, listDepth: 0 };
    for (const block of blocks) this.block(block, context);
  }

  private block(block: Block, ctx: Context): void {
    const { theme } = this.env;
    switch (block.type) {
      case 'paragraph':
        this.paragraph(block.children, this.paragraphStyle(block.role, ctx), ctx);
        break;
      case 'heading':
        this.heading(block, ctx);
        break;
      case 'list':
        this.list(block.ordered, block.start, block.items, ctx);
        break;
      case 'table':
        this.table(block, ctx);
        break;
      case 'page-break':
        if (!ctx.cell) {
          this.items.push({ kind: 'page-break' });
          this.gap = 0;
          this.keep = 0;
        }
        break;
      case 'toc':
        this.toc(block.title, ctx);
        break;
      case 'qr':
        this.qr(block.url, block.label, ctx);
        break;
      case 'thematic-break': {
        const y = THEMATIC_BREAK_HEIGHT / 2;
        this.emit({
          kind: 'box',
          height: THEMATIC_BREAK_HEIGHT,
          gapBefore: this.takeGap(0),
          keepWithPrev: false,
          drawables: [
            {
              kind: 'rule',
              role: 'thematic-break',
              x: ctx.x,
              y,
              width: ctx.width,
              lineWidth: theme.table.borderWidth,
              color: theme.colors.rule,
              dotPitch: null,
            },
          ],
        });
        break;
      }
    }
  }

  /** The theme style of a paragraph role, adapted to lists (no own spacing) and table cells. */
  private paragraphStyle(role: ParagraphRole, ctx: Context): TextStyle {
    const { theme } = this.env;
    const base = theme.paragraph[role];
    if (ctx.cell) {
      const small = role === 'note';
      return {
        ...base,
        size: small ? base.size : theme.table.fontSize,
        lineHeight: small ? base.lineHeight : theme.table.lineHeight,
        bold: base.bold || ctx.bold,
        spaceBefore: 0,
        spaceAfter: theme.table.cellPadding * CELL_BLOCK_GAP,
      };
    }
    if (ctx.listDepth > 0) return { ...base, spaceBefore: 0, spaceAfter: 0 };
    return base;
  }

  private takeGap(spaceBefore: number): number {
    const gap = this.gap + spaceBefore;
    this.gap = 0;
    return gap;
  }

  private emit(item: FlowBox | FlowRow): void {
    if (this.keep > 0) {
      item.keepWithPrev = true;
      this.keep = item.kind === 'row' ? 0 : this.keep - 1;
    }
    if (this.marker) {
      if (item.kind === 'box') {
        // Before the item's text, so text extraction (copy and paste, screen readers) reads "3. …".
        item.drawables.unshift(...this.marker(item));
      } else {
        // A list item that starts with a table: the marker gets a box of its own, kept with it.
        const box: FlowBox = {
          kind: 'box',
          height: 0,
          gapBefore: item.gapBefore,
          keepWithPrev: item.keepWithPrev,
          drawables: [],
        };
        box.drawables.push(...this.marker(box));
        this.items.push(box);
        item.gapBefore = 0;
        item.keepWithPrev = true;
      }
      this.marker = null;
    }
    this.items.push(item);
  }

  /**
   * Breaks styled inlines into line boxes for a column. Returns the boxes without emitting
   * them, with no space or keep decided yet.
   */
  private lineBoxes(
    inlines: Inline[],
    style: TextStyle,
    x: number,
    width: number,
    role: LineRole,
    ref?: string,
  ): FlowBox[] {
    const { theme, measurer } = this.env;
    const lines = setParagraph(measurer, inlines, style, width, {
      accent: theme.colors.accent,
      link: theme.colors.link,
    });
    if (lines.length === 0) return [];
    const height = style.size * style.lineHeight;
    const baseline = baselineOffset(style.size, height);
    const block = this.env.counters.block++;
    return lines.map((set, index) => {
      const line: LineDrawable = {
        kind: 'line',
        role,
        x: x + set.x,
        y: 0,
        width: set.width,
        height,
        baseline,
        size: style.size,
        text: set.text,
        runs: set.runs.map((run) => ({ ...run, x: x + run.x })),
        block,
        index,
      };
      if (ref !== undefined) line.ref = ref;
      const drawables: Drawable[] = [line];
      for (const link of set.links) {
        drawables.push({ kind: 'link', x: x + link.x, y: 0, width: link.width, height, target: link.target });
      }
      return { kind: 'box', height, gapBefore: 0, keepWithPrev: false, drawables };
    });
  }

  private paragraph(inlines: Inline[], style: TextStyle, ctx: Context): void {
    const boxes = this.lineBoxes(inlines, style, ctx.x, ctx.width, 'text');
    if (boxes.length === 0) return;
    const last = boxes.length - 1;
    boxes.forEach((box, i) => {
      // No orphan (first line alone at a page bottom) and no widow (last line alone at a top).
      box.keepWithPrev = i === 1 || (i === last && i > 0);
      if (i === 0) box.gapBefore = this.takeGap(style.spaceBefore);
      this.emit(box);
    });
    this.gap = style.spaceAfter;
  }

  private heading(block: Extract<Block, { type: 'heading' }>, ctx: Context): void {
    const anchor: Drawable = {
      kind: 'anchor',
      id: block.id,
      x: ctx.x,
      y: 0,
      title: plainText(block.children),
      outlineLevel: block.toc && block.level <= 2 && !ctx.cell ? (block.level as 1 | 2) : null,
    };
    this.headingLines(block.children, block.level, ctx, 'heading', block.id, anchor);
  }

  /**
   * Heading lines: kept together, kept with the first two lines of what follows, and (for
   * real headings) starting with the anchor links and bookmarks point to.
   */
  private headingLines(
    children: Inline[],
    level: 1 | 2 | 3,
    ctx: Context,
    role: LineRole,
    ref: string | undefined,
    anchor: Drawable | null,
  ): void {
    const { theme } = this.env;
    const base = theme.heading[level];
    const style = ctx.cell ? { ...base, spaceBefore: 0, spaceAfter: theme.table.cellPadding * CELL_BLOCK_GAP } : base;
    const boxes = this.lineBoxes(children, style, ctx.x, ctx.width, role, ref);
    if (boxes.length === 0) {
      if (!anchor) return;
      // An empty heading still anchors links and TOC entries.
      boxes.push({ kind: 'box', height: 0, gapBefore: 0, keepWithPrev: false, drawables: [] });
    }
    if (anchor) boxes[0]!.drawables.unshift(anchor);
    boxes.forEach((box, i) => {
      if (i === 0) box.gapBefore = this.takeGap(style.spaceBefore);
      else box.keepWithPrev = true;
      this.emit(box);
    });
    this.gap = style.spaceAfter;
    this.keep = 2;
  }

  private list(ordered: boolean, start: number, items: ListItem[], ctx: Context): void {
    const { theme, measurer } = this.env;
    const depth = ctx.listDepth + 1;
    const style = this.paragraphStyle('body', ctx);
    const labels = items.map((_, i) => (ordered ? (depth === 1 ? `${start + i}.` : `(${start + i})`) : ''));
    const gap = MARKER_GAP * style.size;
    const widest = Math.max(0, ...labels.map((label) => measurer.width(label, 'regular', style.size)));
    const markerWidth = Math.max(theme.list.indent, widest + gap);
    const inner: Context = { ...ctx, x: ctx.x + markerWidth, width: ctx.width - markerWidth, listDepth: depth };
    const markerRight = inner.x - gap;
    const color = theme.colors.text;

    items.forEach((item, i) => {
      if (i > 0) this.gap += theme.list.itemSpacing;
      const label = labels[i]!;
      this.marker = (box) => {
        const line = box.drawables.find((d): d is LineDrawable => d.kind === 'line');
        const size = line?.size ?? style.size;
        const height = line?.height ?? style.size * style.lineHeight;
        const baseline = line?.baseline ?? baselineOffset(size, height);
        if (!ordered) {
          const radius = size * (depth === 1 ? 0.17 : 0.15);
          return [
            {
              kind: 'bullet',
              x: markerRight - radius - size * 0.2,
              y: baseline - size * (EM_BOX_TOP - 0.5),
              radius,
              filled: depth === 1,
              color,
            },
          ];
        }
        const width = measurer.width(label, 'regular', size);
        const x = markerRight - width;
        return [
          {
            kind: 'line',
            role: 'marker',
            x,
            y: 0,
            width,
            height,
            baseline,
            size,
            text: label,
            runs: [{ x, text: label, font: 'regular', color, charSpacing: 0 }],
            block: this.env.counters.block++,
            index: 0,
          },
        ];
      };
      item.children.forEach((child, j) => {
        if (j > 0) this.gap += theme.list.itemSpacing;
        this.block(child, inner);
      });
      this.emitPendingMarker(style.size * style.lineHeight);
    });
    this.gap = depth > 1 ? 0 : ctx.cell ? style.spaceAfter : theme.paragraph.body.spaceAfter;
  }

  /** An empty list item still shows its marker, on a line of its own. */
  private emitPendingMarker(height: number): void {
    if (!this.marker) return;
    this.emit({ kind: 'box', height, gapBefore: this.takeGap(0), keepWithPrev: false, drawables: [] });
  }

  private table(table: Table, ctx: Context): void {
    const { theme } = this.env;
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
      id: this.env.counters.table++,
      x: ctx.x,
      width: ctx.width,
      header: [],
      padding: theme.table.cellPadding,
      lineWidth: theme.table.borderWidth,
      color: theme.colors.rule,
    };
    info.header = table.header.map((row, i) => this.row(row, i, info, columns, true, table.variant));
    const rows = table.rows.map((row, i) => this.row(row, i, info, columns, false, table.variant));
    const all = [...info.header, ...rows];
    const short = (row: FlowRow): boolean => row.height <= LONE_ROW_MAX_SHARE * this.env.textHeight;
    const last = rows.length - 1;
    if (last >= 1 && short(rows[0]!)) rows[1]!.keepWithPrev = true;
    if (last >= 1 && short(rows[last - 1]!)) rows[last]!.keepWithPrev = true;
    all.forEach((row, i) => {
      if (i === 0) row.gapBefore = this.takeGap(0);
      // Header rows stay together and with the first body row.
      else if (i <= info.header.length) row.keepWithPrev = true;
      this.emit(row);
    });
    this.gap = ctx.listDepth > 0 ? 0 : ctx.cell ? theme.table.cellPadding * CELL_BLOCK_GAP : theme.table.spaceAfter;
  }

  private row(
    row: TableRow,
    index: number,
    table: TableInfo,
    columns: { x: number; width: number }[],
    header: boolean,
    variant: Table['variant'],
  ): FlowRow {
    const { colors } = this.env.theme;
    const cells: FlowCell[] = columns.map((column, col) => {
      const label = variant === 'card' && col === 0 && !header;
      const builder = new FlowBuilder(this.env);
      const context: Context = {
        x: 0,
        width: Math.max(0, column.width - 2 * table.padding),
        cell: true,
        bold: header || label,
        listDepth: 0,
      };
      for (const block of row.cells[col]?.children ?? []) builder.block(block, context);
      return {
        col,
        x: column.x,
        width: column.width,
        fill: header ? colors.tableHeaderFill : label ? colors.tableLabelFill : null,
        items: builder.cellBoxes(),
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
  private cellBoxes(): FlowBox[] {
    const boxes: FlowBox[] = [];
    for (const item of this.items) {
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

  private toc(title: string, ctx: Context): void {
    const { theme, measurer } = this.env;
    this.headingLines([{ type: 'text', value: title }], 1, ctx, 'toc-title', undefined, null);

    const size = theme.toc.size;
    const height = size * theme.toc.lineHeight;
    const baseline = baselineOffset(size, height);
    const numberWidth = measurer.width('0'.repeat(this.env.pageDigits), 'regular', size);
    this.env.toc.forEach((entry, i) => {
      const indent = (entry.level - 1) * TOC_INDENT * size;
      const font: FontKey = entry.level === 1 ? 'bold' : 'regular';
      const style: TextStyle = {
        ...theme.paragraph.body,
        size,
        lineHeight: theme.toc.lineHeight,
        bold: font === 'bold',
        color: theme.colors.text,
        align: 'left',
      };
      const titleWidth = ctx.width - indent - numberWidth - TOC_LEADER_MIN * size;
      const lines = this.lineBoxes(
        [{ type: 'text', value: entry.title }],
        style,
        ctx.x + indent,
        titleWidth,
        'toc-entry',
        entry.id,
      );
      const drawables: Drawable[] = [];
      lines.forEach((box, k) => {
        for (const d of box.drawables) drawables.push(offsetDrawable(d, 0, k * height));
      });
      const count = Math.max(1, lines.length);
      const lastLine = drawables[drawables.length - 1] as LineDrawable | undefined;
      const lastBaseline = (count - 1) * height + baseline;
      const textEnd = lastLine ? lastLine.x + lastLine.width : ctx.x + indent;
      const right = ctx.x + ctx.width;
      // Leaders end at the same x and start on a multiple of the dot pitch from there, so
      // the dots of all entries line up in columns.
      const pitch = TOC_LEADER_PITCH * size;
      const leaderEnd = right - numberWidth - size * 0.5;
      const dots = Math.floor((leaderEnd - (textEnd + size * 0.5)) / pitch);
      if (dots > 0) {
        drawables.push({
          kind: 'rule',
          role: 'leader',
          x: leaderEnd - dots * pitch,
          y: lastBaseline - size * 0.12,
          // Half a pitch short of leaderEnd: whether a dot is drawn exactly at the end of a
          // dashed path is up to float rounding.
          width: (dots - 0.5) * pitch,
          lineWidth: size * 0.09,
          color: theme.colors.muted,
          dotPitch: pitch,
        });
      }
      drawables.push({
        kind: 'page-ref',
        id: entry.id,
        right,
        y: (count - 1) * height,
        height,
        baseline: lastBaseline,
        size,
        font,
        color: theme.colors.text,
        block: lastLine?.block ?? this.env.counters.block++,
      });
      drawables.push({
        kind: 'link',
        x: ctx.x + indent,
        y: 0,
        width: ctx.width - indent,
        height: count * height,
        target: { kind: 'dest', id: entry.id },
      });
      this.emit({
        kind: 'box',
        height: count * height,
        gapBefore: i === 0 ? this.takeGap(0) : entry.level === 1 ? TOC_CHAPTER_GAP * size : 0,
        keepWithPrev: false,
        drawables,
      });
    });
    this.gap = theme.paragraph.body.spaceAfter;
  }

  private qr(url: string, label: Inline[], ctx: Context): void {
    const { theme } = this.env;
    const size = theme.qr.size;
    const textX = ctx.x + size + QR_TEXT_GAP;
    const textWidth = ctx.width - size - QR_TEXT_GAP;
    const bodyStyle = { ...this.paragraphStyle('body', ctx), align: 'left' as const };
    const noteStyle = { ...theme.paragraph.note, color: theme.colors.link, align: 'left' as const };
    const labelBoxes = this.lineBoxes(label, bodyStyle, textX, textWidth, 'text');
    const urlBoxes = this.lineBoxes(
      [{ type: 'link', url, children: [{ type: 'text', value: url }] }],
      noteStyle,
      textX,
      textWidth,
      'url',
    );
    const textBoxes = [...labelBoxes, ...urlBoxes];
    const textHeight = textBoxes.reduce((sum, box) => sum + box.height, 0);
    const height = Math.max(size, textHeight);
    const drawables: Drawable[] = [
      { kind: 'qr', x: ctx.x, y: (height - size) / 2, size, matrix: qrMatrix(url), color: theme.colors.text },
    ];
    let y = (height - textHeight) / 2;
    for (const box of textBoxes) {
      for (const d of box.drawables) drawables.push(offsetDrawable(d, 0, y));
      y += box.height;
    }
    this.emit({
      kind: 'box',
      height,
      gapBefore: this.takeGap(bodyStyle.spaceBefore),
      keepWithPrev: false,
      drawables,
    });
    // On its own the code needs room like a figure; in a list or cell it is one item of many.
    this.gap =
      ctx.cell || ctx.listDepth > 0 ? bodyStyle.spaceAfter : Math.max(bodyStyle.spaceAfter, theme.table.spaceAfter);
  }
}

/**
 * Flow items → pages. Greedy: fill each page, and when the next item does not fit, break at
 * the last place the keep rules allow (so a heading never ends a page and no paragraph leaves
 * a single line behind), or split a table row between the lines of its cells, leaving at least
 * two lines on either side. The part of a row on the next page repeats its label with the
 * continued mark. Grid tables repeat their header rows at the top of every page they continue
 * on; cards put their caption (the measure's title, continued) there.
 */

import type { Section } from '../../model/doc-model.js';
import { renderRow, rowHeight, type FlowBox, type FlowItem, type FlowRow } from './flow/index.js';
import { offsetDrawable, type Drawable } from './types.js';

/** Tolerance for "fits": accumulated float sums must not push a fitting line to the next page. */
const EPSILON = 0.01;
/** Fewest lines (boxes) of a cell on either side of a row split: no one-line fragments. */
const MIN_SPLIT_LINES = 2;

/** The part of a page the flow may fill, in points from the top-left corner. */
export interface FlowFrame {
  left: number;
  top: number;
  bottom: number;
}

/** A page with everything on it, before running headers and footers. */
export interface LaidPage {
  section: Section['kind'];
  drawables: Drawable[];
}

/** A section's flow, ready to paginate. */
export interface SectionFlow {
  kind: Section['kind'];
  items: FlowItem[];
}

/** Splits a cell's boxes so the first part fits in `limit`, at a break its keeps allow. */
function splitCell(items: FlowBox[], limit: number, force: boolean): [FlowBox[], FlowBox[]] {
  let y = 0;
  let fit = 0;
  for (; fit < items.length; fit++) {
    const next = y + (fit === 0 ? 0 : items[fit]!.gapBefore) + items[fit]!.height;
    if (next > limit + EPSILON) break;
    y = next;
  }
  if (fit === items.length) return [items, []];
  let at = fit;
  if (!force) {
    while (at > 0 && items[at]!.keepWithPrev) at--;
    at = Math.min(at, items.length - MIN_SPLIT_LINES);
    if (at < MIN_SPLIT_LINES) at = 0;
  }
  const tail = items.slice(at).map((item, i) => (i === 0 ? { ...item, gapBefore: 0 } : item));
  return [items.slice(0, at), tail];
}

/**
 * Splits a row that does not fit in `available` points into a part that does and the rest,
 * between whole lines (never through one). Every cell with content must keep some of it in the
 * first part, else the row moves to the next page whole; `force` (the row is alone on its page
 * and still too tall) drops that rule and the cells' keeps, so the row always makes progress.
 */
function splitRow(row: FlowRow, available: number, force: boolean): [FlowRow, FlowRow] | null {
  const { padding } = row.table;
  const limit = available - 2 * padding;
  if (limit <= 0) return null;
  const parts = row.cells.map((cell) => splitCell(cell.items, limit, force));
  if (!parts.some(([, tail]) => tail.length > 0)) return null;
  const accepted = force
    ? parts.some(([head]) => head.length > 0)
    : parts.every(([head], i) => head.length > 0 || row.cells[i]!.items.length === 0);
  if (!accepted) return null;
  const firstCells = row.cells.map((cell, i) => ({ ...cell, items: parts[i]![0] }));
  const restCells = row.cells.map((cell, i) => ({ ...cell, items: parts[i]![1] }));
  // A label that stayed whole on this page is repeated, marked continued, on the next.
  const label = restCells[0]!.items.length === 0 && firstCells[0]!.items.length > 0 ? row.continuedLabel?.get() : null;
  if (label) restCells[0] = { ...restCells[0]!, items: label };
  return [
    { ...row, cells: firstCells, height: rowHeight(firstCells, padding) },
    {
      ...row,
      cells: restCells,
      height: rowHeight(restCells, padding),
      gapBefore: 0,
      keepWithPrev: false,
      continuation: true,
    },
  ];
}

/** An item on the current page, and where to resume the flow if it has to move on. */
interface Placed {
  item: FlowBox | FlowRow;
  y: number;
  resumeIndex: number;
  resumeRow: FlowRow | null;
}

/** Paginates one section at a time into a shared list of pages. */
class Paginator {
  private placed: Placed[] = [];
  /** Header rows repeated at the top of the current page (they do not count as content). */
  private repeats = 0;
  private y = 0;
  /** The page began because the previous one was full: space above its first item is dropped. */
  private naturalTop = false;
  private kind: Section['kind'] = 'body';

  constructor(
    private readonly frame: FlowFrame,
    readonly pages: LaidPage[],
  ) {}

  section(flow: SectionFlow): void {
    this.kind = flow.kind;
    this.startPage(false);
    // Items before the page being filled are on finished pages: let go as pages finish, so a
    // long guide's flow and its pages are not both alive whole.
    const items: (FlowItem | undefined)[] = flow.items;
    let index = 0;
    let released = 0;
    const turnPage = (natural: boolean): void => {
      this.newPage(natural);
      for (; released < index; released++) items[released] = undefined;
    };
    let pending: FlowRow | null = null;
    while (index < items.length) {
      const item: FlowItem = pending ?? items[index]!;
      const resumeIndex = index;
      const resumeRow = pending;
      if (item.kind === 'page-break') {
        if (!this.empty) turnPage(false);
        index++;
        continue;
      }
      if (item.kind === 'row' && this.placed.length === 0 && !item.header) this.repeatHeader(item);
      const gap = this.empty && this.naturalTop ? 0 : item.gapBefore;
      if (this.y + gap + item.height <= this.frame.bottom + EPSILON) {
        this.place(item, gap, resumeIndex, resumeRow);
        pending = null;
        index++;
        continue;
      }
      if (item.kind === 'row') {
        const split = splitRow(item, this.frame.bottom - this.y - gap, this.empty);
        if (split) {
          this.place(split[0], gap, resumeIndex, resumeRow);
          turnPage(true);
          pending = split[1];
          continue;
        }
      }
      if (this.empty) {
        // Taller than a page and cannot be split: let it overflow rather than loop.
        this.place(item, gap, resumeIndex, resumeRow);
        pending = null;
        index++;
        continue;
      }
      const at = this.breakPoint(item);
      if (at < this.placed.length) {
        const moved = this.placed[at]!;
        index = moved.resumeIndex;
        pending = moved.resumeRow;
        this.placed.length = at;
      }
      turnPage(true);
    }
    this.finishPage();
  }

  /** Nothing but repeated header rows on the page so far. */
  private get empty(): boolean {
    return this.placed.length === this.repeats;
  }

  /**
   * Where to end the page when `next` does not fit: right before it, or, if it must stay with
   * what precedes it, before the start of that chain. A chain that fills the whole page breaks
   * before `next` after all.
   */
  private breakPoint(next: FlowBox | FlowRow): number {
    if (!next.keepWithPrev) return this.placed.length;
    let at = this.placed.length - 1;
    while (at > this.repeats && this.placed[at]!.item.keepWithPrev) at--;
    return at > this.repeats ? at : this.placed.length;
  }

  /** What a table repeats at the top of a page it runs onto: a card's caption, grid header rows. */
  private repeatHeader(row: FlowRow): void {
    const { caption, header } = row.table;
    const repeated: (FlowBox | FlowRow)[] = caption && (row.index > 0 || row.continuation) ? [caption] : [];
    repeated.push(...header);
    for (const item of repeated) {
      this.placed.push({ item, y: this.y, resumeIndex: -1, resumeRow: null });
      this.y += item.height;
    }
    this.repeats = repeated.length;
  }

  private place(item: FlowBox | FlowRow, gap: number, resumeIndex: number, resumeRow: FlowRow | null): void {
    this.placed.push({ item, y: this.y + gap, resumeIndex, resumeRow });
    this.y += gap + item.height;
  }

  private startPage(natural: boolean): void {
    this.placed = [];
    this.repeats = 0;
    this.y = this.frame.top;
    this.naturalTop = natural;
  }

  private newPage(natural: boolean): void {
    this.finishPage();
    this.startPage(natural);
  }

  /** Turns the placed items into drawables; tables get their borders per page. */
  private finishPage(): void {
    if (this.placed.length === 0) return;
    const { left } = this.frame;
    const drawables: Drawable[] = [];
    const borders: Drawable[] = [];
    let group: { row: FlowRow; y: number }[] = [];
    const closeGroup = (): void => {
      if (group.length === 0) return;
      const { table } = group[0]!.row;
      const first = group[0]!;
      const last = group[group.length - 1]!;
      borders.push({
        kind: 'frame',
        x: left + table.x,
        y: first.y,
        width: table.width,
        height: last.y + last.row.height - first.y,
        columns: first.row.cells.slice(1).map((cell) => left + cell.x),
        rows: group.slice(1).map((entry) => entry.y),
        lineWidth: table.lineWidth,
        color: table.color,
        table: table.id,
      });
      group = [];
    };
    for (const { item, y } of this.placed) {
      if (item.kind === 'row') {
        if (group.length > 0 && group[0]!.row.table !== item.table) closeGroup();
        group.push({ row: item, y });
        drawables.push(...renderRow(item, left, y));
      } else {
        closeGroup();
        for (const d of item.drawables) drawables.push(offsetDrawable(d, left, y));
      }
    }
    closeGroup();
    this.pages.push({ section: this.kind, drawables: [...drawables, ...borders] });
    this.placed = [];
  }
}

/** Lays the sections out on pages; every section starts on a new page. Uses up the flows' items. */
export function paginate(sections: SectionFlow[], frame: FlowFrame): LaidPage[] {
  const paginator = new Paginator(frame, []);
  for (const section of sections) paginator.section(section);
  return paginator.pages;
}

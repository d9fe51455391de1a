/**
 * Blocks → a vertical list of flow items (lines, table rows, page breaks), each knowing its
 * height, the space above it and whether a page may break right before it. Everything
 * horizontal is decided here (line breaking, justification, indents, table columns);
 * pagination only decides where the page breaks fall. The builder keeps the state between
 * blocks (space owed, keeps, a pending list marker) and hands each block to its kind's module.
 */

import type { Block, Inline } from '../../../model/doc-model.js';
import { addList, markerDrawable, type PendingMarker } from './list.js';
import { addQr } from './qr.js';
import { addTable } from './table.js';
import { addHeading, addParagraph } from './text.js';
import { addToc } from './toc.js';
import type { BlockContext, FlowBox, FlowEnv, FlowItem, FlowRow } from './types.js';

export { renderRow, rowHeight } from './table.js';
export { baselineOffset } from './text.js';
export type { FlowBox, FlowCell, FlowEnv, FlowItem, FlowPageBreak, FlowRow, TableInfo } from './types.js';

/** Height of the box a thematic break is drawn in the middle of, in points. */
const THEMATIC_BREAK_HEIGHT = 18;

/** Turns blocks into flow items for one column (the text area, or a table cell). */
export class FlowBuilder {
  readonly items: FlowItem[] = [];
  /** Space owed to the next box: the last block's space after. */
  gap = 0;
  /** How many more boxes must stay on the page of what came before (after a heading). */
  keep = 0;
  /** A list marker waiting for the first box of its item. */
  marker: PendingMarker | null = null;
  /** The last chapter or measure heading (as listed in the TOC): what a card continues under. */
  title: Inline[] | null = null;

  constructor(readonly env: FlowEnv) {}

  /** Adds blocks set across a text area `width` wide. */
  addBlocks(blocks: Block[], width: number): void {
    const context: BlockContext = { x: 0, width, cell: false, bold: false, listDepth: 0, struct: [] };
    for (const block of blocks) this.addBlock(block, context);
  }

  /** Adds one block set in `ctx`. */
  addBlock(block: Block, ctx: BlockContext): void {
    switch (block.type) {
      case 'paragraph':
        addParagraph(this, block, ctx);
        break;
      case 'heading':
        addHeading(this, block, ctx);
        break;
      case 'list':
        addList(this, block, ctx);
        break;
      case 'table':
        addTable(this, block, ctx);
        break;
      case 'page-break':
        if (!ctx.cell) {
          this.items.push({ kind: 'page-break' });
          this.gap = 0;
          this.keep = 0;
        }
        break;
      case 'toc':
        addToc(this, block, ctx);
        break;
      case 'qr':
        addQr(this, block, ctx);
        break;
      case 'thematic-break':
        this.addThematicBreak(ctx);
        break;
    }
  }

  /** A builder for the blocks of a table cell, sharing this one's environment. */
  cellFlow(): FlowBuilder {
    return new FlowBuilder(this.env);
  }

  /** The space owed plus `spaceBefore`, for the box about to be emitted; nothing is owed after. */
  takeGap(spaceBefore: number): number {
    const gap = this.gap + spaceBefore;
    this.gap = 0;
    return gap;
  }

  /** Appends a box or row, applying pending keeps and a pending list marker. */
  emit(item: FlowBox | FlowRow): void {
    if (this.keep > 0) {
      item.keepWithPrev = true;
      this.keep = item.kind === 'row' ? 0 : this.keep - 1;
    }
    if (this.marker) {
      if (item.kind === 'box') {
        // Before the item's text, so text extraction (copy and paste, screen readers) reads "3. …".
        item.drawables.unshift(markerDrawable(this, this.marker, item));
      } else {
        // A list item that starts with a table: the marker gets a box of its own, kept with it.
        const box: FlowBox = {
          kind: 'box',
          height: 0,
          gapBefore: item.gapBefore,
          keepWithPrev: item.keepWithPrev,
          drawables: [],
        };
        box.drawables.push(markerDrawable(this, this.marker, box));
        this.items.push(box);
        item.gapBefore = 0;
        item.keepWithPrev = true;
      }
      this.marker = null;
    }
    this.items.push(item);
  }

  private addThematicBreak(ctx: BlockContext): void {
    const { theme } = this.env;
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
  }
}

/**
 * Walks over the DocModel, and what its nodes hold: one place knows where blocks nest (list
 * items, table cells), what text a node holds and how many columns a table has, so the code that
 * reads the tree (TOC entries, anchors, glyph checks) and the writers agree on it.
 */

import type { Block, Inline, Table } from './doc-model.js';

/**
 * Every block in document order, each before the blocks nested in it: the blocks of list items,
 * and of table cells (header rows first, then body rows). A generator rather than a callback:
 * the caller's loop body stays in the caller (see "Code kept optimized" in docs/decisions.md).
 * One generator over a stack of the blocks still to come, not one per nested list: through
 * `yield*`, each nested block passed through every generator above it, and each list item and
 * table cell made a generator of its own (about 1 MB of garbage for a firm's guide).
 */
export function* eachBlock(blocks: readonly Block[]): Generator<Block> {
  // Blocks still to come, the next one last.
  const pending: Block[] = [];
  pushReversed(pending, blocks);
  for (let block = pending.pop(); block !== undefined; block = pending.pop()) {
    yield block;
    if (block.type === 'list') {
      for (let i = block.items.length - 1; i >= 0; i--) pushReversed(pending, block.items[i]!.children);
    } else if (block.type === 'table') {
      for (const rows of [block.rows, block.header]) {
        for (let r = rows.length - 1; r >= 0; r--) {
          const { cells } = rows[r]!;
          for (let c = cells.length - 1; c >= 0; c--) pushReversed(pending, cells[c]!.children);
        }
      }
    }
  }
}

/** Puts `nodes` on `pending` so that the first is taken first. */
function pushReversed<T>(pending: T[], nodes: readonly T[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) pending.push(nodes[i]!);
}

/** Every inline in document order, each before its children (over a stack, as `eachBlock`). */
export function* eachInline(inlines: readonly Inline[]): Generator<Inline> {
  const pending: Inline[] = [];
  pushReversed(pending, inlines);
  for (let inline = pending.pop(); inline !== undefined; inline = pending.pop()) {
    yield inline;
    if (inline.type !== 'text' && inline.type !== 'break') pushReversed(pending, inline.children);
  }
}

/** How many columns a table has: as many as its widths, or as its widest row if that is wider. */
export function columnCount(table: Table): number {
  let count = table.columns.length;
  for (const row of table.header) count = Math.max(count, row.cells.length);
  for (const row of table.rows) count = Math.max(count, row.cells.length);
  return count;
}

/** How `plainText` writes what is not text. */
export interface PlainTextOptions {
  /**
   * What a hard line break becomes: a space by default (titles, bookmarks, alt text on one
   * line); `''` where only the characters drawn count (glyph checks).
   */
  lineBreak?: string;
}

/**
 * The text of inlines with the markup dropped (link addresses too), white space as the reader
 * left it. Writers set it as they set any text (the PDF layout collapses white space again).
 */
export function plainText(inlines: readonly Inline[], options: PlainTextOptions = {}): string {
  const lineBreak = options.lineBreak ?? ' ';
  let text = '';
  for (const inline of eachInline(inlines)) {
    if (inline.type === 'text') text += inline.value;
    else if (inline.type === 'break') text += lineBreak;
  }
  return text;
}

/**
 * The text a block shows itself, not counting the blocks nested in it: a heading's or
 * paragraph's inlines, a TOC's title, a QR code's label and address; nothing for the rest.
 */
export function blockText(block: Block, options: PlainTextOptions = {}): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return plainText(block.children, options);
    case 'toc':
      return block.title;
    case 'qr':
      return plainText(block.label, options) + block.url;
    default:
      return '';
  }
}

/**
 * Walks over the DocModel, for the code that reads the tree rather than renders it (TOC entries,
 * anchors, glyph checks): one place knows where blocks nest (list items, table cells) and what
 * text a node holds, so every reader of the tree agrees on it.
 */

import type { Block, Inline } from './doc-model.js';

/**
 * Calls `visit` on every block in document order, each before the blocks nested in it: the
 * blocks of list items, and of table cells (header rows first, then body rows).
 */
export function visitBlocks(blocks: readonly Block[], visit: (block: Block) => void): void {
  for (const block of blocks) {
    visit(block);
    if (block.type === 'list') for (const item of block.items) visitBlocks(item.children, visit);
    else if (block.type === 'table') {
      for (const row of [...block.header, ...block.rows])
        for (const cell of row.cells) visitBlocks(cell.children, visit);
    }
  }
}

/** Calls `visit` on every inline in document order, each before its children. */
export function visitInlines(inlines: readonly Inline[], visit: (inline: Inline) => void): void {
  for (const inline of inlines) {
    visit(inline);
    if (inline.type !== 'text' && inline.type !== 'break') visitInlines(inline.children, visit);
  }
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
  visitInlines(inlines, (inline) => {
    if (inline.type === 'text') text += inline.value;
    else if (inline.type === 'break') text += lineBreak;
  });
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

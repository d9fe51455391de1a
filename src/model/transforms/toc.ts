/**
 * The table of contents, worked out once from the model: every writer lists the same headings,
 * in the same order, with the same titles.
 */

import type { DocModel } from '../doc-model.js';
import { eachBlock, plainText } from '../visit.js';

/** A heading listed in the table of contents. */
export interface TocEntry {
  /** The heading's id: what the entry links to, and the key of its page number. */
  id: string;
  level: 1 | 2 | 3;
  /** The heading's text without markup. */
  title: string;
}

/**
 * The headings marked `toc` down to level `depth` (the theme's `toc.depth`), in document order,
 * headings nested in lists or table cells included (Word's TOC field lists those too).
 */
export function tocEntries(model: DocModel, depth: number): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const section of model.sections) {
    for (const block of eachBlock(section.blocks)) {
      if (block.type === 'heading' && block.toc && block.level <= depth)
        entries.push({ id: block.id, level: block.level, title: plainText(block.children) });
    }
  }
  return entries;
}

/** The one clean-up every assembled document gets before the writers see it. */

import type { Block, Section } from '../doc-model.js';

/**
 * Drops page breaks that would only make a blank page: with nothing before them in their section,
 * right after another break, or at the end.
 */
function dropIdleBreaks(blocks: readonly Block[]): Block[] {
  const kept: Block[] = [];
  for (const block of blocks) {
    if (block.type === 'page-break' && (kept.length === 0 || kept.at(-1)!.type === 'page-break')) continue;
    kept.push(block);
  }
  while (kept.at(-1)?.type === 'page-break') kept.pop();
  return kept;
}

/** Sections without idle page breaks, and without the sections left empty. */
export function normaliseSections(sections: readonly Section[]): Section[] {
  return sections
    .map((section) => ({ kind: section.kind, blocks: dropIdleBreaks(section.blocks) }))
    .filter((section) => section.blocks.length > 0);
}

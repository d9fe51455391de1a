/**
 * Measure numbers ("2.3") are the document's, not the measure's: the same measure is 1.2 in one
 * firm's guide and 3.5 in another's. So a measure section is read once without its number and
 * the number is put in front of its heading here, for each guide it goes into.
 */

import type { Block, Inline } from '../doc-model.js';

/** Between a measure's number and its title, as after 第一章 in a chapter heading: an ideographic space. */
const numberSeparator = '\u3000';

/** `blocks` with `number` and the separator put before the text of the first heading; the rest shared. */
export function numberFirstHeading(blocks: readonly Block[], number: string): Block[] {
  const at = blocks.findIndex((block) => block.type === 'heading');
  if (at < 0) return [...blocks];
  const heading = blocks[at] as Extract<Block, { type: 'heading' }>;
  const numbered = [...blocks];
  numbered[at] = { ...heading, children: prefixText(heading.children, `${number}${numberSeparator}`) };
  return numbered;
}

// Joined to a leading text, as the reader joins neighbouring text: the model reads as if the
// number had been written in the heading.
function prefixText(children: readonly Inline[], prefix: string): Inline[] {
  const [first, ...rest] = children;
  if (first?.type === 'text') return [{ type: 'text', value: prefix + first.value }, ...rest];
  return [{ type: 'text', value: prefix }, ...children];
}

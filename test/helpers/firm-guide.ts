/** Models shaped as a batch's guides: a letter to one firm as the cover, then a body many firms share. */

import type { Block, DocModel } from '../../src/model/doc-model.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';

export const paragraph = (text: string): Block => ({
  type: 'paragraph',
  role: 'body',
  children: [{ type: 'text', value: text }],
});

/**
 * The kitchen sink with a letter of its own as the cover (paragraphs, or blocks), `body` as the
 * body when given (the kitchen sink's otherwise), and sections `after` it.
 */
export function firmGuide(
  letter: readonly (string | Block)[],
  body: Block[] = kitchenSink.sections[1]!.blocks,
  after: DocModel['sections'] = [],
): DocModel {
  return {
    ...kitchenSink,
    sections: [
      { kind: 'cover', blocks: letter.map((block) => (typeof block === 'string' ? paragraph(block) : block)) },
      { kind: 'body', blocks: body },
      ...after,
    ],
  };
}

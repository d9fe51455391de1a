/** A PDF written as `guide build` writes one with the build cache: what it set and drew is kept for the next. */

import type { EntryStore } from '../../src/cache-store.js';
import type { DocModel } from '../../src/model/doc-model.js';
import { createWriterCache, keepForNextBuild } from '../../src/writers/cache.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { fonts, theme } from './theme.js';

export const creationDate = new Date('2020-03-05T00:00:00Z');

/** `model` written with the build cache `store`, which keeps the build's entries after. */
export async function buildWithStore(model: DocModel, store: EntryStore) {
  const cache = createWriterCache({ oneDocument: true, store });
  const result = await writePdf(model, { theme, fonts, creationDate, cache });
  keepForNextBuild(cache, fonts);
  return result;
}

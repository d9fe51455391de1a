/**
 * The sample edition's guide (or the edition at `root`, such as a changed copy of the sample) built
 * in-process, for tests that need its model and what it was built with.
 */

import { loadEdition } from '../../src/io/edition.js';
import type { DocModel } from '../../src/model/doc-model.js';
import { buildDocument, editionContent, selectEdition } from '../../src/pipeline/build-document.js';
import { createPipelineCache } from '../../src/pipeline/cache.js';
import { prepare, type Prepared } from '../../src/pipeline/prepare.js';
import { readTemplates } from '../../src/pipeline/templates.js';
import { resolveRequest } from '../../src/pipeline/request.js';
import { repoRoot } from './paths.js';

export async function sampleGuide(root = repoRoot): Promise<{ model: DocModel; prepared: Prepared }> {
  const loaded = await loadEdition(root);
  const catalogue = loaded.catalogue!;
  const templates = readTemplates(loaded.root, catalogue, 'guide');
  const { prepared } = prepare({ root: loaded.root, catalogue, templates, entry: 'guide' });
  const selection = selectEdition(catalogue, resolveRequest(catalogue.edition));
  const built = buildDocument(prepared!, editionContent(selection), createPipelineCache());
  return { model: built.model!, prepared: prepared! };
}

/**
 * guide's own modules, loaded from the compiled lib/ (what `bin/guide.cjs` runs), typed from src/
 * so that `npm run typecheck` works before lib/ is built.
 */

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as BuildDocument from '../../src/pipeline/build-document.js';
import type * as Cache from '../../src/pipeline/cache.js';
import type * as Prepare from '../../src/pipeline/prepare.js';
import type * as Templates from '../../src/pipeline/templates.js';
import type * as Request from '../../src/pipeline/request.js';
import type * as WriteDocument from '../../src/pipeline/write-document.js';
import type * as Validate from '../../src/catalogue/validate.js';
import type * as Edition from '../../src/io/edition.js';

/** The repository root (the folder holding package.json and the sample guide.yaml). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The CLI entry point the benchmarks start as a fresh process. */
export const guideBin = path.join(repoRoot, 'bin/guide.cjs');

/** The lib/ modules the harness uses to render content for the other tools. */
export interface GuideLib {
  loadEdition: typeof Edition.loadEdition;
  validateCatalogue: typeof Validate.validateCatalogue;
  readTemplates: typeof Templates.readTemplates;
  prepare: typeof Prepare.prepare;
  resolveRequest: typeof Request.resolveRequest;
  selectEdition: typeof BuildDocument.selectEdition;
  editionContent: typeof BuildDocument.editionContent;
  buildDocument: typeof BuildDocument.buildDocument;
  createPipelineCache: typeof Cache.createPipelineCache;
  writeDocument: typeof WriteDocument.writeDocument;
}

async function libModule<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(repoRoot, 'lib', relative)).href)) as T;
}

/** Imports the compiled modules; `npm run bench` builds lib/ first. */
export async function loadGuideLib(): Promise<GuideLib> {
  const [edition, validate, templates, prepare, request, document, cache, write] = await Promise.all([
    libModule<typeof Edition>('io/edition.js'),
    libModule<typeof Validate>('catalogue/validate.js'),
    libModule<typeof Templates>('pipeline/templates.js'),
    libModule<typeof Prepare>('pipeline/prepare.js'),
    libModule<typeof Request>('pipeline/request.js'),
    libModule<typeof BuildDocument>('pipeline/build-document.js'),
    libModule<typeof Cache>('pipeline/cache.js'),
    libModule<typeof WriteDocument>('pipeline/write-document.js'),
  ]);
  return {
    loadEdition: edition.loadEdition,
    validateCatalogue: validate.validateCatalogue,
    readTemplates: templates.readTemplates,
    prepare: prepare.prepare,
    resolveRequest: request.resolveRequest,
    selectEdition: document.selectEdition,
    editionContent: document.editionContent,
    buildDocument: document.buildDocument,
    createPipelineCache: cache.createPipelineCache,
    writeDocument: write.writeDocument,
  };
}

/**
 * What a batch builder prepares once for all its firms, through the same `prepare` as
 * `guide build`: the tailored-guide templates compiled, the theme parsed, the fonts opened. The
 * main thread prepares first, so a broken template or theme is reported once, before any worker
 * starts, and then builds firms with it too.
 */

import type { Catalogue } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createPipelineCache, type PipelineCache } from '../pipeline/cache.js';
import { prepare, type Prepared } from '../pipeline/prepare.js';
import type { TemplateInputs } from '../pipeline/templates.js';
import type { BuildRequest } from '../pipeline/request.js';
import type { SharedGlyphs } from '../writers/pdf/index.js';

/** What every job of a run shares; sent to each worker once. Plain data (structured clone). */
export interface FirmWorkerSetup {
  /** Edition folder: diagnostics' files are relative to it, fonts are found from it. */
  root: string;
  catalogue: Catalogue;
  templates: TemplateInputs;
  /** Absolute output folder (dist/firms). */
  outDir: string;
  request: BuildRequest;
}

/** Everything a builder needs for every firm: the run's setup, prepared, and its cache. */
export interface FirmWorker {
  setup: FirmWorkerSetup;
  prepared: Prepared;
  cache: PipelineCache;
  /** Glyphs every firm's guide draws: its PDF embeds them from shared subsets, its DOCX first in its fonts (see `withCommonGlyphs`). */
  sharedGlyphs?: SharedGlyphs;
}

/** Prepares a builder; diagnostics instead when the templates or theme are broken. */
export function prepareFirmWorker(setup: FirmWorkerSetup): { worker?: FirmWorker; diagnostics: Diagnostic[] } {
  const { prepared, diagnostics } = prepare({
    root: setup.root,
    catalogue: setup.catalogue,
    templates: setup.templates,
    entry: 'firm-guide',
  });
  return prepared ? { worker: { setup, prepared, cache: createPipelineCache() }, diagnostics } : { diagnostics };
}

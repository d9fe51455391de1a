/**
 * One firm's guide, in memory, through the pipeline `guide build` uses: the firm's choice of
 * measures → template data → DocModel → files.
 */

import { measureStatus } from '../catalogue/select.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FirmChoice } from '../firms/match.js';
import { emptyFirm } from '../firms/types.js';
import { buildDocument, firmContent } from '../pipeline/build-document.js';
import { writeDocument, type GuideFile } from '../pipeline/write-document.js';
import { drawnGlyphs } from '../writers/pdf/index.js';
import type { FirmWorker } from './worker-setup.js';

/** The files of a firm's guide, or why there are none. */
export interface FirmBuildResult {
  files: GuideFile[];
  diagnostics: Diagnostic[];
  /** The rendered Markdown the diagnostics point into, by the name they give it. */
  rendered: Map<string, string>;
}

/** Builds one firm's guide in the run's formats. */
export async function buildFirmGuide(worker: FirmWorker, choice: FirmChoice): Promise<FirmBuildResult> {
  const { prepared, setup } = worker;
  const built = buildDocument(
    prepared,
    firmContent(setup.catalogue, setup.request, choice, worker.cache),
    worker.cache,
  );
  if (!built.model || hasErrors(built.diagnostics)) {
    return { files: [], diagnostics: built.diagnostics, rendered: built.rendered };
  }
  const files = await writeDocument(built.model, prepared, setup.request, worker.cache.writer, worker.sharedGlyphs);
  return { files, diagnostics: built.diagnostics, rendered: new Map() };
}

/**
 * A builder with the glyphs every firm's guide draws: those of the guide of a firm that reported
 * nothing and gets only the measures without an audience (the letter, the contents, the
 * chapters' openings, those measures). They depend only on the run's inputs, so every firm's PDF
 * embeds the same shared subsets, and every firm's DOCX fonts start with the same glyphs, whichever
 * builder writes it. None when that guide cannot be built.
 */
export function withCommonGlyphs(worker: FirmWorker): FirmWorker {
  const { setup, prepared } = worker;
  const others = setup.catalogue.measures.filter(
    (entry) => entry.measure.audience === undefined && measureStatus(entry.measure, setup.request.asOf) === 'active',
  );
  const choice: FirmChoice = { firm: emptyFirm, answering: [], others };
  const built = buildDocument(
    prepared,
    firmContent(setup.catalogue, setup.request, choice, worker.cache),
    worker.cache,
  );
  if (!built.model || hasErrors(built.diagnostics)) return worker;
  return { ...worker, sharedGlyphs: drawnGlyphs(built.model, prepared.theme, prepared.fonts, worker.cache.writer) };
}

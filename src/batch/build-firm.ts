/**
 * One firm's tailored guide, without touching disk: match → view → Markdown → DocModel → glyph
 * check → PDF and DOCX bytes. A worker thread calls it once per firm with everything that is the
 * same for every firm (templates, theme, fonts, the reader's cache) prepared once.
 */

import { checkModelGlyphs } from '../pipeline/glyph-check.js';
import type { Catalogue, IsoDate, MeasureEntry, OutputFormat } from '../catalogue/types.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { matchFirm, type FirmMatch } from '../firms/match.js';
import { buildFirmGuideView } from '../firms/guide-view.js';
import { emptyFirm, type Firm } from '../firms/types.js';
import type { DocMeta } from '../model/doc-model.js';
import { editionDocMeta, type TemplateSources } from '../template/render.js';
import { drawnGlyphs, missingCodePoints, type PdfFonts, type SharedGlyphs } from '../writers/pdf/index.js';
import { writeOutputs, type GuideOutput } from '../pipeline/write-outputs.js';
import type { WriterCache } from '../writers/cache.js';
import type { Theme } from '../writers/theme.js';
import type { FirmGuideReader } from './firm-reader.js';
import type { FirmWorker } from './worker-setup.js';

/** What every firm's guide shares: prepared once per worker. */
export interface FirmBuildContext {
  catalogue: Catalogue;
  reader: FirmGuideReader;
  templateSources: TemplateSources;
  theme: Theme;
  fonts: PdfFonts;
  /** What every firm's guide draws: embedded from font subsets made once (see `commonGlyphs`). */
  sharedGlyphs?: SharedGlyphs;
  /** What the writers keep from one firm's guide to the next. */
  cache: WriterCache;
}

/** One firm's guide to build. */
export interface FirmBuildRequest {
  match: FirmMatch;
  formats: readonly OutputFormat[];
  letterDate: IsoDate;
  /** Written into both files' metadata; fixes the bytes. */
  creationDate: Date;
}

/** One file of a firm's guide, as bytes. */
export type FirmOutput = GuideOutput;

/** The files of a firm's guide, or why there are none. */
export interface FirmBuildResult {
  outputs: FirmOutput[];
  diagnostics: Diagnostic[];
  /** The guide's Markdown when diagnostics point into it. */
  markdown?: string;
}

/** Document properties of a firm's guide: the edition's, titled for the firm. */
export function firmDocMeta(catalogue: Catalogue, firm: Firm): DocMeta {
  const meta = editionDocMeta(catalogue.edition);
  return { ...meta, title: `${meta.title}（${firm.name}）`, subject: `${firm.name}惠企政策指南` };
}

/** Builds one firm's guide in the requested formats. */
export async function buildFirmGuide(context: FirmBuildContext, request: FirmBuildRequest): Promise<FirmBuildResult> {
  const { catalogue } = context;
  const { firm } = request.match;
  const view = buildFirmGuideView(catalogue, request.match, request.letterDate);
  const read = context.reader.read(view, firmDocMeta(catalogue, firm));
  const withMarkdown = read.markdown !== undefined ? { markdown: read.markdown } : {};
  if (!read.model || hasErrors(read.diagnostics))
    return { outputs: [], diagnostics: read.diagnostics, ...withMarkdown };

  // Measure files were checked once for the whole run; what is left is the firm's own text and
  // the templates' wording.
  const missing = (text: string) => missingCodePoints(context.fonts, text);
  const glyphs = checkModelGlyphs(missing, read.model, new Set(), Object.values(context.templateSources));
  if (hasErrors(glyphs)) return { outputs: [], diagnostics: glyphs };

  const outputs = await writeOutputs(read.model, {
    theme: context.theme,
    fonts: context.fonts,
    formats: request.formats,
    creationDate: request.creationDate,
    cache: context.cache,
    ...(context.sharedGlyphs ? { sharedGlyphs: context.sharedGlyphs } : {}),
  });
  return { outputs, diagnostics: [...read.diagnostics, ...glyphs] };
}

/**
 * The glyphs every firm's guide draws: those of the guide of a firm that reported nothing and
 * gets only the measures without an audience (the letter, the contents, the chapters' openings,
 * those measures). They depend only on the run's inputs, so every firm's PDF embeds the same
 * shared subsets, whichever worker writes it. None when that guide cannot be read.
 */
export function commonGlyphs(context: FirmBuildContext, asOf: IsoDate, letterDate: IsoDate): SharedGlyphs | undefined {
  const { catalogue } = context;
  const firm = emptyFirm;
  // A firm that says nothing is given every measure it is not ruled out of: keep only the ones
  // for every firm.
  const everyFirm = (entry: MeasureEntry) => entry.measure.audience === undefined;
  const match = matchFirm(catalogue, firm, asOf);
  const common: FirmMatch = {
    ...match,
    verdicts: match.verdicts.filter((verdict) => everyFirm(verdict.entry)),
    answering: match.answering.filter(everyFirm),
    others: match.others.filter(everyFirm),
  };
  const view = buildFirmGuideView(catalogue, common, letterDate);
  const read = context.reader.readWhole(view, firmDocMeta(catalogue, firm));
  if (!read.model || hasErrors(read.diagnostics)) return undefined;
  return drawnGlyphs(read.model, context.theme, context.fonts, context.cache);
}

/** A prepared builder with the run's shared glyphs (`commonGlyphs`) added. */
export function withCommonGlyphs(worker: FirmWorker): FirmWorker {
  const shared = commonGlyphs(worker.context, worker.setup.asOf, worker.setup.letterDate);
  return shared ? { ...worker, context: { ...worker.context, sharedGlyphs: shared } } : worker;
}

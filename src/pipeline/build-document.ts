/**
 * One guide, from its template data to a checked DocModel: the edition's whole guide and each
 * firm's tailored guide alike. Nothing here touches disk.
 */

import type { ChangesView, GuideView } from '../template/view.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocMeta, DocModel } from '../model/doc-model.js';
import { buildView } from '../template/view.js';
import { editionDocMeta } from '../template/render.js';
import { selectMeasures, type Selection } from '../catalogue/select.js';
import type { Catalogue } from '../catalogue/types.js';
import { buildFirmGuideView, type FirmGuideView } from '../firms/guide-view.js';
import type { FirmChoice } from '../firms/match.js';
import type { Firm } from '../firms/types.js';
import { assembleDocument } from './assemble.js';
import { measuresInEffect, type PipelineCache } from './cache.js';
import { checkModelGlyphs } from './glyph-check.js';
import type { Prepared } from './prepare.js';
import type { BuildRequest } from './request.js';

/** What a guide is made of: the template data, and the document properties. */
export interface DocumentContent {
  view: GuideView;
  meta: DocMeta;
  /** What tells this guide's rendered Markdown from another's in diagnostics (a firm's id). */
  label?: string;
}

/** A guide as a model, or the diagnostics that stop it; `rendered` is the Markdown they point into. */
export interface BuiltDocument {
  model?: DocModel;
  diagnostics: Diagnostic[];
  rendered: Map<string, string>;
}

/**
 * Renders, reads and assembles the guide, then checks that the fonts can draw every character
 * the templates and the firm added (measure files are checked at their source beforehand:
 * `checkDocumentGlyphs`).
 */
export function buildDocument(prepared: Prepared, content: DocumentContent, cache: PipelineCache): BuiltDocument {
  const assembled = assembleDocument(prepared, content.view, content.meta, cache, content.label);
  if (!assembled.model) return assembled;
  const glyphs = checkModelGlyphs(prepared.fonts, assembled.model, Object.values(prepared.templates.sources));
  const diagnostics = [...assembled.diagnostics, ...glyphs];
  return hasErrors(glyphs)
    ? { diagnostics, rendered: assembled.rendered }
    : { model: assembled.model, diagnostics, rendered: assembled.rendered };
}

/** The measures of the edition's whole guide: those in effect on the as-of date, by chapter. */
export function selectEdition(catalogue: Catalogue, request: BuildRequest): Selection {
  return selectMeasures(catalogue, { asOf: request.asOf });
}

/** The edition's whole guide, with a 本版更新說明 section when `changes` is given. */
export function editionContent(selection: Selection, changes: ChangesView | null = null): DocumentContent {
  return { view: buildView(selection, changes), meta: editionDocMeta(selection.edition) };
}

/** A firm's tailored guide: its letter, the measures answering its difficulties, then the rest. */
export function firmContent(
  catalogue: Catalogue,
  request: BuildRequest,
  choice: FirmChoice,
  cache: PipelineCache,
): DocumentContent & { view: FirmGuideView } {
  const inEffect = measuresInEffect(cache, catalogue, request.asOf);
  const view = buildFirmGuideView(catalogue, choice, { asOf: request.asOf, letterDate: request.letterDate, inEffect });
  return { view, meta: firmDocMeta(catalogue, choice.firm), label: choice.firm.id };
}

/**
 * Document properties of a firm's guide: the edition's, titled for the firm, and the running
 * header naming the firm's guide rather than the edition.
 */
function firmDocMeta(catalogue: Catalogue, firm: Firm): DocMeta {
  const meta = editionDocMeta(catalogue.edition);
  const guide = `${firm.name}惠企政策指南`;
  return { ...meta, title: `${meta.title}（${firm.name}）`, subject: guide, header: guide };
}

/**
 * The whole build, without touching disk: selection → templates → Markdown → DocModel → glyph
 * check → PDF and DOCX bytes. `guide build` calls it once; a batch run calls it per firm with the
 * same compiled templates and fonts.
 */

import type { Document } from 'yaml';
import { selectMeasures, type Selection } from '../catalogue/select.js';
import type { Catalogue, IsoDate, Measure, OutputFormat } from '../catalogue/types.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocModel } from '../model/doc-model.js';
import { readMarkdown } from '../model/read-markdown.js';
import { editionDocMeta, type CompiledGuide, type TemplateSources } from '../template/render.js';
import type { ChangesView } from '../template/view.js';
import { missingCodePoints, type PdfFonts } from '../writers/pdf/index.js';
import type { Theme } from '../writers/theme.js';
import { checkDocumentGlyphs, checkModelGlyphs } from './glyph-check.js';
import { writeOutputs, type GuideOutput } from './write-outputs.js';

export type { GuideOutput } from './write-outputs.js';

export interface GuideBuildInput {
  catalogue: Catalogue;
  /** Parsed files and their text, for pointing glyph diagnostics at the character. */
  documents: ReadonlyMap<string, Document>;
  sources: ReadonlyMap<string, string>;
  /** Compiled once per process; `templateSources` only serve diagnostics. */
  guide: CompiledGuide;
  templateSources: TemplateSources;
  theme: Theme;
  fonts: PdfFonts;
  formats: readonly OutputFormat[];
  asOf: IsoDate;
  /** Only measures this accepts (a firm's audience match); all when absent. */
  include?: (measure: Measure) => boolean;
  /** Written into both files' metadata; fixes the bytes. */
  creationDate: Date;
  /** Where reader diagnostics say the rendered Markdown is (the caller saves it there on error). */
  markdownFile: string;
  /** The 本版更新說明 section's data (`guide build --since`); no section when absent. */
  changes?: ChangesView | null;
}

export interface GuideBuildResult {
  selection: Selection;
  model?: DocModel;
  /** Markdown the templates produced: the file reader diagnostics point into. */
  markdown?: string;
  outputs: GuideOutput[];
  diagnostics: Diagnostic[];
}

export async function buildGuide(input: GuideBuildInput): Promise<GuideBuildResult> {
  const selection = selectMeasures(input.catalogue, {
    asOf: input.asOf,
    ...(input.include ? { include: input.include } : {}),
  });
  const rendered = input.guide.render(selection, input.changes ?? null);
  if (hasErrors(rendered.diagnostics)) return { selection, outputs: [], diagnostics: rendered.diagnostics };

  const meta = editionDocMeta(input.catalogue.edition);
  const read = readMarkdown(rendered.markdown, meta, { file: input.markdownFile });
  const diagnostics = [...rendered.diagnostics, ...read.diagnostics];
  if (hasErrors(diagnostics)) return { selection, markdown: rendered.markdown, outputs: [], diagnostics };

  // Only files whose text reaches this guide: guide.yaml and the selected measures.
  const missing = (text: string) => missingCodePoints(input.fonts, text);
  const configFile = [...input.documents.keys()].find((file) => !input.catalogue.measures.some((m) => m.file === file));
  const selectedFiles = new Set([
    configFile,
    ...selection.chapters.flatMap((c) => c.measures.map((m) => m.entry.file)),
  ]);
  const documents = new Map([...input.documents].filter(([file]) => selectedFiles.has(file)));
  const dataGlyphs = checkDocumentGlyphs(missing, documents, input.sources);
  const templates = Object.values(input.templateSources);
  diagnostics.push(
    ...dataGlyphs.diagnostics,
    ...checkModelGlyphs(missing, read.model, dataGlyphs.codePoints, templates),
  );
  if (hasErrors(diagnostics)) return { selection, model: read.model, outputs: [], diagnostics };

  const outputs = await writeOutputs(read.model, input);
  return { selection, model: read.model, outputs, diagnostics };
}

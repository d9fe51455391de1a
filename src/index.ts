/**
 * guide as a library: load an edition, validate it, build its guide or a firm's, in memory. The
 * same pipeline as the `guide` command, without the command line: nothing here prints or exits,
 * the locale is all it reads of the environment, and nothing is written to disk (write
 * `file.bytes` where you like), except by `sendGuides`, which mails a batch's guides and keeps
 * its journal beside the batch's manifest.
 *
 * ```ts
 * import { loadEdition, build } from 'guide';
 * const edition = await loadEdition({ config: 'path/to/guide.yaml' });
 * const result = await build(edition, { formats: ['pdf'], asOf: '2020-03-05' });
 * for (const file of result.files) console.log(file.name, file.bytes.length, file.pages);
 * ```
 *
 * Invalid input (measure files, templates, theme, firm lists) throws a `GuideInputError` that
 * carries the diagnostics, each with its file and source range; `formatDiagnostics` turns them
 * into the text `guide validate` prints. See docs/api.md.
 *
 * Messages are in the language of the environment's locale, as the command's are (the one thing
 * read from it, once, when guide is imported); `setLanguage('en')` pins them.
 */

import path from 'node:path';
import { validateCatalogue } from './catalogue/validate.js';
import type { Catalogue, IsoDate } from './catalogue/types.js';
import { outputFormats, type OutputFormat } from './writers/formats.js';
import { formatDiagnostic, summarize } from './diagnostics/format.js';
import { GuideInputError, UsageError } from './errors.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { matchFirm, type FirmMatch } from './firms/match.js';
import { readFirmList as readFirmListData } from './firms/read.js';
import type { Firm, FirmRow } from './firms/types.js';
import { loadEdition as loadEditionFrom, type LoadedEdition } from './io/edition.js';
import { readFileBytes } from './io/batch-output.js';
import { safeFileName } from './io/file-names.js';
import { buildDocument, editionContent, firmContent, selectEdition } from './pipeline/build-document.js';
import { createPipelineCache, type PipelineCache } from './pipeline/cache.js';
import { checkSourceGlyphs } from './pipeline/glyph-check.js';
import { prepare, type Prepared } from './pipeline/prepare.js';
import { readTemplates, templateSourceTexts, type EntryTemplate } from './pipeline/templates.js';
import { resolveRequest, type BuildRequest } from './pipeline/request.js';
import { writeDocument } from './pipeline/write-document.js';
import { resolvePdfOutput } from './pipeline/pdf-output.js';
import { pdfStandards, type PdfStandard } from './writers/pdf/standards.js';
import { firmFileBase, defaultNamePattern } from './batch/plan.js';
import { libraryMessages } from './messages/render.js';
import { isIsoDate } from './schema/iso-date.js';

export type { Diagnostic, Range, Severity } from './diagnostics/diagnostic.js';
export type { Catalogue, Edition, Measure, MeasureEntry, IsoDate } from './catalogue/types.js';
export type { OutputFormat } from './writers/formats.js';
export type { PdfStandard } from './writers/pdf/standards.js';
export type { CellPlace, Firm, FirmRow } from './firms/types.js';
export type { FirmMatch, MeasureVerdict } from './firms/match.js';
export type { DocModel } from './model/doc-model.js';
export { GuideInputError, UsageError } from './errors.js';
import { setLanguage } from './messages/language.js';
import { processLanguage } from './io/environment.js';
export { currentLanguage, languageFromEnvironment, languages, setLanguage } from './messages/language.js';

// The library speaks the locale of the process that imports it, as the command does.
setLanguage(processLanguage());
export type { Language } from './messages/language.js';
export type { LoadedEdition } from './io/edition.js';

/** Where the edition is: `config` names its guide.yaml (relative to `cwd`, default the current folder). */
export interface LoadOptions {
  config?: string;
  cwd?: string;
}

/**
 * Reads guide.yaml and every measure file. Problems do not throw: they are collected on
 * `edition.diagnostics` (as `guide validate` reports them), and `build` refuses an edition
 * with errors.
 */
export async function loadEdition(options: LoadOptions = {}): Promise<LoadedEdition> {
  return loadEditionFrom(path.resolve(options.cwd ?? ''), options.config);
}

/** Every problem of the edition (loading, schema and rules), as `guide validate` finds them. */
export function validate(edition: LoadedEdition, options: { asOf?: IsoDate } = {}): Diagnostic[] {
  checkDates(options);
  return validateCatalogue(edition, options.asOf !== undefined ? { asOf: options.asOf } : {});
}

/** One file of a guide, in memory. */
export interface GuideFile {
  format: OutputFormat;
  /** The file name guide would write it under. */
  name: string;
  bytes: Uint8Array;
  /** PDF only. */
  pages?: number;
}

/** What a guide is built for. */
export interface BuildOptions {
  /** Default: guide.yaml `output.formats`. */
  formats?: readonly OutputFormat[];
  /** Measures in effect on this date (default: the edition date). */
  asOf?: IsoDate;
  /** Written into the files (default: the edition date, or for a firm its letter's date). */
  creationDate?: Date;
  /** What the PDF conforms to (default: theme.yaml `pdf.standard`, `ua-1`). */
  pdfStandard?: PdfStandard;
  /** Print colours: DeviceGray text, CMYK accents (default: theme.yaml `pdf.print`); not with PDF/A. */
  print?: boolean;
}

/** A built guide: its files, and the warnings met on the way. */
export interface BuildResult {
  files: GuideFile[];
  /** Ids of the measures in the guide, in print order. */
  measures: string[];
  diagnostics: Diagnostic[];
}

/** Builds the edition's whole guide. Throws `GuideInputError` when any input is invalid. */
export async function build(edition: LoadedEdition, options: BuildOptions = {}): Promise<BuildResult> {
  const { catalogue, prepared, request, diagnostics } = ready(edition, 'guide', options);
  const selection = selectEdition(catalogue, request);
  const printed = selection.chapters.flatMap((chapter) => chapter.measures.map((measure) => measure.entry));
  const built = buildDocument(prepared, editionContent(selection), cacheOf(edition));
  diagnostics.push(...built.diagnostics);
  throwOnErrors(edition, diagnostics, prepared, built.rendered);
  const { title, edition: name, output } = catalogue.edition;
  const base = safeFileName(output.name ?? `${title}-${name}`);
  const files = await writeDocument(built.model!, prepared, request, cacheOf(edition).writer);
  return {
    files: files.map((file) => ({ ...file, name: `${base}.${file.format}` })),
    measures: printed.map((entry) => entry.measure.id),
    diagnostics,
  };
}

/** How each firm's measures are chosen: every measure judged, with the reasons. */
export function matchFirms(
  edition: LoadedEdition,
  firms: readonly Firm[],
  options: { asOf?: IsoDate } = {},
): FirmMatch[] {
  checkDates(options);
  const catalogue = catalogueOf(edition);
  const request = resolveRequest(catalogue.edition, options.asOf !== undefined ? { asOf: options.asOf } : {});
  return firms.map((firm) => matchFirm(catalogue, firm, request.asOf));
}

/** What a firm's guide is built for: the edition's options, and the letter's date. */
export interface FirmBuildOptions extends BuildOptions {
  /** The date on the letter (default: the as-of date). */
  letterDate?: IsoDate;
  /** File names: {企業名稱} or {name}, {編號} or {id} (default: {企業名稱}-惠企政策指南). */
  namePattern?: string;
}

/**
 * Builds one firm's tailored guide (一企一策), as `guide batch` does for each firm: its letter,
 * the measures answering its difficulties, then the others. Pass a `FirmMatch` from
 * `matchFirms` to build from that choice, or a `Firm` to have it matched.
 */
export async function buildFirm(
  edition: LoadedEdition,
  firm: Firm | FirmMatch,
  options: FirmBuildOptions = {},
): Promise<BuildResult> {
  const { catalogue, prepared, request, diagnostics } = ready(edition, 'firm-guide', options);
  const match = 'verdicts' in firm ? firm : matchFirm(catalogue, firm, request.asOf);
  const built = buildDocument(prepared, firmContent(catalogue, request, match, cacheOf(edition)), cacheOf(edition));
  diagnostics.push(...built.diagnostics);
  throwOnErrors(edition, diagnostics, prepared, built.rendered);
  const base = firmFileBase(options.namePattern ?? defaultNamePattern, match.firm);
  const files = await writeDocument(built.model!, prepared, request, cacheOf(edition).writer);
  return {
    files: files.map((file) => ({ ...file, name: `${base}.${file.format}` })),
    measures: [...match.answering, ...match.others].map((entry) => entry.measure.id),
    diagnostics,
  };
}

/** A firm list read: the usable firms, and every problem with a row and column. */
export interface FirmListResult {
  firms: Firm[];
  /** Each usable firm's row: its label (`row 3`) and the places of its cells. */
  rows: FirmRow[];
  /** Problems; a bad row is left out of `firms` and reported here, the others still count. */
  diagnostics: Diagnostic[];
  /** The list's text (CSV, YAML; none for XLSX), by file, for `formatDiagnostics`. */
  sources: ReadonlyMap<string, string>;
}

/**
 * Reads a firm list (CSV in UTF-8 or GB18030, XLSX, or YAML), checking its codes against the
 * edition's vocabularies. Throws `GuideInputError` only when the file as a whole cannot be read.
 */
export async function readFirmList(
  file: string,
  edition: LoadedEdition,
  options: { sheet?: string; cwd?: string } = {},
): Promise<FirmListResult> {
  const catalogue = catalogueOf(edition);
  const absolute = path.resolve(options.cwd ?? '', file);
  const read = readFileBytes(absolute);
  if ('error' in read) {
    throw new GuideInputError([
      {
        code: 'E-FIRMS-FILE',
        severity: 'error',
        message: libraryMessages.firmListUnreadable({ error: read.error }),
        file,
        hint: libraryMessages.checkFirmListPath(),
      },
    ]);
  }
  const list = await readFirmListData(file, read.bytes, {
    vocabularies: catalogue.edition.vocabularies,
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
  });
  const sources = new Map(list.text !== undefined ? [[file, list.text]] : []);
  if (list.diagnostics.some((d) => d.code === 'E-FIRMS-FILE')) throw new GuideInputError(list.diagnostics, sources);
  return { firms: list.rows.map((row) => row.firm), rows: list.rows, diagnostics: list.diagnostics, sources };
}

/**
 * Diagnostics as `guide validate` prints them: `file:line:col severity CODE message`, the code
 * frame and the hint. `sources` are the texts they point into (an edition's, or an error's).
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const plain = { error: (t: string) => t, warning: (t: string) => t, dim: (t: string) => t, bold: (t: string) => t };
  return [...diagnostics.map((d) => formatDiagnostic(d, sources, plain)), summarize(diagnostics)].join('\n\n');
}

/**
 * What an edition is prepared with, per entry template, its cache, and the checks already made
 * (by what they depend on): made once, on first use, so a script building a guide per firm pays
 * for them once.
 */
interface EditionState {
  prepared: Map<EntryTemplate, { prepared?: Prepared; diagnostics: Diagnostic[]; sources: Map<string, string> }>;
  cache: PipelineCache;
  checks: Map<string, Diagnostic[]>;
}

const states = new WeakMap<LoadedEdition, EditionState>();

function stateOf(edition: LoadedEdition): EditionState {
  let state = states.get(edition);
  if (state === undefined) {
    states.set(edition, (state = { prepared: new Map(), cache: createPipelineCache(), checks: new Map() }));
  }
  return state;
}

function cacheOf(edition: LoadedEdition): PipelineCache {
  return stateOf(edition).cache;
}

/** The result of a check, made once per edition and `key`. */
function checked(edition: LoadedEdition, key: string, check: () => Diagnostic[]): Diagnostic[] {
  const checks = stateOf(edition).checks;
  let diagnostics = checks.get(key);
  if (diagnostics === undefined) checks.set(key, (diagnostics = check()));
  return diagnostics;
}

/** Every problem of the edition on a date, found once. */
function validated(edition: LoadedEdition, asOf: IsoDate | undefined): Diagnostic[] {
  return checked(edition, `validate ${asOf ?? ''}`, () => validate(edition, asOf !== undefined ? { asOf } : {}));
}

function catalogueOf(edition: LoadedEdition): Catalogue {
  const errors = validated(edition, undefined).filter((d) => d.severity === 'error');
  if (!edition.catalogue || errors.length > 0) throw new GuideInputError(errors, edition.sources);
  return edition.catalogue;
}

/** Dates from a script are checked as the command line and YAML check theirs: 2020-02-30 is refused. */
function checkDates(options: { asOf?: IsoDate; letterDate?: IsoDate }): void {
  for (const [name, value] of [
    ['asOf', options.asOf],
    ['letterDate', options.letterDate],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || !isIsoDate(value))) {
      throw new UsageError(libraryMessages.badDate({ name, value: String(value) }));
    }
  }
}

/** Options from a script are checked as the command line checks its own. */
function checkOptions(options: FirmBuildOptions): void {
  checkDates(options);
  const formats = options.formats;
  if (formats !== undefined && (formats.length === 0 || formats.some((f) => !outputFormats.includes(f)))) {
    throw new UsageError(
      libraryMessages.badFormats({ formats: outputFormats.join(', '), given: JSON.stringify(formats) }),
    );
  }
  if (options.creationDate !== undefined && Number.isNaN(options.creationDate.getTime())) {
    throw new UsageError(libraryMessages.badCreationDate());
  }
  if (options.pdfStandard !== undefined && !pdfStandards.includes(options.pdfStandard)) {
    throw new UsageError(
      libraryMessages.badPdfStandard({
        standards: pdfStandards.join(', '),
        given: JSON.stringify(options.pdfStandard),
      }),
    );
  }
}

/** The edition checked, prepared for `entry` and the request resolved; throws on invalid input. */
function ready(
  edition: LoadedEdition,
  entry: EntryTemplate,
  options: FirmBuildOptions,
): { catalogue: Catalogue; prepared: Prepared; request: BuildRequest; diagnostics: Diagnostic[] } {
  checkOptions(options);
  const diagnostics = [...validated(edition, options.asOf)];
  if (!edition.catalogue || hasErrors(diagnostics)) throw new GuideInputError(diagnostics, edition.sources);
  const catalogue = edition.catalogue;
  const state = stateOf(edition);
  let prepared = state.prepared.get(entry);
  if (prepared === undefined) {
    const templates = readTemplates(edition.root, catalogue, entry);
    prepared = {
      ...prepare({ root: edition.root, catalogue, templates, entry }),
      sources: templateSourceTexts(templates),
    };
    state.prepared.set(entry, prepared);
  }
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.prepared || hasErrors(diagnostics)) {
    throw new GuideInputError(diagnostics, new Map([...edition.sources, ...prepared.sources]));
  }
  const request = resolveRequest(catalogue.edition, {
    document: entry === 'guide' ? 'edition' : 'firm',
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.letterDate !== undefined ? { letterDate: options.letterDate } : {}),
    ...(options.formats !== undefined ? { formats: options.formats } : {}),
    ...(options.creationDate !== undefined ? { pinnedDate: options.creationDate } : {}),
    ...(options.pdfStandard !== undefined ? { pdfStandard: options.pdfStandard } : {}),
    ...(options.print !== undefined ? { print: options.print } : {}),
  });
  // Print colours with PDF/A are refused before anything is built.
  resolvePdfOutput(prepared.prepared.theme, request);
  // Every measure a guide of this date may print, checked against the fonts once.
  diagnostics.push(
    ...checked(edition, `glyphs ${request.asOf}`, () =>
      checkSourceGlyphs(prepared.prepared!.fonts, edition, catalogue, request.asOf),
    ),
  );
  throwOnErrors(edition, diagnostics, prepared.prepared);
  return { catalogue, prepared: prepared.prepared, request, diagnostics };
}

function throwOnErrors(
  edition: LoadedEdition,
  diagnostics: Diagnostic[],
  prepared: Prepared,
  rendered: ReadonlyMap<string, string> = new Map(),
): void {
  if (!hasErrors(diagnostics)) return;
  throw new GuideInputError(
    diagnostics,
    new Map([...edition.sources, ...templateSourceTexts(prepared.templates), ...rendered]),
  );
}

export { sendGuides } from './mail/send-guides.js';
export type { SendGuidesOptions } from './mail/send-guides.js';
export type { MailRunResult, MessageOutcome, RetryPolicy } from './mail/run.js';
export type { MailPlan, PlannedMessage } from './mail/plan.js';

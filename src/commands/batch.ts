/**
 * `guide batch`: a tailored guide for every firm of a firm list (一企一策), PDF and DOCX in
 * dist/firms/<firm id>/, with manifest.json and manifest.csv for the mailing. `--explain` shows
 * one firm's choice of measures without building anything.
 */

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { checkDocumentGlyphs } from '../pipeline/glyph-check.js';
import { dateToInstant } from '../catalogue/dates.js';
import { measureStatus } from '../catalogue/select.js';
import { closestMatch } from '../schema/did-you-mean.js';
import type { Catalogue } from '../catalogue/types.js';
import { validateCatalogue } from '../catalogue/validate.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CliIo } from '../cli/io.js';
import { createReporter, type Reporter } from '../cli/report.js';
import { version } from '../cli/version.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../errors.js';
import { explainMatch, formatExplanation } from '../firms/explain.js';
import { buildFirmGuideView } from '../firms/guide-view.js';
import { matchFirm } from '../firms/match.js';
import { readFirmList } from '../firms/read.js';
import { firmIdKey, type RejectedRow } from '../firms/records.js';
import { emptyFirm, firmFieldLabels, type Firm, type FirmField, type FirmRow } from '../firms/types.js';
import { readFileBytes, stopwatch } from '../io/batch-output.js';
import { buildInstant } from '../io/clock.js';
import { loadEdition } from '../io/edition.js';
import { readFontFile } from '../io/resources.js';
import { manifestJson } from '../batch/manifest.js';
import { prepareFirmWorker, type FirmWorkerSetup } from '../batch/worker-setup.js';
import { defaultNamePattern, sharedInputsHash, shardOf, unknownPlaceholders, type Shard } from '../batch/plan.js';
import { Progress } from '../batch/progress.js';
import { reasonOf, runBatch, type BatchFirm } from '../batch/run.js';
import { readBatchTemplates } from '../batch/templates.js';
import { missingCodePoints } from '../writers/pdf/fonts.js';
import { parseFormats } from './options.js';
import { sha256Hex } from '../hash.js';
import { describeCodePoint } from '../diagnostics/code-point.js';

/** Options of `guide batch`, as commander parses them. */
export interface BatchCommandOptions {
  config?: string;
  firms: string;
  sheet?: string;
  format?: string;
  out?: string;
  asOf?: string;
  letterDate?: string;
  namePattern?: string;
  jobs?: string;
  shard?: string;
  only?: string;
  explain?: string;
  force?: boolean;
  json?: boolean;
}

function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) {
    throw new UsageError(
      `--jobs takes a number of builders (this process and its worker threads) from 1 to 256; got "${value}"`,
    );
  }
  return Number(value);
}

function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const found = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(found?.[1]);
  const count = Number(found?.[2]);
  if (!found || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n, such as 2/4; got "${value}"`);
  }
  return { index, count };
}

/** Text fields of a firm that reach its guide, each checked against the font. */
const drawnFields: readonly (keyof Firm & FirmField)[] = ['id', 'name', 'contact', 'email', 'city'];

/** Firms whose name, contact or city hold a character the font cannot draw: reported at the cell. */
function glyphProblems(
  rows: readonly FirmRow[],
  file: string,
  missing: (text: string) => number[],
): Map<FirmRow, Diagnostic[]> {
  const problems = new Map<FirmRow, Diagnostic[]>();
  for (const row of rows) {
    for (const field of drawnFields) {
      const value = row.firm[field];
      if (typeof value !== 'string') continue;
      for (const codePoint of missing(value)) {
        const place = row.cells[field] ?? row.place;
        const list = problems.get(row) ?? [];
        problems.set(row, list);
        list.push(
          diagnostic(
            'E-GLYPH-MISSING',
            `${place.label}: ${firmFieldLabels[field]} has ${describeCodePoint(codePoint)}, which the font cannot draw`,
            {
              file,
              ...(place.range ? { range: place.range } : {}),
              hint: 'replace it with a character the font has (the ordinary form of a CJK character), or remove it',
            },
          ),
        );
      }
    }
  }
  return problems;
}

/** Runs `guide batch`; returns the exit code. */
export async function batchCommand(io: CliIo, options: BatchCommandOptions): Promise<number> {
  const report = createReporter(io);
  const formatsOption = options.format === undefined ? undefined : parseFormats(options.format);
  const jobs = parseJobs(options.jobs);
  const shard = parseShard(options.shard);
  const namePattern = options.namePattern ?? defaultNamePattern;
  const unknown = unknownPlaceholders(namePattern);
  if (unknown.length > 0) {
    throw new UsageError(
      `--name-pattern: unknown placeholder ${unknown.map((u) => `{${u}}`).join(', ')}; use {企業名稱} or {name}, {編號} or {id}`,
    );
  }
  const pinned = buildInstant(io.env);

  const loaded = await loadEdition(io.cwd, options.config);
  const sources = new Map(loaded.sources);
  const diagnostics: Diagnostic[] = validateCatalogue(loaded, options.asOf ? { asOf: options.asOf } : {});
  const fail = (list: readonly Diagnostic[], what = 'nothing was built') => {
    report.diagnostics(list, sources, { format: 'text', root: loaded.root });
    report.info(what);
    return ExitCode.invalidInput;
  };
  const { catalogue } = loaded;
  if (!catalogue || hasErrors(diagnostics)) return fail(diagnostics);
  const edition = catalogue.edition;
  const asOf = options.asOf ?? edition.date;
  const letterDate = options.letterDate ?? asOf;
  const formats = formatsOption ?? edition.output.formats;
  const outDir = path.resolve(io.cwd, options.out ?? path.join(loaded.root, edition.output.dir, 'firms'));

  // Templates, theme and fonts, checked here exactly as every worker will set them up.
  const templates = readBatchTemplates(loaded.root, edition);
  for (const source of [...Object.values(templates.sources), templates.theme]) sources.set(source.file, source.text);
  const setup: FirmWorkerSetup = {
    root: loaded.root,
    catalogue,
    templateSources: templates.sources,
    theme: templates.theme,
    outDir,
    formats,
    asOf,
    letterDate,
    // Reproducible by default: the letter's date unless SOURCE_DATE_EPOCH says otherwise.
    creationDate: (pinned ?? dateToInstant(letterDate)).getTime(),
  };
  const prepared = prepareFirmWorker(setup);
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.worker || hasErrors(diagnostics)) return fail(diagnostics);
  const { context } = prepared.worker;
  const missing = (text: string) => missingCodePoints(context.fonts, text);

  // Measure text every guide may print, checked once rather than in every firm's guide.
  const active = new Set(
    catalogue.measures.filter((entry) => measureStatus(entry.measure, asOf) === 'active').map((entry) => entry.file),
  );
  const measureFiles = new Set(catalogue.measures.map((entry) => entry.file));
  const documents = new Map([...loaded.documents].filter(([file]) => !measureFiles.has(file) || active.has(file)));
  diagnostics.push(...checkDocumentGlyphs(missing, documents, loaded.sources).diagnostics);
  if (hasErrors(diagnostics)) return fail(diagnostics);

  // The firm list.
  const firmsPath = path.resolve(io.cwd, options.firms);
  const firmsFile = path.relative(loaded.root, firmsPath).split(path.sep).join('/') || options.firms;
  const read = readFileBytes(firmsPath);
  if ('error' in read) {
    return fail([
      ...diagnostics,
      diagnostic('E-FIRMS-FILE', `the firm list could not be read (${read.error})`, {
        file: firmsFile,
        hint: read.error === 'ENOENT' ? 'check the path given to --firms' : 'check that the file can be opened',
      }),
    ]);
  }
  if (options.sheet !== undefined && !/\.xls[xm]$/i.test(firmsPath)) {
    throw new UsageError('--sheet picks a worksheet of an .xlsx workbook; the firm list is not one');
  }
  const list = await readFirmList(firmsFile, read.bytes, {
    vocabularies: edition.vocabularies,
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
  });
  if (list.text !== undefined) sources.set(firmsFile, list.text);
  const listDiagnostics = [...list.diagnostics];
  const glyphs = glyphProblems(list.rows, firmsFile, missing);
  for (const problems of glyphs.values()) listDiagnostics.push(...problems);
  const fileLevel = listDiagnostics.filter((d) => d.code === 'E-FIRMS-FILE');
  if (fileLevel.length > 0) return fail([...diagnostics, ...listDiagnostics]);

  if (options.explain !== undefined) {
    return explain(options.explain, {
      report,
      json: options.json === true,
      catalogue,
      rows: list.rows,
      glyphs,
      rejected: list.rejected,
      sources,
      root: loaded.root,
      asOf,
      letterDate,
      firmsFile,
    });
  }

  // Which firms this run builds.
  const only = options.only === undefined ? undefined : selectOnly(options.only, list.rows, list.rejected);
  const inRun = (firm: Firm) =>
    (only === undefined || only.has(firmIdKey(firm.id))) &&
    (shard === undefined || shardOf(firm, shard.count) === shard.index);

  const warnings = [...diagnostics, ...listDiagnostics];
  if (warnings.length > 0) report.diagnostics(warnings, sources, { format: 'text', root: loaded.root });

  const firms: BatchFirm[] = [];
  const rowsInOrder = [
    ...list.rows.map((row) => ({ label: row.label, row })),
    ...list.rejected.map((rejected) => ({ label: rejected.label, rejected })),
  ].sort((a, b) => labelOrder(a.label) - labelOrder(b.label));
  for (const item of rowsInOrder) {
    if ('row' in item) {
      const problems = glyphs.get(item.row);
      firms.push({
        firm: item.row.firm,
        selected: inRun(item.row.firm),
        ...(problems ? { invalid: reasonOf(problems) } : {}),
      });
    } else if (item.rejected.id !== null) {
      const { id, name, contact, email } = item.rejected;
      const firm: Firm = { ...emptyFirm, id, name: name ?? '', contact, email };
      firms.push({ firm, selected: inRun(firm), invalid: reasonOf(item.rejected.diagnostics) });
    }
  }

  const fontDigests = Object.fromEntries(
    [context.theme.fonts.pdf.regular, context.theme.fonts.pdf.bold].map((font) => [
      font,
      sha256Hex(readFontFile(loaded.root, font)),
    ]),
  );
  const inputsHash = sharedInputsHash({
    tool: `guide ${version}`,
    templates: Object.fromEntries(Object.entries(templates.sources).map(([name, source]) => [name, source.text])),
    theme: templates.theme.text,
    fonts: fontDigests,
    edition,
    asOf,
    letterDate,
    creationDate: new Date(setup.creationDate).toISOString(),
    formats,
    namePattern,
  });

  const selected = firms.filter((f) => f.selected && f.invalid === undefined).length;
  let progress: Progress | undefined;
  const elapsed = stopwatch();
  const result = await runBatch({
    setup,
    firms,
    manifest: {
      generator: `guide ${version}`,
      edition: { title: edition.title, edition: edition.edition, date: edition.date },
      asOf,
      letterDate,
      formats,
      firmList: options.firms,
      inputsHash,
    },
    namePattern,
    jobs,
    local: prepared.worker,
    force: options.force === true,
    onPlan({ build, skip }) {
      const shown = path.relative(io.cwd, outDir) || '.';
      report.info(
        `${selected} firm${selected === 1 ? '' : 's'} in this run: ${build} to build, ${skip} up to date (skipped); output in ${shown}/`,
      );
      if (build > 0) progress = new Progress(io.stderr, build, elapsed);
    },
    onFirm(firm, outcome) {
      progress?.tick(outcome.kind === 'failed');
      if (outcome.kind === 'failed') {
        progress?.message(`${report.style.error('failed')} ${firm.id} ${firm.name}: ${reasonOf(outcome.diagnostics)}`);
      }
    },
  });
  progress?.finish();

  // Failures often share one cause (a template mistake): each distinct problem is shown once.
  const seen = new Set<string>();
  const failureDiagnostics: Diagnostic[] = [];
  for (const { result: failure } of result.failed) {
    if (failure.markdown) sources.set(failure.markdown.file, failure.markdown.text);
    for (const d of failure.diagnostics) {
      const key = `${d.code}\u0000${d.message}\u0000${d.range?.join(',') ?? ''}\u0000${d.file === failure.markdown?.file ? '' : (d.file ?? '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      failureDiagnostics.push(d);
    }
  }
  if (failureDiagnostics.length > 0) {
    report.diagnostics(failureDiagnostics, sources, { format: 'text', root: loaded.root });
  }

  const invalidRows = list.rejected.length + glyphs.size;
  const shownOut = path.relative(io.cwd, outDir) || '.';
  report.info(
    [
      `${report.style.ok('built')} ${result.built}`,
      `${result.skipped} up to date`,
      `${result.failed.length} failed`,
      ...(invalidRows > 0 ? [`${invalidRows} row${invalidRows === 1 ? '' : 's'} of ${firmsFile} left out`] : []),
    ].join(', ') + `; manifest: ${shownOut}/manifest.json, ${shownOut}/manifest.csv`,
  );
  if (options.json === true) report.out(manifestJson(result.manifest));

  if (result.failed.some((f) => f.result.cause === 'internal')) return ExitCode.internal;
  if (result.failed.some((f) => f.result.cause === 'output')) return ExitCode.outputFailed;
  if (result.failed.length > 0 || hasErrors(listDiagnostics)) return ExitCode.invalidInput;
  return ExitCode.ok;
}

// "row 12" / "firm 3" → 12 / 3: rows and rejected rows back in file order.
function labelOrder(label: string): number {
  return Number(/\d+/.exec(label)?.[0] ?? 0);
}

function selectOnly(value: string, rows: readonly FirmRow[], rejected: readonly { id: string | null }[]): Set<string> {
  const wanted = value
    .split(/[,，;；\s]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const known = [...rows.map((row) => row.firm.id), ...rejected.flatMap((r) => (r.id === null ? [] : [r.id]))];
  const keys = new Set(known.map(firmIdKey));
  const missingIds = wanted.filter((id) => !keys.has(firmIdKey(id)));
  if (wanted.length === 0 || missingIds.length > 0) {
    const near = missingIds.length === 1 ? closestMatch(missingIds[0]!, known) : undefined;
    throw new UsageError(
      wanted.length === 0
        ? '--only needs firm ids, separated by commas'
        : `--only: no firm with id ${missingIds.map((id) => `"${id}"`).join(', ')} in the list${near !== undefined ? ` (did you mean "${near}"?)` : ''}`,
    );
  }
  return new Set(wanted.map(firmIdKey));
}

/** What `--explain` needs of the run. */
interface ExplainContext {
  report: Reporter;
  json: boolean;
  catalogue: Catalogue;
  rows: readonly FirmRow[];
  /** Rows whose text the font cannot draw, with the diagnostics. */
  glyphs: ReadonlyMap<FirmRow, Diagnostic[]>;
  rejected: readonly RejectedRow[];
  sources: ReadonlyMap<string, string>;
  root: string;
  asOf: string;
  letterDate: string;
  firmsFile: string;
}

/** `--explain <id>`: the firm's choice of measures, or why its row cannot be used. */
function explain(id: string, context: ExplainContext): number {
  const { report, catalogue, rows, glyphs, rejected, sources, root } = context;
  const key = firmIdKey(id);
  const row = rows.find((r) => firmIdKey(r.firm.id) === key);
  const problems = row ? glyphs.get(row) : rejected.find((r) => r.id !== null && firmIdKey(r.id) === key)?.diagnostics;
  if (problems) {
    report.diagnostics(problems, sources, { format: 'text', root });
    report.info(`firm ${id} cannot be used until its row is fixed`);
    return ExitCode.invalidInput;
  }
  if (!row) {
    const near = closestMatch(
      id,
      rows.map((r) => r.firm.id),
    );
    throw new UsageError(
      `--explain: no firm with id "${id}" in ${context.firmsFile}${near !== undefined ? ` (did you mean "${near}"?)` : ''}`,
    );
  }
  const match = matchFirm(catalogue, row.firm, context.asOf);
  const explanation = explainMatch(catalogue, match);
  if (context.json) {
    report.out(JSON.stringify(explanation, null, 2));
    return ExitCode.ok;
  }
  const profile = buildFirmGuideView(catalogue, match, context.letterDate).firm.profile;
  report.out(formatExplanation(explanation, profile, `${row.label} of ${context.firmsFile}`));
  return ExitCode.ok;
}

/**
 * `guide batch`: a tailored guide for every firm of a firm list (一企一策), in dist/firms/<firm
 * id>/, with manifest.json and manifest.csv for the mailing. `--explain` shows one firm's choice
 * of measures without building anything.
 */

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { validateCatalogue } from '../catalogue/validate.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { version } from '../io/version.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { stopwatch } from '../io/batch-output.js';
import { buildInstant } from '../io/clock.js';
import { loadEdition } from '../io/edition.js';
import { manifestJson } from '../batch/manifest.js';
import { explainFirm } from '../batch/explain-report.js';
import { checkNamePattern, defaultNamePattern, parseJobs, runInputsHash } from '../batch/plan.js';
import { parseShard } from '../batch/shard.js';
import { batchFirms, firmGlyphProblems, readRunFirmList, selectOnly } from '../batch/preflight.js';
import { checkSourceGlyphs } from '../pipeline/glyph-check.js';
import { Progress } from '../batch/progress.js';
import { failureDiagnostics, reasonOf, runBatch } from '../batch/run.js';
import { prepareFirmWorker } from '../batch/worker-setup.js';
import { readTemplates, templateSourceTexts } from '../pipeline/templates.js';
import { resolvePdfOutput } from '../pipeline/pdf-output.js';
import { resolveRequest } from '../pipeline/request.js';
import type { PdfStandard } from '../writers/pdf/index.js';
import { parseOutputAndReportFormats } from './options.js';
import { holdHeapGrowth, optimizeHotCodeOnly } from './v8-flags.js';
import { batchMessages as say } from '../messages/batch.js';

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
  pdfStandard?: PdfStandard;
  print?: boolean;
}

/** Runs `guide batch`; returns the exit code. */
export async function batchCommand(io: CliIo, options: BatchCommandOptions): Promise<number> {
  holdHeapGrowth();
  optimizeHotCodeOnly();
  const report = createReporter(io);
  const { formats, report: reportFormat } = parseOutputAndReportFormats(options.format);
  const jobs = parseJobs(options.jobs, availableParallelism());
  const shard = parseShard(options.shard);
  const namePattern = checkNamePattern(options.namePattern ?? defaultNamePattern);
  const pinnedDate = buildInstant(io.env);

  const loaded = await loadEdition(io.cwd, options.config);
  const { root } = loaded;
  const sources = new Map(loaded.sources);
  const diagnostics: Diagnostic[] = validateCatalogue(loaded, options.asOf ? { asOf: options.asOf } : {});
  const print = (list: readonly Diagnostic[], extra?: Record<string, unknown>) =>
    report.diagnostics(list, sources, { format: reportFormat, root, ...(extra ? { extra } : {}) });
  const fail = (list: readonly Diagnostic[]) => {
    print(list);
    report.info(say.nothingBuilt());
    return ExitCode.invalidInput;
  };
  const { catalogue } = loaded;
  if (!catalogue || hasErrors(diagnostics)) return fail(diagnostics);
  const edition = catalogue.edition;
  const request = resolveRequest(edition, {
    document: 'firm',
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.letterDate ? { letterDate: options.letterDate } : {}),
    ...(formats ? { formats } : {}),
    ...(pinnedDate ? { pinnedDate } : {}),
    ...(options.pdfStandard !== undefined ? { pdfStandard: options.pdfStandard } : {}),
    ...(options.print !== undefined ? { print: options.print } : {}),
  });
  const outDir = path.resolve(io.cwd, options.out ?? path.join(root, edition.output.dir, 'firms'));

  // Templates, theme and fonts, checked here exactly as every worker will set them up.
  const templates = readTemplates(root, catalogue, 'firm-guide');
  for (const [file, text] of templateSourceTexts(templates)) sources.set(file, text);
  const setup = { root, catalogue, templates, outDir, request };
  const prepared = prepareFirmWorker(setup);
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.worker || hasErrors(diagnostics)) return fail(diagnostics);
  const { fonts, theme } = prepared.worker.prepared;
  // A standard and colours that cannot go together are refused before any firm is built.
  resolvePdfOutput(theme, request);
  diagnostics.push(...checkSourceGlyphs(fonts, loaded, catalogue, request.asOf));
  // The checks were the last to read the parsed YAML: let it go before the firms are built.
  loaded.documents.clear();
  loaded.texts.clear();
  if (hasErrors(diagnostics)) return fail(diagnostics);

  // In a function of its own, which has returned before the firms are built: an async function
  // keeps what it awaited until it returns, and the list's rows (with each cell's place in the
  // file, for messages: about 1 KB a firm) are not needed once the firms are known.
  const read = await (async () => {
    const { firmsFile, list } = await readRunFirmList(options.firms, {
      cwd: io.cwd,
      root,
      edition,
      sheet: options.sheet,
    });
    if (list.text !== undefined) sources.set(firmsFile, list.text);
    const glyphs = firmGlyphProblems(list.rows, firmsFile, fonts);
    const listDiagnostics = [...list.diagnostics, ...[...glyphs.values()].flat()];
    // A list that cannot be used at all, or a YAML list that does not parse: no firm can be trusted.
    const unusable = (d: Diagnostic) =>
      d.code === 'E-FIRMS-FILE' || (d.code.startsWith('E-YAML-') && d.severity === 'error');
    if (listDiagnostics.some(unusable)) return fail([...diagnostics, ...listDiagnostics]);

    if (options.explain !== undefined) {
      return explainFirm(options.explain, {
        ...{ report, json: options.json === true, catalogue, request, rows: list.rows, glyphs },
        ...{ rejected: list.rejected, sources, root, firmsFile },
      });
    }

    const only = options.only === undefined ? undefined : selectOnly(options.only, list.rows, list.rejected);
    const firms = batchFirms(list, glyphs, { ...(only ? { only } : {}), ...(shard ? { shard } : {}) });
    return { firmsFile, firms, listDiagnostics, invalidRows: list.rejected.length + glyphs.size };
  })();
  // An exit code: the list cannot be used, or --explain has said what it had to.
  if (typeof read === 'number') return read;
  const { firmsFile, firms, listDiagnostics, invalidRows } = read;
  const warnings = [...diagnostics, ...listDiagnostics];
  if (warnings.length > 0 && reportFormat === 'text') print(warnings);

  const inputsHash = runInputsHash({ root, templates, theme, edition, request, namePattern });

  const selected = firms.filter((f) => f.selected && f.invalid === undefined).length;
  let progress: Progress | undefined;
  const elapsed = stopwatch();
  /** Why the run built on one thread alone, should its worker threads not start. */
  const threads: Diagnostic[] = [];
  const result = await runBatch({
    setup,
    firms,
    manifest: {
      generator: `guide ${version}`,
      edition: { title: edition.title, edition: edition.edition, date: edition.date },
      asOf: request.asOf,
      letterDate: request.letterDate,
      formats: request.formats,
      firmList: options.firms,
      inputsHash,
    },
    namePattern,
    jobs,
    local: prepared.worker,
    force: options.force === true,
    onPlan({ build, skip }) {
      const shown = path.relative(io.cwd, outDir) || '.';
      report.info(say.plan({ selected, build, skip, out: shown }));
      if (build > 0) progress = new Progress(io.stderr, build, elapsed);
    },
    onThreadsGaveUp(reason) {
      threads.push(
        diagnostic('W-BATCH-THREADS', say.threadsNotStarted({ reason }), { hint: say.threadsNotStartedHint() }),
      );
    },
    onFirm(firm, outcome) {
      progress?.tick(outcome.kind === 'failed');
      if (outcome.kind === 'failed') {
        const failed = report.style.error(say.failedWord());
        progress?.message(
          say.firmFailed({ failed, id: firm.id, name: firm.name, reason: reasonOf(outcome.diagnostics) }),
        );
      }
    },
  });
  progress?.finish();

  const failures = failureDiagnostics(result.failed);
  for (const [file, text] of failures.rendered) sources.set(file, text);
  if (reportFormat === 'json') {
    print(
      [...warnings, ...threads, ...failures.diagnostics],
      options.json === true ? { manifest: result.manifest } : undefined,
    );
  } else if (threads.length + failures.diagnostics.length > 0) print([...threads, ...failures.diagnostics]);

  const shownOut = path.relative(io.cwd, outDir) || '.';
  const counts = [
    say.built({ built: report.style.ok(say.builtWord()), n: result.built }),
    say.upToDate({ n: result.skipped }),
    say.failed({ n: result.failed.length }),
    ...(invalidRows > 0 ? [say.rowsLeftOut({ n: invalidRows, file: firmsFile })] : []),
  ];
  report.info(
    say.summary({
      counts: counts.join(say.separator()),
      json: `${shownOut}/manifest.json`,
      csv: `${shownOut}/manifest.csv`,
    }),
  );
  if (options.json === true && reportFormat !== 'json') report.out(manifestJson(result.manifest));

  if (result.failed.some((f) => f.result.cause === 'internal')) return ExitCode.internal;
  if (result.failed.some((f) => f.result.cause === 'output')) return ExitCode.outputFailed;
  if (result.failed.length > 0 || hasErrors(listDiagnostics)) return ExitCode.invalidInput;
  return ExitCode.ok;
}

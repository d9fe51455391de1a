/** `guide build`: validate, select, render and write the edition's guide into dist/. */

import path from 'node:path';
import { validateCatalogue } from '../catalogue/validate.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { version } from '../io/version.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readBuildInputs } from '../io/build-inputs.js';
import { commandCache } from '../io/build-cache.js';
import { buildInstant } from '../io/clock.js';
import { loadEdition } from '../io/edition.js';
import { writeEditionOutput } from '../io/edition-output.js';
import { safeFileName } from '../io/file-names.js';
import { buildDocument, editionContent, selectEdition } from '../pipeline/build-document.js';
import { createPipelineCache } from '../pipeline/cache.js';
import { checkSourceGlyphs } from '../pipeline/glyph-check.js';
import { usedFontDigests } from '../pipeline/fonts.js';
import { prepare } from '../pipeline/prepare.js';
import { readTemplates, templateSourceTexts } from '../pipeline/templates.js';
import { resolveRequest } from '../pipeline/request.js';
import { resolvePdfOutput } from '../pipeline/pdf-output.js';
import { writeDocument } from '../pipeline/write-document.js';
import { keepFontMetrics, type PdfStandard } from '../writers/pdf/index.js';
import { changesView } from '../release/changes-view.js';
import { summarizeDiff } from '../release/diff.js';
import { createManifest, manifestFileName, serializeManifest } from '../release/manifest.js';
import { changesSince } from '../release/since.js';
import { parseOutputAndReportFormats } from './options.js';
import { holdYoungGeneration, optimizeHotCodeOnly, releaseYoungGeneration, SMALL_EDITION } from './v8-flags.js';
import { buildMessages as say } from '../messages/render.js';

export interface BuildCommandOptions {
  config?: string;
  format?: string;
  out?: string;
  asOf?: string;
  strict?: boolean;
  json?: boolean;
  since?: string;
  expiringWithin?: number;
  pdfStandard?: PdfStandard;
  print?: boolean;
  /** `--cache DIR`; false for `--no-cache`. */
  cache?: string | false;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export async function buildCommand(io: CliIo, options: BuildCommandOptions): Promise<number> {
  optimizeHotCodeOnly();
  holdYoungGeneration();
  const report = createReporter(io);
  const { formats, report: reportFormat } = parseOutputAndReportFormats(options.format);
  const pinnedDate = buildInstant(io.env);
  const store = commandCache(io.cwd, options.config, options.cache);
  const loaded = await loadEdition(io.cwd, options.config, store ? { store } : {});
  const sources = new Map(loaded.sources);
  const diagnostics: Diagnostic[] = validateCatalogue(loaded, {
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.expiringWithin !== undefined ? { expiringWithinDays: options.expiringWithin } : {}),
  });
  const printDiagnostics = (extra?: Record<string, unknown>) =>
    report.diagnostics(diagnostics, sources, { format: reportFormat, root: loaded.root, ...(extra ? { extra } : {}) });
  const fail = () => {
    printDiagnostics();
    report.info(say.nothingWritten());
    return ExitCode.invalidInput;
  };
  const { catalogue, root } = { catalogue: loaded.catalogue, root: loaded.root };
  if (!catalogue || hasErrors(diagnostics)) return fail();
  if (catalogue.measures.length > SMALL_EDITION) releaseYoungGeneration();
  const edition = catalogue.edition;
  const request = resolveRequest(edition, {
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(formats ? { formats } : {}),
    ...(pinnedDate ? { pinnedDate } : {}),
    ...(options.pdfStandard !== undefined ? { pdfStandard: options.pdfStandard } : {}),
    ...(options.print !== undefined ? { print: options.print } : {}),
  });

  const templates = readTemplates(root, catalogue, 'guide');
  for (const [file, text] of templateSourceTexts(templates)) sources.set(file, text);
  // Every file read is an input of the manifest: guide.yaml, the measures, the templates, the theme.
  const inputFiles = [...sources.keys()];
  const { prepared, diagnostics: prepareDiagnostics } = prepare({
    root,
    catalogue,
    templates,
    entry: 'guide',
    ...(store ? { store } : {}),
  });
  diagnostics.push(...prepareDiagnostics);
  if (!prepared || hasErrors(diagnostics)) return fail();
  // A standard and colours that cannot go together are refused before anything is built.
  resolvePdfOutput(prepared.theme, request);

  const selection = selectEdition(catalogue, request);
  diagnostics.push(...checkSourceGlyphs(prepared.fonts, loaded, catalogue, request.asOf));
  // The checks were the last to read the parsed YAML (the catalogue holds plain values, the
  // diagnostics their ranges): let it go before the guide is made (about 50 MB at 2,000 measures).
  loaded.documents.clear();
  loaded.texts.clear();
  if (hasErrors(diagnostics)) return fail();

  const since =
    options.since === undefined
      ? undefined
      : await changesSince(options.since, selection, prepared.guide, {
          cwd: io.cwd,
          ...(options.config !== undefined ? { config: options.config } : {}),
        });
  if (since && 'failed' in since) {
    report.diagnostics(since.failed.diagnostics, since.failed.sources, {
      format: reportFormat,
      root: since.failed.root,
    });
    report.info(say.sinceUnreadable({ since: options.since! }));
    return ExitCode.invalidInput;
  }
  if (since) diagnostics.push(...since.diagnostics);

  const content = editionContent(selection, since ? changesView(since.diff) : null);
  const cache = createPipelineCache({ oneDocument: true, ...(store ? { store } : {}) });
  const built = buildDocument(prepared, content, cache);
  diagnostics.push(...built.diagnostics);
  for (const [file, text] of built.rendered) sources.set(file, text);
  if (!built.model || hasErrors(diagnostics) || (options.strict === true && diagnostics.length > 0)) return fail();
  const files = await writeDocument(built.model, prepared, request, cache.writer);

  const outDir = path.resolve(io.cwd, options.out ?? path.join(root, edition.output.dir));
  const baseName = safeFileName(edition.output.name ?? `${edition.title}-${edition.edition}`);
  const named = files.map((file) => ({ ...file, path: `${baseName}.${file.format}` }));
  const manifest = createManifest({
    version,
    selection,
    creationDate: request.creationDate,
    inputs: readBuildInputs(root, inputFiles, usedFontDigests(prepared.theme, prepared.fonts)),
    outputs: named,
    ...(since ? { changes: since.diff } : {}),
  });
  const manifestText = serializeManifest(manifest);
  // The cache is written while the files are: both wait mostly on the thread pool.
  if (store) keepFontMetrics(prepared.fonts);
  const flushed = store?.flush();
  let written: string[];
  try {
    written = await writeEditionOutput(
      outDir,
      named.map((file) => ({ name: file.path, bytes: file.bytes })),
      { name: manifestFileName, text: manifestText },
      io.cwd,
    );
  } finally {
    await flushed;
  }

  if (diagnostics.length > 0 || reportFormat === 'json') {
    printDiagnostics(options.json === true && reportFormat === 'json' ? { manifest } : undefined);
  }
  for (const [index, target] of written.entries()) {
    const file = named[index];
    const size = file ? formatBytes(file.bytes.length) : undefined;
    const detail =
      file === undefined || size === undefined
        ? ''
        : file.pages === undefined
          ? say.size({ size })
          : say.sizeAndPages({ size, pages: file.pages });
    report.info(`${report.style.ok(say.wrote())} ${path.relative(io.cwd, target)}${detail}`);
  }
  const excluded = manifest.measures.excluded;
  const inEffect = { count: manifest.measures.included.length, date: request.asOf };
  report.info(
    excluded.length > 0 ? say.inEffectLeftOut({ ...inEffect, excluded: excluded.length }) : say.inEffect(inEffect),
  );
  for (const entry of excluded) {
    const { id, title } = entry;
    report.info(
      entry.reason === 'expired'
        ? say.leftOutEnded({ id, title, date: entry.until })
        : say.leftOutStarts({ id, title, date: entry.from }),
    );
  }
  if (since) report.info(say.changesSince({ since: options.since!, summary: summarizeDiff(since.diff) }));
  if (options.json === true && reportFormat !== 'json') report.out(manifestText);
  return ExitCode.ok;
}

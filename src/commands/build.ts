/** `guide build`: validate, select, render and write the edition's PDF and DOCX into dist/. */

import path from 'node:path';
import { buildGuide } from '../pipeline/build-guide.js';
import { prepareBuild } from '../pipeline/prepare.js';
import { dateToInstant } from '../catalogue/dates.js';
import { selectMeasures } from '../catalogue/select.js';
import { validateCatalogue } from '../catalogue/validate.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CliIo } from '../cli/io.js';
import { createReporter } from '../cli/report.js';
import { version } from '../cli/version.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { OutputError } from '../errors.js';
import { readBuildInputs } from '../io/build-inputs.js';
import { buildInstant } from '../io/clock.js';
import { loadEdition } from '../io/edition.js';
import { openSide } from '../io/edition-side.js';
import { safeFileName } from '../io/file-names.js';
import { removeFile } from '../io/remove-file.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { changesView } from '../release/changes-view.js';
import { diffEditions, summarizeDiff, type EditionDiff } from '../release/diff.js';
import { createManifest, manifestFileName, serializeManifest } from '../release/manifest.js';
import { sideSnapshot } from '../release/side-snapshot.js';
import { snapshotFromSelection } from '../release/snapshot.js';
import { parseFormats } from './options.js';

export interface BuildCommandOptions {
  config?: string;
  format?: string;
  out?: string;
  asOf?: string;
  strict?: boolean;
  json?: boolean;
  since?: string;
  expiringWithin?: number;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The name of the partial that prints the 本版更新說明 section. */
const changesPartial = 'changes';

export async function buildCommand(io: CliIo, options: BuildCommandOptions): Promise<number> {
  const report = createReporter(io);
  const formatsOption = options.format === undefined ? undefined : parseFormats(options.format);
  const pinned = buildInstant(io.env);
  const loaded = await loadEdition(io.cwd, options.config);
  let sources = new Map(loaded.sources);
  const diagnostics: Diagnostic[] = validateCatalogue(loaded, {
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.expiringWithin !== undefined ? { expiringWithinDays: options.expiringWithin } : {}),
  });
  const fail = () => {
    report.diagnostics(diagnostics, sources, { format: 'text', root: loaded.root });
    report.info('nothing was written');
    return ExitCode.invalidInput;
  };
  const { catalogue } = loaded;
  if (!catalogue || hasErrors(diagnostics)) return fail();
  const edition = catalogue.edition;

  const prepared = prepareBuild(loaded.root, catalogue, loaded.documents, loaded.sources);
  sources = prepared.sources;
  diagnostics.push(...prepared.diagnostics);
  if (!prepared.prepared || hasErrors(diagnostics)) return fail();
  // Every file read so far is an input: guide.yaml, the measures, the templates and the theme.
  const inputFiles = [...prepared.sources.keys()];
  const theme = prepared.prepared.theme;

  const asOf = options.asOf ?? edition.date;
  let changes: EditionDiff | undefined;
  if (options.since !== undefined) {
    const old = sideSnapshot(await openSide(options.since, io.cwd, options.config), io.cwd);
    if (!old.snapshot) {
      report.diagnostics(old.diagnostics, old.sources, { format: 'text', root: old.root });
      report.info(`could not read ${options.since} to compare against (--since); nothing was written`);
      return ExitCode.invalidInput;
    }
    changes = diffEditions(old.snapshot, snapshotFromSelection(selectMeasures(catalogue, { asOf })));
    if (!prepared.prepared.guide.partialCalls.has(changesPartial)) {
      diagnostics.push(
        diagnostic('W-CHANGES-NOT-SHOWN', '--since was given, but the templates never include {{> changes}}', {
          hint: "copy changes.md.hbs from guide's bundled templates into the templates folder, and add {{#if changes}}{{> changes}}{{/if}} to guide.md.hbs after the table of contents",
        }),
      );
    }
  }

  const outDir = path.resolve(io.cwd, options.out ?? path.join(loaded.root, edition.output.dir));
  const markdownFile = path.relative(loaded.root, path.join(outDir, 'guide.rendered.md')).split(path.sep).join('/');
  const formats = formatsOption ?? edition.output.formats;
  // Reproducible by default: the edition date unless SOURCE_DATE_EPOCH says otherwise.
  const creationDate = pinned ?? dateToInstant(edition.date);
  const result = await buildGuide({
    ...prepared.prepared,
    formats,
    asOf,
    creationDate,
    markdownFile,
    ...(changes ? { changes: changesView(changes) } : {}),
  });
  diagnostics.push(...result.diagnostics);
  if (result.markdown !== undefined) sources.set(markdownFile, result.markdown);
  const warned = diagnostics.length > 0;
  if (hasErrors(diagnostics) || (options.strict === true && warned)) {
    if (result.markdown !== undefined && hasErrors(result.diagnostics)) {
      // Reader diagnostics (a template bug) point into the rendered Markdown: keep it where they say.
      await writeFileAtomic(path.join(loaded.root, markdownFile), result.markdown);
    }
    return fail();
  }
  if (warned) report.diagnostics(diagnostics, sources, { format: 'text', root: loaded.root });

  const write = async (target: string, data: Uint8Array | string | null) => {
    try {
      await (data === null ? removeFile(target) : writeFileAtomic(target, data));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new OutputError(
        `could not write ${path.relative(io.cwd, target)} (${reason}); existing files were left as they were`,
      );
    }
  };
  const manifestPath = path.join(outDir, manifestFileName);
  // A manifest from an earlier build would describe files this build is replacing: it goes
  // first, and the new one is written only once every output is in place.
  await write(manifestPath, null);
  const baseName = safeFileName(edition.output.name ?? `${edition.title}-${edition.edition}`);
  const written = [];
  for (const output of result.outputs) {
    const target = path.join(outDir, `${baseName}.${output.format}`);
    await write(target, output.bytes);
    written.push({ ...output, path: path.relative(outDir, target).split(path.sep).join('/') });
    const pages = output.pages === undefined ? '' : `, ${output.pages} pages`;
    report.info(
      `${report.style.ok('wrote')} ${path.relative(io.cwd, target)} (${formatBytes(output.bytes.length)}${pages})`,
    );
  }
  const manifest = createManifest({
    version,
    selection: result.selection,
    creationDate,
    inputs: readBuildInputs(loaded.root, inputFiles, [theme.fonts.pdf.regular, theme.fonts.pdf.bold]),
    outputs: written,
    ...(changes ? { changes } : {}),
  });
  const manifestText = serializeManifest(manifest);
  await write(manifestPath, manifestText);
  report.info(`${report.style.ok('wrote')} ${path.relative(io.cwd, manifestPath)}`);

  const included = manifest.measures.included.length;
  const excluded = manifest.measures.excluded;
  report.info(
    `${included} measures in effect on ${asOf}${excluded.length > 0 ? `; ${excluded.length} left out:` : ''}`,
  );
  for (const entry of excluded) {
    const reason = entry.reason === 'expired' ? `ended ${entry.until}` : `starts ${entry.from}`;
    report.info(`  left out: ${entry.id} (${reason}) ${entry.title}`);
  }
  if (changes) report.info(`changes since ${options.since}: ${summarizeDiff(changes)}`);
  if (options.json === true) report.out(manifestText);
  return ExitCode.ok;
}

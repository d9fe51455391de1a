/** `guide build`: validate, select, render and write the edition's PDF and DOCX into dist/. */

import path from 'node:path';
import { buildGuide } from '../build/build-guide.js';
import { prepareBuild } from '../build/prepare.js';
import { dateToInstant } from '../catalogue/dates.js';
import type { OutputFormat } from '../catalogue/types.js';
import { validateCatalogue } from '../catalogue/validate.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CliIo } from '../cli/io.js';
import { createReporter } from '../cli/report.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { OutputError, UsageError } from '../errors.js';
import { buildInstant } from '../io/clock.js';
import { loadEdition } from '../io/edition.js';
import { safeFileName } from '../io/file-names.js';
import { writeFileAtomic } from '../io/write-atomic.js';

export interface BuildCommandOptions {
  config?: string;
  format?: string;
  out?: string;
  asOf?: string;
  strict?: boolean;
}

const knownFormats: readonly OutputFormat[] = ['pdf', 'docx'];

function parseFormats(value: string): OutputFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(knownFormats as readonly string[]).includes(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw new UsageError(`--format takes pdf, docx or pdf,docx; got "${value}"`);
  }
  return [...new Set(formats)] as OutputFormat[];
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export async function buildCommand(io: CliIo, options: BuildCommandOptions): Promise<number> {
  const report = createReporter(io);
  const formatsOption = options.format === undefined ? undefined : parseFormats(options.format);
  const pinned = buildInstant(io.env);
  const loaded = await loadEdition(io.cwd, options.config);
  let sources = new Map(loaded.sources);
  const diagnostics: Diagnostic[] = validateCatalogue(loaded, options.asOf ? { asOf: options.asOf } : {});
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

  const asOf = options.asOf ?? edition.date;
  const outDir = path.resolve(io.cwd, options.out ?? path.join(loaded.root, edition.output.dir));
  const markdownFile = path.relative(loaded.root, path.join(outDir, 'guide.rendered.md')).split(path.sep).join('/');
  const formats = formatsOption ?? edition.output.formats;
  const result = await buildGuide({
    ...prepared.prepared,
    formats,
    asOf,
    // Reproducible by default: the edition date unless SOURCE_DATE_EPOCH says otherwise.
    creationDate: pinned ?? dateToInstant(edition.date),
    markdownFile,
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

  const baseName = safeFileName(edition.output.name ?? `${edition.title}-${edition.edition}`);
  for (const output of result.outputs) {
    const target = path.join(outDir, `${baseName}.${output.format}`);
    try {
      await writeFileAtomic(target, output.bytes);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new OutputError(
        `could not write ${path.relative(io.cwd, target)} (${reason}); existing files were left as they were`,
      );
    }
    const pages = output.pages === undefined ? '' : `, ${output.pages} pages`;
    report.info(
      `${report.style.ok('wrote')} ${path.relative(io.cwd, target)} (${formatBytes(output.bytes.length)}${pages})`,
    );
  }
  const included = result.selection.chapters.reduce((n, c) => n + c.measures.length, 0);
  report.info(`${included} measures in effect on ${asOf}`);
  for (const { entry, status } of result.selection.excluded) {
    report.info(
      `  left out: ${entry.measure.id} (${status === 'expired' ? `ended ${entry.measure.effective.until}` : `starts ${entry.measure.effective.from}`})`,
    );
  }
  return ExitCode.ok;
}

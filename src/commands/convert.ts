/**
 * `guide convert [FILES…]`: the text values of measure files and guide.yaml, from Simplified to
 * Taiwan Traditional, in place (comments, keys and layout kept), written atomically. `--check`
 * only says which files would change (exit 1 if any: for CI); `--dry-run` prints the changes as
 * a line diff and writes nothing.
 */

import path from 'node:path';
import type { Document } from 'yaml';
import { createConverter } from '../convert/converter.js';
import { convertYamlValues, lineDiff } from '../convert/yaml-values.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { loadEdition } from '../io/edition.js';
import { createSourceReader } from '../io/source-reader.js';
import { maxSourceBytes } from '../catalogue/load.js';
import { writeFileAtomic } from '../io/write-atomic.js';

export interface ConvertCommandOptions {
  config?: string;
  check?: boolean;
  dryRun?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function convertCommand(io: CliIo, files: string[], options: ConvertCommandOptions): Promise<number> {
  const report = createReporter(io);
  const loaded = await loadEdition(io.cwd, options.config);
  const edition = loaded.catalogue?.edition;
  if (!edition) {
    report.diagnostics(loaded.diagnostics, loaded.sources, { format: 'text', root: loaded.root });
    return ExitCode.invalidInput;
  }
  const convert = createConverter(edition.terms ? { terms: edition.terms } : {});

  // Files relative to the edition folder: the ones named, or guide.yaml and every measure file.
  const targets =
    files.length > 0
      ? files.map((f) => path.relative(loaded.root, path.resolve(io.cwd, f)))
      : [...loaded.sources.keys()];
  const reader = createSourceReader(loaded.root);
  let changedFiles = 0;
  let changedValues = 0;
  let failed = false;
  for (const file of targets) {
    const shown = path.relative(io.cwd, path.join(loaded.root, file)) || file;
    let source = loaded.sources.get(file);
    const doc: Document | undefined = loaded.documents.get(file);
    if (source === undefined || doc === undefined) {
      if (source === undefined) {
        const read = await reader.read(file, maxSourceBytes);
        if (read.kind !== 'ok') {
          report.info(`guide: ${shown}: ${read.kind === 'missing' ? 'no such file' : 'could not be read'}; skipped`);
          failed = true;
          continue;
        }
        try {
          source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.bytes);
        } catch {
          report.info(`guide: ${shown} is not UTF-8 text; save it as UTF-8, then run guide convert again`);
          failed = true;
          continue;
        }
      } else {
        // The edition read it but could not parse it (not UTF-8, or not YAML): validate says why.
        report.info(`guide: ${shown} could not be read as YAML; run guide validate to see why. Skipped`);
        failed = true;
        continue;
      }
    }
    let result;
    try {
      result = convertYamlValues(source, convert, doc);
    } catch {
      report.info(`guide: ${shown} is not valid YAML; run guide validate to see why. Skipped`);
      failed = true;
      continue;
    }
    if (result.changes.length === 0) continue;
    changedFiles++;
    changedValues += result.changes.length;
    const count = plural(result.changes.length, 'value');
    if (options.dryRun) report.out(lineDiff(shown, source, result.text));
    if (options.check || options.dryRun) {
      report.out(`${shown}: ${count} would change\n`);
    } else {
      await writeFileAtomic(path.join(loaded.root, file), result.text, { shownAs: shown });
      report.out(`${shown}: ${count} converted\n`);
    }
  }
  const checked = plural(targets.length, 'file');
  if (changedFiles === 0) report.info(`${checked} checked: already in Taiwan Traditional, nothing to convert`);
  else if (options.check || options.dryRun)
    report.info(
      `${plural(changedFiles, 'file')} of ${checked} would change (${plural(changedValues, 'value')}); run \`guide convert\` to convert them`,
    );
  else report.info(`converted ${plural(changedValues, 'value')} in ${plural(changedFiles, 'file')} of ${checked}`);
  if (failed) return ExitCode.invalidInput;
  return options.check && changedFiles > 0 ? ExitCode.invalidInput : ExitCode.ok;
}

/**
 * `guide convert [FILES…]`: the text values of measure files and guide.yaml, from Simplified to
 * Taiwan Traditional, in place (comments, keys and layout kept), written atomically. `--check`
 * only says which files would change (exit 1 if any: for CI); `--dry-run` prints the changes as
 * a line diff and writes nothing. `--fix-punctuation` first mends the Chinese-keyboard mistakes
 * that keep a file from parsing (full-width colons and quotes, full-width-space indents, no space
 * after a field's colon), then converts as usual.
 */

import path from 'node:path';
import type { Document } from 'yaml';
import { createConverter } from '../convert/converter.js';
import { createPunctuationFixer } from '../convert/punctuation.js';
import { convertYamlValues, lineDiff } from '../convert/yaml-values.js';
import { keyboardTrapDiagnostics } from '../schema/keyboard-traps.js';
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
  fixPunctuation?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "2 punctuation mistakes fixed, 3 values converted", leaving out what is zero; without verbs,
 * "2 punctuation mistakes, 3 values".
 */
function changeCounts(fixes: number, values: number, verbs?: { fixes: string; values: string }): string {
  const parts: string[] = [];
  if (fixes > 0) parts.push(plural(fixes, 'punctuation mistake') + (verbs ? ` ${verbs.fixes}` : ''));
  if (values > 0) parts.push(plural(values, 'value') + (verbs ? ` ${verbs.values}` : ''));
  return parts.join(', ');
}

const doneVerbs = { fixes: 'fixed', values: 'converted' };
const wouldVerbs = { fixes: 'would be fixed', values: 'would change' };

export async function convertCommand(io: CliIo, files: string[], options: ConvertCommandOptions): Promise<number> {
  const report = createReporter(io);
  const punctuation = options.fixPunctuation ? createPunctuationFixer() : undefined;
  const wrap = punctuation?.wrap;
  const loaded = await loadEdition(io.cwd, options.config, wrap);
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
  const reader = wrap ? wrap(createSourceReader(loaded.root)) : createSourceReader(loaded.root);
  const written = !options.check && !options.dryRun;
  let changedFiles = 0;
  let changedValues = 0;
  let fixedMistakes = 0;
  let failed = false;
  for (const file of targets) {
    const shown = path.relative(io.cwd, path.join(loaded.root, file)) || file;
    let source = loaded.sources.get(file);
    const doc: Document | undefined = loaded.documents.get(file);
    let parses = true;
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
    } else if (doc === undefined) {
      // The edition read it but could not parse it (not UTF-8, or not YAML): validate says why.
      parses = false;
      failed = true;
      if (!punctuation?.fixed.has(file)) {
        report.info(
          !punctuation && keyboardTrapDiagnostics(file, source).length > 0
            ? `guide: ${shown} has full-width punctuation YAML cannot read; run guide convert --fix-punctuation (guide validate shows where). Skipped`
            : `guide: ${shown} could not be read as YAML; run guide validate to see why. Skipped`,
        );
        continue;
      }
      report.info(
        `guide: ${shown} is still not valid YAML once its punctuation is fixed; run guide validate to see why. Its values are not converted`,
      );
    }
    const fix = punctuation?.fixed.get(file);
    let text = source;
    let values = 0;
    if (parses) {
      try {
        const result = convertYamlValues(source, convert, doc);
        text = result.text;
        values = result.changes.length;
      } catch {
        report.info(`guide: ${shown} is not valid YAML; run guide validate to see why. Skipped`);
        failed = true;
        continue;
      }
    }
    const fixes = fix?.fixes ?? 0;
    if (fixes === 0 && values === 0) continue;
    const before = fix?.before ?? source;
    changedFiles++;
    changedValues += values;
    fixedMistakes += fixes;
    if (options.dryRun) report.out(lineDiff(shown, before, text));
    if (written) await writeFileAtomic(path.join(loaded.root, file), text, { shownAs: shown });
    report.out(`${shown}: ${changeCounts(fixes, values, written ? doneVerbs : wouldVerbs)}\n`);
  }
  const checked = plural(targets.length, 'file');
  const command = punctuation ? 'guide convert --fix-punctuation' : 'guide convert';
  if (changedFiles === 0)
    report.info(
      punctuation
        ? `${checked} checked: no full-width punctuation to fix, and already in Taiwan Traditional`
        : `${checked} checked: already in Taiwan Traditional, nothing to convert`,
    );
  else if (!written)
    report.info(
      `${plural(changedFiles, 'file')} of ${checked} would change (${changeCounts(fixedMistakes, changedValues)}); run \`${command}\` to change them`,
    );
  else
    report.info(
      `${changeCounts(fixedMistakes, changedValues, doneVerbs)} in ${plural(changedFiles, 'file')} of ${checked}`,
    );
  if (failed) return ExitCode.invalidInput;
  return options.check && changedFiles > 0 ? ExitCode.invalidInput : ExitCode.ok;
}

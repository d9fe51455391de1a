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
import { convertMessages as say } from '../messages/convert.js';

export interface ConvertCommandOptions {
  config?: string;
  check?: boolean;
  dryRun?: boolean;
  fixPunctuation?: boolean;
}

type CountWording = { fixes: (v: { count: number }) => string; values: (v: { count: number }) => string };

/**
 * "2 punctuation mistakes fixed, 3 values converted", leaving out what is zero; as counts only,
 * "2 punctuation mistakes, 3 values".
 */
function changeCounts(fixes: number, values: number, wording: CountWording = counted): string {
  const parts: string[] = [];
  if (fixes > 0) parts.push(wording.fixes({ count: fixes }));
  if (values > 0) parts.push(wording.values({ count: values }));
  return parts.length === 2 ? say.list({ first: parts[0]!, second: parts[1]! }) : (parts[0] ?? '');
}

const counted: CountWording = { fixes: say.mistakes, values: say.values };
const done: CountWording = { fixes: say.mistakesFixed, values: say.valuesConverted };
const would: CountWording = { fixes: say.mistakesToFix, values: say.valuesToConvert };

export async function convertCommand(io: CliIo, files: string[], options: ConvertCommandOptions): Promise<number> {
  const report = createReporter(io);
  const punctuation = options.fixPunctuation ? createPunctuationFixer() : undefined;
  const wrap = punctuation?.wrap;
  const loaded = await loadEdition(io.cwd, options.config, { wrap });
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
        report.info(read.kind === 'missing' ? say.noSuchFile({ file: shown }) : say.unreadable({ file: shown }));
        failed = true;
        continue;
      }
      try {
        source = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.bytes);
      } catch {
        report.info(say.notUtf8({ file: shown }));
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
            ? say.punctuationBlocks({ file: shown })
            : say.notYaml({ file: shown }),
        );
        continue;
      }
      report.info(say.stillNotYaml({ file: shown }));
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
        report.info(say.invalidYaml({ file: shown }));
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
    report.out(`${say.fileChanged({ file: shown, changes: changeCounts(fixes, values, written ? done : would) })}\n`);
  }
  const checked = say.files({ count: targets.length });
  const command = punctuation ? 'guide convert --fix-punctuation' : 'guide convert';
  if (changedFiles === 0)
    report.info(punctuation ? say.nothingToFix({ files: checked }) : say.nothingToConvert({ files: checked }));
  else if (!written)
    report.info(
      say.wouldChange({
        changed: say.files({ count: changedFiles }),
        files: checked,
        changes: changeCounts(fixedMistakes, changedValues),
        command,
      }),
    );
  else
    report.info(
      say.changed({
        changes: changeCounts(fixedMistakes, changedValues, done),
        changed: say.files({ count: changedFiles }),
        files: checked,
      }),
    );
  if (failed) return ExitCode.invalidInput;
  return options.check && changedFiles > 0 ? ExitCode.invalidInput : ExitCode.ok;
}

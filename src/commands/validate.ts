/** `guide validate`: every problem in every file, in one run. */

import path from 'node:path';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { commandCache } from '../io/build-cache.js';
import { editionConfig } from '../io/edition-config.js';
import { inputsUnchanged, recordInputs, type InputPrint } from '../io/inputs-seen.js';
import { entryKey, getJson, setJson, type EntryStore } from '../cache-store.js';
import { currentLanguage } from '../messages/language.js';
import type { EditionCheck } from '../pipeline/check-edition.js';
import { commandMessages as say } from '../messages/cli.js';

export interface ValidateCommandOptions {
  config?: string;
  strict?: boolean;
  format: 'text' | 'json';
  asOf?: string;
  expiringWithin?: number;
  /** `--cache DIR`; false for `--no-cache`. */
  cache?: string | false;
}

/** A run kept in the build cache: what it found, and every file and folder it looked at. */
interface KeptRun {
  inputs: InputPrint[];
  diagnostics: Diagnostic[];
  sources: [file: string, text: string][];
  root: string;
  measureFiles: number | null;
}

export async function validateCommand(io: CliIo, options: ValidateCommandOptions): Promise<number> {
  const report = createReporter(io);
  // Files that loaded cleanly (guide.yaml, the theme, the measures) are kept in the build cache,
  // so the next run (validate or build) parses only the files edited since; and the whole run is
  // kept, so the next one with nothing changed repeats its findings without checking again.
  const store = commandCache(io.cwd, options.config, options.cache);
  const key = entryKey(
    'validate-run',
    editionConfig(io.cwd, options.config),
    options.asOf ?? '',
    String(options.expiringWithin ?? ''),
    currentLanguage(),
  );
  const check = (store && keptRun(store, key)) ?? (await checkAndKeep(io.cwd, options, store, key));
  report.diagnostics(check.diagnostics, check.sources, { format: options.format, root: check.root });
  if (options.format === 'text' && check.measureFiles !== undefined) {
    // Named from where the user stands: ../../guide.yaml when run from policies/tax.
    const config = path.relative(
      io.cwd,
      path.join(check.root, options.config ? path.basename(options.config) : 'guide.yaml'),
    );
    report.info(say.checked({ config, n: check.measureFiles }));
  }
  await store?.flush();
  const failed = hasErrors(check.diagnostics) || (options.strict === true && check.diagnostics.length > 0);
  return failed ? ExitCode.invalidInput : ExitCode.ok;
}

/** The run kept under `key` when every file and folder it looked at is as it was. */
function keptRun(store: EntryStore, key: string): EditionCheck | undefined {
  const kept = getJson(store, key) as KeptRun | undefined;
  if (!kept || !inputsUnchanged(kept.inputs)) return undefined;
  return {
    diagnostics: kept.diagnostics,
    sources: new Map(kept.sources),
    root: kept.root,
    measureFiles: kept.measureFiles ?? undefined,
  };
}

/** Checks the edition (loading the checks only now) and keeps the run under `key`. */
async function checkAndKeep(
  cwd: string,
  options: ValidateCommandOptions,
  store: EntryStore | undefined,
  key: string,
): Promise<EditionCheck> {
  const { checkEdition } = await import('../pipeline/check-edition.js');
  if (!store) return checkEdition(cwd, options, store);
  const { value: check, inputs } = await recordInputs(() => checkEdition(cwd, options, store));
  // Only the texts the diagnostics point into: what the report quotes.
  const quoted = new Set(check.diagnostics.flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]));
  const kept: KeptRun = {
    inputs,
    diagnostics: check.diagnostics,
    sources: [...check.sources].filter(([file]) => quoted.has(file)),
    root: check.root,
    measureFiles: check.measureFiles ?? null,
  };
  setJson(store, key, kept);
  return check;
}

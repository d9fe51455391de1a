/**
 * `guide validate`'s run kept in the build cache: what it found, and every file and folder it
 * looked at (io/inputs-seen.ts). The next run with the same key repeats the findings while all of
 * them are as they were, without loading the checks (check-edition.ts is imported only to check).
 */

import { entryKey, getJson, setJson, type EntryStore } from '../cache-store.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { inputsUnchanged, recordInputs, type InputPrint } from '../io/inputs-seen.js';
import { currentLanguage } from '../messages/language.js';
import type { EditionCheck, EditionCheckOptions } from './check-edition.js';

/** A run as kept: JSON. A change to its shape needs `entryFormat` (io/build-cache.ts) raised. */
interface KeptRun {
  inputs: InputPrint[];
  diagnostics: Diagnostic[];
  /** The texts the diagnostics quote. */
  sources: [file: string, text: string][];
  root: string;
  measureFiles: number;
}

/**
 * What a run's findings depend on besides its inputs: the guide.yaml found, the options and the
 * language of the messages (`--strict` and `--format` only change how they are reported).
 */
export function checkKey(config: string, options: EditionCheckOptions): string {
  return entryKey('validate-run', config, options.asOf ?? '', String(options.expiringWithin ?? ''), currentLanguage());
}

/** The run kept under `key` when every file and folder it looked at is as it was. */
export function keptCheck(store: EntryStore, key: string): EditionCheck | undefined {
  const kept = getJson(store, key) as KeptRun | undefined;
  if (!kept || !inputsUnchanged(kept.inputs)) return undefined;
  return {
    diagnostics: kept.diagnostics,
    sources: new Map(kept.sources),
    root: kept.root,
    measureFiles: kept.measureFiles,
  };
}

/**
 * Checks the edition, noting its inputs, and keeps the run under `key`; not a run that found no
 * edition to check (no guide.yaml, or one that cannot be used), so none makes a cache folder there.
 */
export async function checkAndKeep(
  cwd: string,
  options: EditionCheckOptions,
  store: EntryStore,
  key: string,
): Promise<EditionCheck> {
  const { checkEdition } = await import('./check-edition.js');
  const { value: check, inputs } = await recordInputs(() => checkEdition(cwd, options, store));
  if (check.measureFiles === undefined) return check;
  const quoted = new Set(check.diagnostics.flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]));
  const kept: KeptRun = {
    inputs,
    diagnostics: check.diagnostics,
    sources: [...check.sources].filter(([file]) => quoted.has(file)),
    root: check.root,
    measureFiles: check.measureFiles,
  };
  setJson(store, key, kept);
  return check;
}

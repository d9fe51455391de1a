/**
 * A batch run over firms already read and checked: decide which firms need building, write a
 * manifest saying so, build them (in this thread and on worker threads), and record each firm
 * as it finishes. Firms whose guides are already there and up to date are left as they are.
 */

import path from 'node:path';
import type { MeasureEntry } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { matchFirm } from '../firms/match.js';
import { measureHash } from '../pipeline/cache.js';
import type { Firm } from '../firms/types.js';
import { fileDigest, lockOutputFolder, readTextIfPresent, removeLeftoverTemporaries } from '../io/batch-output.js';
import type { FirmJob, FirmJobResult } from './firm-job.js';
import { previousFirms, type BatchManifest, type ManifestFirm } from './manifest.js';
import { ManifestWriter } from './manifest-writer.js';
import { firmFileBase, firmFiles, firmInputsHash, isUpToDate } from './plan.js';
import { runPool } from './pool.js';
import type { FirmWorker, FirmWorkerSetup } from './worker-setup.js';
import { withCommonGlyphs } from './build-firm.js';
import { batchMessages as say } from '../messages/batch.js';

/** A firm of the list: to build in this run or not, and its row's problems if it has any. */
export interface BatchFirm {
  firm: Firm;
  /** In this run (`--only`, `--shard`). */
  selected: boolean;
  /** Why the row cannot be used (its diagnostics, as one line); the firm is recorded as failed. */
  invalid?: string;
  /** For a row without a usable id (empty, malformed, a duplicate): its row in the list. */
  row?: number;
}

/** A run: the firms, the workers' setup, the options, and whom to tell as it goes. */
export interface BatchRunOptions {
  setup: FirmWorkerSetup;
  /** Every firm of the list, in list order. */
  firms: readonly BatchFirm[];
  manifest: Omit<BatchManifest, 'firms'>;
  namePattern: string;
  /** Builders: this thread and `jobs - 1` worker threads. */
  jobs: number;
  /** This thread's builder, prepared from `setup` (the run was checked with it). */
  local: FirmWorker;
  /** Build every selected firm even when its guide is up to date. */
  force: boolean;
  /** Told before building starts how many firms will be built and skipped. */
  onPlan: (plan: { build: number; skip: number }) => void;
  /** Told as each firm finishes. */
  onFirm: (firm: Firm, result: FirmJobResult) => void;
  /** Told should no worker thread start: this thread builds every firm (see `runPool`). */
  onThreadsGaveUp?: (reason: string) => void;
}

/** What a run did: the manifest as written, and the counts. */
export interface BatchRunResult {
  manifest: BatchManifest;
  built: number;
  skipped: number;
  failed: { firm: Firm; result: Extract<FirmJobResult, { kind: 'failed' }> }[];
}

/** One line for a manifest's `reason`: the first diagnostic, with its place. */
export function reasonOf(diagnostics: readonly Diagnostic[]): string {
  const first = diagnostics[0];
  if (!first) return say.failedReason();
  const more = diagnostics.length > 1 ? say.andMore({ n: diagnostics.length - 1 }) : '';
  return `${first.code} ${first.file !== undefined ? `${first.file}: ` : ''}${first.message}${more}`;
}

/**
 * Runs the batch, holding the output folder's lock; the manifest is on disk, whole, at every
 * moment from the start.
 */
export async function runBatch(options: BatchRunOptions): Promise<BatchRunResult> {
  const unlock = await lockOutputFolder(options.setup.outDir);
  try {
    return await runLocked(options);
  } finally {
    await unlock();
  }
}

async function runLocked(options: BatchRunOptions): Promise<BatchRunResult> {
  const { setup } = options;
  const outDir = setup.outDir;
  await removeLeftoverTemporaries(outDir);
  const previous = previousFirms(await readTextIfPresent(path.join(outDir, 'manifest.json')));
  const entries: ManifestFirm[] = [];
  const jobs: FirmJob[] = [];
  let skipped = 0;
  for (const { firm, selected, invalid, row } of options.firms) {
    const contact = { id: firm.id, name: firm.name, contact: firm.contact, email: firm.email };
    if (invalid !== undefined) {
      entries.push({
        ...contact,
        ...(row !== undefined ? { row } : {}),
        status: 'failed',
        reason: invalid,
        measures: [],
        files: [],
        inputsHash: '',
      });
      continue;
    }
    const before = previous.get(firm.id);
    // The one match of the firm: its measures go to the builder as ids.
    const match = matchFirm(setup.catalogue, firm, setup.request.asOf);
    const chosen: MeasureEntry[] = [...match.answering, ...match.others];
    const measures = chosen.map((entry) => entry.measure.id);
    const hashes = chosen.map((entry) => measureHash(options.local.cache, entry));
    const inputsHash = firmInputsHash(options.manifest.inputsHash, firm, hashes);
    if (!selected) {
      if (before) entries.push(before);
      continue;
    }
    const base = firmFileBase(options.namePattern, firm);
    const expected = firmFiles(firm, base, setup.request.formats);
    const digest = (relative: string) => fileDigest(path.join(outDir, relative));
    if (!options.force && (await isUpToDate(before, inputsHash, expected, digest))) {
      entries.push({ ...before!, ...contact });
      skipped++;
      continue;
    }
    // Until it is rebuilt, the firm's entry lists no files: old ones may be half replaced.
    entries.push({ ...contact, status: 'pending', measures, files: [], inputsHash });
    jobs.push({
      index: jobs.length,
      firm,
      base,
      previousFiles: before?.files.map((file) => file.path) ?? [],
      answering: match.answering.map((entry) => entry.measure.id),
      others: match.others.map((entry) => entry.measure.id),
    });
  }

  const writer = new ManifestWriter(outDir, { ...options.manifest, firms: entries });
  await writer.flush();
  options.onPlan({ build: jobs.length, skip: skipped });

  const entryOf = new Map(entries.map((entry) => [entry.id, entry]));
  const failed: BatchRunResult['failed'] = [];
  let built = 0;
  await runPool({
    size: options.jobs,
    setup,
    local: jobs.length > 0 ? withCommonGlyphs(options.local) : options.local,
    jobs,
    onResult(job, result) {
      const { firm } = job;
      const entry = entryOf.get(firm.id)!;
      if (result.kind === 'done') {
        built++;
        // The entry's measures are the planned ones, which the builder used: ids a worker sent
        // back would be copies of the same strings, about 1 KB a firm for the whole run.
        writer.update({ ...entry, status: 'ok', files: result.files });
      } else {
        failed.push({ firm, result });
        writer.update({ ...entry, status: 'failed', reason: reasonOf(result.diagnostics), files: [] });
      }
      options.onFirm(firm, result);
    },
    ...(options.onThreadsGaveUp ? { onThreadsGaveUp: options.onThreadsGaveUp } : {}),
  });
  await writer.flush();
  return { manifest: writer.current, built, skipped, failed };
}

/**
 * The failed firms' diagnostics, each distinct problem once (failures often share one cause, a
 * template mistake), and the rendered Markdown they point into.
 */
export function failureDiagnostics(failed: BatchRunResult['failed']): {
  diagnostics: Diagnostic[];
  rendered: Map<string, string>;
} {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const rendered = new Map<string, string>();
  for (const { result } of failed) {
    for (const [file, text] of result.rendered ?? []) rendered.set(file, text);
    for (const d of result.diagnostics) {
      // The same mistake in every firm's letter names each firm's rendered Markdown: shown once.
      const file = d.file?.replace(/ for [^()]*\)$/, ')') ?? '';
      const key = `${d.code}\u0000${d.message}\u0000${d.range?.join(',') ?? ''}\u0000${file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
  }
  return { diagnostics, rendered };
}

/**
 * Batch rows: the per-firm cost and peak memory of `guide batch` as the number of firms grows.
 * The batch work owns `bench/batch.ts` (`runBatchBenchmark`: N generated firms against the
 * sample edition, PDF and DOCX, in a fresh `guide batch` process, peak RSS read from /proc);
 * this module only calls it, and says "not measured" while it does not exist.
 */

import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as BatchBench from '../batch.js';
import { notMeasured, ok, type Result } from './format.js';
import { guideBin, repoRoot } from './guide-lib.js';
import { profileNode, type ProfileSummary } from './profile.js';

/** One batch run, as the report shows it. */
export interface BatchRun {
  firms: number;
  /** Wall time of the whole `guide batch` process. */
  wallMs: number;
  perFirmMs: number;
  /** Peak resident memory of the process (main thread and workers), bytes; undefined off Linux. */
  peakRssBytes?: number;
  /** The same command again at once, every guide up to date. */
  rerunMs?: number;
  /** How many times faster than `guide build` once per firm (timed for a few runs, multiplied out). */
  vsNaive: number;
  /** 10,000 firms, PDF only: peak RSS (bytes) and wall per firm, when asked for. */
  large?: { firms: number; perFirmMs: number; peakRssBytes?: number };
}

/** The batch benchmark script, owned by the batch work. */
export const batchScript = path.join(repoRoot, 'bench/batch.ts');

const unavailable = 'guide batch not available (bench/batch.ts does not exist yet)';

async function loadBatchBench(): Promise<typeof BatchBench | undefined> {
  if (!existsSync(batchScript)) return undefined;
  return (await import(pathToFileURL(batchScript).href)) as typeof BatchBench;
}

/**
 * Runs a batch of `firms` generated firms through `bench/batch.ts`, or says why it cannot;
 * `large` adds the 10,000-firm PDF-only run (minutes).
 */
export async function runBatch(firms: number, large = false): Promise<Result<BatchRun>> {
  try {
    const bench = await loadBatchBench();
    if (!bench) return notMeasured(unavailable);
    const { batch, speedup, large: big } = await bench.runBatchBenchmark({ firms, naiveRuns: 3, large });
    return ok({
      firms: batch.firms,
      wallMs: batch.wallSeconds * 1000,
      perFirmMs: batch.perFirmMs,
      ...(batch.peakRssMb === null ? {} : { peakRssBytes: batch.peakRssMb * 1024 * 1024 }),
      ...(batch.rerunSeconds === undefined ? {} : { rerunMs: batch.rerunSeconds * 1000 }),
      vsNaive: speedup,
      ...(big
        ? {
            large: {
              firms: big.firms,
              perFirmMs: big.perFirmMs,
              ...(big.peakRssMb === null ? {} : { peakRssBytes: big.peakRssMb * 1024 * 1024 }),
            },
          }
        : {}),
    });
  } catch (error) {
    return notMeasured(`guide batch failed: ${(error as Error).message.slice(0, 300)}`);
  }
}

/**
 * Profiles one `guide batch` run of `firms` firms (a copy of the sample edition and the batch
 * script's generated firm list); the workers' profiles are summed with the main thread's.
 */
export async function profileBatch(firms: number): Promise<ProfileSummary | undefined> {
  const bench = await loadBatchBench();
  if (!bench) return undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-bench-batch-profile-'));
  try {
    for (const item of ['guide.yaml', 'policies', 'templates']) {
      cpSync(path.join(repoRoot, item), path.join(dir, item), { recursive: true });
    }
    writeFileSync(path.join(dir, 'firms.csv'), bench.firmListCsv(firms));
    return profileNode(
      `guide batch, ${firms} firms, PDF + DOCX`,
      [guideBin, 'batch', '--firms', 'firms.csv', '--format', 'pdf,docx', '--force'],
      dir,
      1,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

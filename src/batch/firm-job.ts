/**
 * One firm's job in a worker: build its guide, write its files (each atomically, then the ones
 * an earlier run wrote under other names are removed), and report what was written. A firm
 * whose guide fails loses the files an earlier run wrote for it. Everything
 * the firms share is set up once per worker by `prepareFirmWorker` (worker-setup.ts).
 */

import path from 'node:path';
import type { MeasureEntry } from '../catalogue/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Firm } from '../firms/types.js';
import { removeFiles } from '../io/batch-output.js';
import { writeFileAtomic, writeFileAtomicSync } from '../io/write-atomic.js';
import { buildFirmGuide } from './build-firm.js';
import type { ManifestFile } from './manifest.js';
import type { FirmWorker } from './worker-setup.js';
import { sha256Hex } from '../hash.js';
import { batchMessages as say } from '../messages/batch.js';

/** One firm to build. */
export interface FirmJob {
  index: number;
  firm: Firm;
  /** File name without extension. */
  base: string;
  /** Files an earlier run recorded for the firm (relative to outDir), removed when not rewritten. */
  previousFiles: string[];
  /**
   * The firm's measures as the main thread matched them, by id: a firm is matched once, and
   * only ids cross to the worker, which has the catalogue.
   */
  answering: string[];
  others: string[];
}

/** What a worker says about one firm: the files it wrote, or why it wrote none. */
export type FirmJobResult =
  | { kind: 'done'; index: number; files: ManifestFile[] }
  | {
      kind: 'failed';
      index: number;
      diagnostics: Diagnostic[];
      /** The rendered Markdown the diagnostics point into, by the names they give it. */
      rendered?: [string, string][];
      /**
       * `input`: the guide could not be built from the data (exit code 1); `output`: its files
       * could not be written (3); `internal`: a bug in guide (70).
       */
      cause: 'input' | 'output' | 'internal';
    };

/**
 * How a builder writes a firm's files. A worker thread writes them with synchronous calls: it has
 * nothing else to do meanwhile, and each of the seven asynchronous steps of a file was a hop to
 * node's thread pool with the thread idle until woken. The main thread writes them
 * asynchronously: between its steps the manifest is written and the workers' answers come in, and
 * a signal is taken (its handler removes the file being written).
 */
export type FileWrites = 'synchronous' | 'asynchronous';

/** Builds and writes one firm's guide. Never throws for a firm's own problem: it reports it. */
export async function runFirmJob(worker: FirmWorker, job: FirmJob, writes: FileWrites): Promise<FirmJobResult> {
  const { setup, prepared } = worker;
  const entries = (ids: readonly string[]): MeasureEntry[] => ids.map((id) => prepared.measures.get(id)!);
  const built = await buildFirmGuide(worker, {
    firm: job.firm,
    answering: entries(job.answering),
    others: entries(job.others),
  });
  /** Files an earlier run wrote for the firm, but for those in `kept`, as paths. */
  const previousFiles = (kept: ReadonlySet<string> = new Set()) =>
    job.previousFiles.filter((file) => !kept.has(file) && isInside(file)).map((file) => path.join(setup.outDir, file));
  // A firm that fails keeps no guide from an earlier run: it was made from other data, and the
  // manifest lists no files for the firm. Should one stay (a read-only folder), what made the
  // firm fail is what is reported.
  const removePrevious = () => removeFiles(previousFiles());
  if (built.files.length === 0) {
    await removePrevious();
    const rendered = [...built.rendered].filter(([file]) => built.diagnostics.some((d) => d.file === file));
    return {
      kind: 'failed',
      index: job.index,
      diagnostics: built.diagnostics,
      ...(rendered.length > 0 ? { rendered } : {}),
      cause: 'input',
    };
  }

  const files: ManifestFile[] = [];
  for (const output of built.files) {
    const relative = `${job.firm.id}/${job.base}.${output.format}`;
    const target = path.join(setup.outDir, relative);
    try {
      if (writes === 'synchronous') writeFileAtomicSync(target, output.bytes);
      else await writeFileAtomic(target, output.bytes);
    } catch (error) {
      await removePrevious();
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return outputFailure(job, say.couldNotWrite({ file: relative, reason }));
    }
    files.push({
      format: output.format,
      path: relative,
      bytes: output.bytes.length,
      sha256: sha256Hex(output.bytes),
      ...(output.pages !== undefined ? { pages: output.pages } : {}),
    });
  }
  // Files an earlier run wrote under other names are stale.
  const staying = await removeFiles(previousFiles(new Set(files.map((file) => file.path))));
  if (staying !== undefined) {
    const file = path.relative(setup.outDir, staying.file).split(path.sep).join('/');
    return outputFailure(job, say.couldNotRemove({ file, reason: staying.reason }));
  }
  return { kind: 'done', index: job.index, files };
}

/** A firm whose files could not be written or removed (exit code 3). */
function outputFailure(job: FirmJob, message: string): FirmJobResult {
  return {
    kind: 'failed',
    index: job.index,
    diagnostics: [{ code: 'E-FIRM-BUILD', severity: 'error', message, hint: say.couldNotWriteHint() }],
    cause: 'output',
  };
}

/** A bug met while building one firm: reported for that firm, so the others still get built. */
export function internalFailure(index: number, error: unknown): FirmJobResult {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    kind: 'failed',
    index,
    diagnostics: [{ code: 'E-FIRM-BUILD', severity: 'error', message: say.internalError({ error: text }) }],
    cause: 'internal',
  };
}

// A manifest is data from disk: never let a path in it reach outside the output folder.
function isInside(relative: string): boolean {
  const normal = path.posix.normalize(relative);
  return !normal.startsWith('../') && normal !== '..' && !path.posix.isAbsolute(normal);
}

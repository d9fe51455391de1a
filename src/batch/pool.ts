/**
 * The builders of a batch run: `size` of them, one in this thread (given the prepared worker it
 * checked the run with) and the rest on worker threads. Each builder takes the next firm when it
 * has answered the last. A worker thread gets firms once it has set itself up (about a second:
 * its modules, templates, fonts and the shared subsets), this thread building meanwhile, and is
 * then kept one firm ahead, so it never waits for this thread to finish a firm of its own before
 * it gets the next. Building in this thread too saves one thread's copy of everything a builder
 * holds (modules, fonts, caches, heap): about 100 MB.
 *
 * A worker that dies takes only the firm it was building with it: that firm is reported failed
 * (or, when the worker ran out of memory, built again by this thread), the firm queued behind it
 * goes back to the others, and a new worker takes its place. Workers that die before finishing
 * any firm (they cannot start) are not replaced for ever: after three, the firms left are built
 * by this thread alone.
 */

import type { Worker } from 'node:worker_threads';
import { internalFailure, runFirmJob, type FirmJob, type FirmJobResult } from './firm-job.js';
import type { FirmWorker, FirmWorkerSetup } from './worker-setup.js';
import type { WorkerData, WorkerReady, WorkerSetupFailure } from './worker.js';
import { batchMessages } from '../messages/batch.js';
import { currentLanguage } from '../messages/language.js';
import { fontFilesRead } from '../io/resources.js';
import { startModuleWorker } from '../io/module-worker.js';

/** Workers that may die before finishing a firm before the run gives up on starting more. */
const maxStartFailures = 3;

/** Firms a worker thread holds at once: the one it builds and the next. */
const queueDepth = 2;

/**
 * A worker thread's heap. A firm's guide is built from objects that live through its whole PDF
 * and DOCX; a young generation of 16 MB lets most of them die young rather than be promoted, and
 * a 128 MB old generation (twice what a builder keeps: fonts, caches, the catalogue, one guide)
 * bounds the rest. A guide too big for it is built again by this thread, whose heap has no such
 * bound. Measured with 300 firms, both formats, this thread and one worker on 2 cores (GNU time,
 * two rounds): young 32 MB 291–297 MB at the peak, 16 MB 278 MB in the same CPU time, 8 MB
 * 264 MB for 2–4 % more. (With 100 firms, 64 and 256 MB had given 404 MB against 383 MB for 32
 * and 128.)
 */
const resourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 };

/** A worker thread running worker.js with the run's setup and this thread's font files. */
function startWorker(setup: FirmWorkerSetup, fontFiles: WorkerData['fontFiles']): Worker {
  // A thread has its own copy of every module: it speaks the language this one was told to.
  const workerData: WorkerData = { setup, language: currentLanguage(), fontFiles };
  return startModuleWorker('./worker.js', import.meta.url, { workerData, resourceLimits });
}

/** What the pool runs, and where it reports each result. */
export interface PoolOptions {
  /** Builders: this thread and `size - 1` worker threads. */
  size: number;
  setup: FirmWorkerSetup;
  /** This thread's builder, prepared from `setup` as a worker thread prepares its own. */
  local: FirmWorker;
  jobs: readonly FirmJob[];
  /** Called once per job, in the order jobs finish. */
  onResult: (job: FirmJob, result: FirmJobResult) => void;
  /**
   * Called once should the pool stop starting worker threads, none of them having built a firm
   * (why the last one stopped): this thread then builds the rest alone, more slowly.
   */
  onThreadsGaveUp?: (reason: string) => void;
}

/** Runs every job; resolves when each has a result and every worker thread has stopped. */
export function runPool(options: PoolOptions): Promise<void> {
  const { jobs } = options;
  // Read whole before any firm is built, for every thread to draw from the same bytes: a font
  // changed since this thread opened it is refused here (E-THEME-FONT), not read anew by a worker.
  const fontFiles = fontFilesRead();
  /** Jobs handed back by a worker that died before starting them, taken before new ones. */
  const returned: FirmJob[] = [];
  /** Jobs a worker ran out of memory on: this thread builds them. */
  const tooBig: FirmJob[] = [];
  let next = 0;
  let finished = 0;
  let startFailures = 0;
  let gaveUp = false;
  let live = 0;
  let localRunning = false;
  /** Workers still setting themselves up: ended if the firms run out first. */
  const settingUp = new Set<Worker>();
  const take = (): FirmJob | undefined => returned.shift() ?? (next < jobs.length ? jobs[next++] : undefined);

  return new Promise((resolve) => {
    const maybeDone = () => {
      if (finished === jobs.length && live === 0 && !localRunning) resolve();
    };
    const settle = (job: FirmJob, result: FirmJobResult) => {
      finished++;
      options.onResult(job, result);
    };

    // This thread's builder: one firm at a time, letting the workers' answers in between.
    const runLocal = async () => {
      if (localRunning) return;
      localRunning = true;
      for (let job = tooBig.shift() ?? take(); job; job = tooBig.shift() ?? take()) {
        settle(
          job,
          await runFirmJob(options.local, job, 'asynchronous').catch((error: unknown) =>
            internalFailure(job!.index, error),
          ),
        );
        await new Promise((done) => setImmediate(done));
      }
      localRunning = false;
      for (const worker of settingUp) void worker.terminate();
      maybeDone();
    };

    const start = () => {
      const worker = startWorker(options.setup, fontFiles);
      settingUp.add(worker);
      live++;
      /** Jobs sent and not answered, in the order the worker builds them. */
      const queued: FirmJob[] = [];
      let completed = 0;
      let ended = false;
      const fill = () => {
        while (!ended && queued.length < queueDepth) {
          const job = take();
          if (!job) break;
          queued.push(job);
          worker.postMessage(job);
        }
        if (queued.length === 0) void worker.terminate();
      };
      const die = (reason: string, outOfMemory = false) => {
        if (ended) return;
        ended = true;
        const [building, ...waiting] = queued.splice(0);
        if (building && outOfMemory) tooBig.push(building);
        else if (building) {
          settle(building, {
            kind: 'failed',
            index: building.index,
            diagnostics: [
              { code: 'E-FIRM-BUILD', severity: 'error', message: batchMessages.workerStopped({ reason }) },
            ],
            cause: 'internal',
          });
        }
        returned.push(...waiting);
        if (completed === 0) startFailures++;
        if (startFailures >= maxStartFailures && !gaveUp) {
          gaveUp = true;
          options.onThreadsGaveUp?.(reason);
        }
        if (returned.length > 0 || tooBig.length > 0 || next < jobs.length) {
          if (startFailures < maxStartFailures) start();
          // Still built, by this thread, though perhaps more slowly.
          void runLocal();
        }
      };
      worker.on('message', (message: FirmJobResult | WorkerSetupFailure | WorkerReady) => {
        if (message.kind === 'ready') {
          settingUp.delete(worker);
          return fill();
        }
        if (message.kind === 'setup-failed') {
          // Starting again would fail the same way. Nothing it was sent was started.
          startFailures = maxStartFailures;
          returned.push(...queued.splice(0));
          die(message.reason);
          void worker.terminate();
          return;
        }
        const job = queued.shift()!;
        completed++;
        settle(job, message);
        fill();
      });
      worker.on('error', (error) =>
        die(
          error instanceof Error ? error.message : String(error),
          (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY',
        ),
      );
      worker.on('exit', (code) => {
        settingUp.delete(worker);
        if (queued.length > 0) die(batchMessages.workerExit({ code }));
        ended = true;
        live--;
        maybeDone();
      });
    };

    if (jobs.length === 0) {
      resolve();
      return;
    }
    const threads = Math.max(0, Math.min(options.size, jobs.length) - 1);
    for (let i = 0; i < threads; i++) start();
    void runLocal();
  });
}

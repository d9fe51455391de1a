/**
 * Worker threads for a batch run: `size` workers, each given the next firm when it answers the
 * last. A worker that dies takes only its current firm with it: that firm is reported failed and
 * a new worker takes its place. Workers that die before finishing any firm (they cannot start)
 * are not replaced for ever: after three, the firms left are reported failed with the reason.
 */

import { Worker } from 'node:worker_threads';
import type { FirmJob, FirmJobResult } from './firm-job.js';
import type { FirmWorkerSetup } from './worker-setup.js';
import type { WorkerSetupFailure } from './worker.js';

/** Workers that may die before finishing a firm before the run gives up on starting more. */
const maxStartFailures = 3;

/**
 * Each worker's young generation, twice V8's default: a firm's guide is built from objects that
 * live for the whole of its PDF or DOCX and would otherwise be promoted, then collected from the
 * old generation. Measured with 1,000 firms and 2 workers: 51 s, 690 MB at the peak, against 55 s
 * and 660 MB with V8's defaults. Capping the old generation as well keeps the peak at 400 MB but
 * makes V8 collect it every firm or two (87 s); memory stays flat either way.
 */
const resourceLimits = { maxYoungGenerationSizeMb: 96 };

/** A worker thread running worker.js with the run's setup. */
function startWorker(setup: FirmWorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker.js', import.meta.url), { workerData: setup, resourceLimits });
  }
  // Run from the sources (tests, through tsx), the worker is TypeScript too, and tsx's loader
  // does not reach into worker threads on Node 20: the worker registers it before loading.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`, {
    eval: true,
    workerData: setup,
    resourceLimits,
  });
}

/** What the pool runs, and where it reports each result. */
export interface PoolOptions {
  size: number;
  setup: FirmWorkerSetup;
  jobs: readonly FirmJob[];
  /** Called once per job, in the order jobs finish. */
  onResult: (job: FirmJob, result: FirmJobResult) => void;
}

/** Runs every job; resolves when each has a result. */
export function runPool(options: PoolOptions): Promise<void> {
  const { jobs } = options;
  let next = 0;
  let finished = 0;
  let startFailures = 0;
  let live = 0;
  return new Promise((resolve) => {
    const settle = (job: FirmJob, result: FirmJobResult) => {
      finished++;
      options.onResult(job, result);
    };
    const failRest = (reason: string) => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        settle(job, {
          kind: 'failed',
          index: job.index,
          diagnostics: [{ code: 'E-FIRM-BUILD', severity: 'error', message: `the worker could not start: ${reason}` }],
          cause: 'internal',
        });
      }
    };
    const maybeDone = () => {
      if (finished === jobs.length && live === 0) resolve();
    };
    const start = () => {
      const worker = startWorker(options.setup);
      live++;
      let current: FirmJob | undefined;
      let completed = 0;
      let ended = false;
      const give = () => {
        if (next < jobs.length) {
          current = jobs[next++]!;
          worker.postMessage(current);
        } else {
          current = undefined;
          void worker.terminate();
        }
      };
      const die = (reason: string) => {
        if (ended) return;
        ended = true;
        if (current) {
          const job = current;
          current = undefined;
          settle(job, {
            kind: 'failed',
            index: job.index,
            diagnostics: [
              { code: 'E-FIRM-BUILD', severity: 'error', message: `the worker building it stopped: ${reason}` },
            ],
            cause: 'internal',
          });
        }
        if (completed === 0) startFailures++;
        if (next < jobs.length) {
          if (startFailures >= maxStartFailures) failRest(reason);
          else start();
        }
      };
      worker.on('message', (message: FirmJobResult | WorkerSetupFailure) => {
        if (message.kind === 'setup-failed') {
          // Starting again would fail the same way: the templates or theme are broken.
          startFailures = maxStartFailures;
          die(message.reason);
          void worker.terminate();
          return;
        }
        const job = current!;
        current = undefined;
        completed++;
        settle(job, message);
        give();
      });
      worker.on('error', (error) => die(error instanceof Error ? error.message : String(error)));
      worker.on('exit', (code) => {
        if (current) die(`exit code ${code}`);
        ended = true;
        live--;
        maybeDone();
      });
      worker.once('online', give);
    };
    const size = Math.max(1, Math.min(options.size, jobs.length));
    if (jobs.length === 0) {
      resolve();
      return;
    }
    for (let i = 0; i < size; i++) start();
  });
}

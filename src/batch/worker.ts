/**
 * A batch worker thread: prepares once (templates, theme, fonts, the font subsets every firm's
 * guide shares), then builds the firms it is sent, one after the other, and answers each with
 * what it wrote. The main thread keeps it one firm ahead.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { withCommonGlyphs } from './build-firm.js';
import { internalFailure, runFirmJob, type FirmJob } from './firm-job.js';
import { prepareFirmWorker, type FirmWorkerSetup } from './worker-setup.js';
import { setLanguage, type Language } from '../messages/language.js';
import { useFontFiles, type FontFileRead } from '../io/resources.js';

/** What a worker says when it cannot start. */
export interface WorkerSetupFailure {
  kind: 'setup-failed';
  reason: string;
}

/** What a worker says once it is set up: from then on it takes firms. */
export interface WorkerReady {
  kind: 'ready';
}

/** What the pool gives a worker thread when it starts it. */
export interface WorkerData {
  setup: FirmWorkerSetup;
  /** The language of the messages the worker's failures carry. */
  language: Language;
  /** The font files the starting thread has read (shared memory, see `fontFilesRead`). */
  fontFiles: ReadonlyMap<string, FontFileRead>;
}

const port = parentPort!;
const data = workerData as WorkerData;
setLanguage(data.language);
useFontFiles(data.fontFiles);
const prepared = prepareFirmWorker(data.setup);
if (!prepared.worker) {
  const reason = prepared.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ');
  port.postMessage({ kind: 'setup-failed', reason } satisfies WorkerSetupFailure);
} else {
  const worker = withCommonGlyphs(prepared.worker);
  port.postMessage({ kind: 'ready' } satisfies WorkerReady);
  // Firms come two at a time (the next one queued); they are built one after the other, in order.
  let building = Promise.resolve();
  port.on('message', (job: FirmJob) => {
    building = building.then(() =>
      runFirmJob(worker, job, 'synchronous')
        .catch((error: unknown) => internalFailure(job.index, error))
        .then((result) => port.postMessage(result)),
    );
  });
}

/**
 * A batch worker thread: prepares once (templates, theme, fonts, the font subsets every firm's
 * guide shares), then builds one firm per
 * message it gets and answers with what it wrote. The main thread sends the next firm when the
 * answer arrives.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { commonGlyphs } from './build-firm.js';
import { internalFailure, runFirmJob, type FirmJob } from './firm-job.js';
import { prepareFirmWorker, type FirmWorkerSetup } from './worker-setup.js';

/** What a worker says when it cannot start. */
export interface WorkerSetupFailure {
  kind: 'setup-failed';
  reason: string;
}

const port = parentPort!;
const prepared = prepareFirmWorker(workerData as FirmWorkerSetup);
if (!prepared.worker) {
  const reason = prepared.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ');
  port.postMessage({ kind: 'setup-failed', reason } satisfies WorkerSetupFailure);
} else {
  const { setup, context } = prepared.worker;
  const shared = commonGlyphs(context, setup.asOf, setup.letterDate);
  const worker = { setup, context: { ...context, ...(shared ? { sharedGlyphs: shared } : {}) } };
  port.on('message', (job: FirmJob) => {
    void runFirmJob(worker, job)
      .catch((error: unknown) => internalFailure(job.index, error))
      .then((result) => port.postMessage(result));
  });
}

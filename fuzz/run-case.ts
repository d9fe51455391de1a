/**
 * Runs cases on a worker thread with a time limit, and says what, if anything, went wrong. The
 * worker keeps its modules and fonts loaded between cases (the speed of running in process); a
 * case that runs past the limit, even in a loop that never yields, is ended with the thread.
 */

import { Worker } from 'node:worker_threads';

/** One case: the file to write into a copy of `base`, and the command to run there. */
export interface CaseRequest {
  base: string;
  path: string;
  bytes: Buffer;
  argv: readonly string[];
  writes?: { dir: string; extension: string };
}

/** What the worker saw: the exit code (-1 when main threw), both streams, whether output was written. */
export interface CaseResult {
  code: number;
  stdout: string;
  stderr: string;
  threw?: string;
  wrote: boolean;
}

export type Outcome = CaseResult | { hang: true } | { died: string };

/** The kinds of finding, each a promise guide does not keep. */
export type FindingKind = 'exit-70' | 'stack-trace' | 'exit-code' | 'hang' | 'empty-output' | 'worker-died';

export interface Failure {
  kind: FindingKind;
  /** The first line that tells this failure from others of its kind: the message or the top frame. */
  detail: string;
}

/** A line of a JavaScript stack trace. */
const stackFrame = /^\s+at \S.*(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

function firstLine(text: string): string {
  const frame = text.match(stackFrame)?.[0].trim();
  // The error's own message: the line after guide's crash header when there is one.
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith('guide: internal error'));
  const message = lines.slice(header + 1).find((line) => line.trim() !== '' && !stackFrame.test(line));
  return [message?.trim(), frame].filter(Boolean).join(' | ').slice(0, 300);
}

/** The failure a case's outcome shows, if any. */
export function classify(outcome: Outcome, command: { writes?: unknown; prints?: boolean }): Failure | undefined {
  if ('hang' in outcome) return { kind: 'hang', detail: 'no exit within the time limit' };
  if ('died' in outcome) return { kind: 'worker-died', detail: outcome.died.slice(0, 300) };
  if (outcome.threw !== undefined) return { kind: 'exit-70', detail: `main() threw: ${firstLine(outcome.threw)}` };
  if (outcome.code === 70) return { kind: 'exit-70', detail: firstLine(outcome.stderr) };
  if (stackFrame.test(outcome.stderr)) return { kind: 'stack-trace', detail: firstLine(outcome.stderr) };
  if (![0, 1, 2, 3].includes(outcome.code)) return { kind: 'exit-code', detail: `exit ${outcome.code}` };
  if (outcome.code === 0 && !outcome.wrote) return { kind: 'empty-output', detail: 'exit 0 and no output file' };
  if (outcome.code === 0 && command.prints && outcome.stdout.trim() === '') {
    return { kind: 'empty-output', detail: 'exit 0 and nothing printed' };
  }
  return undefined;
}

/** A worker thread running case-worker.ts, replaced after a hang or a crash. */
export class CaseRunner {
  private worker: Worker | undefined;

  constructor(private readonly timeoutMs: number) {}

  private start(): Worker {
    // tsx's loader does not reach into worker threads on Node 20: the worker registers it first.
    const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = JSON.stringify(new URL('./case-worker.ts', import.meta.url).href);
    return new Worker(`import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 1536 },
      stdout: true,
      stderr: true,
    });
  }

  run(request: CaseRequest): Promise<Outcome> {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve) => {
      const done = (outcome: Outcome, end: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (end) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (result: CaseResult) => done(result, false);
      const onError = (error: Error) => done({ died: `${error.name}: ${error.message}` }, true);
      const onExit = (code: number) => done({ died: `worker exited with code ${code}` }, true);
      const timer = setTimeout(() => done({ hang: true }, true), this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/**
 * The temporary files this process is writing right now, removed if SIGINT (Ctrl-C) or SIGTERM
 * stops it: a killed write must not leave a full-size `.guide-….tmp` beside the user's files. The
 * handlers are installed only while such a file exists, so the rest of a run keeps Node's default
 * behaviour. Worker threads never receive signals (their handlers are never called, nor do they
 * keep a signal from stopping the process); the main thread's next run sweeps their files.
 */

import { rmSync, writeSync } from 'node:fs';
import { helpMessages } from '../messages/cli.js';
import { ioMessages as say } from '../messages/io.js';

const live = new Set<string>();

// 128 + the signal's number: the exit code shells give a process stopped by that signal.
const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof exitCodes;
const signals = Object.keys(exitCodes) as HandledSignal[];

const handlers = {
  SIGINT: () => stop('SIGINT'),
  SIGTERM: () => stop('SIGTERM'),
};

let installed = false;
let removing = false;

function stop(signal: HandledSignal): void {
  if (live.size === 0) {
    // The signal came while the last file was being finished: what it does without a handler.
    remove();
    process.kill(process.pid, signal);
    return;
  }
  for (const file of live) rmSync(file, { force: true });
  // Synchronous: process.exit does not wait for a piped stderr to drain.
  writeSync(2, `${helpMessages.failed({ problem: say.stoppedBySignal({ signal }) })}\n`);
  process.exit(exitCodes[signal]);
}

function remove(): void {
  for (const signal of signals) process.off(signal, handlers[signal]);
  installed = false;
}

/** Records `file` as being written; call before creating it. */
export function trackTemporary(file: string): void {
  if (!installed) {
    for (const signal of signals) process.on(signal, handlers[signal]);
    installed = true;
  }
  live.add(file);
}

/** Whether this thread is writing `file` now. */
export function isTracked(file: string): boolean {
  return live.has(file);
}

/**
 * `file` was renamed or removed: a signal no longer needs to remove it. The handlers go once no
 * file is left, two turns of the event loop later: a signal that came while this thread was busy
 * waits for libuv to read it as the loop polls, which it does after the first turn's immediate
 * callbacks and before the second's. Removed at once, they would take the signal with them, and
 * the run would go on as if no Ctrl-C had been pressed.
 */
export function untrackTemporary(file: string): void {
  if (!live.delete(file) || live.size > 0 || removing) return;
  removing = true;
  setImmediate(() =>
    setImmediate(() => {
      removing = false;
      if (live.size === 0 && installed) remove();
    }).unref(),
  ).unref();
}

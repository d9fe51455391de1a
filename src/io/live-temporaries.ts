/**
 * The temporary files this process is writing right now, removed if SIGINT (Ctrl-C) or SIGTERM
 * stops it: a killed write must not leave a full-size `.guide-….tmp` beside the user's files.
 * Until the first such file, a run keeps Node's default behaviour. From then on the handlers stay:
 * taken off as the last file was renamed, they took with them a signal libuv had received but the
 * busy thread had not yet run, and the run went on as if no Ctrl-C had been pressed. A signal that
 * finds no file being written does what it would do without them. Worker threads never receive
 * signals (their handlers are never called, nor do they keep a signal from stopping the process);
 * the main thread's next run sweeps their files.
 */

import { rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { helpMessages } from '../messages/cli.js';
import { ioMessages as say } from '../messages/io.js';

/** By absolute path. */
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

function stop(signal: HandledSignal): void {
  if (live.size === 0) {
    for (const each of signals) process.off(each, handlers[each]);
    installed = false;
    // A command that takes the signal itself (guide preview) has it next; else it is sent again,
    // now with no handler: what it does to a process that never wrote a file.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    return;
  }
  for (const file of live) rmSync(file, { force: true });
  // Synchronous: process.exit does not wait for a piped stderr to drain.
  writeSync(2, `${helpMessages.failed({ problem: say.stoppedBySignal({ signal }) })}\n`);
  process.exit(exitCodes[signal]);
}

/** Records `file` as being written; call before creating it. */
export function trackTemporary(file: string): void {
  if (!installed) {
    // First, so that a command's own listener (guide preview's) is still there when stop() looks.
    for (const signal of signals) process.prependListener(signal, handlers[signal]);
    installed = true;
  }
  live.add(path.resolve(file));
}

/** `file` was renamed or removed: a signal no longer needs to remove it. */
export function untrackTemporary(file: string): void {
  live.delete(path.resolve(file));
}

/** Whether this thread is writing `file` now. */
export function isTracked(file: string): boolean {
  return live.has(path.resolve(file));
}

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

const handlers = {
  SIGINT: () => stop('SIGINT'),
  SIGTERM: () => stop('SIGTERM'),
};

function stop(signal: HandledSignal): never {
  for (const file of live) rmSync(file, { force: true });
  // Synchronous: process.exit does not wait for a piped stderr to drain.
  writeSync(2, `${helpMessages.failed({ problem: say.stoppedBySignal({ signal }) })}\n`);
  process.exit(exitCodes[signal]);
}

/** Records `file` as being written; call before creating it. */
export function trackTemporary(file: string): void {
  if (live.size === 0) {
    for (const signal of Object.keys(handlers) as HandledSignal[]) process.on(signal, handlers[signal]);
  }
  live.add(file);
}

/** `file` was renamed or removed: a signal no longer needs to remove it. */
export function untrackTemporary(file: string): void {
  if (!live.delete(file) || live.size > 0) return;
  for (const signal of Object.keys(handlers) as HandledSignal[]) process.off(signal, handlers[signal]);
}

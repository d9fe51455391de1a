/** The real process behind `CliIo`: only the command line's entry touches it. */

import type * as fs from 'node:fs';
import { createRequire } from 'node:module';
import type { CliIo, OutputStream } from '../terminal/io.js';
import { ExitCode } from '../terminal/exit-codes.js';
import { helpMessages as say } from '../messages/cli.js';

// node:fs by require: an ES import of it builds the namespace of its every export first.
const { fstatSync, statSync, writeSync } = createRequire(import.meta.url)('node:fs') as typeof fs;

/** Whether standard output or error could not be written (a closed pipe, `guide list | head`, is no failure). */
let outputFailed = false;

/**
 * Says that `name` could not be written, on the other stream (when that one can be), and has the
 * process end with exit code 3, also when the failure comes after the command has returned.
 */
function reportFailure(name: 'stdout' | 'stderr', error: NodeJS.ErrnoException): void {
  outputFailed = true;
  process.exitCode = ExitCode.outputFailed;
  const stream = name === 'stdout' ? say.standardOutput() : say.standardError();
  try {
    writeSync(name === 'stdout' ? 2 : 1, `${say.streamFailed({ stream, code: error.code ?? error.message })}\n`);
  } catch {
    // Nowhere left to say it: the exit code does.
  }
}

/**
 * Whether `fd` may be a terminal, told without node's tty module (it loads net's and the stream
 * modules, as process.stdout does: ~3 ms of `guide --help`). A file, pipe or socket is not; nor is
 * /dev/null, the one character device output usually goes to that is not a terminal.
 */
function mayBeTerminal(fd: number): boolean {
  try {
    const stats = fstatSync(fd);
    return stats.isCharacterDevice() && stats.rdev !== statSync('/dev/null').rdev;
  } catch {
    return true; // a closed descriptor, or no /dev/null (Windows: its console and NUL): node's stream decides
  }
}

/**
 * Standard output or error. Into a file, pipe or /dev/null it is written with `writeSync`, without
 * making node's stream: the same bytes in the same order, but into a pipe its reader has stopped
 * reading guide waits, where node's stream would keep the text. A terminal gets process.stdout or
 * process.stderr, made when first used, which know its width.
 */
function processStream(name: 'stdout' | 'stderr'): OutputStream {
  const fd = name === 'stdout' ? 1 : 2;
  let direct: boolean | undefined;
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  const isDirect = () => (direct ??= !mayBeTerminal(fd));
  // A closed pipe ends the output quietly: `guide list | head` has what it wanted.
  const fail = (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (error.code !== 'EPIPE') reportFailure(name, error);
  };
  const nodeStream = () => {
    if (stream === undefined) {
      stream = process[name];
      stream.on('error', fail);
    }
    return stream;
  };
  return {
    write(text) {
      if (closed) return true;
      // Once node's stream has text waiting, everything goes after it.
      if (stream !== undefined || !isDirect()) return nodeStream().write(text);
      const bytes = Buffer.from(text);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
        return true;
      } catch (error) {
        // A full pipe that node's stream (of this process or another) made non-blocking: that
        // stream waits for the reader.
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return nodeStream().write(bytes.subarray(written));
        fail(error as NodeJS.ErrnoException);
        return true;
      }
    },
    get isTTY() {
      return isDirect() ? false : nodeStream().isTTY;
    },
    get columns() {
      return isDirect() ? undefined : nodeStream().columns;
    },
  };
}

export function processIo(): CliIo {
  return {
    stdout: processStream('stdout'),
    stderr: processStream('stderr'),
    cwd: process.cwd(),
    env: process.env,
    outputFailed: () => outputFailed,
    onStop(stop) {
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      };
    },
  };
}

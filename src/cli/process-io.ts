/** The real process behind `CliIo`: only the command line's entry touches it. */

import type { CliIo, OutputStream } from '../terminal/io.js';

// `guide list | head` closes the pipe early: the reader has what it wanted, which is no error.
function ignoreClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}

/**
 * process.stdout or process.stderr, made when first used: node makes each on first use, loading
 * its stream modules (and net's, for a pipe), ~2 ms a stream that `guide --help` does not write to.
 */
function processStream(name: 'stdout' | 'stderr'): OutputStream {
  let stream: NodeJS.WriteStream | undefined;
  const opened = () => {
    if (stream === undefined) {
      stream = process[name];
      stream.on('error', ignoreClosedPipe);
    }
    return stream;
  };
  return {
    write: (text) => opened().write(text),
    get isTTY() {
      return opened().isTTY;
    },
    get columns() {
      return opened().columns;
    },
  };
}

export function processIo(): CliIo {
  return {
    stdout: processStream('stdout'),
    stderr: processStream('stderr'),
    cwd: process.cwd(),
    env: process.env,
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

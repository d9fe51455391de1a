/** What a command may touch of the process: streams, folder, environment. Tests pass fakes. */

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Calls `stop` on Ctrl-C or SIGTERM instead of ending the process, until the returned function
   * is called: a command that runs until stopped (`guide preview`) shuts down cleanly.
   */
  onStop?(stop: () => void): () => void;
  /**
   * Whether standard output or error could not be written (a full disk, an I/O error): the
   * process's streams say so on the other one, and the command ends with exit code 3.
   */
  outputFailed?(): boolean;
}

/**
 * Colours only on a terminal, never with NO_COLOR (https://no-color.org; it wins over
 * FORCE_COLOR, where node warns and colours). FORCE_COLOR decides wherever the text goes, for the
 * values node reads: `0` or `false` for none; `1`, `2`, `3`, `true` or empty for colours. Any
 * other value is left to the terminal, as if not set.
 */
export function useColor(stream: OutputStream, env: CliIo['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force === '' || force === '1' || force === '2' || force === '3' || force === 'true') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

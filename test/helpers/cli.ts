/** Runs the CLI in this process with captured output, as a user would run `guide …` in `cwd`. */

import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/terminal/io.js';
import { currentLanguage, setLanguage } from '../../src/messages/language.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { cwd: string; env?: Record<string, string>; tty?: boolean; columns?: number },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false, columns: options.columns ?? 200 },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    cwd: options.cwd,
    env: options.env ?? {},
  };
  // main() sets the process's language from argv and env; the next test must not inherit it.
  const language = currentLanguage();
  try {
    const code = await main(argv, io);
    return { code, stdout, stderr };
  } finally {
    setLanguage(language);
  }
}

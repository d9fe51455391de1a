/**
 * The one table of exit codes (DESIGN.md "Exit codes and diagnostics"). Commands return these;
 * errors thrown out of a command are mapped here and nowhere else.
 */

import { GuideInputError, OutputError, UsageError } from '../errors.js';

export const ExitCode = {
  ok: 0,
  /** Policies, firms, templates or theme are invalid. */
  invalidInput: 1,
  /** Unknown command or option, bad option value. */
  usage: 2,
  /** An output file, or standard output or error, could not be written. */
  outputFailed: 3,
  /** A bug in guide. */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for an error thrown out of a command; anything not a user's mistake is a bug. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof GuideInputError) return ExitCode.invalidInput;
  if (error instanceof UsageError) return ExitCode.usage;
  if (error instanceof OutputError) return ExitCode.outputFailed;
  return ExitCode.internal;
}

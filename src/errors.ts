/** Errors that end a command with a specific exit code (mapped in terminal/exit-codes.ts). */

import type { Diagnostic } from './diagnostics/diagnostic.js';

/** A bad command line or environment that commander cannot see, e.g. a malformed SOURCE_DATE_EPOCH. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * An input the user gave cannot be used (a file that is missing or is not what it should be).
 * Code that knows where the input was named (a theme value, a template folder) catches it and
 * reports the diagnostics there; otherwise they are printed as they are.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
  }
}

/** Writing an output file failed (disk full, permission, read-only folder). */
export class OutputError extends Error {
  override name = 'OutputError';
  constructor(
    message: string,
    /** The system error code (ENOSPC, EACCES, …), when the system gave one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A state guide's own code should never reach: a bug, reported with its stack. */
export class InternalError extends Error {
  override name = 'InternalError';
}

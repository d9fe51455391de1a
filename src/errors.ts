/** Errors that end a command with a specific exit code (mapped in terminal/exit-codes.ts). */

import type { Diagnostic } from './diagnostics/diagnostic.js';

/** A bad command line or environment that commander cannot see, e.g. a malformed SOURCE_DATE_EPOCH. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Input the user gave cannot be used: the diagnostics say what and where (file, range) and how to
 * fix it; `sources` holds the texts they point into, for code frames. Code that knows where the
 * input was named (a theme value) catches it and reports the diagnostics there. The library API
 * throws it for invalid input of every kind.
 */
export class GuideInputError extends Error {
  override name = 'GuideInputError';
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly sources: ReadonlyMap<string, string> = new Map(),
  ) {
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

/** Errors that end a command with a specific exit code (mapped in cli/exit-codes.ts). */

/** A bad command line or environment that commander cannot see, e.g. a malformed SOURCE_DATE_EPOCH. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Writing an output file failed (disk full, permission, read-only folder). */
export class OutputError extends Error {
  override name = 'OutputError';
}

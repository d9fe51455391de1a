/**
 * A problem found in a user's input. Collected, not thrown: a run reports every problem in every
 * file. Positions are character offsets into the file's text (as the `yaml` package gives them);
 * line and column are computed only when a diagnostic is printed.
 */

import { codes, type DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning';

/** [start, end) character offsets into a file's text. */
export type Range = [number, number];

export interface Diagnostic {
  /** Stable code, e.g. E-FIELD-UNKNOWN; listed in diagnostics/codes.ts. */
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Path relative to the edition folder (or as the user typed it); absent for run-wide problems. */
  file?: string;
  range?: Range;
  /** What to do about it, in plain words. */
  hint?: string;
  /** Further places involved, e.g. the first definition of a duplicate id. */
  related?: { file: string; range?: Range; message: string }[];
}

/** Builds a diagnostic with the severity the code table gives. */
export function diagnostic(
  code: DiagnosticCode,
  message: string,
  where: { file?: string; range?: Range; hint?: string; related?: Diagnostic['related'] } = {},
): Diagnostic {
  return { code, severity: codes[code].severity, message, ...where };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

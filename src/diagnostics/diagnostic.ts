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

/**
 * File by file, top to bottom, as a person fixes them: files in plain code-unit order (the same on
 * every machine, whatever its locale or ICU version), then by where each problem starts.
 */
export function byPlace(a: Diagnostic, b: Diagnostic): number {
  const [fileA, fileB] = [a.file ?? '', b.file ?? ''];
  return (fileA < fileB ? -1 : fileA > fileB ? 1 : 0) || (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

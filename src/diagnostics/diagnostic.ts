/**
 * A problem found in a user's input. Collected, not thrown: a run reports every problem in every
 * file. Positions are character offsets into the file's text (as the `yaml` package gives them);
 * line and column are computed only when a diagnostic is printed.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable code, e.g. E-FIELD-UNKNOWN; listed in diagnostics/codes.ts. */
  code: string;
  severity: Severity;
  message: string;
  /** Path relative to the edition folder (or as the user typed it); absent for run-wide problems. */
  file?: string;
  /** [start, end) character offsets into the file's text. */
  range?: [number, number];
  /** What to do about it, in plain words. */
  hint?: string;
  /** Further places involved, e.g. the first definition of a duplicate id. */
  related?: { file: string; range?: [number, number]; message: string }[];
}

/** Option values shared by several commands, parsed the same way everywhere. */

import { outputFormats, type OutputFormat } from '../writers/formats.js';
import { UsageError } from '../errors.js';
import { commandMessages as say } from '../messages/cli.js';

/** `--format pdf,docx` → the formats, once each; anything else is a usage error. */
export function parseFormats(value: string): OutputFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  if (formats.length === 0 || formats.some((f) => !(outputFormats as readonly string[]).includes(f))) {
    throw new UsageError(say.formatList({ formats: outputFormats.join(', '), value }));
  }
  return [...new Set(formats)] as OutputFormat[];
}

/** How diagnostics are printed: with code frames on stderr, or as one JSON document on stdout. */
export type DiagnosticsFormat = 'text' | 'json';

/**
 * `guide build` and `guide batch` take `--format` as validate does (`text`, `json`: how problems
 * are printed) and for the files they write (`pdf`, `docx`), in one list: `--format pdf,json`.
 */
export function parseOutputAndReportFormats(value: string | undefined): {
  formats?: OutputFormat[];
  report: DiagnosticsFormat;
} {
  if (value === undefined) return { report: 'text' };
  const items = value.split(',').map((item) => item.trim().toLowerCase());
  const reports = items.filter((item): item is DiagnosticsFormat => item === 'text' || item === 'json');
  if (reports.length > 1) throw new UsageError(say.formatReportTwice({ value }));
  const documents = items.filter((item) => item !== 'text' && item !== 'json');
  return {
    ...(documents.length > 0 || reports.length === 0 ? { formats: parseFormats(documents.join(',')) } : {}),
    report: reports[0] ?? 'text',
  };
}

/**
 * Turns diagnostics into text for people (file:line:col, code frame, hint) and into JSON for CI.
 * Pure: the caller passes the file texts it has, keyed by the diagnostic's `file`.
 */

import type { Diagnostic, Range } from './diagnostic.js';
import { displayWidth } from './display-width.js';
import { reportMessages as say } from '../messages/report.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, counted in characters (code points) as editors show them. */
  column: number;
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

/** Text of the file a diagnostic points into, when the caller has it. */
export type SourceTexts = ReadonlyMap<string, string>;

/** `file:line:col`, `file` or '' when the diagnostic has no file. */
export function formatLocation(file: string | undefined, range: Range | undefined, sources: SourceTexts): string {
  if (file === undefined) return '';
  const text = sources.get(file);
  if (range === undefined || text === undefined) return file;
  const { line, column } = positionAt(text, range[0]);
  return `${file}:${line}:${column}`;
}

/**
 * Two lines before the problem, its line, and a caret line under the range (first line only),
 * with carets counted in display columns so they sit under Chinese text correctly.
 */
function codeFrame(text: string, range: Range): string {
  const { line, column } = positionAt(text, range[0]);
  // A tab is shown as one space so the caret line (counted in columns) stays under it.
  const lines = text.split('\n').map((l) => l.replace(/\r$/, '').replace(/\t/g, ' '));
  const first = Math.max(1, line - 2);
  const gutter = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= line; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(gutter)} | ${lines[n - 1] ?? ''}`);
  }
  const chars = [...(lines[line - 1] ?? '')];
  const before = chars.slice(0, column - 1).join('');
  const rangeOnLine = [...(text.slice(range[0], range[1]).split(/\r?\n/)[0] ?? '')].length;
  const span = chars.slice(column - 1, column - 1 + Math.max(1, rangeOnLine)).join('');
  out.push(
    `  ${' '.repeat(gutter)} | ${' '.repeat(displayWidth(before))}${'^'.repeat(Math.max(1, displayWidth(span)))}`,
  );
  return out.join('\n');
}

export interface TextStyle {
  error(text: string): string;
  warning(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plainStyle: TextStyle = { error: (t) => t, warning: (t) => t, dim: (t) => t, bold: (t) => t };

/** The human form: `file:line:col error CODE message`, code frame, hint, related places. */
export function formatDiagnostic(d: Diagnostic, sources: SourceTexts, style: TextStyle = plainStyle): string {
  const location = formatLocation(d.file, d.range, sources);
  const severity = d.severity === 'error' ? style.error(say.error()) : style.warning(say.warning());
  const head = `${location ? style.bold(location) + ' ' : ''}${severity} ${style.dim(d.code)} ${d.message}`;
  const parts = [head];
  const text = d.file === undefined ? undefined : sources.get(d.file);
  if (text !== undefined && d.range) parts.push(style.dim(codeFrame(text, d.range)));
  for (const r of d.related ?? [])
    parts.push(`  ${style.dim(say.see())} ${formatLocation(r.file, r.range, sources)}: ${r.message}`);
  if (d.hint) parts.push(`  ${say.hint({ hint: d.hint })}`);
  return parts.join('\n');
}

/** The JSON form for `--format json`: positions resolved to line and column. */
export function diagnosticToJson(d: Diagnostic, sources: SourceTexts): Record<string, unknown> {
  const text = d.file === undefined ? undefined : sources.get(d.file);
  const at = (range: Range | undefined) =>
    text !== undefined && range ? { start: positionAt(text, range[0]), end: positionAt(text, range[1]) } : undefined;
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    ...(at(d.range) ?? {}),
    hint: d.hint,
    related: d.related?.map((r) => {
      const rText = sources.get(r.file);
      return {
        file: r.file,
        message: r.message,
        start: rText !== undefined && r.range ? positionAt(rText, r.range[0]) : undefined,
      };
    }),
  };
}

/** "2 errors, 1 warning" / "no problems", in the reader's language. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors && warnings)
    return say.and({ first: say.errors({ count: errors }), second: say.warnings({ count: warnings }) });
  if (errors) return say.errors({ count: errors });
  if (warnings) return say.warnings({ count: warnings });
  return say.noProblems();
}

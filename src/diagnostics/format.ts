/**
 * Turns diagnostics into text for people (file:line:col, code frame, hint) and into JSON for CI.
 * Pure: the caller passes the file texts it has, keyed by the diagnostic's `file`.
 */

import type { Diagnostic, Range } from './diagnostic.js';
import { displayWidth } from './display-width.js';
import { reportMessages as say } from '../messages/report.js';
import { escapeControls } from '../terminal/safe-output.js';

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, counted in characters (code points) as editors show them. */
  column: number;
}

/** Offsets where lines start, for the text last asked about: diagnostics come many to one file. */
let indexed: { text: string; lineStarts: number[]; astral: boolean } | undefined;

function lineIndex(text: string) {
  if (indexed?.text !== text) {
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    indexed = { text, lineStarts, astral: /[\ud800-\udbff]/.test(text) };
  }
  return indexed;
}

export function positionAt(text: string, offset: number): Position {
  const { lineStarts, astral } = lineIndex(text);
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  const lineStart = lineStarts[low]!;
  // Columns count code points; without astral characters that is the offset difference.
  const column = astral ? [...text.slice(lineStart, offset)].length : offset - lineStart;
  return { line: low + 1, column: column + 1 };
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

/** The most of a line a code frame shows, in UTF-16 units; a longer line is cut around the column. */
const frameWidth = 100;
/** How much of a cut line is kept before the column. */
const frameLead = 30;

const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Shown form of a piece of a line: controls escaped, tabs as one space (one column, like the caret's). */
function shown(piece: string): string {
  return escapeControls(piece.replace(/\t/g, ' '));
}

/**
 * Two lines before the problem, its line, and a caret line under the range (first line only),
 * with carets counted in display columns so they sit under Chinese text correctly. A long line
 * (a minified file, a 20,000-column header) is cut to a window around the column, marked with …,
 * so a frame stays a few lines of ordinary width whatever the file.
 */
function codeFrame(text: string, range: Range): string {
  const { line } = positionAt(text, range[0]);
  const { lineStarts } = lineIndex(text);
  const lineText = (n: number) => {
    const end = n < lineStarts.length ? lineStarts[n]! - 1 : text.length;
    return text.slice(lineStarts[n - 1], end).replace(/\r$/, '');
  };
  const atInLine = range[0] - lineStarts[line - 1]!;
  const from = atInLine > frameWidth - frameLead ? atInLine - frameLead : 0;
  const window = (l: string) => {
    let start = Math.min(from, l.length);
    if (start > 0 && isLowSurrogate(l.charCodeAt(start))) start--;
    let end = Math.min(l.length, start + frameWidth);
    if (end < l.length && isLowSurrogate(l.charCodeAt(end))) end++;
    return { start, end, text: `${start > 0 ? '…' : ''}${shown(l.slice(start, end))}${end < l.length ? '…' : ''}` };
  };
  const first = Math.max(1, line - 2);
  const gutter = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= line; n++) {
    // A short line above the problem is shown whole; the problem line, and long ones, in its window.
    const shownLine = n !== line && lineText(n).length <= frameWidth ? shown(lineText(n)) : window(lineText(n)).text;
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(gutter)} | ${shownLine}`);
  }
  const problemLine = lineText(line);
  const { start, end } = window(problemLine);
  const before = `${start > 0 ? '…' : ''}${shown(problemLine.slice(start, atInLine))}`;
  const rangeEnd = Math.min(end, atInLine + Math.max(1, range[1] - range[0]));
  const span = shown(problemLine.slice(atInLine, rangeEnd));
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
  const head = `${location ? style.bold(escapeControls(location)) + ' ' : ''}${severity} ${style.dim(d.code)} ${escapeControls(d.message)}`;
  const parts = [head];
  const text = d.file === undefined ? undefined : sources.get(d.file);
  if (text !== undefined && d.range) parts.push(style.dim(codeFrame(text, d.range)));
  for (const r of d.related ?? [])
    parts.push(
      `  ${say.related({ see: style.dim(say.see()), place: escapeControls(formatLocation(r.file, r.range, sources)), message: escapeControls(r.message) })}`,
    );
  if (d.hint) parts.push(`  ${say.hint({ hint: escapeControls(d.hint) })}`);
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

/** How many diagnostics of one code in one file are printed before the rest are counted. */
export const repeatLimit = 10;

/**
 * The diagnostics to print in full, and per code and file how many more there are: a firm list
 * with 20,000 unknown columns says so in a few lines, not in 20,000 frames. JSON keeps them all.
 */
export function boundRepeats(
  list: readonly Diagnostic[],
  limit = repeatLimit,
): { shown: Diagnostic[]; omitted: { code: string; file: string | undefined; count: number }[] } {
  const seen = new Map<string, { code: string; file: string | undefined; count: number }>();
  const shown: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.code}\u0000${d.file ?? ''}`;
    const entry = seen.get(key) ?? { code: d.code, file: d.file, count: 0 };
    seen.set(key, entry);
    if (++entry.count <= limit) shown.push(d);
  }
  const omitted = [...seen.values()].filter((e) => e.count > limit).map((e) => ({ ...e, count: e.count - limit }));
  return { shown, omitted };
}

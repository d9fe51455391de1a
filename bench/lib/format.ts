/** Formatting for the benchmark report: durations, sizes, ratios and Markdown tables. */

import type { Timing } from './measure.js';

/** A measurement, or the reason there is none. */
export type Result<T = Timing> = { ok: true; value: T } | { ok: false; reason: string };

/** A measured value. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A row that could not be measured, and why. */
export function notMeasured<T = Timing>(reason: string): Result<T> {
  return { ok: false, reason };
}

/** "4.2 ms", "412 ms", "6.46 s". */
export function duration(ms: number): string {
  const size = Math.abs(ms);
  if (size < 10) return `${ms.toFixed(1)} ms`;
  if (size < 1000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** "1.20–1.31 s": min to max. */
export function spread(t: Timing): string {
  return `${duration(t.min)} – ${duration(t.max)}`;
}

/** "2.5 MB", "307 KB". */
export function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}

/** "3.7×"; "3.72×" with `decimals` 2 (a ratio judged against a target, read as it was judged). */
export function ratio(value: number, decimals = 1): string {
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(decimals)}×`;
}

/** The median of a result, or "not measured: reason". */
export function median(result: Result): string {
  return result.ok ? duration(result.value.median) : `not measured: ${result.reason}`;
}

/** The spread of a result, or an empty cell. */
export function spreadOf(result: Result): string {
  return result.ok ? spread(result.value) : '';
}

/** A Markdown table; cells are escaped for `|`. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "met" or "MISSED", plainly. */
export function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

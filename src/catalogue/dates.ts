/** Arithmetic on ISO calendar dates ("YYYY-MM-DD"), in UTC so the machine's zone never matters. */

import type { IsoDate } from './types.js';

const dayMs = 86_400_000;

function toUtcMs(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / dayMs);
}

/** Midnight UTC of a date, e.g. for SOURCE_DATE_EPOCH defaults. */
export function dateToInstant(date: IsoDate): Date {
  return new Date(toUtcMs(date));
}

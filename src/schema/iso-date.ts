/**
 * Dates written YYYY-MM-DD, checked against the calendar. Apart from the YAML schema kit, so the
 * command line checks its date options without loading the YAML parser.
 */

export const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` is a date written YYYY-MM-DD that the calendar has (2020-02-30 is not). The one
 * check for dates from YAML, command-line options and the library's options alike.
 */
export function isIsoDate(value: string): boolean {
  const m = isoDatePattern.exec(value);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the year, month (1–12) and day name a day the calendar has. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The only place guide reads the clock. SOURCE_DATE_EPOCH (seconds) pins it for reproducible output. */

import { UsageError } from '../errors.js';

/** The build instant: SOURCE_DATE_EPOCH when set, else now. */
export function buildInstant(env: Readonly<Record<string, string | undefined>>): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch}"`);
  return new Date(Number(epoch) * 1000);
}

/** Today's date as YYYY-MM-DD in UTC (SOURCE_DATE_EPOCH respected). */
export function today(env: Readonly<Record<string, string | undefined>>): string {
  return (buildInstant(env) ?? new Date()).toISOString().slice(0, 10);
}

/** The only place guide reads the clock. SOURCE_DATE_EPOCH (seconds) pins it for reproducible output. */

import { UsageError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';

/** 9999-12-31T23:59:59Z: dates are written YYYY-MM-DD, so the year has four digits at most. */
const latestEpoch = 253402300799;

/** The build instant: SOURCE_DATE_EPOCH when set, else now. */
export function buildInstant(env: Readonly<Record<string, string | undefined>>): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/.test(epoch) || Number(epoch) > latestEpoch) {
    throw new UsageError(say.badEpoch({ latest: latestEpoch, value: epoch }));
  }
  return new Date(Number(epoch) * 1000);
}

/** Today's date as YYYY-MM-DD in UTC (SOURCE_DATE_EPOCH respected). */
export function today(env: Readonly<Record<string, string | undefined>>): string {
  return (buildInstant(env) ?? new Date()).toISOString().slice(0, 10);
}

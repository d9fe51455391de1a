/**
 * `--shard i/n`, shared by `guide batch` and `guide mail`: a firm's part is fixed by its id, so
 * shards never overlap and never depend on the list's order. Kept apart from the batch plan so
 * the mail API's types do not reach the build pipeline.
 */

import { UsageError } from '../errors.js';
import { firmIdKey } from '../firms/records.js';
import type { Firm } from '../firms/types.js';
import { sha256Hex } from '../hash.js';
import { batchOptionMessages as say } from '../messages/batch.js';

/** `--shard 2/4`: the second of four disjoint parts. */
export interface Shard {
  index: number;
  count: number;
}

/** Which shard a firm falls in (1-based): by a hash of its id, so it never depends on list order. */
export function shardOf(firm: Pick<Firm, 'id'>, count: number): number {
  return (Number.parseInt(sha256Hex(firmIdKey(firm.id)).slice(0, 8), 16) % count) + 1;
}

/** `--shard i/n`: this run builds part i of n. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const found = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(found?.[1]);
  const count = Number(found?.[2]);
  if (!found || count < 1 || index < 1 || index > count) {
    throw new UsageError(say.shard({ value }));
  }
  return { index, count };
}

/** The entries of a build cache folder, and which kinds a run added. */

import { readdirSync } from 'node:fs';

/** The cache's entries by file name. */
export function entries(cache: string): Set<string> {
  return new Set(readdirSync(cache).filter((name) => /^[a-z-]+\.[0-9a-f]{64}$/.test(name)));
}

/** How many entries of each kind `after` has that `before` had not. */
export function made(before: Set<string>, after: Set<string>): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const name of after) {
    if (before.has(name)) continue;
    const kind = name.split('.')[0]!;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

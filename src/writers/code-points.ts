/** Code point lists the writers' font subsets are made from. */

/** Each code point once, in ascending order: a subset's bytes depend on its glyphs, not on the order they were met. */
export function distinctAscending(codePoints: Iterable<number>): number[] {
  return [...new Set(codePoints)].sort(ascending);
}

// Made once, not per call: see "Code kept optimized" in docs/decisions.md.
function ascending(a: number, b: number): number {
  return a - b;
}

/** Those of `values` (code points, glyph ids) that `set` (or a map's keys) lacks, in their order. */
export function notIn(values: readonly number[], set: { has(value: number): boolean }): number[] {
  const out: number[] = [];
  for (const value of values) if (!set.has(value)) out.push(value);
  return out;
}

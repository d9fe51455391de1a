/**
 * The persistent layer under the in-process caches (`PipelineCache`, `WriterCache`): entries kept
 * between runs, by a key made of everything the value was made from (Typst's comemo, on disk).
 * A stage asks its in-process map first, then the store; what it makes it puts in both. The store
 * adds guide's version and the entry format to every key, so an entry another version wrote is
 * never read; any entry it cannot read back whole (damaged, cut short, foreign) is a miss.
 */

import { sha256Hex } from './hash.js';

/** Bytes by key, kept between runs (`io/build-cache.ts`); a miss is undefined, never an error. */
export interface EntryStore {
  get(key: string): Uint8Array | undefined;
  /** Keeps `bytes` under `key` (written when the run ends, never half). */
  set(key: string, bytes: Uint8Array): void;
}

/**
 * The key of an entry: its kind (lowercase words and hyphens: `measure`, `pdf-subset`), a dot,
 * and the hash of every part it was made from. Parts are joined with a separator no text part
 * holds, so ("ab", "c") and ("a", "bc") differ. The kind shows in the cache folder's file names.
 */
export function entryKey(kind: string, ...parts: readonly string[]): string {
  return `${kind}.${sha256Hex([kind, ...parts].join('\u0000'))}`;
}

/** A JSON value from the store; a miss when absent or not JSON (a damaged entry). */
export function getJson(store: EntryStore | undefined, key: string): unknown {
  const bytes = store?.get(key);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** Keeps a JSON value (plain data: what JSON gives back is what was put in). */
export function setJson(store: EntryStore | undefined, key: string, value: unknown): void {
  store?.set(key, new TextEncoder().encode(JSON.stringify(value)));
}

/**
 * Bytes kept after `count` unsigned 32-bit numbers that say how to use them (a length before
 * deflating, a checksum); a miss when absent or too short to hold them.
 */
export function getNumbered(
  store: EntryStore | undefined,
  key: string,
  count: number,
): { numbers: number[]; bytes: Uint8Array } | undefined {
  const kept = store?.get(key);
  if (kept === undefined || kept.length <= 4 * count) return undefined;
  const head = new DataView(kept.buffer, kept.byteOffset, 4 * count);
  const numbers: number[] = [];
  for (let i = 0; i < count; i++) numbers.push(head.getUint32(4 * i));
  return { numbers, bytes: kept.subarray(4 * count) };
}

/** Keeps `bytes` after `numbers` (unsigned 32-bit), for `getNumbered`. */
export function setNumbered(
  store: EntryStore | undefined,
  key: string,
  numbers: readonly number[],
  bytes: Uint8Array,
): void {
  if (!store) return;
  const entry = new Uint8Array(4 * numbers.length + bytes.length);
  const head = new DataView(entry.buffer, 0, 4 * numbers.length);
  for (const [i, n] of numbers.entries()) head.setUint32(4 * i, n);
  entry.set(bytes, 4 * numbers.length);
  store.set(key, entry);
}

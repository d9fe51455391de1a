/** A build cache store (src/cache-store.ts) in memory, its entries open to the test. */

import type { EntryStore } from '../../src/cache-store.js';

export function memoryStore(): EntryStore & { entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  return { entries, get: (key) => entries.get(key), set: (key, bytes) => void entries.set(key, bytes) };
}

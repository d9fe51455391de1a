/** Entries of the build cache's store (src/cache-store.ts) as the stages read them back. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getNumbered, setNumbered } from '../src/cache-store.js';
import { memoryStore } from './helpers/memory-store.js';

describe('numbered entries', () => {
  it('give back the numbers and the bytes kept after them', () => {
    const store = memoryStore();
    setNumbered(store, 'docx-font-part.a', [0xfedcba98, 7], new Uint8Array([1, 2, 3]));
    assert.deepEqual(
      store.entries.get('docx-font-part.a'),
      new Uint8Array([0xfe, 0xdc, 0xba, 0x98, 0, 0, 0, 7, 1, 2, 3]),
    );
    const kept = getNumbered(store, 'docx-font-part.a', 2);
    assert.deepEqual(kept?.numbers, [0xfedcba98, 7]);
    assert.deepEqual(kept?.bytes, new Uint8Array([1, 2, 3]));
  });

  it('read an entry that is part of a larger buffer, as the store hands them out', () => {
    const store = memoryStore();
    store.set('pdf-subset.b', new Uint8Array([9, 9, 0, 0, 1, 0, 5, 6]).subarray(2));
    assert.deepEqual(getNumbered(store, 'pdf-subset.b', 1), { numbers: [256], bytes: new Uint8Array([5, 6]) });
  });

  it('miss when absent, too short for their numbers, or without a store', () => {
    const store = memoryStore();
    store.set('pdf-subset.c', new Uint8Array([0, 0, 1, 0]));
    assert.equal(getNumbered(store, 'pdf-subset.c', 1), undefined);
    assert.equal(getNumbered(store, 'pdf-subset.d', 1), undefined);
    assert.equal(getNumbered(undefined, 'pdf-subset.c', 1), undefined);
  });
});

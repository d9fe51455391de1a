/** PDF output is gathered in 256 KB blocks (src/writers/byte-blocks.ts): the bytes must come back as pushed. */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ByteBlocks } from '../../src/writers/byte-blocks.js';

test('bytes pushed in pieces of any size come back in order, across block boundaries', () => {
  const pieces: Uint8Array[] = [];
  // Sizes chosen to straddle the 256 KB blocks: small pieces, ones larger than a block, an empty one.
  for (const size of [1, 700_000, 0, 13, 1_500_000, 333_333, 4096]) {
    pieces.push(Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) % 256));
  }
  const blocks = new ByteBlocks();
  for (const piece of pieces) blocks.push(piece);
  assert.deepEqual(blocks.bytes(), new Uint8Array(Buffer.concat(pieces)));
});

test('nothing pushed gives no bytes', () => {
  assert.equal(new ByteBlocks().bytes().length, 0);
});

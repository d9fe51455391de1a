/** Font bytes in memory as a face reads a font file (writers/pdf/fonts.ts `FontSource`). */

import { sha256OfReadOnly } from '../../src/hash.js';
import type { FontSource } from '../../src/writers/pdf/fonts.js';

export function fontInMemory(bytes: Uint8Array): FontSource {
  return {
    get digest() {
      return sha256OfReadOnly(bytes);
    },
    bytes: () => bytes,
    tables: () => ({
      bytes,
      read: (ranges) => {
        const parts: Uint8Array[] = [];
        for (let i = 0; i + 1 < ranges.length; i += 2) parts.push(bytes.subarray(ranges[i], ranges[i + 1]));
        return Buffer.concat(parts);
      },
    }),
  };
}

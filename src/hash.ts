/** The one digest guide uses: for manifests, cache keys and up-to-date checks. */

import { createHash } from 'node:crypto';

/** SHA-256 of bytes or of a string's UTF-8, as lowercase hex (what `sha256sum` prints). */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

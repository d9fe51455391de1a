/** The one digest guide uses: for manifests, cache keys and up-to-date checks. */

import { hash } from 'node:crypto';

/**
 * SHA-256 of bytes or of a string's UTF-8, as lowercase hex (what `sha256sum` prints). Hashed in
 * one call, without a Hash object: a rebuild makes a few hundred digests (cache keys, entries'
 * checksums), and making their objects took ~4 ms of it (CPU profile).
 */
export function sha256Hex(data: Uint8Array | string): string {
  return hash('sha256', data, 'hex');
}

const readOnlyDigests = new WeakMap<Uint8Array, string>();

/**
 * sha256Hex of bytes that no one changes once they are hashed (files as read: the font cache's,
 * a build's inputs): each array hashed once, however many cache keys and manifests ask. A build
 * hashed each font twice, for the build cache's keys and for the manifest (9 ms of an 8 MB font
 * each time).
 */
export function sha256OfReadOnly(bytes: Uint8Array): string {
  let digest = readOnlyDigests.get(bytes);
  if (digest === undefined) readOnlyDigests.set(bytes, (digest = sha256Hex(bytes)));
  return digest;
}

/**
 * Tells sha256OfReadOnly the digest of `bytes`, known without hashing them (a font file's, kept
 * in the build cache by the file's print).
 */
export function knowSha256(bytes: Uint8Array, digest: string): void {
  readOnlyDigests.set(bytes, digest);
}

/** The digest sha256OfReadOnly has made or been told for `bytes`, without hashing them. */
export function knownSha256(bytes: Uint8Array): string | undefined {
  return readOnlyDigests.get(bytes);
}

/**
 * What a batch's writers keep of what they wrote, by what it was written from: the firms that get
 * the same measures have the same body in their guides, and only their letters (the cover
 * section) differ. The PDF keeps the streams drawn of the body's pages (draw.ts), the DOCX each
 * body's XML (docx/kept-bodies.ts).
 */

import type { Block } from '../model/doc-model.js';
import { sha256Hex } from '../hash.js';
import { LruMap } from '../lru.js';

/** Keys remembered as met once: what is made for them is kept when they are met again. */
const MET_ONCE = 4096;

/**
 * Digests of objects as JSON, by identity: the blocks of a measure's section are the same objects
 * in every firm's model (the pipeline reads each once, and no one changes a model once made), and
 * writing them out for every firm's key took longer than the rest of the key. A digest, not the
 * JSON: a firm's own blocks are met once, and their JSON would stay until the collector let go of
 * them.
 */
export class DigestOfObjects {
  private readonly digests = new WeakMap<object, string>();

  of(value: object): string {
    let digest = this.digests.get(value);
    if (digest === undefined) this.digests.set(value, (digest = sha256Hex(JSON.stringify(value))));
    return digest;
  }
}

/**
 * A section's key: a digest of its `blocks` and of `setting` (parts of JSON, or objects), which
 * holds all else the writer reads. Objects are digested once each; the parts are digests or JSON,
 * neither of which holds a raw newline, so they stay apart.
 */
export function sectionKey(
  digests: DigestOfObjects,
  setting: readonly (object | string)[],
  blocks: readonly Block[],
): string {
  const parts: string[] = [];
  for (const part of setting) parts.push(typeof part === 'string' ? part : digests.of(part));
  for (const block of blocks) parts.push(digests.of(block));
  return sha256Hex(parts.join('\n'));
}

/**
 * What a batch's writers made, by key, kept from the second time a key is met: what one firm's
 * guide has alone (its letter, the page it is on) is met once and never pushes out what the
 * firms that get the same measures share.
 */
export class KeptWhenMetAgain<V> {
  private readonly kept: LruMap<string, V>;
  /** Keys met once. */
  private readonly metOnce = new LruMap<string, true>(MET_ONCE);

  constructor(capacity: number) {
    this.kept = new LruMap(capacity);
  }

  get(key: string): V | undefined {
    return this.kept.get(key);
  }

  /** Keeps `value`, made for `key`, if `key` was met before. */
  set(key: string, value: V): void {
    if (this.metOnce.get(key)) this.kept.set(key, value);
    else this.metOnce.set(key, true);
  }
}

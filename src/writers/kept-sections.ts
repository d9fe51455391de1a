/**
 * Sections written before, kept by what they were written from: a batch's firms that get the
 * same measures have the same body in their guides, and only their letters (the cover section)
 * differ. The PDF keeps each body's pages (pdf/laid-sections.ts), the DOCX its XML
 * (docx/kept-bodies.ts).
 */

import type { Block } from '../model/doc-model.js';
import { sha256Hex } from '../hash.js';
import { LruMap } from '../lru.js';

/** Sections remembered as met once: kept when met again. */
const MET_ONCE = 4096;

/**
 * Objects as JSON, by identity: the blocks of a measure's section are the same objects in every
 * firm's model (the pipeline reads each once, and no one changes a model once made), and writing
 * them out for every firm's key took longer than the rest of the key.
 */
export class JsonOfObjects {
  private readonly json = new WeakMap<object, string>();

  of(value: object): string {
    let json = this.json.get(value);
    if (json === undefined) this.json.set(value, (json = JSON.stringify(value)));
    return json;
  }
}

/** What a writer made of sections, by key; a section is kept the second time it is met. */
export class KeptSections<V> {
  private readonly kept: LruMap<string, V>;
  /** Keys of sections met once: firms' letters, each met once, do not push the bodies out. */
  private readonly metOnce = new LruMap<string, true>(MET_ONCE);

  constructor(
    capacity: number,
    private readonly json: JsonOfObjects,
  ) {
    this.kept = new LruMap(capacity);
  }

  /**
   * A digest of `blocks` and `setting`: parts of JSON that hold all else the writer reads (JSON
   * never holds a raw newline, so the parts stay apart). Objects in `setting` are written out
   * once each.
   */
  key(setting: readonly (object | string)[], blocks: readonly Block[]): string {
    const parts: string[] = [];
    for (const part of setting) parts.push(typeof part === 'string' ? part : this.json.of(part));
    for (const block of blocks) parts.push(this.json.of(block));
    return sha256Hex(parts.join('\n'));
  }

  get(key: string): V | undefined {
    return this.kept.get(key);
  }

  /** Keeps `value`, made for `key`, if `key` was met before. */
  made(key: string, value: V): void {
    if (this.metOnce.get(key)) this.kept.set(key, value);
    else this.metOnce.set(key, true);
  }
}

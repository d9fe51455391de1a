/**
 * What one `guide build` made of one kind (set paragraphs, drawn pages, DOCX body runs), kept in
 * the build cache for the next build as one entry, by the digests of the primary faces. What the
 * build before kept is read on first use, checked as each value is taken, and let go once taken;
 * what this build made or took is kept for the next, when it made anything the entry lacked.
 */

import { entryKey, getNumbered, setNumbered, type EntryStore } from '../cache-store.js';
import { InternalError } from '../errors.js';
import type { PdfFonts } from './pdf/fonts.js';

/**
 * How much of a build's values are kept (about their size in the entry): past it, a value is made
 * as it would be without the cache, and not kept. Kept values stay in memory until the build
 * ends; the sample's set lines are 0.6 MB and its pages 0.15 MB, and a guide of 2,000 measures
 * would otherwise hold all of its set lines (~120 MB as objects).
 */
const KEPT_SIZE_LIMIT = 16_000_000;

/** The values of one kind one build made or took, and those the build before kept, by the same fonts. */
export abstract class KeptEntries<V> {
  /** What the build before kept and this one has not taken yet, read on first use. */
  private before: Map<string, unknown> | undefined;
  /** What this build made or took, to keep for the next. */
  private readonly used = new Map<string, V>();
  private usedSize = 0;
  /** Whether this build made any value the build before had not kept. */
  private added = false;
  private readonly key: string;

  constructor(
    private readonly store: EntryStore,
    kind: string,
    fonts: PdfFonts,
  ) {
    this.key = entryKey(kind, fonts.regular.primary.contentHash, fonts.bold.primary.contentHash);
  }

  /** The entry's values by key, unchecked; an empty map when the entry is missing or not of its layout. */
  protected abstract read(store: EntryStore, key: string): Map<string, unknown>;

  /** Writes `values` as the entry. */
  protected abstract write(store: EntryStore, key: string, values: ReadonlyMap<string, V>): void;

  /** A kept value as this build uses it, or undefined when it is not of that shape. */
  protected abstract checked(value: unknown): V | undefined;

  /** About the size of `value` and its `key` in the entry. */
  protected abstract sizeOf(value: V, key: string): number;

  /** The value kept for `key`, or undefined. */
  get(key: string): V | undefined {
    this.before ??= this.read(this.store, this.key);
    const kept = this.before.get(key);
    if (kept === undefined) return this.used.get(key);
    this.before.delete(key);
    const value = this.checked(kept);
    if (value === undefined || !this.fits(key, value)) return undefined;
    this.used.set(key, value);
    return value;
  }

  /** A value this build made, all of whose inputs `key` and the entry's key name. */
  set(key: string, value: V): void {
    if (this.used.has(key) || !this.fits(key, value)) return;
    this.used.set(key, value);
    this.added = true;
  }

  /** Keeps this build's values for the next build, when it made any the build before had not kept. */
  keep(): void {
    if (this.added) this.write(this.store, this.key, this.used);
    this.added = false;
    this.before = undefined;
  }

  private fits(key: string, value: V): boolean {
    const size = this.sizeOf(value, key);
    if (this.usedSize + size > KEPT_SIZE_LIMIT) return false;
    this.usedSize += size;
    return true;
  }
}

/** A record's key as bytes: a SHA-256 (given as hex). */
const KEY_BYTES = 32;

/**
 * Kept values written as bytes (pages' streams, DOCX runs), each by a SHA-256: the entry is a
 * count, then for each value its key, the length of its record and the record (`encode`). An
 * entry laid out otherwise, or a record `decode` refuses, reads as empty (the store has checked
 * the bytes are those it wrote).
 */
export abstract class KeptRecords<V> extends KeptEntries<V> {
  /** `value` as the pieces of its record. */
  protected abstract encode(value: V): readonly Uint8Array[];

  /** A record as the value it was written from, or undefined when it is not of its layout. */
  protected abstract decode(record: Uint8Array): V | undefined;

  override set(key: string, value: V): void {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new InternalError("a kept value's key is not a SHA-256 in hex");
    super.set(key, value);
  }

  protected read(store: EntryStore, key: string): Map<string, unknown> {
    const values = new Map<string, V>();
    const entry = getNumbered(store, key, 1);
    if (!entry) return values;
    const { bytes } = entry;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    let at = 0;
    for (let n = 0; n < entry.numbers[0]!; n++) {
      if (at + KEY_BYTES + 4 > bytes.length) return new Map();
      const valueKey = Buffer.from(bytes.subarray(at, at + KEY_BYTES)).toString('hex');
      const length = view.getUint32(at + KEY_BYTES);
      at += KEY_BYTES + 4;
      const value = at + length <= bytes.length ? this.decode(bytes.subarray(at, at + length)) : undefined;
      if (value === undefined) return new Map();
      values.set(valueKey, value);
      at += length;
    }
    return at === bytes.length ? values : new Map();
  }

  protected write(store: EntryStore, key: string, values: ReadonlyMap<string, V>): void {
    const pieces: Uint8Array[] = [];
    for (const [valueKey, value] of values) {
      const record = this.encode(value);
      const head = new Uint8Array(KEY_BYTES + 4);
      head.set(Buffer.from(valueKey, 'hex'));
      new DataView(head.buffer).setUint32(KEY_BYTES, byteLength(record));
      pieces.push(head, ...record);
    }
    setNumbered(store, key, [values.size], Buffer.concat(pieces));
  }

  /** Each value `read` gives is one `decode` made. */
  protected checked(value: unknown): V | undefined {
    return value as V;
  }

  /** About the size in the entry of a record of `length` bytes, with its key and length. */
  protected static recordSize(length: number): number {
    return KEY_BYTES + 4 + length;
  }
}

function byteLength(pieces: readonly Uint8Array[]): number {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  return length;
}

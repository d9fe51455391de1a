/**
 * Pages' body streams kept in the build cache from one `guide build` to the next. Drawing a page
 * and deflating its stream was ~70 ms of a rebuild of the sample (CPU profile), and an edit to one
 * measure changes the pages that measure is on. The build's streams are one entry, by the digests
 * of the primary faces, each stream by its page key (page-key.ts); a page is kept only when its
 * text is all in those faces (draw.ts), so the entry's key names every font the streams use.
 */

import { entryKey, getNumbered, setNumbered, type EntryStore } from '../../cache-store.js';
import { InternalError } from '../../errors.js';
import type { WriterCache } from '../cache.js';
import type { PdfFonts } from './fonts.js';

/** Where the drawer finds and leaves body streams by page key: kept pages, or a batch's. */
export interface PageStreams {
  get(key: string): Uint8Array | undefined;
  set(key: string, stream: Uint8Array): void;
}

/** A page key's length as bytes: a SHA-256 (page-key.ts gives it as hex). */
const KEY_BYTES = 32;

/**
 * How much of a build's streams are kept: past it, a page is drawn as it would be without the
 * cache, and not kept. The sample's are 0.15 MB; a guide of 2,000 measures would be ~8 MB.
 */
const KEPT_SIZE_LIMIT = 16_000_000;

/** The streams one build drew or took, and those the build before kept, by the same fonts. */
export class KeptPages implements PageStreams {
  /** What the build before kept, read on first use. */
  private before: Map<string, Uint8Array> | undefined;
  /** What this build drew or took, to keep for the next. */
  private readonly used = new Map<string, Uint8Array>();
  private usedSize = 0;
  /** Whether this build drew any page the build before had not kept. */
  private added = false;
  private readonly key: string;

  constructor(
    private readonly store: EntryStore,
    fonts: PdfFonts,
  ) {
    this.key = entryKey('page-streams', fonts.regular.primary.contentHash, fonts.bold.primary.contentHash);
  }

  get(key: string): Uint8Array | undefined {
    this.before ??= readEntry(getNumbered(this.store, this.key, 1));
    const kept = this.before.get(key);
    if (kept === undefined) return this.used.get(key);
    this.before.delete(key);
    return this.use(key, kept) ? kept : undefined;
  }

  set(key: string, stream: Uint8Array): void {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new InternalError('a page key is not a SHA-256 in hex');
    if (this.use(key, stream)) this.added = true;
  }

  private use(key: string, stream: Uint8Array): boolean {
    if (this.used.has(key)) return true;
    if (this.usedSize + stream.length > KEPT_SIZE_LIMIT) return false;
    this.usedSize += stream.length;
    this.used.set(key, stream);
    return true;
  }

  /** Keeps this build's streams for the next build, when it drew any the build before had not kept. */
  keep(): void {
    if (this.added) {
      const records = [...this.used].map(([key, stream]) => {
        const record = new Uint8Array(KEY_BYTES + 4 + stream.length);
        record.set(Buffer.from(key, 'hex'));
        new DataView(record.buffer).setUint32(KEY_BYTES, stream.length);
        record.set(stream, KEY_BYTES + 4);
        return record;
      });
      setNumbered(this.store, this.key, [records.length], Buffer.concat(records));
    }
    this.added = false;
    this.before = undefined;
  }
}

/**
 * The streams of an entry: a count, then for each its key, its length and its bytes. An entry
 * laid out otherwise reads as empty (the store has checked the bytes are those it wrote).
 */
function readEntry(entry: { numbers: number[]; bytes: Uint8Array } | undefined): Map<string, Uint8Array> {
  const streams = new Map<string, Uint8Array>();
  if (!entry) return streams;
  const { bytes } = entry;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let at = 0;
  for (let n = 0; n < entry.numbers[0]!; n++) {
    if (at + KEY_BYTES + 4 > bytes.length) return new Map();
    const key = Buffer.from(bytes.subarray(at, at + KEY_BYTES)).toString('hex');
    const length = view.getUint32(at + KEY_BYTES);
    at += KEY_BYTES + 4;
    if (at + length > bytes.length) return new Map();
    streams.set(key, bytes.subarray(at, at + length));
    at += length;
  }
  return at === bytes.length ? streams : new Map();
}

/** The kept pages a single build with the build cache draws with; undefined for any other. */
export function keptPages(cache: WriterCache, fonts: PdfFonts): KeptPages | undefined {
  if (cache.keptPages === null || cache.store === undefined) return undefined;
  let kept = cache.keptPages.get(fonts);
  if (!kept) cache.keptPages.set(fonts, (kept = new KeptPages(cache.store, fonts)));
  return kept;
}

/**
 * Pages' body streams kept in the build cache from one `guide build` to the next. Drawing a page
 * and deflating its stream was ~70 ms of a rebuild of the sample (CPU profile), and an edit to one
 * measure changes the pages that measure is on. The build's streams are one entry (kept-entries.ts),
 * each by its page key (page-key.ts); a page is kept only when its text is all in the primary
 * faces (draw.ts), so the entry's key names every font the streams use.
 */

import { getNumbered, setNumbered, type EntryStore } from '../../cache-store.js';
import { InternalError } from '../../errors.js';
import type { WriterCache } from '../cache.js';
import type { PdfFonts } from './fonts.js';
import { KeptEntries } from '../kept-entries.js';

/** Where the drawer finds and leaves body streams by page key: kept pages, or a batch's. */
export interface PageStreams {
  get(key: string): Uint8Array | undefined;
  set(key: string, stream: Uint8Array): void;
}

/** A page key's length as bytes: a SHA-256 (page-key.ts gives it as hex). */
const KEY_BYTES = 32;

/** The streams one build drew or took, and those the build before kept, by the same fonts. */
export class KeptPages extends KeptEntries<Uint8Array> implements PageStreams {
  constructor(store: EntryStore, fonts: PdfFonts) {
    super(store, 'page-streams', fonts);
  }

  override set(key: string, stream: Uint8Array): void {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new InternalError('a page key is not a SHA-256 in hex');
    super.set(key, stream);
  }

  protected read(store: EntryStore, key: string): Map<string, unknown> {
    return readEntry(getNumbered(store, key, 1));
  }

  /** A count, then for each stream its key, its length and its bytes. */
  protected write(store: EntryStore, key: string, streams: ReadonlyMap<string, Uint8Array>): void {
    const records = [...streams].map(([page, stream]) => {
      const record = new Uint8Array(KEY_BYTES + 4 + stream.length);
      record.set(Buffer.from(page, 'hex'));
      new DataView(record.buffer).setUint32(KEY_BYTES, stream.length);
      record.set(stream, KEY_BYTES + 4);
      return record;
    });
    setNumbered(store, key, [records.length], Buffer.concat(records));
  }

  protected checked(value: unknown): Uint8Array | undefined {
    return value instanceof Uint8Array ? value : undefined;
  }

  protected sizeOf(stream: Uint8Array): number {
    return KEY_BYTES + 4 + stream.length;
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

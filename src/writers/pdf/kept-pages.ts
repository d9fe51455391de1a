/**
 * Pages' body streams kept in the build cache from one `guide build` to the next. Drawing a page
 * and deflating its stream was ~70 ms of a rebuild of the sample (CPU profile), and an edit to one
 * measure changes the pages that measure is on. The build's streams are one entry (kept-entries.ts),
 * each by its page key (page-key.ts); a page is kept only when its text is all in the primary
 * faces (draw.ts), so the entry's key names every font the streams use.
 */

import type { EntryStore } from '../../cache-store.js';
import type { WriterCache } from '../cache.js';
import type { PdfFonts } from './fonts.js';
import { KeptRecords } from '../kept-entries.js';

/** Where the drawer finds and leaves body streams by page key: kept pages, or a batch's. */
export interface PageStreams {
  get(key: string): Uint8Array | undefined;
  set(key: string, stream: Uint8Array): void;
}

/** The streams one build drew or took, and those the build before kept, by the same fonts. */
export class KeptPages extends KeptRecords<Uint8Array> implements PageStreams {
  constructor(store: EntryStore, fonts: PdfFonts) {
    super(store, 'page-streams', fonts);
  }

  protected encode(stream: Uint8Array): readonly Uint8Array[] {
    return [stream];
  }

  protected decode(record: Uint8Array): Uint8Array {
    return record;
  }

  protected sizeOf(stream: Uint8Array): number {
    return KeptRecords.recordSize(stream.length);
  }
}

/** The kept pages a single build with the build cache draws with; undefined for any other. */
export function keptPages(cache: WriterCache, fonts: PdfFonts): KeptPages | undefined {
  if (cache.keptPages === null || cache.store === undefined) return undefined;
  let kept = cache.keptPages.get(fonts);
  if (!kept) cache.keptPages.set(fonts, (kept = new KeptPages(cache.store, fonts)));
  return kept;
}

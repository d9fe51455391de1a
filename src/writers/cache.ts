/**
 * What the writers keep from one document to the next, as one object the caller owns and passes
 * in: no writer holds module state, so each is a function of its inputs. A batch passes one
 * cache for all its firms; a single build can leave it out. Entries are keyed by what made them
 * and never changed once made, so a document written from a warm cache has the bytes of one
 * written from a fresh cache.
 */

import type { EntryStore } from '../cache-store.js';
import type { Inline } from '../model/doc-model.js';
import type { CommonGlyphFonts } from './docx/fonts.js';
import type { KeptBody } from './docx/kept-bodies.js';
import type { KeptRuns } from './docx/kept-runs.js';
import type { PackageShell } from './docx/shell.js';
import type { ZipEntry } from './docx/zip.js';
import type { SetParagraph } from './pdf/flow/text.js';
import type { SharedSubset } from './pdf/font-embed.js';
import type { FontFace, PdfFonts } from './pdf/fonts.js';
import type { KeptPages } from './pdf/kept-pages.js';
import { DigestOfObjects, type KeptWhenMetAgain } from './kept-sections.js';
import type { KeptParagraphs } from './pdf/kept-paragraphs.js';
import type { QrMatrix } from './pdf/qr.js';
import type { SharedGlyphs } from './pdf/types.js';
import type { Theme } from './theme.js';
import type { LruMap } from '../lru.js';

/** The writers' caches (see each entry for what it saves). */
export interface WriterCache {
  /**
   * PDF set lines by fonts, then by the inlines they were set from, then by style and width. A
   * batch sets the same measure sections (the same inline arrays: the Markdown reader shares
   * them) at the same widths for firm after firm; line breaking and justification were a fifth
   * of writing each PDF. Null when the cache serves one document: nothing is set twice then, and
   * keeping every set line as long as the model lives cost a 2,000-measure build 120 MB.
   */
  readonly setParagraphs: WeakMap<PdfFonts, WeakMap<readonly Inline[], Map<string, SetParagraph>>> | null;
  /**
   * PDF set paragraphs of the build before, from the build cache, by fonts: a single build with
   * the cache sets only what it had not (kept-paragraphs.ts). Null for any other.
   */
  readonly keptParagraphs: WeakMap<PdfFonts, KeptParagraphs> | null;
  /**
   * PDF font subsets shared between documents, by face and code point list: a batch passes the
   * same list for every firm, so it is looked up by identity, not by content.
   */
  readonly sharedSubsets: WeakMap<FontFace, WeakMap<readonly number[], SharedSubset>>;
  /**
   * PDF font subsets of the characters of a batch document's body, by face and code points
   * (font-embed.ts `bodySubset`): firms that get the same measures draw the same. Bounded.
   */
  readonly bodySubsets: WeakMap<FontFace, LruMap<string, SharedSubset>>;
  /**
   * PDF pages' body streams, deflated, by fonts, then by what they were drawn from (draw.ts):
   * firms that get the same measures have the same pages but for the running header. Null when
   * the cache serves one document. Bounded.
   */
  readonly pageStreams: WeakMap<PdfFonts, KeptWhenMetAgain<Uint8Array>> | null;
  /**
   * PDF pages' body streams of the build before, from the build cache, by fonts: a single build
   * with the cache draws only the pages it had not (kept-pages.ts). Null for any other.
   */
  readonly keptPages: WeakMap<PdfFonts, KeptPages> | null;
  /**
   * DOCX section bodies written, by fonts, then by what they were written from
   * (docx/kept-bodies.ts). Null when the cache serves one document. Bounded.
   */
  readonly docxBodies: WeakMap<PdfFonts, KeptWhenMetAgain<KeptBody>> | null;
  /**
   * DOCX body runs of the build before, from the build cache, by fonts: a single build with the
   * cache writes only the runs it had not (docx/kept-runs.ts). Null for any other.
   */
  readonly keptDocxRuns: WeakMap<PdfFonts, KeptRuns> | null;
  /** Digests of the model's blocks and the theme, for the keys of kept sections (kept-sections.ts). */
  readonly digests: DigestOfObjects;
  /** PDF QR symbols by address: choosing the mask is most of the cost of a symbol. Bounded. */
  readonly qrMatrices: Map<string, QrMatrix>;
  /** DOCX package shells by theme, then by language, sections and whether fonts are embedded. */
  readonly docxShells: WeakMap<Theme, Map<string, PackageShell>>;
  /** DOCX QR pictures (PNG bytes) by address. Bounded. */
  readonly qrPngs: Map<string, Uint8Array>;
  /**
   * The build cache on disk, for what is worth keeping between runs: font subsets, deflated as
   * files hold them (by the font's bytes and the glyphs), DOCX shells, QR symbols, and whole
   * files (`pipeline/write-document.ts`).
   */
  readonly store: EntryStore | undefined;
  /** DOCX embedded fonts (zip entries) by fonts, then by face name and characters. Bounded. */
  readonly docxFonts: WeakMap<PdfFonts, Map<string, readonly ZipEntry[]>>;
  /** DOCX embedded fonts of documents with shared glyphs (a batch's firms), by fonts and shared glyphs. */
  readonly docxCommonGlyphFonts: WeakMap<PdfFonts, WeakMap<SharedGlyphs, CommonGlyphFonts>>;
}

/** An empty cache; `oneDocument` when it serves a single document (`guide build`), `store` under it. */
export function createWriterCache(options: { oneDocument?: boolean; store?: EntryStore } = {}): WriterCache {
  return {
    store: options.store,
    setParagraphs: options.oneDocument === true ? null : new WeakMap(),
    keptParagraphs: options.oneDocument === true && options.store !== undefined ? new WeakMap() : null,
    sharedSubsets: new WeakMap(),
    bodySubsets: new WeakMap(),
    pageStreams: options.oneDocument === true ? null : new WeakMap(),
    keptPages: options.oneDocument === true && options.store !== undefined ? new WeakMap() : null,
    docxBodies: options.oneDocument === true ? null : new WeakMap(),
    keptDocxRuns: options.oneDocument === true && options.store !== undefined ? new WeakMap() : null,
    digests: new DigestOfObjects(),
    qrMatrices: new Map(),
    docxShells: new WeakMap(),
    qrPngs: new Map(),
    docxFonts: new WeakMap(),
    docxCommonGlyphFonts: new WeakMap(),
  };
}

/**
 * Keeps in the build cache what a single build with it set, drew and wrote (kept-paragraphs.ts,
 * kept-pages.ts, docx/kept-runs.ts), for the next build to take. Call once the build's files are written.
 */
export function keepForNextBuild(cache: WriterCache, fonts: PdfFonts): void {
  cache.keptParagraphs?.get(fonts)?.keep();
  cache.keptPages?.get(fonts)?.keep();
  cache.keptDocxRuns?.get(fonts)?.keep();
}

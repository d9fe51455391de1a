/**
 * The fonts a DOCX names and carries, so Word and LibreOffice set it alike wherever it is opened:
 * a font table naming the Traditional Chinese faces in the order a reader should try them (the
 * guide's own face, then the system faces of Windows, macOS and Linux), the guide's face itself
 * embedded as Word embeds fonts (a subset, obfuscated, `w:embedRegular` with its key), and the
 * paragraph defaults that keep readers from spacing or hanging what the PDF does not: no
 * automatic space between Chinese and Latin text or numbers, no punctuation that LibreOffice
 * hangs in the margin and does not draw there, widow control on.
 */

import { crc32, deflateRawSync } from 'node:zlib';
import type { Theme } from '../theme.js';
import { entryKey, getNumbered, setNumbered, type EntryStore } from '../../cache-store.js';
import { sha256Hex } from '../../hash.js';
import type { FontFace, PdfFonts } from '../pdf/fonts.js';
import type { SharedGlyphs } from '../pdf/types.js';
import { LruMap } from '../../lru.js';
import type { WriterCache } from '../cache.js';
import { distinctAscending, notIn } from '../code-points.js';
import { subsetFont, subsetFontInRuns } from './font-subset.js';
import { deflatedZipEntry, deflateToByteBoundary, zipEntry, type ZipEntry } from './zip.js';
import { escapeXml } from './xml.js';

/** What Word writes for a face it knows: PANOSE, character set (88 Big5, 86 GB2312, 0 ANSI), family. */
interface FaceFacts {
  panose: string;
  charset: string;
  altName?: string;
}

/** The faces a guide names, with the facts Word writes for them (from their OS/2 tables). */
const knownFaces: Record<string, FaceFacts> = {
  'Noto Sans TC': { panose: '020B0500000000000000', charset: '88' },
  'Microsoft JhengHei': { panose: '020B0604030504040204', charset: '88', altName: '微軟正黑體' },
  'PingFang TC': { panose: '020B0400000000000000', charset: '88', altName: '蘋方-繁' },
  'Noto Sans CJK TC': { panose: '020B0500000000000000', charset: '88' },
  'Microsoft YaHei': { panose: '020B0503020204020204', charset: '86', altName: '微软雅黑' },
  'Noto Sans SC': { panose: '020B0500000000000000', charset: '86' },
  Calibri: { panose: '020F0502020204030204', charset: '00' },
};

/** The package names of the embedded faces, under word/. */
export const EMBEDDED_FONT_PARTS = { regular: 'fonts/font1.odttf', bold: 'fonts/font2.odttf' } as const;
const FONT_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';

/**
 * The key a face is obfuscated with, as a GUID: from the face's name and weight, so the same
 * theme writes the same key (the key hides nothing; Word requires one).
 */
function fontKey(name: string, weight: string): string {
  const hex = sha256Hex(`${name} ${weight}`).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

/**
 * Word's font obfuscation (ECMA-376 Part 2, 17.8.1 in Part 1): the first 32 bytes XORed with the
 * key's 16 bytes, taken from the end of the GUID to its start.
 */
export function obfuscateFont(font: Uint8Array, key: string): Uint8Array {
  const hex = key.replace(/[{}-]/g, '');
  const keyBytes = Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(30 - i * 2, 32 - i * 2), 16));
  const out = font.slice();
  for (let i = 0; i < 32 && i < out.length; i += 1) out[i]! ^= keyBytes[i % 16]!;
  return out;
}

/** The faces the font table lists, in order: East Asian face, its alternatives, Latin face, fallbacks. */
function listedFaces(theme: Theme): string[] {
  const { docx } = theme.fonts;
  return [...new Set([docx.eastAsia, ...docx.alternatives, docx.latin, ...docx.eastAsiaFallback])];
}

/**
 * word/fontTable.xml: each face with what Word writes for it; the East Asian face names the
 * first alternative as its altName (the face Word and LibreOffice take when it is missing) and,
 * when embedded, its embedded regular and bold subsets.
 */
export function fontTableXml(theme: Theme, embed: boolean): string {
  const { docx } = theme.fonts;
  const faces = listedFaces(theme).map((name) => {
    const facts = knownFaces[name];
    const altName = name === docx.eastAsia ? (docx.alternatives[0] ?? facts?.altName) : facts?.altName;
    const embedded =
      name === docx.eastAsia && embed
        ? `<w:embedRegular r:id="rIdFontRegular" w:fontKey="${fontKey(name, 'regular')}"/>` +
          `<w:embedBold r:id="rIdFontBold" w:fontKey="${fontKey(name, 'bold')}"/>`
        : '';
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (altName ? `<w:altName w:val="${escapeXml(altName)}"/>` : '') +
      (facts ? `<w:panose1 w:val="${facts.panose}"/><w:charset w:val="${facts.charset}"/>` : '') +
      '<w:family w:val="swiss"/><w:pitch w:val="variable"/>' +
      embedded +
      '</w:font>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    faces.join('') +
    '</w:fonts>'
  );
}

/** word/_rels/fontTable.xml.rels: the embedded faces (only when the theme embeds them). */
export function fontTableRelationshipsXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rIdFontRegular" Type="${FONT_RELATIONSHIP}" Target="${EMBEDDED_FONT_PARTS.regular}"/>` +
    `<Relationship Id="rIdFontBold" Type="${FONT_RELATIONSHIP}" Target="${EMBEDDED_FONT_PARTS.bold}"/>` +
    '</Relationships>'
  );
}

/** Sets of embedded faces kept per cache: the characters of a firm's guide recur from firm to firm. */
const MAX_EMBEDDED = 32;

/**
 * The embedded faces of one document, as zip entries: subsets of the PDF's primary regular and
 * bold faces with the characters it uses, obfuscated with their keys, deflated. Guides that use
 * the same characters (a batch's firms with the same measures and needs) embed the same bytes:
 * made once per cache for each set of characters (subsetting and deflating the two faces was
 * more than half of writing a firm's DOCX). With `shared`, the glyphs many documents draw (a
 * batch's), each subset holds those first, then those of the document's body (`inBody`, which
 * the firms that get the same measures share), then the rest (see `CommonGlyphFonts`). The
 * entries are shared: do not modify them.
 */
export function embeddedFonts(
  theme: Theme,
  fonts: PdfFonts,
  codePoints: Iterable<number>,
  cache: WriterCache,
  shared?: { glyphs: SharedGlyphs; inBody: Iterable<number> },
): readonly ZipEntry[] {
  const name = theme.fonts.docx.eastAsia;
  const used = distinctAscending(codePoints);
  if (shared)
    return commonGlyphFonts(fonts, shared.glyphs, cache).entries(name, used, distinctAscending(shared.inBody));
  const characters = used.join(',');
  const key = `${name}\u0000${characters}`;
  let made = cache.docxFonts.get(fonts);
  if (!made) cache.docxFonts.set(fonts, (made = new Map()));
  let entries = takeKept(made, key);
  if (entries === undefined) {
    const faces: ZipEntry[] = [];
    for (const place of facePlaces(fonts, name)) faces.push(embeddedFace(place, used, characters, cache.store));
    entries = faces;
  }
  keep(made, key, entries);
  return entries;
}

/** One embedded face: the PDF face it is a subset of, its part in the package, its obfuscation key. */
interface FacePlace {
  face: FontFace;
  /** Under word/. */
  part: string;
  obfuscationKey: string;
}

/** The regular and bold faces embedded under the font name `name`. */
function facePlaces(fonts: PdfFonts, name: string): FacePlace[] {
  const places: FacePlace[] = [];
  for (const weight of ['regular', 'bold'] as const) {
    places.push({
      face: fonts[weight].primary,
      part: EMBEDDED_FONT_PARTS[weight],
      obfuscationKey: fontKey(name, weight),
    });
  }
  return places;
}

/** The entries kept under `key`, taken out (`keep` puts them back as the last used), if any. */
function takeKept(made: Map<string, readonly ZipEntry[]>, key: string): readonly ZipEntry[] | undefined {
  const entries = made.get(key);
  if (entries !== undefined) made.delete(key);
  return entries;
}

/** Keeps `entries` as the last used, dropping the set used longest ago when there are too many. */
function keep(made: Map<string, readonly ZipEntry[]>, key: string, entries: readonly ZipEntry[]): void {
  if (made.size >= MAX_EMBEDDED) made.delete(made.keys().next().value!);
  made.set(key, entries);
}

/** The cache's `CommonGlyphFonts` for these fonts and shared glyphs. */
function commonGlyphFonts(fonts: PdfFonts, shared: SharedGlyphs, cache: WriterCache): CommonGlyphFonts {
  let byShared = cache.docxCommonGlyphFonts.get(fonts);
  if (!byShared) cache.docxCommonGlyphFonts.set(fonts, (byShared = new WeakMap()));
  let common = byShared.get(shared);
  if (!common) byShared.set(shared, (common = new CommonGlyphFonts(fonts, shared)));
  return common;
}

/** Body runs kept per face: one for each body that recurs. */
const BODY_RUNS = 32;

/** A run of a font's bytes and them deflated (ending on a byte boundary). */
interface DeflatedRun {
  bytes: Uint8Array;
  deflated: Uint8Array;
}

/**
 * The embedded faces of documents that all draw the same common glyphs (`SharedGlyphs`: a
 * batch's letter, headings and the measures every firm gets). Each face's subset holds those
 * glyphs first, then those of the document's body beyond them, then the rest (the letter's, the
 * running header's), so their data, most of the font, is a run of bytes the same in every firm's
 * font, and another the same in the fonts of every firm that gets the same measures: each run
 * is deflated once, and the firm's font around them, each part ending on a byte boundary, which
 * makes one deflate stream of the parts. Firm names and details bring characters of their own, so
 * firms seldom use the same set of characters, and deflating the two faces was the largest part
 * of writing a firm's DOCX.
 */
export class CommonGlyphFonts {
  /**
   * The common characters, ascending: those of every face in the shared glyphs. Both faces hold
   * them all, as both hold every character a document uses.
   */
  private readonly common: readonly number[];
  private readonly isCommon: ReadonlySet<number>;
  /** Each face's common run, by part. */
  private readonly commonRuns = new Map<string, DeflatedRun>();
  /** Each face's body runs, by part, then by the body's characters. */
  private readonly bodyRuns = new Map<string, LruMap<string, DeflatedRun>>();
  /** Entries made, by face name, the body's characters and the document's own. */
  private readonly made = new Map<string, readonly ZipEntry[]>();

  constructor(
    private readonly fonts: PdfFonts,
    shared: SharedGlyphs,
  ) {
    const all: number[] = [];
    for (const codePoints of Object.values(shared)) all.push(...codePoints);
    this.common = distinctAscending(all);
    this.isCommon = new Set(this.common);
  }

  /**
   * The embedded faces, named `name`, of a document that uses the characters `used`, of which its
   * body uses `inBody` (both ascending).
   */
  entries(name: string, used: readonly number[], inBody: readonly number[]): readonly ZipEntry[] {
    const body = notIn(inBody, this.isCommon);
    const own = notIn(notIn(used, this.isCommon), new Set(body));
    const bodyKey = body.join(',');
    const key = `${name}\u0000${bodyKey}\u0000${own.join(',')}`;
    let entries = takeKept(this.made, key);
    if (entries === undefined) {
      const faces: ZipEntry[] = [];
      for (const place of facePlaces(this.fonts, name)) faces.push(this.face(place, body, bodyKey, own));
      entries = faces;
    }
    keep(this.made, key, entries);
    return entries;
  }

  private face(place: FacePlace, body: readonly number[], bodyKey: string, own: readonly number[]): ZipEntry {
    const { part } = place;
    const font = subsetFontInRuns(place.face, [this.common, body], own);
    if (!font) return wholeFaceEntry(place, [...this.common, ...body, ...own]);
    // Obfuscation changes the first 32 bytes, in the table directory, before any glyph.
    const file = obfuscateFont(font.bytes, place.obfuscationKey);
    const [common, inBody] = font.runs as [{ start: number; end: number }, { start: number; end: number }];
    let bodyRuns = this.bodyRuns.get(part);
    if (!bodyRuns) this.bodyRuns.set(part, (bodyRuns = new LruMap(BODY_RUNS)));
    const deflated = Buffer.concat([
      deflateToByteBoundary(file.subarray(0, common.start)),
      deflatedRun(this.commonRuns, part, file.subarray(common.start, common.end)),
      deflatedRun(bodyRuns, bodyKey, file.subarray(inBody.start, inBody.end)),
      deflateRawSync(file.subarray(inBody.end)),
    ]);
    return deflatedZipEntry(`word/${part}`, crc32(file), file.length, deflated);
  }
}

/**
 * `bytes` deflated, ending on a byte boundary, as kept in `runs` under `key` when they are the
 * same bytes: compared all the same (a few microseconds), so a run kept can never be another's.
 */
function deflatedRun(
  runs: { get(key: string): DeflatedRun | undefined; set(key: string, run: DeflatedRun): unknown },
  key: string,
  bytes: Uint8Array,
): Uint8Array {
  let run = runs.get(key);
  if (run === undefined || Buffer.compare(run.bytes, bytes) !== 0) {
    run = { bytes: bytes.slice(), deflated: deflateToByteBoundary(bytes) };
    runs.set(key, run);
  }
  return run.deflated;
}

/**
 * One embedded face as its zip entry: the subset with the code points `used` (`characters`, the
 * same joined), obfuscated with `obfuscationKey`, deflated. Kept in `store` (the build cache) as
 * the entry's CRC-32 and size, then its deflated bytes: a rebuild whose text brings no new
 * character makes and deflates no font.
 */
function embeddedFace(
  place: FacePlace,
  used: readonly number[],
  characters: string,
  store: EntryStore | undefined,
): ZipEntry {
  const { face, part, obfuscationKey } = place;
  const stored = store && entryKey('docx-font-part', face.contentHash, part, obfuscationKey, characters);
  const kept = stored === undefined ? undefined : getNumbered(store, stored, 2);
  if (kept !== undefined) {
    const [checksum, size] = kept.numbers as [number, number];
    return deflatedZipEntry(`word/${part}`, checksum, size, kept.bytes);
  }
  const entry = wholeFaceEntry(place, used);
  if (stored !== undefined) setNumbered(store, stored, [entry.crc32, entry.size], entry.data);
  return entry;
}

/** The subset of the face with `codePoints`, obfuscated and deflated whole, as its zip entry. */
function wholeFaceEntry(place: FacePlace, codePoints: readonly number[]): ZipEntry {
  return zipEntry(`word/${place.part}`, obfuscateFont(subsetFont(place.face, codePoints), place.obfuscationKey), true);
}

/**
 * A static TrueType font's tables read straight from its bytes: the table directory and the facts
 * a face needs (its PostScript name, metrics and box). With cmap.ts, and the hmtx reader, the
 * stored glyph boxes and the subsets of truetype-subset.ts, that is all a build asks of such a
 * font, so fontkit is not loaded for it (560 KB of code; loading it, opening a face and decoding
 * its tables took ~45 ms of a cold build). Any other font (CFF outlines, variations, a collection,
 * WOFF, a PostScript name not in a Windows English record, a table outside the file, tables
 * fontkit may read otherwise) gives undefined and is opened with fontkit as before.
 * test/writers/sfnt.test.ts compares every answer with fontkit's.
 */

import type { Font } from 'fontkit';

/** Where a table lies in the font file. */
export interface TableRecord {
  offset: number;
  length: number;
}

/** A font file's tables by tag, as its table directory gives them. */
export type TableDirectory = Record<string, TableRecord | undefined>;

/**
 * The table directory of an sfnt font file (TrueType or OpenType), or undefined when it is cut
 * short or names a table past the file's end.
 */
export function tableDirectory(bytes: Uint8Array): TableDirectory | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  if (12 + 16 * count > bytes.length) return undefined;
  const tables: TableDirectory = {};
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) return undefined;
    tables[tag] = { offset, length };
  }
  return tables;
}

/**
 * A font file read in part (io/resources.ts): `bytes` is as long as the file and holds its tables
 * but glyf; `read` reads other parts of it (pairs of start and end, one after another), one after
 * another in an array of their own.
 */
export interface PartlyRead {
  readonly bytes: Uint8Array;
  read(ranges: readonly number[]): Uint8Array;
}

/** A font as truetype-subset.ts reads it: its bytes and its table directory (fontkit's fonts have these too). */
export interface RawFont {
  stream: { buffer: Uint8Array };
  directory: { tables: TableDirectory };
  _variationProcessor?: unknown;
  /** For a file read in part: what reads the glyph data a subset copies. */
  partly?: PartlyRead;
}

/** A face's facts as fontkit gives them (`FontFace.facts` adds the rest). */
export interface SfntFacts {
  postscriptName: string;
  unitsPerEm: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  ascent: number;
  descent: number;
  /** fontkit's `capHeight`: undefined for an OS/2 table before version 2. */
  capHeight: number | undefined;
  /** fontkit's `xHeight`: undefined for an OS/2 table before version 2, 0 for a font without one. */
  xHeight: number | undefined;
}

/** A static TrueType font read by guide: its tables and facts. */
export interface StaticTrueType extends RawFont {
  facts: SfntFacts;
}

/** The tables a face reads of a font this module takes. */
const NEEDED = ['head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf', 'name', 'post'];

/**
 * A font file's bytes as a static TrueType font, or undefined for a font left to fontkit (see the
 * module's comment). Reads nothing but the directory and the small tables of the facts.
 */
export function readStaticTrueType(file: Uint8Array | PartlyRead): StaticTrueType | undefined {
  const partly = file instanceof Uint8Array ? undefined : file;
  const bytes = partly ? partly.bytes : (file as Uint8Array);
  const tables = tableDirectory(bytes);
  if (tables === undefined) return undefined;
  const version = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  // fontkit's TrueType signatures: 1.0, and Apple's 'true'.
  if (version !== 0x00010000 && version !== 0x74727565) return undefined;
  if (NEEDED.some((tag) => tables[tag] === undefined) || tables['CFF '] || tables['CFF2'] || tables['fvar'])
    return undefined;
  const table = (tag: string) => {
    const { offset, length } = tables[tag]!;
    return new DataView(bytes.buffer, bytes.byteOffset + offset, length);
  };
  const [head, hhea, post] = [table('head'), table('hhea'), table('post')];
  if (head.byteLength < 54 || hhea.byteLength < 36 || post.byteLength < 8) return undefined;
  const postscriptName = windowsEnglishName(table('name'), 6);
  if (postscriptName === undefined) return undefined;
  const os2 = tables['OS/2'] ? table('OS/2') : undefined;
  // An OS/2 table shorter than its version 0, of a version after 5 or too short for its own is
  // one fontkit may read otherwise.
  if (os2 !== undefined && (os2.byteLength < 78 || os2.getUint16(0) > 5)) return undefined;
  const laterOs2 = os2 !== undefined && os2.getUint16(0) >= 2;
  if (laterOs2 && os2.byteLength < 96) return undefined;
  const ascent = hhea.getInt16(4);
  // fontkit reads xHeight and capHeight from version 2 on (at 86 and 88), and gives the ascent and
  // 0 without an OS/2 table.
  const facts: SfntFacts = {
    postscriptName,
    unitsPerEm: head.getUint16(18),
    bbox: [head.getInt16(36), head.getInt16(38), head.getInt16(40), head.getInt16(42)],
    italicAngle: post.getInt32(4) / 65536,
    ascent,
    descent: hhea.getInt16(6),
    capHeight: os2 === undefined ? ascent : laterOs2 ? os2.getInt16(88) : undefined,
    xHeight: os2 === undefined ? 0 : laterOs2 ? os2.getInt16(86) : undefined,
  };
  return { stream: { buffer: bytes }, directory: { tables }, facts, ...(partly ? { partly } : {}) };
}

/** A fontkit font's facts, as `readStaticTrueType` reads them of a static TrueType font. */
export function fontkitFacts(font: Font): SfntFacts {
  const { minX, minY, maxX, maxY } = font.bbox;
  return {
    postscriptName: font.postscriptName,
    unitsPerEm: font.unitsPerEm,
    bbox: [minX, minY, maxX, maxY],
    italicAngle: font.italicAngle,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: font.capHeight,
    xHeight: font.xHeight,
  };
}

/**
 * The name `nameId` as fontkit's `getName` gives it in English, for a font whose last record of
 * it that fontkit files under English (a Mac one of language 0, a Windows one of language 0x0409:
 * fontkit keeps the last of a language) is a Windows Unicode one (encoding 1 or 10), a name of
 * UTF-16 without surrogates or a byte-order mark; undefined for any other font, and for a name
 * table fontkit reads otherwise (version 2 and later, language tags, platforms past 3).
 */
function windowsEnglishName(name: DataView, nameId: number): string | undefined {
  if (name.byteLength < 6 || name.getUint16(0) > 1) return undefined;
  const count = name.getUint16(2);
  const strings = name.getUint16(4);
  if (6 + 12 * count > name.byteLength) return undefined;
  let english: number | undefined;
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const [platform, language, id] = [0, 4, 6].map((field) => name.getUint16(at + field)) as [number, number, number];
    if (platform > 3 || language >= 0x8000) return undefined;
    if (id === nameId && ((platform === 1 && language === 0) || (platform === 3 && language === 0x0409))) english = at;
  }
  if (english === undefined || name.getUint16(english) !== 3) return undefined;
  const encoding = name.getUint16(english + 2);
  const length = name.getUint16(english + 8);
  const start = strings + name.getUint16(english + 10);
  if ((encoding !== 1 && encoding !== 10) || length === 0 || length % 2 !== 0 || start + length > name.byteLength)
    return undefined;
  let text = '';
  for (let k = 0; k < length; k += 2) {
    const unit = name.getUint16(start + k);
    // fontkit's decoder would make a lone surrogate U+FFFD, and drop a leading byte-order mark.
    if ((unit >= 0xd800 && unit <= 0xdfff) || (k === 0 && unit === 0xfeff)) return undefined;
    text += String.fromCharCode(unit);
  }
  return text;
}

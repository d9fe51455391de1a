/**
 * A static TrueType font's tables read straight from its bytes: the table directory, the facts a
 * face needs (its PostScript name, metrics and box) and a glyph's stored box. With cmap.ts, the
 * hmtx reader and the subsets of truetype-subset.ts, that is all a build asks of such a font, so
 * fontkit is not loaded for it (560 KB of code; loading it, opening a face and decoding its tables
 * took ~45 ms of a cold build). Any other font (CFF outlines, variations, a collection, WOFF, a
 * PostScript name not in a Windows English record, a table outside the file) gives undefined and
 * is opened with fontkit as before. test/writers/sfnt.test.ts compares every answer with
 * fontkit's.
 */

/** Where a table lies in the font file. */
export interface TableRecord {
  offset: number;
  length: number;
}

/** A font as truetype-subset.ts reads it: its bytes and its table directory (fontkit's fonts have these too). */
export interface RawFont {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, TableRecord | undefined> };
  _variationProcessor?: unknown;
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
 * `bytes` as a static TrueType font, or undefined for a font left to fontkit (see the module's
 * comment). Reads nothing but the directory and the small tables of the facts.
 */
export function readStaticTrueType(bytes: Uint8Array): StaticTrueType | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  // fontkit's TrueType signatures: 1.0, and Apple's 'true'.
  if (version !== 0x00010000 && version !== 0x74727565) return undefined;
  const count = view.getUint16(4);
  if (12 + 16 * count > bytes.length) return undefined;
  const tables: Record<string, TableRecord | undefined> = {};
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) return undefined;
    tables[tag] = { offset, length };
  }
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
  const ascent = hhea.getInt16(4);
  // fontkit reads xHeight and capHeight from version 2 on (at 86 and 88), and gives the ascent and
  // 0 without an OS/2 table.
  const laterOs2 = os2 !== undefined && os2.byteLength >= 90 && os2.getUint16(0) >= 2;
  if (os2 !== undefined && os2.getUint16(0) >= 2 && !laterOs2) return undefined;
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
  return { stream: { buffer: bytes }, directory: { tables }, facts };
}

/**
 * The name `nameId` as fontkit's `getName` gives it in English for a font whose last English
 * record of it is a Windows Unicode one (platform 3, encoding 1 or 10, language 0x0409: the
 * records are sorted, and fontkit keeps the last of a language); undefined otherwise.
 */
function windowsEnglishName(name: DataView, nameId: number): string | undefined {
  if (name.byteLength < 6) return undefined;
  const count = name.getUint16(2);
  const strings = name.getUint16(4);
  if (6 + 12 * count > name.byteLength) return undefined;
  let found: string | undefined;
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const [platform, encoding, language, id] = [0, 2, 4, 6].map((field) => name.getUint16(at + field));
    if (id !== nameId) continue;
    const windowsEnglish = platform === 3 && (encoding === 1 || encoding === 10) && language === 0x0409;
    // fontkit files a Mac English record (platform 1, language 0) under 'en' too: after the
    // Windows one, it would be the name.
    if (!windowsEnglish) {
      if (platform === 1 && language === 0) found = undefined;
      continue;
    }
    const length = name.getUint16(at + 8);
    const start = strings + name.getUint16(at + 10);
    if (start + length > name.byteLength || length % 2 !== 0) return undefined;
    let text = '';
    for (let k = 0; k < length; k += 2) {
      const unit = name.getUint16(start + k);
      // fontkit's decoder would make a lone surrogate U+FFFD: such a name is left to it.
      if (unit >= 0xd800 && unit <= 0xdfff) return undefined;
      text += String.fromCharCode(unit);
    }
    found = text;
  }
  return found;
}

/**
 * The box stored with glyph `id` (its glyf header: xMin, yMin, xMax, yMax), or null for an empty
 * glyph. For a bullet, whose extremes are on-curve points as fonts draw them, fontkit's box of its
 * outline is the same (a test compares them).
 */
export function storedGlyphBox(font: RawFont, id: number): [number, number, number, number] | null {
  const { tables } = font.directory;
  const buffer = font.stream.buffer;
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const head = tables['head']!;
  const loca = tables['loca']!;
  const long = view.getInt16(head.offset + 50) !== 0;
  const entry = (i: number) => (long ? view.getUint32(loca.offset + i * 4) : view.getUint16(loca.offset + i * 2) * 2);
  if ((id + 2) * (long ? 4 : 2) > loca.length) return null;
  const [start, end] = [entry(id), entry(id + 1)];
  if (end - start < 10) return null;
  const at = tables['glyf']!.offset + start;
  return [view.getInt16(at + 2), view.getInt16(at + 4), view.getInt16(at + 6), view.getInt16(at + 8)];
}

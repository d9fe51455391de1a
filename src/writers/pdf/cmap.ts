/**
 * Which glyph a TrueType/OpenType font maps each code point to, read from its cmap table alone:
 * what `guide validate` needs to know, without loading fontkit (a third of validate's start-up)
 * or working out widths, and what a build looks characters up with (fonts.ts: fontkit's decoded
 * tables are slow cold). It answers as fontkit's `glyphForCodePoint` and `hasGlyphForCodePoint` do
 * (the same Unicode subtable chosen in the same order, a code point is covered when it maps to a
 * glyph other than 0), and reads only the common subtable formats of a well-formed file: anything else
 * (another format, a legacy encoding, a table that runs past the end of the file, a missing
 * table fontkit needs to open the font) is left to fontkit, so what is reported about an
 * unusual or damaged font is what `guide build` reports.
 */

import type { GlyphCoverage } from './face-chain.js';
import { tableDirectory } from './sfnt.js';

/** Unicode subtables by (platform, encoding), in the order fontkit prefers them. */
const unicodeSubtables: readonly (readonly [number, number])[] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

/** The tables the reader looks at besides the table directory. */
export const cmapReaderTables: readonly string[] = ['cmap', 'head', 'name'];

/** A font this reader does not read: open it with fontkit instead. */
export class CmapUnread extends Error {
  constructor() {
    super('the cmap reader does not read this font');
    this.name = 'CmapUnread';
  }
}

/** The code points of one cmap subtable (format 4, or 12 and 13), and their glyphs. */
export class CmapCoverage implements GlyphCoverage {
  constructor(
    private readonly view: DataView,
    /** Start of the subtable in the file. */
    private readonly at: number,
    private readonly format: number,
  ) {}

  has(cp: number): boolean {
    return this.glyphId(cp) !== 0;
  }

  /** The glyph `cp` maps to, as fontkit's `glyphForCodePoint` finds it; 0 (.notdef) for none. */
  glyphId(cp: number): number {
    return this.format === 4 ? this.glyph4(cp) : this.glyph12(cp);
  }

  /** Segment mapping to delta values (the BMP). */
  private glyph4(cp: number): number {
    const { view, at } = this;
    const segCount = view.getUint16(at + 6) >> 1;
    const ends = at + 14;
    const starts = ends + 2 * segCount + 2;
    const deltas = starts + 2 * segCount;
    const rangeOffsets = deltas + 2 * segCount;
    const glyphIds = rangeOffsets + 2 * segCount;
    const glyphIdCount = (view.getUint16(at + 2) - (glyphIds - at)) / 2;
    let min = 0;
    let max = segCount - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const start = view.getUint16(starts + 2 * mid);
      if (cp < start) max = mid - 1;
      else if (cp > view.getUint16(ends + 2 * mid)) min = mid + 1;
      else {
        const rangeOffset = view.getUint16(rangeOffsets + 2 * mid);
        const delta = view.getInt16(deltas + 2 * mid);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const index = rangeOffset / 2 + (cp - start) - (segCount - mid);
        const glyph = index >= 0 && index < glyphIdCount ? view.getUint16(glyphIds + 2 * index) : 0;
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
    }
    return 0;
  }

  /** Segmented coverage (12) and many-to-one ranges (13). */
  private glyph12(cp: number): number {
    const { view, at } = this;
    let min = 0;
    let max = view.getUint32(at + 12) - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const group = at + 16 + 12 * mid;
      if (cp < view.getUint32(group)) max = mid - 1;
      else if (cp > view.getUint32(group + 4)) min = mid + 1;
      else {
        const glyph = view.getUint32(group + 8);
        return this.format === 12 ? glyph + (cp - view.getUint32(group)) : glyph;
      }
    }
    return 0;
  }
}

/** Whether the name table's records and the strings they point at lie within the file. */
function namesInFile(view: DataView, at: number): boolean {
  if (at + 6 > view.byteLength) return false;
  const count = view.getUint16(at + 2);
  const strings = at + view.getUint16(at + 4);
  if (at + 6 + 12 * count > view.byteLength) return false;
  for (let i = 0; i < count; i++) {
    const record = at + 6 + 12 * i;
    if (strings + view.getUint16(record + 10) + view.getUint16(record + 8) > view.byteLength) return false;
  }
  return true;
}

/**
 * The coverage of a font file (one whose signature says TrueType or OpenType); throws
 * `CmapUnread` when the file is one to leave to fontkit.
 */
export function readCmapCoverage(data: Uint8Array): CmapCoverage {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const unread = () => new CmapUnread();
  const tables = tableDirectory(data);
  if (tables === undefined) throw unread();
  // fontkit reads these three to open a font; a file it could refuse for them is left to it.
  const { cmap, head, name } = tables;
  if (!cmap || !head || head.length < 54 || !name || !namesInFile(view, name.offset)) throw unread();
  if (cmap.length < 4) throw unread();
  const records = view.getUint16(cmap.offset + 2);
  if (4 + 8 * records > cmap.length) throw unread();
  const record = (platform: number, encoding: number) => {
    for (let i = 0; i < records; i++) {
      const entry = cmap.offset + 4 + 8 * i;
      if (view.getUint16(entry) === platform && view.getUint16(entry + 2) === encoding)
        return view.getUint32(entry + 4);
    }
    return undefined;
  };
  const offset = unicodeSubtables
    .map(([platform, encoding]) => record(platform, encoding))
    .find((o) => o !== undefined);
  if (offset === undefined || offset + 8 > cmap.length) throw unread();
  const at = cmap.offset + offset;
  const end = cmap.offset + cmap.length;
  const format = view.getUint16(at);
  if (format === 4) {
    const length = view.getUint16(at + 2);
    const segCount = view.getUint16(at + 6) >> 1;
    if (at + length > end || 16 + 8 * segCount > length || length % 2 !== 0) throw unread();
    return new CmapCoverage(view, at, format);
  }
  if (format === 12 || format === 13) {
    if (at + 16 > end) throw unread();
    const length = view.getUint32(at + 4);
    const groups = view.getUint32(at + 12);
    if (at + length > end || 16 + 12 * groups > length) throw unread();
    return new CmapCoverage(view, at, format);
  }
  throw unread();
}

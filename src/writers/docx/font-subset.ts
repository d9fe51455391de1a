/**
 * A subset of the guide font that Word and LibreOffice can install while the document is open:
 * a whole TrueType font (cmap, name, OS/2, post) holding only the glyphs of the characters the
 * document uses. PDF subsets (`FontFace.createSubset`) are made for PDF embedding, where the
 * text names glyphs by id: they have outlines and metrics but no character map and no names, so
 * the tables a system font needs are added here (cmap built for the subset's glyph ids; name and
 * OS/2 copied; post without glyph names).
 */

import type { FontFace, FontSubset } from '../pdf/fonts.js';
import { fontTable, TrueTypeSubset } from '../pdf/truetype-subset.js';
import { tableDirectory } from '../pdf/sfnt.js';
import { distinctAscending } from '../code-points.js';

/** The tables of a subset font, as its table directory gives them. */
function readTables(bytes: Uint8Array): Map<string, Uint8Array> {
  const tables = new Map<string, Uint8Array>();
  for (const [tag, record] of Object.entries(tableDirectory(bytes)!)) {
    tables.set(tag, bytes.subarray(record!.offset, record!.offset + record!.length));
  }
  return tables;
}

/**
 * cmap with a format 4 subtable (BMP, what every reader knows) and a format 12 subtable (every
 * plane), both for Windows Unicode, as fonts made for Word have them.
 */
function cmapTable(glyphOf: ReadonlyMap<number, number>): Uint8Array {
  const mapped = [...glyphOf].sort(byCodePoint);
  // Format 12: runs of consecutive code points with consecutive glyph ids.
  const groups: [number, number, number][] = [];
  for (const [cp, gid] of mapped) {
    const last = groups.at(-1);
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  // Format 4: one segment per code point run in the BMP, glyph ids by idDelta where they run
  // alongside, else through glyphIdArray.
  const segments: { start: number; end: number; gids: number[] }[] = [];
  for (const [cp, gid] of mapped) {
    if (cp >= 0xffff) break;
    const last = segments.at(-1);
    if (last && cp === last.end + 1) {
      last.end = cp;
      last.gids.push(gid);
    } else segments.push({ start: cp, end: cp, gids: [gid] });
  }
  segments.push({ start: 0xffff, end: 0xffff, gids: [0] });
  const segCount = segments.length;
  let arrayLength = 0;
  for (const segment of segments) if (!consecutive(segment.gids)) arrayLength += segment.gids.length;
  const format4Length = 16 + segCount * 8 + arrayLength * 2;
  const format12Length = 16 + groups.length * 12;
  const out = new DataView(new ArrayBuffer(4 + 16 + format4Length + format12Length));
  out.setUint16(0, 0);
  out.setUint16(2, 2);
  out.setUint16(4, 3); // Windows
  out.setUint16(6, 1); // Unicode BMP
  out.setUint32(8, 20);
  out.setUint16(12, 3);
  out.setUint16(14, 10); // Unicode full repertoire
  out.setUint32(16, 20 + format4Length);
  let at = 20;
  out.setUint16(at, 4);
  out.setUint16(at + 2, format4Length);
  out.setUint16(at + 4, 0);
  out.setUint16(at + 6, segCount * 2);
  const searchRange = 2 * 2 ** Math.floor(Math.log2(segCount));
  out.setUint16(at + 8, searchRange);
  out.setUint16(at + 10, Math.log2(searchRange / 2));
  out.setUint16(at + 12, segCount * 2 - searchRange);
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  let arrayAt = rangeOffsets + segCount * 2;
  for (const [i, segment] of segments.entries()) {
    out.setUint16(ends + i * 2, segment.end);
    out.setUint16(starts + i * 2, segment.start);
    if (consecutive(segment.gids)) {
      out.setUint16(deltas + i * 2, (segment.gids[0]! - segment.start) & 0xffff);
      out.setUint16(rangeOffsets + i * 2, 0);
    } else {
      out.setUint16(deltas + i * 2, 0);
      out.setUint16(rangeOffsets + i * 2, arrayAt - (rangeOffsets + i * 2));
      for (const gid of segment.gids) {
        out.setUint16(arrayAt, gid);
        arrayAt += 2;
      }
    }
  }
  at = 20 + format4Length;
  out.setUint16(at, 12);
  out.setUint16(at + 2, 0);
  out.setUint32(at + 4, format12Length);
  out.setUint32(at + 8, 0);
  out.setUint32(at + 12, groups.length);
  for (const [i, [start, end, gid]] of groups.entries()) {
    out.setUint32(at + 16 + i * 12, start);
    out.setUint32(at + 20 + i * 12, end);
    out.setUint32(at + 24 + i * 12, gid);
  }
  return new Uint8Array(out.buffer);
}

/** post version 3: the original's metrics (italic angle, underline), no glyph names. */
function postTable(original: Uint8Array | undefined): Uint8Array {
  const post = new Uint8Array(32);
  if (original) post.set(original.subarray(0, 32));
  new DataView(post.buffer).setUint32(0, 0x00030000);
  return post;
}

/** A table's checksum: the sum of its big-endian 32-bit words, the last padded with zeros. */
function checksum(data: Uint8Array): number {
  // Read in place rather than from a padded copy: the glyph table of a firm's font is ~1 MB.
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const whole = data.length & ~3;
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt font of these tables, in tag order, with its checksums. */
function writeSfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + tags.length * 16;
  let length = headerLength;
  for (const tag of tags) length += (tables.get(tag)!.length + 3) & ~3;
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  const searchRange = 16 * 2 ** Math.floor(Math.log2(tags.length));
  view.setUint16(6, searchRange);
  view.setUint16(8, Math.log2(searchRange / 16));
  view.setUint16(10, tags.length * 16 - searchRange);
  let offset = headerLength;
  let headOffset = -1;
  for (const [i, tag] of tags.entries()) {
    const data = tables.get(tag)!;
    if (tag === 'head') {
      headOffset = offset;
      new DataView(data.buffer, data.byteOffset, data.byteLength).setUint32(8, 0); // checkSumAdjustment
    }
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k += 1) bytes[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    bytes.set(data, offset);
    offset += (data.length + 3) & ~3;
  }
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(bytes)) >>> 0);
  return bytes;
}

/**
 * A TrueType font with the glyphs of `codePoints` that `face` has (and the glyphs they are built
 * from), mapped from those code points. The same code points give the same bytes.
 */
export function subsetFont(face: FontFace, codePoints: Iterable<number>): Uint8Array {
  const subset = face.createSubset();
  const glyphOf = new Map<number, number>();
  includeCodePoints(face, subset, distinctAscending(codePoints), glyphOf);
  return fontFile(face, subset, glyphOf);
}

/** A subset font whose glyph data starts with runs of glyphs many documents have in common. */
export interface FontInRuns {
  bytes: Uint8Array;
  /**
   * Where each leading run's glyph data lies in `bytes`: the same bytes for any characters in the
   * runs after it.
   */
  runs: { start: number; end: number }[];
}

/**
 * A TrueType font as `subsetFont` makes it, with the glyphs of each of `runs` in turn (each run's
 * followed by the glyphs they are built from), then those of `rest`: all lists ascending, none
 * holding another's characters. Undefined when `face` has no glyf table to subset so (a CFF face).
 */
export function subsetFontInRuns(
  face: FontFace,
  runs: readonly (readonly number[])[],
  rest: readonly number[],
): FontInRuns | undefined {
  const subset = face.createSubset();
  if (!(subset instanceof TrueTypeSubset)) return undefined;
  const glyphOf = new Map<number, number>();
  const ends: number[] = [];
  for (const run of runs) {
    includeCodePoints(face, subset, run, glyphOf);
    subset.includeComponents();
    ends.push(subset.glyphCount);
  }
  includeCodePoints(face, subset, rest, glyphOf);
  const bytes = fontFile(face, subset, glyphOf);
  // .notdef and the first run's glyphs open the glyf table.
  const glyf = readTables(bytes).get('glyf')!.byteOffset - bytes.byteOffset;
  const at = (glyphs: number) => glyf + subset.glyphDataLength(glyphs);
  return { bytes, runs: ends.map((end, i) => ({ start: i === 0 ? glyf : at(ends[i - 1]!), end: at(end) })) };
}

/** Includes the glyph of each code point `face` has, in the order given, noting its id in `glyphOf`. */
function includeCodePoints(
  face: FontFace,
  subset: FontSubset,
  codePoints: readonly number[],
  glyphOf: Map<number, number>,
): void {
  for (const cp of codePoints) {
    const glyphId = face.glyphId(cp);
    if (glyphId > 0) glyphOf.set(cp, subset.includeGlyph(glyphId));
  }
}

/** The subset as a font Word can install: its own tables, with cmap, post, OS/2 and name added. */
function fontFile(face: FontFace, subset: FontSubset, glyphOf: ReadonlyMap<number, number>): Uint8Array {
  const tables = new Map<string, Uint8Array>();
  for (const [tag, data] of readTables(subset.encode())) tables.set(tag, data.slice());
  tables.set('cmap', cmapTable(glyphOf));
  tables.set('post', postTable(fontTable(face.raw, 'post')));
  for (const tag of ['OS/2', 'name']) {
    const data = fontTable(face.raw, tag);
    if (data) tables.set(tag, data.slice());
  }
  return writeSfnt(tables);
}

/*
 * Comparators and tests made once, not per call: see "Code kept optimized" in docs/decisions.md.
 */

function byCodePoint(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0];
}

/** Whether glyph ids run one after another (a segment mapped by idDelta alone). */
function consecutive(gids: readonly number[]): boolean {
  for (let i = 1; i < gids.length; i++) if (gids[i] !== gids[0]! + i) return false;
  return true;
}

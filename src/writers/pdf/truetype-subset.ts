/**
 * Subsets of a TrueType font, written straight from the font's own bytes: the same bytes as
 * fontkit's subset (`font.createSubset().encode()`), which the writers used before, glyph for
 * glyph and table for table, without what makes fontkit's slow in a batch. fontkit decodes every
 * glyph it copies into point objects (only to tell a composite glyph from a simple one) and its
 * metrics through the glyph's bounding box, and encodes each table through restructure, entry by
 * entry: a quarter of the time of writing a firm's PDF and DOCX, and the decoded glyphs stayed in
 * memory for the life of the process. Here a glyph is copied as stored, composite glyphs have
 * their component ids renumbered in the copy, and the metrics come from hmtx as stored.
 *
 * The font must be a static TrueType font (glyf outlines, no variations): `TrueTypeSubset.for`
 * says whether it is. test/writers/truetype-subset.test.ts compares the bytes with fontkit's.
 */

import type { Font } from 'fontkit';
import type { PartlyRead, RawFont } from './sfnt.js';
import { notIn } from '../code-points.js';

/** A font read here: fontkit's, or guide's own reading of a static TrueType font (sfnt.ts); both have its bytes and table directory. */
type AnyFont = Font | RawFont;

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The tables a subset has, in the order fontkit writes them; the last three only when the font has them. */
const TABLE_ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/** What every subset of one font reads: its tables as stored, and its glyph offsets and metrics. */
class FontTables {
  readonly head: Uint8Array;
  readonly hhea: Uint8Array;
  readonly maxp: Uint8Array;
  /** glyf as stored; for a file read in part (`partly`), unread: the glyphs read are in `glyphsRead`. */
  private readonly glyf: Uint8Array;
  private readonly glyfOffset: number;
  private readonly partly: PartlyRead | undefined;
  private readonly glyphsRead = new Map<number, Uint8Array>();
  /** cvt, prep and fpgm as stored (those the font has). */
  readonly programs: ReadonlyMap<string, Uint8Array>;
  /** 0: short loca offsets (halved, 16 bits); 1: long (32 bits). */
  readonly locaVersion: number;
  /** Glyph id → its data's offset in glyf; one more entry than glyphs. */
  readonly offsets: Uint32Array;
  private readonly horizontal: HorizontalMetrics;

  constructor(font: AnyFont) {
    const table = (tag: string) => fontTable(font, tag);
    this.head = table('head')!;
    this.hhea = table('hhea')!;
    this.maxp = table('maxp')!;
    this.glyf = table('glyf')!;
    this.glyfOffset = (font as unknown as RawFont).directory.tables['glyf']!.offset;
    this.partly = (font as unknown as RawFont).partly;
    const programs = new Map<string, Uint8Array>();
    for (const tag of ['cvt ', 'prep', 'fpgm']) {
      const data = table(tag);
      // fontkit reads cvt as 16-bit values: an odd last byte is not written back.
      if (data) programs.set(tag, tag === 'cvt ' ? data.subarray(0, data.length & ~1) : data);
    }
    this.programs = programs;
    const view = (data: Uint8Array) => new DataView(data.buffer, data.byteOffset, data.byteLength);
    this.locaVersion = view(this.head).getInt16(50);
    const glyphCount = view(this.maxp).getUint16(4);
    const loca = view(table('loca')!);
    this.offsets = new Uint32Array(glyphCount + 1);
    for (let id = 0; id <= glyphCount; id++) {
      this.offsets[id] = this.locaVersion === 0 ? loca.getUint16(id * 2) * 2 : loca.getUint32(id * 4);
    }
    this.horizontal = new HorizontalMetrics(view(this.hhea), view(table('hmtx')!));
  }

  /** Where glyph `id`'s data lies in glyf: empty for a glyph id past the font's, within glyf for a damaged loca. */
  private range(id: number): [number, number] {
    const start = Math.min(this.offsets[id] ?? 0, this.glyf.length);
    return [start, Math.min(Math.max(this.offsets[id + 1] ?? 0, start), this.glyf.length)];
  }

  /** Glyph `id`'s data as stored. */
  glyph(id: number): Uint8Array {
    if (this.partly === undefined) return this.glyf.subarray(...this.range(id));
    let data = this.glyphsRead.get(id);
    if (data === undefined) {
      this.readGlyphs([id]);
      data = this.glyphsRead.get(id)!;
    }
    return data;
  }

  /** Reads the data of those of `ids` not read yet at once, for a file read in part: `glyph` then has it. */
  readGlyphs(ids: readonly number[]): void {
    if (this.partly === undefined) return;
    const unread = notIn([...new Set(ids)], this.glyphsRead);
    if (unread.length === 0) return;
    // In file order: glyphs that follow each other there are read at once.
    const { offsets } = this;
    unread.sort((a, b) => (offsets[a] ?? 0) - (offsets[b] ?? 0));
    const ranges: number[] = [];
    for (const id of unread) {
      const [start, end] = this.range(id);
      ranges.push(this.glyfOffset + start, this.glyfOffset + end);
    }
    const data = this.partly.read(ranges);
    for (let i = 0, at = 0; i < unread.length; i++) {
      const length = ranges[2 * i + 1]! - ranges[2 * i]!;
      this.glyphsRead.set(unread[i]!, data.subarray(at, at + length));
      at += length;
    }
  }

  /** Advance width and left side bearing of a glyph, as fontkit reads them from hmtx. */
  metrics(id: number): { advance: number; bearing: number } {
    return { advance: this.horizontal.advance(id), bearing: this.horizontal.bearing(id) };
  }
}

/** A table of a font as stored, or undefined when the font has none. */
export function fontTable(font: AnyFont, tag: string): Uint8Array | undefined {
  const { directory, stream } = font as unknown as RawFont;
  const record = directory.tables[tag];
  return record && stream.buffer.subarray(record.offset, record.offset + record.length);
}

/**
 * A font's hmtx as stored, read as fontkit reads it: an advance width and left side bearing for
 * each of the first glyphs (hhea says how many), a side bearing for each of the rest, which
 * advance as the last of the first.
 */
export class HorizontalMetrics {
  private readonly count: number;

  constructor(
    hhea: DataView,
    private readonly hmtx: DataView,
  ) {
    this.count = hhea.getUint16(34);
  }

  /** A font's, or undefined when it has no hhea or hmtx, or too short an hmtx (left to fontkit). */
  static of(font: AnyFont): HorizontalMetrics | undefined {
    const view = (tag: string) => {
      const bytes = fontTable(font, tag);
      return bytes && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    };
    const [hhea, hmtx] = [view('hhea'), view('hmtx')];
    if (!hhea || hhea.byteLength < 36 || !hmtx) return undefined;
    const metrics = new HorizontalMetrics(hhea, hmtx);
    return hmtx.byteLength >= 4 * metrics.count ? metrics : undefined;
  }

  advance(id: number): number {
    const n = this.count;
    if (id < n) return this.hmtx.getUint16(id * 4);
    return n > 0 ? this.hmtx.getUint16((n - 1) * 4) : 0;
  }

  bearing(id: number): number {
    const n = this.count;
    if (id < n) return this.hmtx.getInt16(id * 4 + 2);
    const at = n * 4 + (id - n) * 2;
    return at + 2 <= this.hmtx.byteLength ? this.hmtx.getInt16(at) : 0;
  }
}

/** A copy of `data` in a buffer of its own (a Buffer's `slice` would share the font's memory). */
function copy(data: Uint8Array): Uint8Array {
  return new Uint8Array(data);
}

/** Each font's tables, read once. */
const tablesOf = new WeakMap<AnyFont, FontTables>();

/** `font`'s tables, read on the first call. */
function tablesFor(font: AnyFont): FontTables {
  let read = tablesOf.get(font);
  if (!read) tablesOf.set(font, (read = new FontTables(font)));
  return read;
}

/**
 * The box stored with glyph `id` of a static TrueType font (its glyf header: xMin, yMin, xMax,
 * yMax), or null for an empty glyph or one the font has not. It holds the glyph's points, off-curve
 * ones too, so it can be a unit or so wider than the outline fontkit works out; for a bullet whose
 * extremes are on-curve points, as fonts mostly draw them, the two are the same (a test compares
 * them on the bundled fonts).
 */
export function storedGlyphBox(font: AnyFont, id: number): [number, number, number, number] | null {
  const tables = tablesFor(font);
  if (id + 1 >= tables.offsets.length) return null;
  const data = tables.glyph(id);
  if (data.length < 10) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return [view.getInt16(2), view.getInt16(4), view.getInt16(6), view.getInt16(8)];
}

/** A subset being made: glyphs are included in the order met, .notdef first. */
export class TrueTypeSubset {
  private readonly tables: FontTables;
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  /** A subset of `font`, or undefined when it is not a static TrueType font (use fontkit's). */
  static for(font: AnyFont): TrueTypeSubset | undefined {
    const raw = font as unknown as RawFont;
    const tables = raw.directory.tables;
    if (raw._variationProcessor || !tables.glyf || !tables.loca || !tables.hmtx || !tables.maxp) return undefined;
    return new TrueTypeSubset(tablesFor(font));
  }

  private constructor(tables: FontTables) {
    this.tables = tables;
    this.includeGlyph(0);
  }

  /** The id of the font's glyph `id` in the subset, including it when it is not yet. */
  includeGlyph(id: number): number {
    let mapped = this.mapping.get(id);
    if (mapped === undefined) {
      mapped = this.glyphs.push(id) - 1;
      this.mapping.set(id, mapped);
    }
    return mapped;
  }

  /** How many glyphs are included so far, .notdef with them. */
  get glyphCount(): number {
    return this.glyphs.length;
  }

  /** The length of the first `count` glyphs' data as `encode` writes it (each is copied whole). */
  glyphDataLength(count: number): number {
    const { offsets } = this.tables;
    let length = 0;
    for (let i = 0; i < count; i++) length += offsets[this.glyphs[i]! + 1]! - offsets[this.glyphs[i]!]!;
    return length;
  }

  /**
   * Includes the components of the composite glyphs included so far, and theirs, now rather
   * than as `encode` copies them: the glyphs included after this come after all of them, so the
   * data of the glyphs included before does not depend on what follows.
   */
  includeComponents(): void {
    const { tables } = this;
    tables.readGlyphs(this.glyphs);
    for (let i = 0; i < this.glyphs.length; i++) {
      const data = tables.glyph(this.glyphs[i]!);
      if (!isComposite(data)) continue;
      const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (const at of componentIdOffsets(view)) this.includeGlyph(view.getUint16(at));
    }
  }

  /** The subset as a font file. Composite glyphs bring their components in as they are copied. */
  encode(): Uint8Array {
    const { tables } = this;
    const glyphData: Uint8Array[] = [];
    const locaOffsets: number[] = [];
    const advances: number[] = [];
    const bearings: number[] = [];
    let offset = 0;
    tables.readGlyphs(this.glyphs);
    // Components are appended to `glyphs` while it is walked.
    for (let i = 0; i < this.glyphs.length; i++) {
      const id = this.glyphs[i]!;
      let data = tables.glyph(id);
      if (isComposite(data)) {
        data = copy(data);
        this.renumberComponents(data);
      }
      glyphData.push(data);
      locaOffsets.push(offset);
      const { advance, bearing } = tables.metrics(id);
      advances.push(advance);
      bearings.push(bearing);
      offset += data.length;
    }
    locaOffsets.push(offset);
    const count = glyphData.length;

    const head = copy(tables.head.subarray(0, 54));
    const headView = new DataView(head.buffer);
    // fontkit reads macStyle as seven named bits and writes only those.
    headView.setUint16(44, headView.getUint16(44) & 0x7f);
    headView.setInt16(50, tables.locaVersion);
    const hhea = copy(tables.hhea.subarray(0, 36));
    const hheaView = new DataView(hhea.buffer);
    // Reserved fields are written as zeros.
    for (let at = 24; at < 32; at += 2) hheaView.setInt16(at, 0);
    hheaView.setUint16(34, count);
    const maxp = copy(tables.maxp.subarray(0, 32));
    new DataView(maxp.buffer).setUint16(4, count);

    const short = tables.locaVersion === 0;
    const loca = new Uint8Array(locaOffsets.length * (short ? 2 : 4));
    const locaView = new DataView(loca.buffer);
    for (const [i, value] of locaOffsets.entries()) {
      if (short) locaView.setUint16(i * 2, value >>> 1);
      else locaView.setUint32(i * 4, value);
    }
    const hmtx = new Uint8Array(count * 4);
    const hmtxView = new DataView(hmtx.buffer);
    for (let i = 0; i < count; i++) {
      hmtxView.setUint16(i * 4, advances[i]!);
      hmtxView.setInt16(i * 4 + 2, bearings[i]!);
    }

    const parts = new Map<string, Uint8Array | Uint8Array[]>([
      ['head', head],
      ['hhea', hhea],
      ['loca', loca],
      ['maxp', maxp],
      ['glyf', glyphData],
      ['hmtx', hmtx],
    ]);
    for (const [tag, data] of tables.programs) parts.set(tag, data);
    const present = TABLE_ORDER.filter((tag) => parts.has(tag));
    const directoryLength = 12 + present.length * 16;
    let total = directoryLength;
    for (const tag of present) total += byteLength(parts.get(tag)!);
    const out = new Uint8Array(total);
    const view = new DataView(out.buffer);
    // fontkit's directory: the tag 'true', no checksums, tables one after another unpadded.
    view.setUint32(0, 0x74727565);
    view.setUint16(4, present.length);
    const exponent = Math.floor(Math.log2(present.length));
    view.setUint16(6, 2 ** exponent * 16);
    view.setUint16(8, exponent);
    view.setUint16(10, present.length * 16 - 2 ** exponent * 16);
    let at = directoryLength;
    for (const [i, tag] of present.entries()) {
      const entry = 12 + i * 16;
      for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
      const part = parts.get(tag)!;
      view.setUint32(entry + 8, at);
      view.setUint32(entry + 12, byteLength(part));
      for (const data of Array.isArray(part) ? part : [part]) {
        out.set(data, at);
        at += data.length;
      }
    }
    return out;
  }

  /** Points a composite glyph's components (in a copy of its data) at their ids in the subset. */
  private renumberComponents(data: Uint8Array): void {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (const at of componentIdOffsets(view)) view.setUint16(at, this.includeGlyph(view.getUint16(at)));
  }
}

/** Whether a glyph's data is a composite glyph: a negative contour count, its first byte's top bit set. */
function isComposite(data: Uint8Array): boolean {
  return data.length >= 10 && (data[0]! & 0x80) !== 0;
}

/** Where each component's glyph id lies in a composite glyph's data. */
function componentIdOffsets(view: DataView): number[] {
  const offsets: number[] = [];
  let at = 10;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS) {
    flags = view.getUint16(at);
    offsets.push(at + 2);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
  }
  return offsets;
}

/** The length of a table held whole or in pieces. */
function byteLength(part: Uint8Array | readonly Uint8Array[]): number {
  if (!Array.isArray(part)) return (part as Uint8Array).length;
  let length = 0;
  for (const data of part) length += data.length;
  return length;
}

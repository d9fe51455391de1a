/**
 * The faces of the guide font in one PDF: subsets of the glyphs the document draws, embedded as
 * Type0 fonts (Identity-H encoding over a CIDFontType2, or CIDFontType0C for CFF outlines) with
 * a ToUnicode map, so text can be copied and searched. Text is encoded here, glyph by glyph,
 * rather than through pdfkit's text API: layout has placed every glyph already, and pdfkit's
 * per-call text machinery cost more than all the rest of drawing.
 *
 * A face can also have a shared subset: glyphs every document of a batch draws (its letter,
 * headings, the measures every firm gets), made and compressed once and written into each
 * document as the same bytes. The document's own subset then holds only the rest.
 */

import { deflateSync } from 'node:zlib';
import { InternalError } from '../../errors.js';
import { entryKey, getNumbered, setNumbered, type EntryStore } from '../../cache-store.js';
import type { WriterCache } from '../cache.js';
import { distinctAscending, notIn } from '../code-points.js';
import { sha256Hex } from '../../hash.js';
import { LruMap } from '../../lru.js';
import type { FaceChain } from './face-chain.js';
import type { FontFace, FontSubset } from './fonts.js';

/** 1000 units to the em, as PDF glyph widths and font metrics are given. */
const UNITS = 1000;

/** A glyph's CID as Identity-H encodes it: two bytes, as four hex digits. */
function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

/** A number for a PDF content stream or dictionary: at most three decimals, no exponent. */
export function pdfNumber(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** UTF-16BE hex of a code point, as a ToUnicode map gives it. */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const offset = cp - 0x10000;
  return hex4(0xd800 | (offset >> 10)) + hex4(0xdc00 | (offset & 0x3ff));
}

/**
 * Six capital letters naming the subset (the "ABCDEF+" before the font name), from the glyphs
 * in it: the same subset gets the same tag, and different subsets in one file do not clash.
 */
function subsetTag(glyphIds: readonly number[]): string {
  let hash = 0x811c9dc5;
  for (const id of glyphIds) hash = Math.imul(hash ^ id, 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i += 1) {
    tag += String.fromCharCode(65 + (hash % 26));
    hash = Math.floor(hash / 26) + i * 7919;
  }
  return tag;
}

/**
 * `cids` (ascending) in runs of consecutive CIDs for which `continues(previous, cid)` holds, none
 * crossing a multiple of 256: a CMap range may differ only in its last byte (W's runs are cut
 * there too, which W allows).
 */
function runsOf(cids: readonly number[], continues: (previous: number, cid: number) => boolean): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (const cid of cids) {
    const last = run[run.length - 1];
    if (last !== undefined && (cid !== last + 1 || cid % 256 === 0 || !continues(last, cid))) {
      runs.push(run);
      run = [];
    }
    run.push(cid);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** A CMap's begin…end blocks hold at most 100 entries each (Adobe Technical Note #5014). */
const CMAP_BLOCK = 100;

/** `entries` as CMap blocks of `kind` (bfchar, bfrange). */
function cmapBlocks(kind: string, entries: readonly string[]): string[] {
  const blocks: string[] = [];
  for (let start = 0; start < entries.length; start += CMAP_BLOCK) {
    const block = entries.slice(start, start + CMAP_BLOCK);
    blocks.push(`${block.length} begin${kind}`, ...block, `end${kind}`);
  }
  return blocks;
}

/**
 * The ToUnicode CMap: each CID (ascending) to the character drawn with it. Consecutive CIDs
 * drawing consecutive characters are one range; the rest one entry each.
 */
function toUnicodeCmap(cids: readonly number[], codePointOf: ReadonlyMap<number, number>): string {
  const ranges: string[] = [];
  const singles: string[] = [];
  const runs = runsOf(cids, (previous, cid) => {
    const cp = codePointOf.get(cid)!;
    // A range adds to the last byte of its target: it stays within one UTF-16 unit's low byte.
    return cp < 0x10000 && cp === codePointOf.get(previous)! + 1 && cp % 256 !== 0;
  });
  for (const run of runs) {
    const first = `<${hex4(run[0]!)}>`;
    const target = `<${utf16Hex(codePointOf.get(run[0]!)!)}>`;
    if (run.length === 1) singles.push(`${first} ${target}`);
    else ranges.push(`${first} <${hex4(run[run.length - 1]!)}> ${target}`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...cmapBlocks('bfchar', singles),
    ...cmapBlocks('bfrange', ranges),
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** A CID font's default width (DW), which PDF takes when the font does not say: W lists the others. */
const DEFAULT_WIDTH = 1000;

/**
 * The glyphs of a subset and the CIDs that draw them. In a TrueType face a glyph's CID is its
 * glyph id in the font, whatever else the document draws: a page's text is then the same bytes
 * in every document that draws it (a batch's firms, a rebuild), so a page drawn once can be
 * taken again. The program holds the glyphs in id order and the CIDToGIDMap says where each is.
 * A CFF program names its glyphs by CID itself (fontkit writes them CID-keyed, numbered in
 * order), so a CFF face's CIDs count up from 1 in the order the glyphs are first met.
 */
class SubsetBuilder {
  /** Font glyph id → CID. */
  private readonly cidOfGlyph = new Map<number, number>([[0, 0]]);
  /** By CID: the code point first drawn with it, its width. */
  private readonly codePointOf = new Map<number, number>([[0, 0]]);
  private readonly widthOf = new Map<number, number>();
  private readonly cidIsGlyphId: boolean;

  constructor(readonly face: FontFace) {
    const { notdefAdvance, unitsPerEm, cff } = face.facts;
    this.cidIsGlyphId = !cff;
    this.widthOf.set(0, pdfNumber((notdefAdvance / unitsPerEm) * UNITS));
  }

  /** The CID of `cp`'s glyph, as four hex digits. */
  include(cp: number): string {
    const glyphId = this.face.glyphId(cp);
    let cid = this.cidOfGlyph.get(glyphId);
    if (cid === undefined) {
      cid = this.cidIsGlyphId ? glyphId : this.cidOfGlyph.size;
      this.cidOfGlyph.set(glyphId, cid);
      this.codePointOf.set(cid, cp);
      this.widthOf.set(cid, pdfNumber(this.face.advance(cp) * UNITS));
    }
    return hex4(cid);
  }

  /** The font's glyph ids in the program's order (.notdef first). */
  private programGlyphs(): number[] {
    const glyphIds = [...this.cidOfGlyph.keys()];
    return this.cidIsGlyphId ? glyphIds.sort((a, b) => a - b) : glyphIds;
  }

  /** The font's subset of `glyphIds`, numbered in that order. */
  private subsetOf(glyphIds: readonly number[]): FontSubset {
    const subset = this.face.createSubset();
    for (let at = 1; at < glyphIds.length; at++) {
      if (subset.includeGlyph(glyphIds[at]!) !== at)
        throw new InternalError('a font subset numbered its glyphs otherwise');
    }
    return subset;
  }

  /**
   * The subset's font program (deflated), CID map, widths, ToUnicode map and name, ready to
   * embed. The program depends only on the font and the glyphs: it is kept in `store` (the build
   * cache) by those, deflated, after its length before deflating, so a rebuild that draws no new
   * glyph neither makes nor deflates it.
   */
  finish(store?: EntryStore): FontObjects {
    const glyphIds = this.programGlyphs();
    const key = store && entryKey('pdf-subset', this.face.contentHash, glyphIds.join(','));
    const kept = key === undefined ? undefined : getNumbered(store, key, 1);
    let program: Uint8Array;
    let programLength: number;
    if (kept !== undefined) {
      [programLength] = kept.numbers as [number];
      program = kept.bytes;
    } else {
      const encoded = this.subsetOf(glyphIds).encode();
      programLength = encoded.length;
      program = deflateSync(encoded);
      if (key !== undefined) setNumbered(store, key, [programLength], program);
    }
    const cids = [...this.codePointOf.keys()].sort((a, b) => a - b);
    const widthOf = this.widthOf;
    const unlike = cids.filter((cid) => widthOf.get(cid) !== DEFAULT_WIDTH);
    return {
      name: `${subsetTag(glyphIds)}+${this.face.name.replaceAll(' ', '_')}`,
      program,
      programLength,
      cidToGlyph: this.cidIsGlyphId ? deflateSync(this.cidToGlyphMap(glyphIds, cids)) : null,
      widths: runsOf(unlike, () => true).flatMap((run) => [run[0]!, run.map((cid) => widthOf.get(cid)!)]),
      // .notdef (CID 0) is never drawn, and PDF/A forbids mapping a code to U+0000.
      toUnicode: toUnicodeCmap(
        cids.filter((cid) => cid !== 0),
        this.codePointOf,
      ),
    };
  }

  /** The CIDToGIDMap: for each CID up to the last, the program's glyph id, two bytes big-endian. */
  private cidToGlyphMap(glyphIds: readonly number[], cids: readonly number[]): Uint8Array {
    const map = new Uint8Array(2 * (cids[cids.length - 1]! + 1));
    for (let at = 0; at < glyphIds.length; at++) {
      const cid = this.cidOfGlyph.get(glyphIds[at]!)!;
      map[2 * cid] = at >> 8;
      map[2 * cid + 1] = at & 0xff;
    }
    return map;
  }
}

/** What a subset puts in a file. */
interface FontObjects {
  name: string;
  /** The font program, deflated. */
  program: Uint8Array;
  /** The program's length before deflating (Length1, required for TrueType font files). */
  programLength: number;
  /** A TrueType face's CIDToGIDMap stream, deflated; null for CFF, whose program maps CIDs itself. */
  cidToGlyph: Uint8Array | null;
  /** The W array: each run's first CID, then its widths; CIDs of the default width are left out. */
  widths: readonly (number | readonly number[])[];
  /** The ToUnicode CMap: text, which pdfkit deflates as it writes it, or deflated already. */
  toUnicode: string | Uint8Array;
}

/** Writes a subset's objects, finishing `dictionary` as its Type0 font. */
function writeFont(doc: PDFKit.PDFDocument, face: FontFace, dictionary: PDFKit.PDFKitReference, objects: FontObjects) {
  const facts = face.facts;
  const scale = UNITS / facts.unitsPerEm;
  const { cff } = facts;
  // Deflated already: with a Filter given, pdfkit writes the bytes as they are. Length comes
  // before Filter, as in a stream pdfkit deflates itself.
  const deflated = (data: Record<string, unknown>, bytes: Uint8Array) => {
    const ref = doc.ref({ ...data, Length: 0, Filter: 'FlateDecode' });
    ref.end(bytes);
    return ref;
  };
  // Text pdfkit deflates as it writes the object.
  const text = (data: string) => {
    const ref = doc.ref({});
    ref.end(data);
    return ref;
  };
  const file = deflated(cff ? { Subtype: 'CIDFontType0C' } : { Length1: objects.programLength }, objects.program);
  const descriptor = doc.ref({
    Type: 'FontDescriptor',
    FontName: objects.name,
    // Symbolic: the glyphs are outside the standard Latin character set.
    Flags: 4,
    FontBBox: facts.bbox.map((v) => pdfNumber(v * scale)),
    ItalicAngle: facts.italicAngle,
    Ascent: pdfNumber(facts.ascent * scale),
    Descent: pdfNumber(facts.descent * scale),
    CapHeight: pdfNumber(facts.capHeight * scale),
    XHeight: pdfNumber(facts.xHeight * scale),
    StemV: 0,
    [cff ? 'FontFile3' : 'FontFile2']: file,
  });
  descriptor.end(undefined);
  const descendant = doc.ref({
    Type: 'Font',
    Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
    BaseFont: objects.name,
    CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
    FontDescriptor: descriptor,
    W: objects.widths,
    ...(objects.cidToGlyph ? { CIDToGIDMap: deflated({}, objects.cidToGlyph) } : {}),
  });
  descendant.end(undefined);
  Object.assign(dictionary.data, {
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: objects.name,
    Encoding: 'Identity-H',
    DescendantFonts: [descendant],
    ToUnicode: typeof objects.toUnicode === 'string' ? text(objects.toUnicode) : deflated({}, objects.toUnicode),
  });
  dictionary.end(undefined);
}

/** A subset made once, for the code points given, and embedded as the same bytes in many documents. */
export class SharedSubset {
  /** Code point → CID as four hex digits. */
  readonly encoded = new Map<number, string>();
  readonly objects: FontObjects;
  /** What tells this subset from another: the face and the code points. */
  readonly fingerprint: string;

  constructor(
    readonly face: FontFace,
    codePoints: readonly number[],
  ) {
    this.fingerprint = sha256Hex(`${face.contentHash} ${codePoints.join(',')}`);
    const builder = new SubsetBuilder(face);
    for (const cp of codePoints) this.encoded.set(cp, builder.include(cp));
    const objects = builder.finish();
    this.objects = { ...objects, toUnicode: deflateSync(objects.toUnicode) };
  }
}

/** The shared subset of `face` holding `codePoints`, made on first use in `cache`. */
export function sharedSubset(face: FontFace, codePoints: readonly number[], cache: WriterCache): SharedSubset {
  let byList = cache.sharedSubsets.get(face);
  if (!byList) cache.sharedSubsets.set(face, (byList = new WeakMap()));
  let shared = byList.get(codePoints);
  if (!shared) {
    shared = new SharedSubset(face, distinctAscending(codePoints));
    byList.set(codePoints, shared);
  }
  return shared;
}

/** A batch's body subsets per face: up to this many (one for each body that recurs). */
const BODY_SUBSETS = 16;

/**
 * The subset of `face` holding the characters of a batch document's body (`codePoints`) that
 * `shared` does not hold, made once per cache for them: the firms that get the same measures
 * embed their body's characters as the same bytes, and only those of their letter and running
 * header in a subset of their own. None when `shared` holds them all.
 */
export function bodySubset(
  face: FontFace,
  codePoints: readonly number[],
  shared: SharedSubset | undefined,
  cache: WriterCache,
): SharedSubset | undefined {
  const rest = distinctAscending(shared ? notIn(codePoints, shared.encoded) : codePoints);
  if (rest.length === 0) return undefined;
  let byList = cache.bodySubsets.get(face);
  if (!byList) cache.bodySubsets.set(face, (byList = new LruMap(BODY_SUBSETS)));
  const key = rest.join(',');
  let subset = byList.get(key);
  if (!subset) byList.set(key, (subset = new SharedSubset(face, rest)));
  return subset;
}

/** A font as a page resource: its name there and the dictionary it names. */
export interface FontResource {
  readonly resourceName: string;
  readonly ref: PDFKit.PDFKitReference;
  /**
   * Whether text in it may be kept with its page (draw.ts): it is a primary face, which the key
   * of kept pages names (a fallback face is opened only when needed), and its CIDs are glyph ids
   * (TrueType), so the text is the same bytes in any document drawn with the fonts.
   */
  readonly keepable: boolean;
}

/** A stretch of text in one font, as the hex operand of `Tj`. */
export interface EncodedSegment {
  font: FontResource;
  hex: string;
}

/** A resource whose dictionary is made when a page first uses it. */
class LazyResource implements FontResource {
  private dictionary: PDFKit.PDFKitReference | undefined;
  readonly keepable: boolean;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly resourceName: string,
    face: FontFace,
    primary: boolean,
  ) {
    this.keepable = primary && !face.facts.cff;
  }

  get ref(): PDFKit.PDFKitReference {
    return (this.dictionary ??= this.doc.ref({}));
  }

  get used(): boolean {
    return this.dictionary !== undefined;
  }
}

/** The subset of one face holding the glyphs one document draws from it (besides a shared subset). */
class OwnSubset {
  private readonly builder: SubsetBuilder;
  readonly resource: LazyResource;
  /** Code point → its CID's hex. */
  readonly encoded = new Map<number, string>();

  constructor(doc: PDFKit.PDFDocument, face: FontFace, resourceName: string, primary: boolean) {
    this.builder = new SubsetBuilder(face);
    this.resource = new LazyResource(doc, resourceName, face, primary);
  }

  hex(cp: number): string {
    let hex = this.encoded.get(cp);
    if (hex === undefined) {
      hex = this.builder.include(cp);
      this.encoded.set(cp, hex);
    }
    return hex;
  }

  finish(doc: PDFKit.PDFDocument, store: EntryStore | undefined): void {
    if (this.resource.used) writeFont(doc, this.builder.face, this.resource.ref, this.builder.finish(store));
  }
}

/**
 * One chain of faces embedded in one document: a subset of each face the document draws from
 * (made when a code point first needs it), and the primary face's subsets made for many
 * documents when given: the batch's shared subset, and the body's (`bodySubset`).
 */
export class EmbeddedFace {
  /** By index in the chain; a fallback face's subset is made when it is first drawn from. */
  private readonly own: (OwnSubset | undefined)[];
  /** The subsets made for many documents, in the order a character is looked up in them. */
  private readonly common: { subset: SharedSubset; resource: LazyResource }[] = [];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly chain: FaceChain,
    /**
     * The names of the chain's fonts in page resources: `F1` for the primary face, `F1S` for its
     * shared subset, `F1B` for its body subset, `F1_2` for the second face of the chain.
     */
    private readonly resourceName: string,
    shared?: SharedSubset,
    body?: SharedSubset,
  ) {
    this.own = [new OwnSubset(doc, chain.primary, resourceName, true)];
    for (const [subset, suffix] of [
      [shared, 'S'],
      [body, 'B'],
    ] as const) {
      if (subset)
        this.common.push({ subset, resource: new LazyResource(doc, `${resourceName}${suffix}`, subset.face, true) });
    }
  }

  /** What tells the subsets made for many documents from others: their fingerprints. */
  get commonFingerprint(): string {
    return this.common.map(({ subset }) => subset.fingerprint).join(' ');
  }

  /** `text` as `Tj` operands, split where it moves from one subset to another. */
  encode(text: string): EncodedSegment[] {
    const segments: EncodedSegment[] = [];
    const primary = this.own[0]!;
    let current: EncodedSegment | undefined;
    // An index loop: `for…of` made a string and a result object for each character drawn.
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      let font: FontResource | undefined;
      let hex: string | undefined;
      for (const { subset, resource } of this.common) {
        hex = subset.encoded.get(cp);
        if (hex !== undefined) {
          font = resource;
          break;
        }
      }
      if (font === undefined || hex === undefined) {
        // No face has it: layout has reported it and drawing does not go ahead; .notdef it is.
        const index = primary.encoded.has(cp) ? 0 : Math.max(this.chain.indexOf(cp), 0);
        const own = this.ownSubset(index);
        font = own.resource;
        hex = own.hex(cp);
      }
      if (current && current.font === font) current.hex += hex;
      else segments.push((current = { font, hex }));
    }
    return segments;
  }

  private ownSubset(index: number): OwnSubset {
    return (this.own[index] ??= new OwnSubset(
      this.doc,
      this.chain.face(index),
      `${this.resourceName}_${index + 1}`,
      index === 0,
    ));
  }

  /** Writes the subsets some page used, their programs kept in `store`. Call once, after the last page. */
  finish(store?: EntryStore): void {
    for (const own of this.own) own?.finish(this.doc, store);
    for (const { subset, resource } of this.common) {
      if (resource.used) writeFont(this.doc, subset.face, resource.ref, subset.objects);
    }
  }
}

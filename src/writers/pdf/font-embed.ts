/**
 * A face of the guide font in one PDF: a subset of the glyphs the document draws, embedded as
 * a Type0 font (Identity-H encoding over a CIDFontType2, or CIDFontType0C for CFF outlines)
 * with a ToUnicode map, so text can be copied and searched. Text is encoded here, glyph by
 * glyph, rather than through pdfkit's text API: layout has placed every glyph already, and
 * pdfkit's per-call text machinery cost more than all the rest of drawing.
 */

import type { Subset } from 'fontkit';
import type { FontFace } from './fonts.js';

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

/** One face embedded in one document. */
export class EmbeddedFace {
  /** The Type0 font dictionary, made when first used; pages refer to it before it is written. */
  private dictionary: PDFKit.PDFKitReference | undefined;
  private readonly subset: Subset;
  /** Font glyph id → CID (the glyph's id in the subset). */
  private readonly cidOfGlyph = new Map<number, number>();
  /** Code point → its CID as four hex digits. */
  private readonly encoded = new Map<number, string>();
  /** By CID: the font's glyph id, the code point first drawn with it, its width. */
  private readonly glyphIds: number[] = [0];
  private readonly codePoints: number[] = [0];
  private readonly widths: number[];

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly face: FontFace,
    /** The font's name in page resources (`/F1`). */
    readonly resourceName: string,
  ) {
    this.subset = face.subsetSource.createSubset();
    this.widths = [pdfNumber((face.font.getGlyph(0).advanceWidth / face.font.unitsPerEm) * UNITS)];
  }

  /** The font dictionary, for a page's resources. */
  get ref(): PDFKit.PDFKitReference {
    return (this.dictionary ??= this.doc.ref({}));
  }

  /** `text` as a hex string for `Tj`: each glyph's CID, the glyph taken into the subset. */
  encode(text: string): string {
    let hex = '';
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      hex += this.encoded.get(cp) ?? this.include(cp);
    }
    return hex;
  }

  private include(cp: number): string {
    const glyphId = this.face.glyphId(cp);
    let cid = this.cidOfGlyph.get(glyphId);
    if (cid === undefined) {
      cid = this.subset.includeGlyph(glyphId);
      this.cidOfGlyph.set(glyphId, cid);
      this.glyphIds[cid] = glyphId;
      this.codePoints[cid] = cp;
      this.widths[cid] = pdfNumber(this.face.advance(cp) * UNITS);
    }
    const hex = hex4(cid);
    this.encoded.set(cp, hex);
    return hex;
  }

  /** Writes the subset and the font's dictionaries, if any page used the face. Call once, after the last page. */
  finish(): void {
    const { doc, dictionary } = this;
    if (!dictionary) return;
    const font = this.face.font;
    const scale = UNITS / font.unitsPerEm;
    const cff = font.directory.tables['CFF '] !== undefined;
    const name = `${subsetTag(this.glyphIds)}+${this.face.name.replaceAll(' ', '_')}`;

    const bytes = this.subset.encode();
    // Length1 (the font program's own length) is required for TrueType font files.
    const file = doc.ref(cff ? { Subtype: 'CIDFontType0C' } : { Length1: bytes.length });
    file.end(bytes);

    const { bbox } = font;
    const descriptor = doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      // Symbolic: the glyphs are outside the standard Latin character set.
      Flags: 4,
      FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => pdfNumber(v * scale)),
      ItalicAngle: font.italicAngle,
      Ascent: pdfNumber(font.ascent * scale),
      Descent: pdfNumber(font.descent * scale),
      CapHeight: pdfNumber((font.capHeight || font.ascent) * scale),
      XHeight: pdfNumber((font.xHeight || 0) * scale),
      StemV: 0,
      [cff ? 'FontFile3' : 'FontFile2']: file,
    });
    descriptor.end(undefined);

    const descendant = doc.ref({
      Type: 'Font',
      Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, this.widths],
      ...(cff ? {} : { CIDToGIDMap: 'Identity' }),
    });
    descendant.end(undefined);

    Object.assign(dictionary.data, {
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [descendant],
      ToUnicode: this.toUnicode(),
    });
    dictionary.end(undefined);
  }

  /** The ToUnicode CMap: each CID to the character drawn with it, in ranges of up to 256. */
  private toUnicode(): PDFKit.PDFKitReference {
    const ranges: string[] = [];
    for (let start = 0; start < this.codePoints.length; start += 256) {
      const end = Math.min(start + 256, this.codePoints.length);
      const targets = this.codePoints.slice(start, end).map((cp) => `<${utf16Hex(cp)}>`);
      ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${targets.join(' ')}]`);
    }
    const cmap = this.doc.ref({});
    cmap.end(
      [
        '/CIDInit /ProcSet findresource begin',
        '12 dict begin',
        'begincmap',
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
        '/CMapName /Adobe-Identity-UCS def',
        '/CMapType 2 def',
        '1 begincodespacerange',
        '<0000> <ffff>',
        'endcodespacerange',
        `${ranges.length} beginbfrange`,
        ...ranges,
        'endbfrange',
        'endcmap',
        'CMapName currentdict /CMap defineresource pop',
        'end',
        'end',
      ].join('\n'),
    );
    return cmap;
  }
}

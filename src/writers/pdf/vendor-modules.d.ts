/**
 * Types for the untyped modules the PDF writer calls directly, limited to what it uses.
 * fontkit opens and subsets the fonts; linebreak is pdfkit's own UAX #14 implementation; the
 * core of qrcode makes QR symbols.
 */

declare module 'fontkit' {
  /** One glyph of a font. Advance widths are in font units (see `Font.unitsPerEm`). */
  export interface Glyph {
    readonly id: number;
    readonly advanceWidth: number;
    readonly codePoints: number[];
    /** The ink's bounding box, in font units, y up. */
    readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  }

  /** A subset being built: glyphs get new ids (0 is .notdef) in the order they are included. */
  export interface Subset {
    /** The glyph's id in the subset. */
    includeGlyph(id: number): number;
    /** The subset as a TrueType file. */
    encode(): Uint8Array;
  }

  /** An opened TrueType/OpenType font. */
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    readonly xHeight: number;
    readonly italicAngle: number;
    readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
    /** The font's tables by tag: a 'CFF ' table means CFF outlines, else TrueType (glyf). */
    readonly directory: { tables: Record<string, unknown> };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** The glyph with id `id`; one object per id for the font's lifetime. */
    getGlyph(id: number, codePoints?: number[]): Glyph;
    createSubset(): Subset;
  }

  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}

declare module 'linebreak' {
  /** A break opportunity before UTF-16 index `position`; `required` for mandatory breaks. */
  interface Break {
    position: number;
    required: boolean;
  }

  /** Iterates the UAX #14 break opportunities of one string. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}

declare module 'qrcode/lib/core/qrcode.js' {
  /** The symbol for `text`: its modules, `size` × `size`, dark where `get` is truthy. */
  export function create(
    text: string,
    options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; get(row: number, col: number): number | boolean } };
}

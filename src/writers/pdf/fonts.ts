/**
 * The guide font (Noto Sans TC regular and bold), opened once per process with fontkit and
 * shared by every document: opening a 7 MB file costs more than writing a guide.
 */

import { create as createFont, type Font, type Glyph } from 'fontkit';
import type { FontKey } from './types.js';
import { describeCodePoint } from '../../diagnostics/code-point.js';

/** Not looked up yet / looked up and absent, in the advance-width cache. */
const UNKNOWN = -1;
const ABSENT = -2;

/** Code points that are never drawn as glyphs: layout turns them into spacing or line ends. */
function isLayoutControl(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x09 || cp === 0x0c || cp === 0x2028;
}

/**
 * One face of the guide font: advance widths for the layout pass, glyph ids for drawing, and
 * the font subsets are made from.
 */
export class FontFace {
  /** PostScript name, as embedded (subset tag aside). */
  readonly name: string;
  /**
   * The fontkit font to make subsets of. Each document's subset decodes every glyph it embeds,
   * only to tell simple glyphs from composite ones. The answer never changes, so here each glyph
   * is decoded once for all the documents of a process (measured: a quarter of the time of
   * writing a 20-page guide).
   */
  readonly subsetSource: Font;
  readonly font: Font;
  private readonly unitsPerEm: number;
  /** Advance widths in ems for the BMP, by code point; astral code points go to `astral`. */
  private readonly bmp = new Float64Array(0x10000).fill(UNKNOWN);
  private readonly astral = new Map<number, number>();
  /** Glyph ids by code point, as for `bmp`. */
  private readonly glyphIds = new Map<number, number>();

  constructor(data: Uint8Array) {
    const font = createFont(data);
    this.font = font;
    this.name = font.postscriptName;
    this.unitsPerEm = font.unitsPerEm;
    const decoded = new WeakSet<Glyph>();
    const getGlyph = (id: number, codePoints?: number[]): Glyph => {
      const glyph = font.getGlyph(id, codePoints);
      const own = glyph as unknown as { _decode?: () => unknown };
      if (!decoded.has(glyph) && typeof own._decode === 'function') {
        decoded.add(glyph);
        const decode = own._decode.bind(glyph);
        let result: { value: unknown } | undefined;
        own._decode = () => (result ??= { value: decode() }).value;
      }
      return glyph;
    };
    // Everything else (tables, subsetting) is read through the prototype from the real font.
    this.subsetSource = Object.create(font, { getGlyph: { value: getGlyph } }) as Font;
  }

  /** Advance width of `cp` in ems, or NaN when the font has no glyph for it. */
  advance(cp: number): number {
    let value = cp < 0x10000 ? this.bmp[cp]! : (this.astral.get(cp) ?? UNKNOWN);
    if (value === UNKNOWN) {
      value = this.font.hasGlyphForCodePoint(cp)
        ? this.font.glyphForCodePoint(cp).advanceWidth / this.unitsPerEm
        : ABSENT;
      if (cp < 0x10000) this.bmp[cp] = value;
      else this.astral.set(cp, value);
    }
    return value === ABSENT ? Number.NaN : value;
  }

  /** Whether the font can draw `cp`. */
  has(cp: number): boolean {
    return !Number.isNaN(this.advance(cp));
  }

  /** The font's glyph id for `cp` (0, .notdef, when it has none: layout has reported those). */
  glyphId(cp: number): number {
    let id = this.glyphIds.get(cp);
    if (id === undefined) {
      id = this.has(cp) ? this.font.glyphForCodePoint(cp).id : 0;
      this.glyphIds.set(cp, id);
    }
    return id;
  }
}

/**
 * The regular and bold faces, opened once per process and reused across documents (every
 * document embeds its own subset; the parsed fonts, width and glyph caches are shared).
 */
export interface PdfFonts {
  readonly regular: FontFace;
  readonly bold: FontFace;
}

/** Opens the two faces from their file contents (TrueType or OpenType). */
export function openPdfFonts(regular: Uint8Array, bold: Uint8Array): PdfFonts {
  return { regular: new FontFace(regular), bold: new FontFace(bold) };
}

/** The face for a font key. */
export function faceOf(fonts: PdfFonts, key: FontKey): FontFace {
  return key === 'bold' ? fonts.bold : fonts.regular;
}

/**
 * Code points in `text` that the regular or the bold face cannot draw, each once, in order of
 * first appearance.
 * Line breaks and tabs are skipped: layout never draws them. Use it to report every missing
 * character with its source position before layout; `writePdf` throws `MissingGlyphError`
 * for any that slip through.
 */
export function missingCodePoints(fonts: PdfFonts, text: string): number[] {
  const missing = new Set<number>();
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (isLayoutControl(cp)) continue;
    if (!fonts.regular.has(cp) || !fonts.bold.has(cp)) missing.add(cp);
  }
  return [...missing];
}

/**
 * The document holds characters the font cannot draw. pdfkit would silently leave them out;
 * a guide with holes in it must not be handed to a firm.
 */
export class MissingGlyphError extends Error {
  /** The code points, each once, in the order layout met them. */
  readonly codePoints: number[];

  constructor(codePoints: number[]) {
    super(`The PDF font has no glyph for: ${codePoints.map(describeCodePoint).join(', ')}`);
    this.name = 'MissingGlyphError';
    this.codePoints = codePoints;
  }
}

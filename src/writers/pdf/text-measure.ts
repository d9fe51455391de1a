/**
 * Text widths from the fonts' advance widths (cached per face and code point in `FontFace`),
 * and the record of characters the fonts cannot draw.
 */

import { HARD_BREAK } from './chars.js';
import { faceOf, type PdfFonts } from './fonts.js';
import type { StyledText } from './styled-text.js';
import type { FontKey } from './types.js';

const HARD_BREAK_CP = HARD_BREAK.codePointAt(0) as number;

/** Measures text for one document and collects the code points it could not find. */
export class TextMeasurer {
  /** Code points the document uses that the fonts lack. */
  readonly missing = new Set<number>();
  /** Where `missingDuring` collects the code points found missing while it runs. */
  private collecting: Set<number> | null = null;
  /** How many code points were measured in a face other than their chain's first, or in none. */
  private beyondPrimary = 0;

  constructor(readonly fonts: PdfFonts) {}

  /**
   * Runs `measure`, and says which code points it found the fonts lack (recorded in `missing` too)
   * and whether it measured all the others in the primary faces.
   */
  missingDuring<T>(measure: () => T): { value: T; missing: number[]; primaryOnly: boolean } {
    const outer = this.collecting;
    const collected = (this.collecting = new Set());
    const before = this.beyondPrimary;
    try {
      const value = measure();
      return { value, missing: [...collected], primaryOnly: this.beyondPrimary === before };
    } finally {
      this.collecting = outer;
      for (const cp of collected) outer?.add(cp);
    }
  }

  /**
   * Width in points of every UTF-16 code unit of `styled.text` at `size`; the second unit of a
   * surrogate pair gets 0, and so does a hard break.
   */
  widths(styled: StyledText, size: number): Float64Array {
    const { text, styleOf, styles } = styled;
    const widths = new Float64Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) as number;
      if (cp !== HARD_BREAK_CP) widths[i] = this.advance(styles[styleOf[i]!]!.font, cp) * size;
      if (cp > 0xffff) i++;
    }
    return widths;
  }

  /** Width in points of plain text in one font. */
  width(text: string, font: FontKey, size: number): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      width += this.advance(font, cp);
      if (cp > 0xffff) i++;
    }
    return width * size;
  }

  /** Advance in ems; a missing glyph is recorded and measured as one em so layout can go on. */
  private advance(font: FontKey, cp: number): number {
    const chain = faceOf(this.fonts, font);
    const primary = chain.primary.advance(cp);
    if (!Number.isNaN(primary)) return primary;
    this.beyondPrimary++;
    const advance = chain.advance(cp);
    if (Number.isNaN(advance)) {
      this.missing.add(cp);
      this.collecting?.add(cp);
      return 1;
    }
    return advance;
  }
}

/**
 * The chains of faces the guide is drawn with: for regular text and for bold, the primary face
 * first, then the fallback faces; each code point is drawn with the first face that has it.
 * Apart from fonts.ts, which opens faces to draw with, so that `guide validate` can ask which
 * characters the theme's fonts lack with faces that read only the cmap table (cmap.ts).
 */

import type { FontFace } from './fonts.js';

/** What a chain asks of a face: whether it can draw a code point. */
export interface GlyphCoverage {
  has(cp: number): boolean;
}

/** Opens a fallback face on first use; throws `GuideInputError` when its file cannot be used. */
export type OpenFace<F extends GlyphCoverage = FontFace> = () => F;

/** Code points that are never drawn as glyphs: layout turns them into spacing or line ends. */
function isLayoutControl(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x09 || cp === 0x0c || cp === 0x2028;
}

/**
 * The faces one style is drawn with, in order: the first face that has a code point draws it.
 * Fallback faces are opened only when the primary face lacks a code point, so a guide the
 * primary face covers reads no other font file.
 */
export class FaceChain<F extends GlyphCoverage = FontFace> {
  private readonly faces: (F | undefined)[];
  /** Index of the face that draws a code point the primary face lacks; -1 when none has it. */
  private readonly fallbackIndex = new Map<number, number>();

  constructor(
    readonly primary: F,
    private readonly fallbacks: readonly OpenFace<F>[] = [],
  ) {
    this.faces = [primary, ...fallbacks.map(() => undefined)];
  }

  /** Number of faces in the chain, the primary included. */
  get length(): number {
    return this.faces.length;
  }

  /** The face at `index` (0 is the primary), opened on first use. */
  face(index: number): F {
    return (this.faces[index] ??= this.fallbacks[index - 1]!());
  }

  /** Whether the face at `index` has been opened (the primary always is). */
  isOpen(index: number): boolean {
    return this.faces[index] !== undefined;
  }

  /** Index of the first face that has `cp`, or -1 when no face in the chain has it. */
  indexOf(cp: number): number {
    if (this.primary.has(cp)) return 0;
    let index = this.fallbackIndex.get(cp);
    if (index === undefined) {
      index = -1;
      for (let i = 1; i < this.faces.length && index < 0; i++) if (this.face(i).has(cp)) index = i;
      this.fallbackIndex.set(cp, index);
    }
    return index;
  }

  /** Advance width of `cp` in ems in the face that draws it, or NaN when no face has it. */
  advance(this: FaceChain<FontFace>, cp: number): number {
    const advance = this.primary.advance(cp);
    if (!Number.isNaN(advance)) return advance;
    const index = this.indexOf(cp);
    return index < 0 ? Number.NaN : this.face(index).advance(cp);
  }

  /** Whether some face of the chain can draw `cp`. */
  has(cp: number): boolean {
    return this.indexOf(cp) >= 0;
  }
}

/** The regular and the bold chain. */
export interface FontChains<F extends GlyphCoverage = FontFace> {
  readonly regular: FaceChain<F>;
  readonly bold: FaceChain<F>;
}

/** The two chains from their primary faces; the fallback faces are opened by their `OpenFace` when first needed. */
export function fontChains<F extends GlyphCoverage>(
  regular: F,
  bold: F,
  fallbacks: readonly { regular: OpenFace<F>; bold: OpenFace<F> }[] = [],
): FontChains<F> {
  return {
    regular: new FaceChain(
      regular,
      fallbacks.map((f) => f.regular),
    ),
    bold: new FaceChain(
      bold,
      fallbacks.map((f) => f.bold),
    ),
  };
}

/**
 * Code points in `text` that no face of the regular or of the bold chain can draw, each once, in
 * order of first appearance.
 * Line breaks and tabs are skipped: layout never draws them. Use it to report every missing
 * character with its source position before layout; `writePdf` throws `MissingGlyphError`
 * for any that slip through.
 */
export function missingCodePoints(fonts: FontChains<GlyphCoverage>, text: string): number[] {
  const missing: number[] = [];
  // Each distinct code point is looked up once: a guide's text is ~100,000 characters, ~2,000
  // distinct. An index loop, where `for…of` made a string and a result object for each
  // character in code that runs once.
  const seen = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (seen.has(cp)) continue;
    seen.add(cp);
    if (isLayoutControl(cp)) continue;
    if (!fonts.regular.has(cp) || !fonts.bold.has(cp)) missing.push(cp);
  }
  return missing;
}

/** The characters lines draw, by face: what subsets made once for many documents hold. */

import type { PdfFonts } from './fonts.js';
import type { FontKey, LineDrawable, SharedGlyphs } from './types.js';

/**
 * The code points `lines` draw, by face, of those their primary faces have: characters a fallback
 * face draws go into each document's own subset of it, and characters no face has stay out
 * (drawing them fails in the document that has them).
 */
export function glyphsOf(lines: Iterable<LineDrawable>, fonts: PdfFonts): SharedGlyphs {
  const drawn: Record<FontKey, Set<number>> = { regular: new Set(), bold: new Set() };
  for (const line of lines) {
    for (const run of line.runs) {
      const { text } = run;
      const into = drawn[run.font];
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        into.add(cp);
        if (cp > 0xffff) i++;
      }
    }
  }
  return {
    regular: [...drawn.regular].filter((cp) => fonts.regular.primary.has(cp)),
    bold: [...drawn.bold].filter((cp) => fonts.bold.primary.has(cp)),
  };
}

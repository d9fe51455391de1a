/** The characters pages draw, by face: what subsets made once for many documents hold. */

import type { PdfFonts } from './fonts.js';
import type { Drawable, FontKey, SharedGlyphs } from './types.js';

/**
 * The code points `pages` draw, by face, of those their primary faces have: characters a fallback
 * face draws go into each document's own subset of it, and characters no face has stay out
 * (drawing them fails in the document that has them).
 */
export function glyphsOnPages(pages: readonly { drawables: readonly Drawable[] }[], fonts: PdfFonts): SharedGlyphs {
  const drawn: Record<FontKey, Set<number>> = { regular: new Set(), bold: new Set() };
  for (const page of pages) {
    for (const d of page.drawables) {
      if (d.kind !== 'line') continue;
      for (const run of d.runs) for (const char of run.text) drawn[run.font].add(char.codePointAt(0)!);
    }
  }
  return {
    regular: [...drawn.regular].filter((cp) => fonts.regular.primary.has(cp)),
    bold: [...drawn.bold].filter((cp) => fonts.bold.primary.has(cp)),
  };
}

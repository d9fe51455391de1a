/** Page geometry from the theme. */

import type { Theme } from '../theme.js';

/** Page sizes in points, by the theme's size name. */
const PAGE_SIZES = { A4: { width: 595.28, height: 841.89 } } as const;

/** The page and its text area (inside the margins), in points from the top-left corner. */
export interface PageGeometry {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Width of the text area. */
  textWidth: number;
}

/** Geometry of every page of the document. */
export function pageGeometry(theme: Theme): PageGeometry {
  const { width, height } = PAGE_SIZES[theme.page.size];
  const { margins, solidMeasure } = theme.page;
  const available = width - margins.left - margins.right;
  // Solid setting: a full line of body text is a whole number of characters, so justification
  // has nothing to spread (a 44.88-em measure stretched every gap by 0.02 em).
  const em = theme.paragraph.body.size;
  const textWidth = solidMeasure && available >= em ? Math.floor(available / em + 1e-9) * em : available;
  const left = margins.left + (available - textWidth) / 2;
  return {
    width,
    height,
    left,
    top: margins.top,
    right: left + textWidth,
    bottom: height - margins.bottom,
    textWidth,
  };
}

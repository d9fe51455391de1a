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
  const { margins } = theme.page;
  return {
    width,
    height,
    left: margins.left,
    top: margins.top,
    right: width - margins.right,
    bottom: height - margins.bottom,
    textWidth: width - margins.left - margins.right,
  };
}

/**
 * Conversions from the theme's points and "#rrggbb" colours to the units WordprocessingML
 * writes, and the page geometry both sections share.
 */

import type { Theme } from '../theme.js';

/** Points → twentieths of a point (twips), the unit of spacing, indents, page size and widths. */
export function twips(points: number): number {
  return Math.round(points * 20);
}

/** Points → half-points, the unit of `w:sz`. */
export function halfPoints(points: number): number {
  return Math.round(points * 2);
}

/** Points → eighths of a point, the unit of border widths (`w:sz` on borders); Word's minimum is 2. */
export function eighthPoints(points: number): number {
  return Math.max(2, Math.round(points * 8));
}

/** "#8b1a1a" → "8B1A1A", as `w:color` and `w:fill` want it. */
export function hexColor(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}

/** A4 in twips (210 × 297 mm), as Word writes it. */
export const A4 = { width: 11906, height: 16838 } as const;

/** Page size, margins and the width left for text, in twips. */
export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
  /** Width between the left and right margins: the 100% of table widths and the TOC's right tab. */
  textWidth: number;
}

/** The page the theme asks for, in twips. */
export function pageGeometryOf(theme: Theme): PageGeometry {
  const { top, right, bottom, left } = theme.page.margins;
  const margins = { top: twips(top), right: twips(right), bottom: twips(bottom), left: twips(left) };
  return { ...A4, margins, textWidth: A4.width - margins.left - margins.right };
}

/**
 * BCP 47 tag → the language tag Word writes in `w:lang` (language-REGION, no script): Word
 * knows zh-TW and zh-CN, not zh-Hant-TW. A Han script without a region takes the region
 * that script is written in.
 */
export function wordLanguageOf(tag: string): string {
  const parts = tag.split('-');
  const language = parts[0]!.toLowerCase();
  const script = parts.find((part) => part.length === 4)?.toLowerCase();
  const region = parts
    .slice(1)
    .find((part) => part.length === 2 || /^\d{3}$/.test(part))
    ?.toUpperCase();
  if (region) return `${language}-${region}`;
  if (language === 'zh') return script === 'hans' ? 'zh-CN' : 'zh-TW';
  return language;
}

/**
 * Theme colours ("#rrggbb") as PDF colour operators. On screen they stay DeviceRGB. For print
 * (`print: true`) a press wants no four-colour greys: neutral colours become DeviceGray, and
 * the near-black of body text solid black (100% K), so text prints on the black plate alone;
 * chromatic colours (accent, link, fills) become DeviceCMYK.
 */

import { pdfNumber } from './font-embed.js';

/** How colours are written: as they are (screen), or in print's colour spaces. */
export type ColorMode = 'screen' | 'print';

/** Neutral colours at most this light print as solid black (#1f1f1f body text is 0.12). */
const SOLID_BLACK_UP_TO = 0.2;

/** The operator setting `color` for filling (`rg`, `g`, `k`) or stroking (`RG`, `G`, `K`). */
export function colorOperator(color: string, mode: ColorMode, stroke: boolean): string {
  const value = Number.parseInt(color.slice(1), 16);
  const [r, g, b] = [value >> 16, (value >> 8) & 0xff, value & 0xff].map((c) => c / 255) as [number, number, number];
  const op = (fill: string) => (stroke ? fill.toUpperCase() : fill);
  if (mode === 'screen') return `${[r, g, b].map(pdfNumber).join(' ')} ${op('rg')}`;
  if (r === g && g === b) return `${pdfNumber(r <= SOLID_BLACK_UP_TO ? 0 : r)} ${op('g')}`;
  // The naive conversion: black from the darkest channel, the rest from what remains of it.
  const k = 1 - Math.max(r, g, b);
  const cmy = [r, g, b].map((c) => (1 - c - k) / (1 - k));
  return `${[...cmy, k].map(pdfNumber).join(' ')} ${op('k')}`;
}

/**
 * Terminal column width of text: East Asian wide and fullwidth characters take two columns, so
 * tables and code-frame carets line up under Chinese text.
 */

// Wide/fullwidth ranges of UAX #11 that occur in Chinese documents (CJK, kana, Hangul, fullwidth forms).
const wideRanges: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x20000, 0x3fffd],
];

function isWide(codePoint: number): boolean {
  // Indexed, not for…of with destructuring: this runs cold at every start (`guide --help`
  // measures each chunk of its text), where the iterator protocol costs many times more.
  for (let i = 0; i < wideRanges.length; i++) {
    const range = wideRanges[i]!;
    if (codePoint < range[0]) return false;
    if (codePoint <= range[1]) return true;
  }
  return false;
}

/** Printable ASCII alone: one column a character. */
const printableAscii = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  if (printableAscii.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20 || (codePoint >= 0x300 && codePoint <= 0x36f)) continue; // controls, combining marks
    width += isWide(codePoint) ? 2 : 1;
  }
  return width;
}

/** Pads `text` with spaces to `width` columns (never truncates). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

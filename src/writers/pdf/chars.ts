/**
 * Character classes the layout needs beyond UAX #14: which characters are set on the
 * ideographic grid, and the kinsoku shori (禁則處理) rules for line starts and ends.
 */

/** The hard line break inside laid-out text (U+2028, which UAX #14 treats as mandatory). */
export const HARD_BREAK = '\u2028';

/**
 * Characters set on the ideographic em grid (East Asian Wide/Fullwidth, plus the punctuation
 * Chinese text uses between them): justification may add space next to them, and a line break
 * in the source between two of them is not a space.
 */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0xa4cf) || // radicals, CJK punctuation, kana, bopomofo, ideographs, Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xfe10 && cp <= 0xfe19) || // vertical forms
    (cp >= 0xfe30 && cp <= 0xfe6f) || // compatibility and small forms
    (cp >= 0xff00 && cp <= 0xff60) || // fullwidth forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x20000 && cp <= 0x3fffd) || // supplementary ideographs
    cp === 0x2014 || // — (used doubled as the Chinese dash)
    cp === 0x2026 || // …
    cp === 0x2025 || // ‥
    cp === 0x00b7 || // ·
    cp === 0x2027 || // ‧
    (cp >= 0x2018 && cp <= 0x201d) // ‘ ’ “ ”
  );
}

/** Collapsible white space in the model's text (U+3000 is a drawn full-width space, not this). */
export function isCollapsibleSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c;
}

/** Never at the start of a line: closing brackets, sentence punctuation, iteration marks. */
const NO_LINE_START = new Set(
  [
    ...'、。，．,.：；:;？！?!‼⁇⁈⁉',
    ...'）」』】〕〉》〗〙〛｝］)]}〞’”»›',
    ...'…‥—–～〜ー・‧·％%‰℃°′″',
    ...'々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ',
  ].map((c) => c.codePointAt(0) as number),
);

/** Never at the end of a line: opening brackets and quotes. */
const NO_LINE_END = new Set([...'（「『【〔〈《〖〘〚｛［([{〝‘“«‹'].map((c) => c.codePointAt(0) as number));

/** Whether a line may not begin with `cp` (kinsoku shori). */
export function isNoLineStart(cp: number): boolean {
  return NO_LINE_START.has(cp);
}

/** Whether a line may not end with `cp` (kinsoku shori). */
export function isNoLineEnd(cp: number): boolean {
  return NO_LINE_END.has(cp);
}

/** Digits, ASCII and full-width. */
function isDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
}

/**
 * Units, counters and date parts that read as one word with the numeral before them
 * (「5個月」, 「4日」, 「30%」): a line never breaks between the two. 小時 and 公里 are the
 * two-character ones whose first character is not a unit on its own.
 */
const UNITS = new Set(
  [
    ...'年月日時时分秒號号條条項项個个份%％‰元萬万億亿倍次天週周歲岁人戶户家件名期季批級级類类點点頁页章節节款成度噸吨米',
  ].map((c) => c.codePointAt(0) as number),
);
const TWO_CHARACTER_UNITS = ['小時', '公里', '公斤', '平方'];

/**
 * Whether a break before UTF-16 index `position` of `text` would tear apart what reads as one
 * word: a numeral and its unit (「5｜個月」), a document number 「〔2020〕6號」 anywhere inside, or
 * a decimal number (「1.｜7」).
 */
export function gluesAcross(text: string, position: number): boolean {
  const before = text.codePointAt(position - 1) ?? -1;
  const after = text.codePointAt(position) ?? -1;
  if (isDigit(before)) {
    if (UNITS.has(after) || TWO_CHARACTER_UNITS.some((unit) => text.startsWith(unit, position))) return true;
  }
  if (after !== -1 && isDigit(after) && before === 0x2e && isDigit(text.codePointAt(position - 2) ?? -1)) return true;
  // 〔2020〕6號: inside the brackets (digits only), or right after the closing one.
  if (before === 0x3015 && isDigit(after))
    return /〔[0-9０-９]+$/.test(text.slice(Math.max(0, position - 12), position - 1));
  return false;
}

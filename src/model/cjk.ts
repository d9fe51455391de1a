/**
 * Line joining for mixed Chinese and Latin text. A line break inside a paragraph is a space in
 * English, but in Chinese it is nothing: "申請\n條件" is one word. Both the template escaper and
 * the Markdown reader join lines with this one rule, so a value reads the same wherever it lands.
 */

// Han, kana, bopomofo (zh-Hant), CJK radicals, symbols and punctuation (U+3000–303F), enclosed
// and compatibility forms, CJK vertical and small forms, and full- and half-width forms (，：（）).
// Hangul is left out on purpose: Korean puts spaces between words, as CSS Text 3 does.
const cjkClass =
  '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Bopomofo}' +
  '\\u2e80-\\u2fff\\u3000-\\u303f\\u3200-\\u33ff\\ufe30-\\ufe4f\\uff00-\\uffef]';
const cjkAtEnd = new RegExp(`${cjkClass}$`, 'u');
const cjkAtStart = new RegExp(`^${cjkClass}`, 'u');
const cjkChar = new RegExp(cjkClass, 'u');

/** Whether a single character (one code point) is set as East Asian wide text. */
export function isCjk(char: string): boolean {
  return cjkChar.test(char);
}

/**
 * What a soft line break between `before` and `after` becomes: nothing when the text on either
 * side is CJK (a Chinese line may end next to a Latin word, "使用API\n接口", and Chinese sets
 * those without a space), a space otherwise (two Latin words). Nothing at the very start or end.
 */
export function softBreak(before: string, after: string): '' | ' ' {
  if (before === '' || after === '') return '';
  return cjkAtEnd.test(before) || cjkAtStart.test(after) ? '' : ' ';
}

/**
 * Joins the lines of `text` into one line with {@link softBreak}; a run of line breaks (a blank
 * line) counts as one, and spaces and tabs around it go.
 */
export function joinLines(text: string): string {
  return text.replace(/[ \t]*(?:(?:\r\n?|\n)[ \t]*)+/g, (match, offset: number, whole: string) =>
    softBreak(whole.slice(0, offset), whole.slice(offset + match.length)),
  );
}

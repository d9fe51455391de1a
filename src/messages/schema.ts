/**
 * What the YAML schema kit says (src/schema/): types, empty values, patterns, dates, URLs, numbers,
 * allowed values, lists, unknown and missing fields, and YAML syntax in plain words. Field names,
 * paths and values go in through placeholders and are never translated.
 */

import { message } from './message.js';

export const schemaMessages = {
  // How a YAML value reads to a person, for "expected text, got a list".
  kindEmpty: message({ en: 'nothing (an empty value)', 'zh-Hans': '空值', 'zh-Hant': '空值' }),
  kindGroup: message({ en: 'a group of fields', 'zh-Hans': '一组字段', 'zh-Hant': '一組欄位' }),
  kindList: message({ en: 'a list', 'zh-Hans': '列表', 'zh-Hant': '清單' }),
  kindNumber: message({ en: 'the number «value»', 'zh-Hans': '数字 «value»', 'zh-Hant': '數字 «value»' }),
  kindBoolean: message({ en: '«value»', 'zh-Hans': '“«value»”', 'zh-Hant': '「«value»」' }),
  kindText: message({ en: 'text', 'zh-Hans': '文本', 'zh-Hant': '文字' }),
  kindOther: message({ en: 'something else', 'zh-Hans': '其他内容', 'zh-Hant': '其他內容' }),
  // What a field expects, for the same message.
  expectDate: message({ en: 'a date', 'zh-Hans': '日期', 'zh-Hant': '日期' }),
  expectInteger: message({ en: 'a whole number', 'zh-Hans': '整数', 'zh-Hant': '整數' }),
  expectNumber: message({ en: 'a number', 'zh-Hans': '数字', 'zh-Hant': '數字' }),
  expectBoolean: message({
    en: 'true or false',
    'zh-Hans': '是或否（true 或 false）',
    'zh-Hant': '是或否（true 或 false）',
  }),
  expectGroup: message({
    en: 'a group of fields (name: value lines)',
    'zh-Hans': '一组字段（“名称: 值”形式的行）',
    'zh-Hant': '一組欄位（「名稱: 值」形式的行）',
  }),
  expectCodes: message({
    en: 'a group of code: label lines',
    'zh-Hans': '一组“代码: 名称”形式的行',
    'zh-Hant': '一組「代碼: 名稱」形式的行',
  }),
  wrongType: message({
    en: '«path»: expected «expected», got «got»',
    'zh-Hans': '«path»：应为«expected»，实际为«got»',
    'zh-Hant': '«path»：應為«expected»，實際為«got»',
  }),
  /** A check's message after the path of the value it is about. */
  atPath: message({ en: '«path»: «problem»', 'zh-Hans': '«path»：«problem»', 'zh-Hant': '«path»：«problem»' }),

  // Text
  empty: message({ en: '«path» is empty', 'zh-Hans': '«path» 为空', 'zh-Hant': '«path» 為空' }),
  emptyHint: message({
    en: 'write a value after the colon, or remove the field',
    'zh-Hans': '请在冒号后写上值，或删除这个字段',
    'zh-Hant': '請在冒號後寫上值，或刪除這個欄位',
  }),
  quoteHint: message({
    en: 'put the value in quotes, e.g. "«value»"',
    'zh-Hans': '请给值加上半角引号，例如 "«value»"',
    'zh-Hant': '請為值加上半形引號，例如 "«value»"',
  }),
  textNotListHint: message({
    en: 'write the text on one line after the colon, without "- " or [ ]: those make a list',
    'zh-Hans': '请把文本写在冒号后的同一行，不要用 "- " 或 [ ]：它们表示列表',
    'zh-Hant': '請把文字寫在冒號後的同一行，不要用 "- " 或 [ ]：它們表示清單',
  }),
  textNotGroupHint: message({
    en: 'write the text on one line after the colon; "name: value" lines below it make a group of fields',
    'zh-Hans': '请把文本写在冒号后的同一行；下面的“名称: 值”行表示一组字段',
    'zh-Hant': '請把文字寫在冒號後的同一行；下面的「名稱: 值」行表示一組欄位',
  }),
  pattern: message({
    en: '«path»: "«value»" «problem»',
    'zh-Hans': '«path»：“«value»”«problem»',
    'zh-Hant': '«path»：「«value»」«problem»',
  }),
  patternDefault: message({
    en: 'does not match «pattern»',
    'zh-Hans': '不符合格式 «pattern»',
    'zh-Hant': '不符合格式 «pattern»',
  }),
  writeInstead: message({ en: 'write "«value»"', 'zh-Hans': '请写成 «value»', 'zh-Hant': '請寫成 «value»' }),
  tooLong: message({
    en: '«path» is «length» characters long; it may have at most «max»',
    'zh-Hans': '«path» 有 «length» 个字符，最多只能有 «max» 个',
    'zh-Hant': '«path» 有 «length» 個字元，最多只能有 «max» 個',
  }),
  shorten: message({ en: 'shorten it', 'zh-Hans': '请缩短', 'zh-Hant': '請縮短' }),

  // Dates
  dayPastMonthEnd: message({
    en: '«month» has «days» days: check the day against the source document',
    'zh-Hans': '«month» 只有 «days» 天：请对照原文件核对日期',
    'zh-Hant': '«month» 只有 «days» 天：請對照原文件核對日期',
  }),
  dateHint: message({
    en: 'write dates as YYYY-MM-DD, e.g. 2020-03-01',
    'zh-Hans': '日期请写成 YYYY-MM-DD 格式，例如 2020-03-01',
    'zh-Hant': '日期請寫成 YYYY-MM-DD 格式，例如 2020-03-01',
  }),
  dateInvalid: message({
    en: '«path»: "«value»" is not a valid date',
    'zh-Hans': '«path»：“«value»”不是有效的日期',
    'zh-Hant': '«path»：「«value»」不是有效的日期',
  }),
  dateRewrite: message({
    en: 'write «date» (dates are written YYYY-MM-DD)',
    'zh-Hans': '请写成 «date»（日期格式为 YYYY-MM-DD）',
    'zh-Hant': '請寫成 «date»（日期格式為 YYYY-MM-DD）',
  }),

  // URLs
  urlIncomplete: message({
    en: '«path»: "«value»" is not a complete URL',
    'zh-Hans': '«path»：“«value»”不是完整的网址',
    'zh-Hant': '«path»：「«value»」不是完整的網址',
  }),
  urlIncompleteHint: message({
    en: 'write the whole address, starting with https://',
    'zh-Hans': '请写出完整的网址，以 https:// 开头',
    'zh-Hant': '請寫出完整的網址，以 https:// 開頭',
  }),
  urlScheme: message({
    en: '«path»: "«scheme»" links are not allowed',
    'zh-Hans': '«path»：不允许使用“«scheme»”链接',
    'zh-Hant': '«path»：不允許使用「«scheme»」連結',
  }),
  urlSchemeHint: message({
    en: 'only http:// and https:// addresses can go into a guide',
    'zh-Hans': '请改用以 http:// 或 https:// 开头的网址：指南中只能放这两种网址',
    'zh-Hant': '請改用以 http:// 或 https:// 開頭的網址：指南中只能放這兩種網址',
  }),

  // Numbers
  atLeast: message({
    en: '«path»: «value» must be at least «min»',
    'zh-Hans': '«path»：«value» 不能小于 «min»',
    'zh-Hant': '«path»：«value» 不能小於 «min»',
  }),
  atMost: message({
    en: '«path»: «value» must be at most «max»',
    'zh-Hans': '«path»：«value» 不能大于 «max»',
    'zh-Hant': '«path»：«value» 不能大於 «max»',
  }),
  between: message({
    en: '«path»: «value» must be at least «min» and at most «max»',
    'zh-Hans': '«path»：«value» 必须在 «min» 到 «max» 之间',
    'zh-Hant': '«path»：«value» 必須在 «min» 到 «max» 之間',
  }),

  // Allowed values and did-you-mean
  notAllowedValue: message({
    en: '«path»: "«value»" is not allowed«suggestion»',
    'zh-Hans': '«path»：“«value»”不是允许的值«suggestion»',
    'zh-Hant': '«path»：「«value»」不是允許的值«suggestion»',
  }),
  notAllowedKind: message({
    en: '«path»: «kind» is not allowed«suggestion»',
    'zh-Hans': '«path»：不允许填写«kind»«suggestion»',
    'zh-Hant': '«path»：不允許填寫«kind»«suggestion»',
  }),
  didYouMean: message({
    en: ' (did you mean "«name»"?)',
    'zh-Hans': '（是不是要写“«name»”？）',
    'zh-Hant': '（是不是要寫「«name»」？）',
  }),
  useOneOf: message({
    en: 'use one of: «list»',
    'zh-Hans': '请使用以下之一：«list»',
    'zh-Hant': '請使用下列之一：«list»',
  }),
  /** An allowed value with its Chinese name, in a list of them. */
  labelled: message({ en: '«value» («label»)', 'zh-Hans': '«value»（«label»）', 'zh-Hant': '«value»（«label»）' }),
  /** Between the items of a list of values or names. */
  listSeparator: message({ en: ', ', 'zh-Hans': '、', 'zh-Hant': '、' }),

  // Lists
  listHint: message({
    en: 'write one item per line, each starting with "- "',
    'zh-Hans': '请每行写一项，每项以 "- " 开头',
    'zh-Hant': '請每行寫一項，每項以 "- " 開頭',
  }),
  listEmpty: message({
    en: '«path» needs at least one item',
    'zh-Hans': '«path» 至少要有一项',
    'zh-Hant': '«path» 至少要有一項',
  }),
  listEmptyHint: message({
    en: 'write at least one item, each on its own line starting with "- "',
    'zh-Hans': '请至少写一项，每项单独一行，以 "- " 开头',
    'zh-Hant': '請至少寫一項，每項單獨一行，以 "- " 開頭',
  }),

  // Fields
  fieldUnknown: message({
    en: 'unknown field "«key»"«suggestion»',
    'zh-Hans': '未知字段“«key»”«suggestion»',
    'zh-Hant': '未知欄位「«key»」«suggestion»',
  }),
  fieldUnknownIn: message({
    en: 'unknown field "«key»"«suggestion» in «path»',
    'zh-Hans': '«path» 中有未知字段“«key»”«suggestion»',
    'zh-Hant': '«path» 中有未知欄位「«key»」«suggestion»',
  }),
  renameTo: message({ en: 'rename it to "«name»"', 'zh-Hans': '请改成 «name»', 'zh-Hant': '請改成 «name»' }),
  fieldsAllowed: message({
    en: 'the fields allowed here are: «list»',
    'zh-Hans': '这里只能使用以下字段：«list»',
    'zh-Hant': '這裡只能使用下列欄位：«list»',
  }),
  /** «hint» is the field's description, as editors show it. */
  fieldRequired: message({
    en: 'missing required field "«path»" («hint»)',
    'zh-Hans': '缺少必填字段“«path»”（«hint»）',
    'zh-Hant': '缺少必填欄位「«path»」（«hint»）',
  }),
  addIt: message({ en: 'add it', 'zh-Hans': '请补上这个字段', 'zh-Hant': '請補上這個欄位' }),
  addItLike: message({
    en: 'add it, e.g.\n«example»',
    'zh-Hans': '请补上这个字段，例如：\n«example»',
    'zh-Hant': '請補上這個欄位，例如：\n«example»',
  }),
  codeKey: message({
    en: '«path»: code "«key»" «problem»',
    'zh-Hans': '«path»：代码“«key»”«problem»',
    'zh-Hant': '«path»：代碼「«key»」«problem»',
  }),
};

/** The YAML reader's words: syntax errors as a person would put them, tags, alias bombs. */
export const yamlMessages = {
  tooDeep: message({
    en: 'lists and fields are nested more than «max» levels deep',
    'zh-Hans': '列表和字段嵌套超过了 «max» 层',
    'zh-Hant': '清單和欄位巢狀超過了 «max» 層',
  }),
  tooDeepHint: message({
    en: 'no guide file nests more than a few levels: look for a run of "- " or brackets "[" "{" that should not be there',
    'zh-Hans': 'guide 的文件只会嵌套几层：请找找多余的一串“- ”或括号“[”“{”',
    'zh-Hant': 'guide 的檔案只會巢狀幾層：請找找多餘的一串「- 」或括號「[」「{」',
  }),
  duplicateKey: message({
    en: 'field "«key»" appears twice in the same group',
    'zh-Hans': '字段“«key»”在同一组中出现了两次',
    'zh-Hant': '欄位「«key»」在同一組中出現了兩次',
  }),
  firstWrittenHere: message({ en: 'first written here', 'zh-Hans': '第一次写在这里', 'zh-Hant': '第一次寫在這裡' }),
  duplicateKeyHint: message({
    en: 'keep one of the two lines: delete the other, or merge what they say',
    'zh-Hans': '请只保留其中一行：删除另一行，或把两行的内容合并',
    'zh-Hant': '請只保留其中一行：刪除另一行，或把兩行的內容合併',
  }),
  tabIndent: message({
    en: 'a tab is used to indent this line',
    'zh-Hans': '这一行用 Tab 键缩进了',
    'zh-Hant': '這一行用 Tab 鍵縮排了',
  }),
  tabIndentHint: message({
    en: 'YAML indents with spaces only: replace the tab with spaces so the field lines up with the ones above it',
    'zh-Hans': 'YAML 只能用空格缩进：请把 Tab 换成空格，让这个字段与上面的字段对齐',
    'zh-Hant': 'YAML 只能用空格縮排：請把 Tab 換成空格，讓這個欄位與上面的欄位對齊',
  }),
  colonOrRunOn: message({
    en: 'a value here holds ": " or runs on into the next line',
    'zh-Hans': '这里的值中有“: ”（冒号加空格），或者延续到了下一行',
    'zh-Hant': '這裡的值中有「: 」（冒號加空格），或者延續到了下一行',
  }),
  colonOrRunOnHint: message({
    en: 'if the text contains a colon followed by a space, put the whole text in quotes ("…"); otherwise check the next line: fields of one group start in the same column, indented with spaces (never tabs)',
    'zh-Hans':
      '如果文本中有冒号加空格，请用半角引号把整段文本括起来（"…"）；否则请检查下一行：同一组的字段要左对齐，用空格缩进（不要用 Tab 键）',
    'zh-Hant':
      '如果文字中有冒號加空格，請用半形引號把整段文字括起來（"…"）；否則請檢查下一行：同一組的欄位要左側對齊，用空格縮排（不要用 Tab 鍵）',
  }),
  unclosedQuote: message({
    en: 'the text starting with «quote» has no closing «quote»',
    'zh-Hans': '文本以 «quote» 开头，但末尾缺少对应的 «quote»',
    'zh-Hant': '文字以 «quote» 開頭，但末尾缺少對應的 «quote»',
  }),
  unclosedQuoteHint: message({
    en: 'add «quote» at the end of the text',
    'zh-Hans': '请在文本末尾补上半角的 «quote»',
    'zh-Hant': '請在文字末尾補上半形的 «quote»',
  }),
  badIndent: message({
    en: 'this line is not indented like the lines around it',
    'zh-Hans': '这一行的缩进与上下行不一致',
    'zh-Hant': '這一行的縮排與上下行不一致',
  }),
  indentHint: message({
    en: 'fields of one group start in the same column, indented with spaces (never tabs)',
    'zh-Hans': '请让同一组的字段左对齐，用空格缩进（不要用 Tab 键）',
    'zh-Hant': '請讓同一組的欄位左側對齊，用空格縮排（不要用 Tab 鍵）',
  }),
  /** «detail» is the YAML parser's own message, which has no translation. */
  otherSyntax: message({ en: '«detail»', 'zh-Hans': 'YAML 格式错误：«detail»', 'zh-Hant': 'YAML 格式錯誤：«detail»' }),
  otherSyntaxHint: message({
    en: 'check the line: fields of one group start in the same column, indented with spaces (never tabs); put text that starts with a special character (- : { [ " \' # & * ! | >) in quotes',
    'zh-Hans':
      '请检查这一行：同一组的字段要左对齐，用空格缩进（不要用 Tab 键）；以特殊字符（- : { [ " \' # & * ! | >）开头的文本要加半角引号',
    'zh-Hant':
      '請檢查這一行：同一組的欄位要左側對齊，用空格縮排（不要用 Tab 鍵）；以特殊字元（- : { [ " \' # & * ! | >）開頭的文字要加半形引號',
  }),
  tag: message({
    en: 'the YAML tag «tag» is not allowed',
    'zh-Hans': '不允许使用 YAML 标签 «tag»',
    'zh-Hant': '不允許使用 YAML 標籤 «tag»',
  }),
  tagHint: message({
    en: 'remove the tag; measure files hold plain text, numbers, dates, lists and fields',
    'zh-Hans': '请删除这个标签：措施文件中只写普通文本、数字、日期、列表和字段',
    'zh-Hant': '請刪除這個標籤：措施檔案中只寫一般文字、數字、日期、清單和欄位',
  }),
  aliasBomb: message({
    en: 'the file repeats values through YAML aliases (*name) far too many times',
    'zh-Hans': '文件通过 YAML 别名（*名称）重复引用值的次数过多',
    'zh-Hant': '檔案透過 YAML 別名（*名稱）重複引用值的次數過多',
  }),
  aliasUnknown: message({
    en: 'the alias *«alias» names no anchor: no value before it is marked &«alias»',
    'zh-Hans': '别名 *«alias» 没有对应的锚点：它前面没有标记为 &«alias» 的值',
    'zh-Hant': '別名 *«alias» 沒有對應的錨點：它前面沒有標記為 &«alias» 的值',
  }),
  aliasUnknownHint: message({
    en: 'write the value itself, or mark the value it repeats with &«alias» before this line',
    'zh-Hans': '请直接写出这个值，或在这一行之前给要重复的值加上 &«alias»',
    'zh-Hant': '請直接寫出這個值，或在這一行之前給要重複的值加上 &«alias»',
  }),
  aliasBombHint: message({
    en: 'write the values out instead of using *aliases; a file may expand at most «max» of them',
    'zh-Hans': '请直接写出这些值，不要用 *别名；一个文件最多只能展开 «max» 个别名',
    'zh-Hant': '請直接寫出這些值，不要用 *別名；一個檔案最多只能展開 «max» 個別名',
  }),
};

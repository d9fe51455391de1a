/** guide convert, its Simplified-text warning, and the Chinese-keyboard traps it mends. */

import { message } from './message.js';

export const keyboardTrapMessages = {
  indent: message({
    en: 'this line is indented with a full-width space (U+3000)',
    'zh-Hans': '这一行用全角空格（U+3000）缩进',
    'zh-Hant': '這一行用全形空格（U+3000）縮排',
  }),
  indentHint: message({
    en: 'YAML indents with ordinary spaces only: run guide convert --fix-punctuation (one space for each full-width one), or switch the keyboard to half-width (半形) and indent with the space bar, lining the field up with the ones above it',
    'zh-Hans':
      'YAML 只能用普通空格缩进：请运行 guide convert --fix-punctuation（每个全角空格换成一个空格），或把输入法切换到半角，用空格键缩进，与上面的字段对齐',
    'zh-Hant':
      'YAML 只能用一般空格縮排：請執行 guide convert --fix-punctuation（每個全形空格換成一個空格），或把輸入法切換到半形，用空白鍵縮排，與上面的欄位對齊',
  }),
  colon: message({
    en: 'the field name "«name»" is followed by a full-width colon "："',
    'zh-Hans': '字段名“«name»”后面是全角冒号“：”',
    'zh-Hant': '欄位名稱「«name»」後面是全形冒號「：」',
  }),
  colonHint: message({
    en: 'run guide convert --fix-punctuation, or write a half-width colon and a space after the field name: "«fixed»" (switch the keyboard to half-width, 半形)',
    'zh-Hans':
      '请运行 guide convert --fix-punctuation，或把输入法切换到半角，在字段名后写半角冒号和一个空格，写成 «fixed»',
    'zh-Hant':
      '請執行 guide convert --fix-punctuation，或把輸入法切換到半形，在欄位名稱後寫半形冒號和一個空格，寫成 «fixed»',
  }),
  colonSpace: message({
    en: 'no space after the colon that ends the field name "«name»"',
    'zh-Hans': '字段名“«name»”后的冒号后面没有空格',
    'zh-Hant': '欄位名稱「«name»」後的冒號後面沒有空格',
  }),
  colonSpaceHint: message({
    en: 'run guide convert --fix-punctuation, or put a space between the colon and the value: "«fixed»"',
    'zh-Hans': '请运行 guide convert --fix-punctuation，或在冒号和值之间加一个空格，写成 «fixed»',
    'zh-Hant': '請執行 guide convert --fix-punctuation，或在冒號和值之間加一個空格，寫成 «fixed»',
  }),
  quote: message({
    en: 'the value is wrapped in full-width quotes «open»…«close»',
    'zh-Hans': '值被全角引号 «open»…«close» 括起来',
    'zh-Hant': '值被全形引號 «open»…«close» 括起來',
  }),
  quoteHint: message({
    en: `YAML quotes are the half-width " or ': run guide convert --fix-punctuation to write «quoted», or remove the «open» and «close» (the text needs no quotes); if the marks themselves should print, put the whole value in half-width quotes: '«value»'`,
    'zh-Hans': `YAML 的引号是半角的 " 或 '：请运行 guide convert --fix-punctuation 改写成 «quoted»，或删去 «open» 和 «close»（文本不需要引号）；如果引号本身要印出来，请把整个值放进半角引号：'«value»'`,
    'zh-Hant': `YAML 的引號是半形的 " 或 '：請執行 guide convert --fix-punctuation 改寫成 «quoted»，或刪去 «open» 和 «close»（文字不需要引號）；如果引號本身要印出來，請把整個值放進半形引號：'«value»'`,
  }),
};

export const scriptMessages = {
  simplified: message({
    en: 'text in Simplified characters («characters»); the guide prints Taiwan Traditional',
    'zh-Hans': '文本使用了简体字（«characters»）；指南印制的是台湾繁体',
    'zh-Hant': '文字使用了簡體字（«characters»）；指南印製的是臺灣正體',
  }),
  simplifiedHint: message({
    en: 'run guide convert (guide convert --dry-run shows the changes first)',
    'zh-Hans': '请运行 guide convert（先用 guide convert --dry-run 查看改动）',
    'zh-Hant': '請執行 guide convert（先用 guide convert --dry-run 檢視改動）',
  }),
};

export const convertMessages = {
  noSuchFile: message({
    en: 'guide: «file»: no such file; skipped',
    'zh-Hans': 'guide：«file»：文件不存在，已跳过',
    'zh-Hant': 'guide：«file»：檔案不存在，已略過',
  }),
  unreadable: message({
    en: 'guide: «file»: could not be read; skipped',
    'zh-Hans': 'guide：«file»：无法读取，已跳过',
    'zh-Hant': 'guide：«file»：無法讀取，已略過',
  }),
  notUtf8: message({
    en: 'guide: «file» is not UTF-8 text; save it as UTF-8, then run guide convert again',
    'zh-Hans': 'guide：«file» 不是 UTF-8 文本；请另存为 UTF-8 编码，再运行 guide convert',
    'zh-Hant': 'guide：«file» 不是 UTF-8 文字；請另存為 UTF-8 編碼，再執行 guide convert',
  }),
  punctuationBlocks: message({
    en: 'guide: «file» has full-width punctuation YAML cannot read; run guide convert --fix-punctuation (guide validate shows where). Skipped',
    'zh-Hans':
      'guide：«file» 含有 YAML 无法读取的全角标点；请运行 guide convert --fix-punctuation（guide validate 会指出位置）。已跳过',
    'zh-Hant':
      'guide：«file» 含有 YAML 無法讀取的全形標點；請執行 guide convert --fix-punctuation（guide validate 會指出位置）。已略過',
  }),
  notYaml: message({
    en: 'guide: «file» could not be read as YAML; run guide validate to see why. Skipped',
    'zh-Hans': 'guide：«file» 无法按 YAML 读取；请运行 guide validate 查看原因。已跳过',
    'zh-Hant': 'guide：«file» 無法按 YAML 讀取；請執行 guide validate 檢視原因。已略過',
  }),
  stillNotYaml: message({
    en: 'guide: «file» is still not valid YAML once its punctuation is fixed; run guide validate to see why. Its values are not converted',
    'zh-Hans': 'guide：«file» 修正标点后仍不是有效的 YAML；请运行 guide validate 查看原因。其中的值没有转换',
    'zh-Hant': 'guide：«file» 修正標點後仍不是有效的 YAML；請執行 guide validate 檢視原因。其中的值沒有轉換',
  }),
  invalidYaml: message({
    en: 'guide: «file» is not valid YAML; run guide validate to see why. Skipped',
    'zh-Hans': 'guide：«file» 不是有效的 YAML；请运行 guide validate 查看原因。已跳过',
    'zh-Hant': 'guide：«file» 不是有效的 YAML；請執行 guide validate 檢視原因。已略過',
  }),
  files: message({ en: '«count» «count|file|files»', 'zh-Hans': '«count» 个文件', 'zh-Hant': '«count» 個檔案' }),
  mistakesFixed: message({
    en: '«count» punctuation «count|mistake|mistakes» fixed',
    'zh-Hans': '修正了 «count» 处标点错误',
    'zh-Hant': '修正了 «count» 處標點錯誤',
  }),
  mistakesToFix: message({
    en: '«count» punctuation «count|mistake|mistakes» would be fixed',
    'zh-Hans': '将修正 «count» 处标点错误',
    'zh-Hant': '將修正 «count» 處標點錯誤',
  }),
  mistakes: message({
    en: '«count» punctuation «count|mistake|mistakes»',
    'zh-Hans': '«count» 处标点错误',
    'zh-Hant': '«count» 處標點錯誤',
  }),
  valuesConverted: message({
    en: '«count» «count|value|values» converted',
    'zh-Hans': '转换了 «count» 个值',
    'zh-Hant': '轉換了 «count» 個值',
  }),
  valuesToConvert: message({
    en: '«count» «count|value|values» would change',
    'zh-Hans': '将转换 «count» 个值',
    'zh-Hant': '將轉換 «count» 個值',
  }),
  values: message({ en: '«count» «count|value|values»', 'zh-Hans': '«count» 个值', 'zh-Hant': '«count» 個值' }),
  /** Joins the counts above. */
  list: message({ en: '«first», «second»', 'zh-Hans': '«first»，«second»', 'zh-Hant': '«first»，«second»' }),
  fileChanged: message({ en: '«file»: «changes»', 'zh-Hans': '«file»：«changes»', 'zh-Hant': '«file»：«changes»' }),
  nothingToFix: message({
    en: '«files» checked: no full-width punctuation to fix, and already in Taiwan Traditional',
    'zh-Hans': '已检查 «files»：没有要修正的全角标点，且已是台湾繁体',
    'zh-Hant': '已檢查 «files»：沒有要修正的全形標點，且已是臺灣正體',
  }),
  nothingToConvert: message({
    en: '«files» checked: already in Taiwan Traditional, nothing to convert',
    'zh-Hans': '已检查 «files»：已是台湾繁体，无需转换',
    'zh-Hant': '已檢查 «files»：已是臺灣正體，無需轉換',
  }),
  wouldChange: message({
    en: '«changed» of «files» would change («changes»); run `«command»` to change them',
    'zh-Hans': '«files»中有 «changed»将被修改（«changes»）；运行 `«command»` 即可修改',
    'zh-Hant': '«files»中有 «changed»將被修改（«changes»）；執行 `«command»` 即可修改',
  }),
  changed: message({
    en: '«changes» in «changed» of «files»',
    'zh-Hans': '«files»中的 «changed»：«changes»',
    'zh-Hant': '«files»中的 «changed»：«changes»',
  }),
};

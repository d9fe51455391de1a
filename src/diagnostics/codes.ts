/**
 * Every diagnostic code, in one table: the severity it is reported at and what it means, in each
 * language guide speaks. Staff search for these codes, so a code, once released, keeps its meaning.
 */

import type { Severity } from './diagnostic.js';
import { message, type Message } from '../messages/message.js';

interface CodeInfo {
  severity: Severity;
  /** What the code means, for the README table and `--format json` readers. */
  summary: Message<[]>;
}

const error = (en: string, zhHans: string, zhHant: string): CodeInfo => ({
  severity: 'error',
  summary: message({ en, 'zh-Hans': zhHans, 'zh-Hant': zhHant }),
});
const warning = (en: string, zhHans: string, zhHant: string): CodeInfo => ({
  severity: 'warning',
  summary: message({ en, 'zh-Hans': zhHans, 'zh-Hant': zhHant }),
});

export const codes = {
  // Reading files
  'E-FILE-READ': error('a file could not be read', '文件无法读取', '檔案無法讀取'),
  'E-FILE-TOO-LARGE': error('a file is larger than the size limit', '文件超过大小上限', '檔案超過大小上限'),
  'E-ENCODING': error(
    'a file is not valid UTF-8 (often GB18030 or Big5 from a Chinese Windows editor)',
    '文件不是有效的 UTF-8 编码（常见于中文 Windows 编辑器保存的 GB18030 或 Big5）',
    '檔案不是有效的 UTF-8 編碼（常見於中文 Windows 編輯器儲存的 GB18030 或 Big5）',
  ),
  'E-CONFIG-MISSING': error(
    'no guide.yaml in this folder, any parent folder, or at --config',
    '当前文件夹、上级文件夹或 --config 指定处都没有 guide.yaml',
    '目前資料夾、上層資料夾或 --config 指定處都沒有 guide.yaml',
  ),
  'E-NO-MEASURES': error(
    'the policies patterns in guide.yaml match no file',
    'guide.yaml 中的 policies 规则没有匹配到任何文件',
    'guide.yaml 中的 policies 規則沒有符合任何檔案',
  ),
  'E-PATH-OUTSIDE': error(
    'a policies pattern, the templates folder or a link leads outside the edition folder',
    'policies 规则、模板文件夹或链接指向了版本文件夹以外',
    'policies 規則、範本資料夾或連結指向了版次資料夾以外',
  ),
  'E-POLICIES-PATTERN': error(
    'a policies pattern in guide.yaml is too long or too complex to match files with',
    'guide.yaml 中的 policies 规则太长或太复杂，无法匹配文件',
    'guide.yaml 中的 policies 規則太長或太複雜，無法比對檔案',
  ),
  'E-TEMPLATES-MISSING': error(
    'the templates folder named in guide.yaml does not exist',
    'guide.yaml 指定的模板文件夹不存在',
    'guide.yaml 指定的範本資料夾不存在',
  ),
  'W-FILE-UNMATCHED': warning(
    'a YAML file under the policies folder that no policies pattern in guide.yaml takes',
    'policies 文件夹下有 YAML 文件未被 guide.yaml 的任何 policies 规则选中',
    'policies 資料夾下有 YAML 檔案未被 guide.yaml 的任何 policies 規則選中',
  ),
  // YAML
  'E-YAML-SYNTAX': error('the file is not valid YAML', '文件不是有效的 YAML', '檔案不是有效的 YAML'),
  'E-YAML-DUPLICATE-KEY': error(
    'the same field appears twice in one mapping',
    '同一层级中同一字段出现了两次',
    '同一層級中同一欄位出現了兩次',
  ),
  'E-YAML-ALIAS': error(
    'too many YAML aliases (a resource-exhaustion attack, or a mistake)',
    'YAML 别名过多（可能是耗尽资源的攻击，或是写错了）',
    'YAML 別名過多（可能是耗盡資源的攻擊，或是寫錯了）',
  ),
  'E-YAML-ALIAS-UNKNOWN': error(
    'a YAML alias (*name) names no anchor (&name) written before it',
    'YAML 别名（*名称）前面没有对应的锚点（&名称）',
    'YAML 別名（*名稱）前面沒有對應的錨點（&名稱）',
  ),
  'E-YAML-DEPTH': error(
    'lists and fields nested deeper than any guide file needs',
    '列表和字段的嵌套层数超过了任何 guide 文件的需要',
    '清單和欄位的巢狀層數超過了任何 guide 檔案的需要',
  ),
  'E-YAML-TAG': error(
    'a YAML tag such as !foo or !!binary is not allowed',
    '不允许使用 !foo、!!binary 这类 YAML 标签',
    '不允許使用 !foo、!!binary 這類 YAML 標籤',
  ),
  'E-YAML-FULLWIDTH-COLON': error(
    'a field name followed by a full-width colon ：',
    '字段名后面用了全角冒号“：”',
    '欄位名稱後面用了全形冒號「：」',
  ),
  'E-YAML-COLON-SPACE': error(
    'no space after the colon that ends a field name',
    '字段名后的冒号后面缺少空格',
    '欄位名稱後的冒號後面缺少空格',
  ),
  'E-YAML-FULLWIDTH-INDENT': error(
    'a line indented with full-width spaces (U+3000)',
    '行首用全角空格（U+3000）缩进',
    '行首用全形空格（U+3000）縮排',
  ),
  'E-YAML-FULLWIDTH-QUOTE': error(
    'a value wrapped in full-width quotes (“…” ‘…’ 「…」 『…』) where YAML quotes were meant',
    '值被全角引号（“…” ‘…’ 「…」 『…』）括起来，应使用 YAML 的半角引号',
    '值被全形引號（“…” ‘…’ 「…」 『…』）括起來，應使用 YAML 的半形引號',
  ),
  // Schema
  'E-TYPE': error('a value has the wrong type', '值的类型不对', '值的型態不對'),
  'E-FIELD-REQUIRED': error('a required field is missing', '缺少必填字段', '缺少必填欄位'),
  'E-FIELD-UNKNOWN': error(
    'a field the format does not know (often a typo)',
    '格式中没有这个字段（常见于拼写错误）',
    '格式中沒有這個欄位（常見於拼寫錯誤）',
  ),
  'E-EMPTY': error(
    'a text or list that must not be empty is empty',
    '不能为空的文本或列表是空的',
    '不能為空的文字或清單是空的',
  ),
  'E-ENUM': error('a value is not one of the allowed values', '值不在允许的取值范围内', '值不在允許的取值範圍內'),
  'E-PATTERN': error(
    'a value does not have the required form (e.g. kebab-case id)',
    '值的写法不符合要求（例如 id 须为 kebab-case）',
    '值的寫法不符合要求（例如 id 須為 kebab-case）',
  ),
  'E-DATE-INVALID': error(
    'a date is not a real YYYY-MM-DD calendar date',
    '日期不是真实存在的 YYYY-MM-DD 日期',
    '日期不是真實存在的 YYYY-MM-DD 日期',
  ),
  'E-NUMBER-RANGE': error('a number is out of range', '数字超出范围', '數字超出範圍'),
  'E-URL-INVALID': error(
    'a URL is malformed or not http/https',
    '网址格式有误，或不是 http/https 网址',
    '網址格式有誤，或不是 http/https 網址',
  ),
  // Rules across fields and files
  'E-PERIOD-ORDER': error(
    'effective.until is before effective.from',
    'effective.until 早于 effective.from',
    'effective.until 早於 effective.from',
  ),
  'E-ID-DUPLICATE': error('two measures share one id', '两项措施使用了同一个 id', '兩項措施使用了同一個 id'),
  'E-CATEGORY-UNKNOWN': error(
    "a measure's category is not declared in guide.yaml",
    '措施的类别没有在 guide.yaml 中声明',
    '措施的類別沒有在 guide.yaml 中宣告',
  ),
  'E-VOCABULARY-UNKNOWN': error(
    'an industry or need code is not declared in guide.yaml vocabularies',
    '行业或需求代码没有在 guide.yaml 的 vocabularies 中声明',
    '產業或需求代碼沒有在 guide.yaml 的 vocabularies 中宣告',
  ),
  'E-MARKDOWN-LINK': error(
    'a Markdown link in a text field goes to an address that is not http(s) (javascript:, file:, mailto:…)',
    '文本字段中的 Markdown 链接指向非 http(s) 地址（javascript:、file:、mailto:…）',
    '文字欄位中的 Markdown 連結指向非 http(s) 位址（javascript:、file:、mailto:…）',
  ),
  'W-MARKDOWN-BLOCK': warning(
    'a line of a Markdown field starts a heading, directive, rule or code block, which a field cannot hold; it prints as typed',
    'Markdown 字段中的某行以标题、指令、分隔线或代码块的标记开头，字段中不能使用，会按原样印出',
    'Markdown 欄位中的某行以標題、指令、分隔線或程式碼區塊的標記開頭，欄位中不能使用，會按原樣印出',
  ),
  'E-MARKDOWN-HTML': error(
    'raw HTML in a Markdown text field',
    'Markdown 文本字段中含有 HTML',
    'Markdown 文字欄位中含有 HTML',
  ),
  'E-MARKDOWN-IMAGE': error(
    'an image in a Markdown text field (guides have none)',
    'Markdown 文本字段中含有图片（指南不放图片）',
    'Markdown 文字欄位中含有圖片（指南不放圖片）',
  ),
  'E-PLACEHOLDER': error(
    'an example value written by guide new has not been replaced',
    'guide new 写入的示例值还没有替换',
    'guide new 寫入的範例值還沒有替換',
  ),
  'E-AUDIENCE-EMPTY': error(
    'an empty audience list selects no firm',
    '空的 audience 列表选不到任何企业',
    '空的 audience 清單選不到任何企業',
  ),
  'E-FEE-EMPTY': error(
    'fee is empty: write 不收費 when the service is free',
    'fee 为空：免费的服务请写“不收費”',
    'fee 為空：免費的服務請寫「不收費」',
  ),
  'W-ID-FILENAME': warning(
    "a measure's id differs from its file name",
    '措施的 id 与文件名不同',
    '措施的 id 與檔案名稱不同',
  ),
  'W-MEASURE-EXPIRED': warning(
    'a measure has expired as of the edition (or --as-of) date',
    '截至本版（或 --as-of）日期，措施已经失效',
    '截至本版（或 --as-of）日期，措施已經失效',
  ),
  'W-REVIEW-MISSING': warning(
    'a measure has no reviewed date',
    '措施没有 reviewed 审核日期',
    '措施沒有 reviewed 審核日期',
  ),
  'W-REVIEW-STALE': warning(
    "a measure's reviewed date is older than review.max_age_days",
    '措施的 reviewed 日期早于 review.max_age_days 允许的期限',
    '措施的 reviewed 日期早於 review.max_age_days 允許的期限',
  ),
  'W-EXPIRING-SOON': warning(
    'a measure expires within the warning window after the as-of date',
    '措施将在基准日期后的提醒期内失效',
    '措施將在基準日期後的提醒期內失效',
  ),
  'W-SCRIPT-SIMPLIFIED': warning(
    'a text value is in Simplified characters; guide convert rewrites it in Taiwan Traditional',
    '文本值使用了简体字；guide convert 会把它改写为台湾繁体',
    '文字值使用了簡體字；guide convert 會把它改寫為臺灣正體',
  ),
  // Firm lists (guide batch)
  'E-FIRMS-FILE': error(
    'a firm list cannot be used: unreadable, no header row, no id or name column, or no firms',
    '企业名单无法使用：无法读取、没有表头行、没有编号或名称列，或没有企业',
    '企業名單無法使用：無法讀取、沒有表頭列、沒有編號或名稱欄，或沒有企業',
  ),
  'E-FIRM-REQUIRED': error("a firm's id or name is empty", '企业的编号或名称为空', '企業的編號或名稱為空'),
  'E-FIRM-ID': error(
    'a firm id has characters a folder name cannot have',
    '企业编号含有文件夹名称不能使用的字符',
    '企業編號含有資料夾名稱不能使用的字元',
  ),
  'E-FIRM-ID-DUPLICATE': error(
    'two firms in one list share an id',
    '同一名单中两家企业的编号相同',
    '同一名單中兩家企業的編號相同',
  ),
  'E-FIRM-EMAIL': error(
    "a firm's email is not an email address",
    '企业的邮箱不是有效的电子邮件地址',
    '企業的電子郵件不是有效的地址',
  ),
  'E-FIRM-CODE-UNKNOWN': error(
    "a firm's industry or need is neither a code nor a label in guide.yaml vocabularies",
    '企业的行业或需求既不是 guide.yaml vocabularies 中的代码，也不是其中的名称',
    '企業的產業或需求既不是 guide.yaml vocabularies 中的代碼，也不是其中的名稱',
  ),
  'E-FIRM-VALUE': error(
    "a firm's size or exporter value is not one the list allows, or a YAML value has the wrong shape",
    '企业的规模或是否出口的值不在允许范围内，或 YAML 中的值写法不对',
    '企業的規模或是否出口的值不在允許範圍內，或 YAML 中的值寫法不對',
  ),
  'W-FIRM-MERGED': warning(
    'merged worksheet cells were read as if each row held the value of the first',
    '工作表中的合并单元格已按每行都填有第一个单元格的值读取',
    '工作表中的合併儲存格已按每列都填有第一個儲存格的值讀取',
  ),
  'W-FIRM-COLUMN-UNKNOWN': warning(
    'a firm list column is not a firm field and is ignored',
    '企业名单中的某列不是企业字段，已忽略',
    '企業名單中的某欄不是企業欄位，已忽略',
  ),
  'W-BATCH-THREADS': warning(
    'a batch could not start its worker threads and built every firm on one thread',
    '批量生成无法启动工作线程，所有企业都在一个线程中生成',
    '批次產生無法啟動工作執行緒，所有企業都在一個執行緒中產生',
  ),
  'E-FIRM-BUILD': error(
    "a firm's tailored guide could not be built or written",
    '企业的专属指南无法生成或写入',
    '企業的專屬指南無法產生或寫入',
  ),
  // Mailing (guide mail)
  'E-MAIL-ADDRESS': error(
    'guide.yaml mail: from or reply_to is not an email address',
    'guide.yaml 的 mail: from 或 reply_to 不是有效的电子邮件地址',
    'guide.yaml 的 mail: from 或 reply_to 不是有效的電子郵件地址',
  ),
  'E-MAIL-CONFIG': error(
    'guide mail needs a mail: block (from) in guide.yaml',
    'guide mail 需要 guide.yaml 中有 mail:（至少写 from）',
    'guide mail 需要 guide.yaml 中有 mail:（至少寫 from）',
  ),
  'E-MAIL-MANIFEST': error(
    'the file given to guide mail --manifest is not a manifest.json guide batch wrote',
    'guide mail --manifest 指定的文件不是 guide batch 生成的 manifest.json',
    'guide mail --manifest 指定的檔案不是 guide batch 產生的 manifest.json',
  ),
  'E-MAIL-RECIPIENT': error(
    "a firm's email is missing, not an address, or shared with another firm: its guide is not sent",
    '企业的邮箱缺失、无效或与另一家企业重复：不寄送它的指南',
    '企業的電子郵件缺漏、無效或與另一家企業重複：不寄送它的指南',
  ),
  'E-MAIL-FILE': error(
    "a firm's file is missing or differs from the manifest (rebuilt or changed since): its guide is not sent",
    '企业的文件缺失或与清单不符（之后重新生成或被改过）：不寄送它的指南',
    '企業的檔案缺漏或與清單不符（之後重新產生或被改過）：不寄送它的指南',
  ),
  'E-MAIL-REJECTED': error(
    'the mail server refused a message for good (a 5xx reply)',
    '邮件服务器永久拒收了一封邮件（5xx 回复）',
    '郵件伺服器永久拒收了一封郵件（5xx 回覆）',
  ),
  'E-MAIL-UNDELIVERED': error(
    'a message could not be handed to the mail server after every retry',
    '重试多次后，邮件仍无法交给邮件服务器',
    '重試多次後，郵件仍無法交給郵件伺服器',
  ),
  'W-MAIL-SIZE': warning(
    "a message's attachments are larger than guide.yaml mail: max_attachment_mb",
    '一封邮件的附件超过 guide.yaml mail: max_attachment_mb',
    '一封郵件的附件超過 guide.yaml mail: max_attachment_mb',
  ),
  'W-MAIL-IN-DOUBT': warning(
    'an earlier run was stopped while handing a message to the server: it may have been delivered, and is not sent again without --resend',
    '之前的运行在把邮件交给服务器时中断：邮件可能已送达，除非指定 --resend，否则不再寄送',
    '之前的執行在把郵件交給伺服器時中斷：郵件可能已送達，除非指定 --resend，否則不再寄送',
  ),
  // Rendering
  'E-TEMPLATE': error('a template could not be rendered', '模板无法渲染', '範本無法轉譯'),
  'E-TEMPLATE-DIRECTIVE': error(
    'rendered Markdown uses a directive or HTML the reader does not know',
    '渲染出的 Markdown 使用了无法识别的指令或 HTML',
    '轉譯出的 Markdown 使用了無法辨識的指令或 HTML',
  ),
  'E-GLYPH-MISSING': error(
    'a character no font of the theme can draw',
    '主题中没有任何字体能显示的字符',
    '主題中沒有任何字型能顯示的字元',
  ),
  'E-THEME': error('templates/theme.yaml is invalid', 'templates/theme.yaml 有误', 'templates/theme.yaml 有誤'),
  'E-THEME-FONT': error(
    'a PDF font named in templates/theme.yaml is missing or is not a .ttf or .otf font',
    'templates/theme.yaml 中指定的 PDF 字体不存在，或不是 .ttf/.otf 字体',
    'templates/theme.yaml 中指定的 PDF 字型不存在，或不是 .ttf/.otf 字型',
  ),
  // Releases (guide diff, guide build --since)
  'E-MANIFEST-INVALID': error(
    'a manifest.json given to compare against is not one guide build wrote',
    '用来比较的 manifest.json 不是 guide build 生成的',
    '用來比較的 manifest.json 不是 guide build 產生的',
  ),
  'W-CHANGES-NOT-SHOWN': warning(
    'build --since was given, but the templates never include the changes section ({{> changes}})',
    '指定了 build --since，但模板中没有引入更新说明部分（{{> changes}}）',
    '指定了 build --since，但範本中沒有引入更新說明部分（{{> changes}}）',
  ),
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof codes;

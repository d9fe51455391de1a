/**
 * What loading and checking an edition says (src/catalogue/): reading files, encodings, policies
 * patterns, ids and codes, dates across measures, example texts, audience lists and Markdown.
 * File names, ids, titles, codes and field names go in through placeholders as written.
 */

import { message } from './message.js';

export const catalogueMessages = {
  // Reading files
  configMissing: message({ en: '«file» not found', 'zh-Hans': '找不到 «file»', 'zh-Hant': '找不到 «file»' }),
  configMissingHint: message({
    en: 'run guide in the folder that holds guide.yaml or in a folder below it, or name it with --config path/to/guide.yaml',
    'zh-Hans': '请在 guide.yaml 所在的文件夹或其下级文件夹中运行 guide，或用 --config path/to/guide.yaml 指定它的位置',
    'zh-Hant': '請在 guide.yaml 所在的資料夾或其下層資料夾中執行 guide，或用 --config path/to/guide.yaml 指定它的位置',
  }),
  fileMissing: message({ en: '«file» does not exist', 'zh-Hans': '«file» 不存在', 'zh-Hant': '«file» 不存在' }),
  /** «reason» is the system's own words. */
  fileUnreadable: message({
    en: '«file» could not be read: «reason»',
    'zh-Hans': '无法读取 «file»：«reason»',
    'zh-Hant': '無法讀取 «file»：«reason»',
  }),
  /** The reason in fileUnreadable for a named pipe, socket or device where a file should be. */
  notAFile: message({
    en: 'it is not a file (a named pipe or a device)',
    'zh-Hans': '它不是文件（而是命名管道或设备）',
    'zh-Hant': '它不是檔案（而是具名管道或裝置）',
  }),
  tooLarge: message({
    en: 'the file is «size»; a measure file may be at most «max»',
    'zh-Hans': '文件大小为 «size»；措施文件最大只能是 «max»',
    'zh-Hant': '檔案大小為 «size»；措施檔案最大只能是 «max»',
  }),
  tooLargeHint: message({
    en: 'a measure file holds one measure; split the file or remove what does not belong',
    'zh-Hans': '一个措施文件只写一项措施：请拆分文件，或删除不属于这项措施的内容',
    'zh-Hant': '一個措施檔案只寫一項措施：請拆分檔案，或刪除不屬於這項措施的內容',
  }),
  notUtf8: message({
    en: 'the file is not saved as UTF-8 text',
    'zh-Hans': '文件没有以 UTF-8 编码保存',
    'zh-Hant': '檔案沒有以 UTF-8 編碼儲存',
  }),
  notUtf8Hint: message({
    en: 'save the file as UTF-8 text',
    'zh-Hans': '请把文件另存为 UTF-8 编码',
    'zh-Hant': '請把檔案另存為 UTF-8 編碼',
  }),
  gb18030Hint: message({
    en: 'the file looks like GB18030/GBK, as saved by a Chinese Windows editor: open it and save it again with the encoding "UTF-8"',
    'zh-Hans':
      '这个文件像是 GB18030/GBK 编码（中文 Windows 编辑器的默认保存方式）：请打开文件，另存为时把编码选为“UTF-8”',
    'zh-Hant':
      '這個檔案像是 GB18030/GBK 編碼（簡體中文 Windows 編輯器的預設儲存方式）：請開啟檔案，另存新檔時把編碼選為「UTF-8」',
  }),
  big5Hint: message({
    en: 'the file looks like Big5, as saved by a Traditional Chinese (Taiwan or Hong Kong) Windows editor: open it and save it again with the encoding "UTF-8"',
    'zh-Hans':
      '这个文件像是 Big5 编码（台湾或香港的繁体中文 Windows 编辑器保存的格式）：请打开文件，另存为时把编码选为“UTF-8”',
    'zh-Hant':
      '這個檔案像是 Big5 編碼（臺灣或香港的繁體中文 Windows 編輯器儲存的格式）：請開啟檔案，另存新檔時把編碼選為「UTF-8」',
  }),

  // policies patterns
  noMeasures: message({
    en: 'no measure files match «patterns»',
    'zh-Hans': '没有措施文件与 «patterns» 匹配',
    'zh-Hant': '沒有措施檔案符合 «patterns»',
  }),
  noMeasuresHint: message({
    en: 'put measure files under policies/ (one .yaml file per measure), or fix the "policies" patterns',
    'zh-Hans': '请把措施文件放在 policies/ 文件夹下（每项措施一个 .yaml 文件），或修改 policies 规则',
    'zh-Hant': '請把措施檔案放在 policies/ 資料夾下（每項措施一個 .yaml 檔案），或修改 policies 規則',
  }),
  patternUnusable: message({
    en: '«field» is too long or too complex to match files with',
    'zh-Hans': '«field» 太长或太复杂，无法用来匹配文件',
    'zh-Hant': '«field» 太長或太複雜，無法用來比對檔案',
  }),
  patternUnusableHint: message({
    en: 'write a short pattern, e.g. policies/**/*.yaml, or several patterns, one per line',
    'zh-Hans': '请写一条简短的规则，例如 policies/**/*.yaml，或分成几条规则，每行一条',
    'zh-Hant': '請寫一條簡短的規則，例如 policies/**/*.yaml，或分成幾條規則，每行一條',
  }),
  pathAbsolute: message({
    en: '«field» "«value»" is an absolute path, which names one computer\'s disk',
    'zh-Hans': '«field» “«value»”是绝对路径，只在一台电脑上有效',
    'zh-Hant': '«field»「«value»」是絕對路徑，只在一台電腦上有效',
  }),
  pathAbsoluteHint: message({
    en: 'write it relative to the folder that holds guide.yaml, e.g. policies/**/*.yaml or templates',
    'zh-Hans': '请写成相对于 guide.yaml 所在文件夹的路径，例如 policies/**/*.yaml 或 templates',
    'zh-Hant': '請寫成相對於 guide.yaml 所在資料夾的路徑，例如 policies/**/*.yaml 或 templates',
  }),
  pathOutside: message({
    en: '«field» "«value»" leads outside the edition folder (the folder that holds guide.yaml)',
    'zh-Hans': '«field» “«value»”指向了版本文件夹（guide.yaml 所在的文件夹）以外',
    'zh-Hant': '«field»「«value»」指向了版次資料夾（guide.yaml 所在的資料夾）以外',
  }),
  linkOutside: message({
    en: '«file» is a link to «target», outside the edition folder (the folder that holds guide.yaml); it is not read',
    'zh-Hans': '«file» 是指向 «target» 的链接，位于版本文件夹（guide.yaml 所在的文件夹）以外；没有读取',
    'zh-Hant': '«file» 是指向 «target» 的連結，位於版次資料夾（guide.yaml 所在的資料夾）以外；沒有讀取',
  }),
  outsideHint: message({
    en: 'copy the files into the edition folder; or, if reading them from there is intended, write allow_outside: true in guide.yaml',
    'zh-Hans': '请把文件复制到版本文件夹里；如果确实要从那里读取，请在 guide.yaml 中写上 allow_outside: true',
    'zh-Hant': '請把檔案複製到版次資料夾裡；如果確實要從那裡讀取，請在 guide.yaml 中寫上 allow_outside: true',
  }),
  templatesMissing: message({
    en: 'templates: there is no folder "«value»" in the edition folder',
    'zh-Hans': 'templates：版本文件夹中没有“«value»”文件夹',
    'zh-Hant': 'templates：版次資料夾中沒有「«value»」資料夾',
  }),
  templatesNotFolder: message({
    en: 'templates: "«value»" is a file, not a folder',
    'zh-Hans': 'templates：“«value»”是文件，不是文件夹',
    'zh-Hant': 'templates：「«value»」是檔案，不是資料夾',
  }),
  templatesMissingHint: message({
    en: "create the folder, or delete the templates line to build with guide's own templates",
    'zh-Hans': '请创建这个文件夹，或删除 templates 这一行以使用 guide 自带的模板',
    'zh-Hant': '請建立這個資料夾，或刪除 templates 這一行以使用 guide 內建的範本',
  }),
  unmatched: message({
    en: 'this YAML file is not read: no "policies" pattern in «config» takes it',
    'zh-Hans': '没有读取这个 YAML 文件：«config» 中没有任何 policies 规则选中它',
    'zh-Hant': '沒有讀取這個 YAML 檔案：«config» 中沒有任何 policies 規則選中它',
  }),
  thePatterns: message({ en: 'the patterns', 'zh-Hans': 'policies 规则', 'zh-Hant': 'policies 規則' }),
  unmatchedHint: message({
    en: 'if it is a measure, add a pattern that takes it (e.g. "policies/**/*.{yaml,yml}"); if it is not, move it out of «folders»/',
    'zh-Hans':
      '如果它是措施文件，请添加能选中它的规则（例如 "policies/**/*.{yaml,yml}"）；如果不是，请把它移出 «folders»/',
    'zh-Hant':
      '如果它是措施檔案，請新增能選中它的規則（例如 "policies/**/*.{yaml,yml}"）；如果不是，請把它移出 «folders»/',
  }),

  // guide.yaml mail: (catalogue/schema.ts)
  badMailbox: message({
    en: '"«value»" is not an email address',
    'zh-Hans': '“«value»”不是有效的电子邮件地址',
    'zh-Hant': '「«value»」不是有效的電子郵件地址',
  }),
  mailboxHint: message({
    en: 'write an address, alone or after a name: `山東省委臺港澳辦 <service@example.gov.cn>`',
    'zh-Hans': '请写一个地址，可以在前面加名称：`山東省委臺港澳辦 <service@example.gov.cn>`',
    'zh-Hant': '請寫一個地址，可以在前面加名稱：`山東省委臺港澳辦 <service@example.gov.cn>`',
  }),

  // Ids, codes and periods (catalogue/schema.ts)
  kebabCase: message({
    en: 'must be kebab-case: lower-case letters, digits and hyphens, e.g. tax-small-scale-vat',
    'zh-Hans': '不符合要求，只能用小写英文字母、数字和连字符“-”（kebab-case），例如 tax-small-scale-vat',
    'zh-Hant': '不符合要求，只能用小寫英文字母、數字和連字號「-」（kebab-case），例如 tax-small-scale-vat',
  }),
  idTooLong: message({
    en: 'is «length» characters long; an id has at most «max»',
    'zh-Hans': '有 «length» 个字符；id 最多只能有 «max» 个字符',
    'zh-Hant': '有 «length» 個字元；id 最多只能有 «max» 個字元',
  }),
  notDeclared: message({
    en: '"«value»" is not declared in guide.yaml «where»«suggestion»',
    'zh-Hans': '“«value»”没有在 guide.yaml 的 «where» 中声明«suggestion»',
    'zh-Hant': '「«value»」沒有在 guide.yaml 的 «where» 中宣告«suggestion»',
  }),
  notDeclaredHint: message({
    en: 'use one of: «list»; or declare it in guide.yaml «where»',
    'zh-Hans': '请使用以下之一：«list»；或者先在 guide.yaml 的 «where» 中声明它',
    'zh-Hant': '請使用下列之一：«list»；或者先在 guide.yaml 的 «where» 中宣告它',
  }),
  wordWithoutSpaces: message({
    en: 'must be a word without spaces',
    'zh-Hans': '不能含有空格',
    'zh-Hant': '不能含有空格',
  }),
  periodOrder: message({
    en: 'until («until») is before from («from»)',
    'zh-Hans': 'until（«until»）早于 from（«from»）',
    'zh-Hant': 'until（«until»）早於 from（«from»）',
  }),
  periodOrderHint: message({
    en: 'swap the two dates, or correct the year',
    'zh-Hans': '请对调这两个日期，或改正年份',
    'zh-Hant': '請對調這兩個日期，或改正年份',
  }),
  feeEmptyHint: message({
    en: 'write 不收費 when the service is free',
    'zh-Hans': '如果不收费，请写“不收費”',
    'zh-Hant': '如果不收費，請寫「不收費」',
  }),

  // Rules across measures (catalogue/rules.ts)
  idDuplicate: message({
    en: 'id "«id»" is already used by «file»',
    'zh-Hans': 'id“«id»”已被 «file» 使用',
    'zh-Hant': 'id「«id»」已被 «file» 使用',
  }),
  firstDefinedHere: message({ en: 'first defined here', 'zh-Hans': '最早在这里定义', 'zh-Hant': '最早在這裡定義' }),
  idDuplicateHint: message({
    en: 'every measure needs its own id; give one of them a new id (ids stay stable across editions)',
    'zh-Hans': '每项措施都要有自己的 id：请给其中一项换一个新 id（id 定下后各版次保持不变）',
    'zh-Hant': '每項措施都要有自己的 id：請給其中一項換一個新 id（id 定下後各版次保持不變）',
  }),
  idFileName: message({
    en: 'id "«id»" differs from the file name "«base»"',
    'zh-Hans': 'id“«id»”与文件名“«base»”不同',
    'zh-Hant': 'id「«id»」與檔案名稱「«base»」不同',
  }),
  idFileNameHint: message({
    en: 'rename the file to «id».yaml so the measure is easy to find',
    'zh-Hans': '请把文件改名为 «id».yaml，方便查找这项措施',
    'zh-Hant': '請把檔案改名為 «id».yaml，方便尋找這項措施',
  }),
  expired: message({
    en: '"«title»" ended on «until», before «asOf»; it is left out of the guide',
    'zh-Hans': '“«title»”已于 «until» 截止（早于基准日期 «asOf»），指南中不收录这项措施',
    'zh-Hant': '「«title»」已於 «until» 截止（早於基準日期 «asOf»），指南中不收錄這項措施',
  }),
  expiredHint: message({
    en: 'if the measure was extended, update effective.until and add the extending document to basis; otherwise move the file out of policies/',
    'zh-Hans': '如果措施已延期，请更新 effective.until，并把延期的文件加到 basis 中；否则请把这个文件移出 policies/',
    'zh-Hant': '如果措施已延期，請更新 effective.until，並把延期的文件加到 basis 中；否則請把這個檔案移出 policies/',
  }),
  expiringSoon: message({
    en: '"«title»" ends on «until», «days» days after «asOf»',
    'zh-Hans': '“«title»”将于 «until» 截止，距基准日期 «asOf» 只有 «days» 天',
    'zh-Hant': '「«title»」將於 «until» 截止，距基準日期 «asOf» 只有 «days» 天',
  }),
  expiringSoonHint: message({
    en: 'check whether the measure has been extended before the guide goes out',
    'zh-Hans': '请在指南发出前确认这项措施是否已延期',
    'zh-Hant': '請在指南發出前確認這項措施是否已延期',
  }),
  reviewMissing: message({
    en: '"«title»" has no reviewed date',
    'zh-Hans': '“«title»”没有复核日期（reviewed）',
    'zh-Hant': '「«title»」沒有複核日期（reviewed）',
  }),
  reviewMissingHint: message({
    en: 'check the measure against its documents, then add "reviewed: YYYY-MM-DD"',
    'zh-Hans': '请对照政策文件核对这项措施，然后加上一行 reviewed: YYYY-MM-DD',
    'zh-Hant': '請對照政策文件核對這項措施，然後加上一行 reviewed: YYYY-MM-DD',
  }),
  reviewStale: message({
    en: '"«title»" was last reviewed «days» days before «asOf» (limit «max»)',
    'zh-Hans': '“«title»”的复核日期比基准日期 «asOf» 早 «days» 天（最多允许 «max» 天）',
    'zh-Hant': '「«title»」的複核日期比基準日期 «asOf» 早 «days» 天（最多允許 «max» 天）',
  }),
  reviewStaleHint: message({
    en: 'check the measure against its documents again and update "reviewed"',
    'zh-Hans': '请对照政策文件重新核对这项措施，并更新 reviewed 日期',
    'zh-Hant': '請對照政策文件重新核對這項措施，並更新 reviewed 日期',
  }),

  // One measure file's values (catalogue/measure-checks.ts)
  placeholder: message({
    en: '"«text»" is an example text written by guide new',
    'zh-Hans': '“«text»”是 guide new 写入的示例文字',
    'zh-Hant': '「«text»」是 guide new 寫入的範例文字',
  }),
  placeholderHint: message({
    en: 'replace it with the measure’s own text; if the field is optional (選填) and does not apply, delete it',
    'zh-Hans': '请换成这项措施自己的内容；如果这个字段标着“選填”且不适用，请删除它',
    'zh-Hant': '請換成這項措施自己的內容；如果這個欄位標著「選填」且不適用，請刪除它',
  }),
  audienceEmpty: message({
    en: 'audience.«name» is an empty list: it selects no firm',
    'zh-Hans': 'audience.«name» 是空列表：选不到任何企业',
    'zh-Hant': 'audience.«name» 是空清單：選不到任何企業',
  }),
  /** «kind» is one of the audience words below (industry, region, size, need) or the key itself. */
  audienceEmptyHint: message({
    en: 'remove the key "«name»": without it the measure is for firms of every «kind»; or list the ones it is for',
    'zh-Hans': '请删除“«name»”这一项（不写即适用于任何«kind»的企业），或者列出适用的«kind»',
    'zh-Hant': '請刪除「«name»」這一項（不寫即適用於任何«kind»的企業），或者列出適用的«kind»',
  }),
  industry: message({ en: 'industry', 'zh-Hans': '行业', 'zh-Hant': '產業' }),
  region: message({ en: 'region', 'zh-Hans': '地区', 'zh-Hant': '地區' }),
  size: message({ en: 'size', 'zh-Hans': '规模', 'zh-Hant': '規模' }),
  need: message({ en: 'need', 'zh-Hans': '困难诉求', 'zh-Hant': '困難訴求' }),

  // Markdown in text fields (catalogue/markdown-checks.ts)
  markdownBlock: message({
    en: '«field»: «count» «count|line starts|lines start» with «openers», which cannot open a heading or a block inside a field; they print as typed',
    'zh-Hans': '«field»：有 «count» 行以 «openers» 开头，字段内不能开启标题或区块，会按原样印出',
    'zh-Hant': '«field»：有 «count» 行以 «openers» 開頭，欄位內不能開啟標題或區塊，會按原樣印出',
  }),
  markdownBlockHint: message({
    en: 'headings and sections come from the templates: write those lines as plain text, bold (**…**) or list items, or remove the marks at their start',
    'zh-Hans': '标题和章节由模板生成：请把这些行写成普通文字、粗体（**…**）或列表项，或删去行首的标记',
    'zh-Hant': '標題和章節由範本產生：請把這些行寫成一般文字、粗體（**…**）或清單項目，或刪去行首的標記',
  }),
  markdownLink: message({
    en: '«field»: link to "«url»": links go to http(s) addresses',
    'zh-Hans': '«field»：链接地址“«url»”无效，链接只能指向 http(s) 网址',
    'zh-Hant': '«field»：連結位址「«url»」無效，連結只能指向 http(s) 網址',
  }),
  markdownLinkHint: message({
    en: 'write the full address, starting with https://, or remove the link and keep its text',
    'zh-Hans': '请写出以 https:// 开头的完整网址，或删除链接、只保留文字',
    'zh-Hant': '請寫出以 https:// 開頭的完整網址，或刪除連結、只保留文字',
  }),
  markdownHtml: message({
    en: '«field»: HTML "«html»" in Markdown text',
    'zh-Hans': '«field»：Markdown 文本中含有 HTML 代码“«html»”',
    'zh-Hant': '«field»：Markdown 文字中含有 HTML 程式碼「«html»」',
  }),
  markdownHtmlHint: message({
    en: 'guides take Markdown only: write **bold** instead of <b>…</b>, and remove other tags; to print a < sign, write \\<',
    'zh-Hans': '指南只接受 Markdown：加粗请写 **文字**，不要用 <b>…</b>，其他标签请删除；要印出 < 号，请写 \\<',
    'zh-Hant': '指南只接受 Markdown：粗體請寫 **文字**，不要用 <b>…</b>，其他標籤請刪除；要印出 < 號，請寫 \\<',
  }),
  markdownImage: message({
    en: '«field»: an image',
    'zh-Hans': '«field»：含有图片',
    'zh-Hant': '«field»：含有圖片',
  }),
  markdownImageHint: message({
    en: 'guides have no images; describe it in words or link to it',
    'zh-Hans': '指南中不放图片：请改用文字说明，或改成链接',
    'zh-Hant': '指南中不放圖片：請改用文字說明，或改成連結',
  }),
};

/**
 * The command line's own words: what `guide --help` and each command's `--help` say (helpMessages)
 * and what the commands validate, list, init, new and schema print (commandMessages). Option names,
 * commands and example command lines stay as typed; only their explanations are translated.
 */

import { message } from './message.js';

export const helpMessages = {
  program: message({
    en: 'Assemble policy service guides (辦事指南) from YAML measure files; render PDF and DOCX.',
    'zh-Hans': '用 YAML 措施文件汇编政策办事指南，生成 PDF 和 DOCX。',
    'zh-Hant': '以 YAML 措施檔案彙編政策辦事指南，產生 PDF 和 DOCX。',
  }),
  lang: message({
    en: 'the language of messages and help (default: from GUIDE_LANG, LC_ALL, LC_MESSAGES, LANG)',
    'zh-Hans': '提示信息和帮助的语言（默认：依次取 GUIDE_LANG、LC_ALL、LC_MESSAGES、LANG）',
    'zh-Hant': '提示訊息和說明的語言（預設：依序取 GUIDE_LANG、LC_ALL、LC_MESSAGES、LANG）',
  }),
  exitCodes: message({
    en: 'Exit codes: 0 ok, 1 invalid input, 2 usage, 3 output not written, 70 internal error.',
    'zh-Hans': '退出码：0 成功，1 输入有误，2 用法有误，3 输出未写入，70 内部错误。',
    'zh-Hant': '結束代碼：0 成功，1 輸入有誤，2 用法有誤，3 輸出未寫入，70 內部錯誤。',
  }),
  // The examples of `guide --help`, one per command.
  exampleValidate: message({
    en: 'check every measure file of the edition here',
    'zh-Hans': '检查本文件夹中这一版的所有措施文件',
    'zh-Hant': '檢查本資料夾中這一版的所有措施檔案',
  }),
  exampleBuild: message({
    en: 'write dist/*.pdf and dist/*.docx',
    'zh-Hans': '生成 dist/*.pdf 和 dist/*.docx',
    'zh-Hant': '產生 dist/*.pdf 和 dist/*.docx',
  }),
  exampleList: message({
    en: 'the measures in effect on the edition date',
    'zh-Hans': '列出在版本日期有效的措施',
    'zh-Hant': '列出在版本日期有效的措施',
  }),
  exampleInit: message({
    en: 'start a new edition in the folder my-edition',
    'zh-Hans': '在文件夹 my-edition 中新建一版指南',
    'zh-Hant': '在資料夾 my-edition 中新建一版指南',
  }),
  exampleNew: message({
    en: 'start a new measure file from a skeleton',
    'zh-Hans': '按框架新建一个措施文件',
    'zh-Hant': '按框架新建一個措施檔案',
  }),
  exampleConvert: message({
    en: 'Simplified text in the measure files → Taiwan Traditional',
    'zh-Hans': '把措施文件中的简体字转为台湾繁体',
    'zh-Hant': '把措施檔案中的簡體字轉為臺灣繁體',
  }),
  exampleDiff: message({
    en: 'what changed since the edition tagged v2020.03',
    'zh-Hans': '与标签为 v2020.03 的版本相比有哪些变化',
    'zh-Hant': '與標籤為 v2020.03 的版本相比有哪些變化',
  }),
  exampleBatch: message({
    en: 'a tailored guide for every firm of the list',
    'zh-Hans': '为名单中的每家企业生成专属指南',
    'zh-Hant': '為名單中的每家企業產生專屬指南',
  }),

  // Options several commands share.
  config: message({
    en: "the edition's guide.yaml (default: ./guide.yaml)",
    'zh-Hans': '这一版的 guide.yaml（默认：./guide.yaml）',
    'zh-Hant': '這一版的 guide.yaml（預設：./guide.yaml）',
  }),
  expiringWithin: message({
    en: 'warn about measures ending within this many days after the as-of date (default: guide.yaml review.expiring_within_days, 30)',
    'zh-Hans': '基准日期之后这么多天内到期的措施给出警告（默认：guide.yaml 的 review.expiring_within_days，30）',
    'zh-Hant': '基準日期之後這麼多天內到期的措施給出警告（預設：guide.yaml 的 review.expiring_within_days，30）',
  }),
  strict: message({
    en: 'treat warnings as errors (exit code 1)',
    'zh-Hans': '把警告当作错误（退出码 1）',
    'zh-Hant': '把警告當作錯誤（結束代碼 1）',
  }),
  outputFormats: message({
    en: 'comma-separated: the files, pdf, docx and html (default: guide.yaml output.formats), and how to print problems, text or json',
    'zh-Hans':
      '用逗号分隔：要生成的文件 pdf、docx、html（默认：guide.yaml 的 output.formats），以及问题的输出格式 text 或 json',
    'zh-Hant':
      '用逗號分隔：要產生的檔案 pdf、docx、html（預設：guide.yaml 的 output.formats），以及問題的輸出格式 text 或 json',
  }),
  asOfIncluded: message({
    en: 'include the measures in effect on this date (default: the edition date)',
    'zh-Hans': '收录在这一日期有效的措施（默认：版本日期）',
    'zh-Hant': '收錄在這一日期有效的措施（預設：版本日期）',
  }),
  badDate: message({
    en: 'expected a date written YYYY-MM-DD, e.g. 2020-03-05.',
    'zh-Hans': '请写成 YYYY-MM-DD 格式的日期，例如 2020-03-05。',
    'zh-Hant': '請寫成 YYYY-MM-DD 格式的日期，例如 2020-03-05。',
  }),
  noSuchDay: message({
    en: 'the calendar has no such day; write a real date as YYYY-MM-DD, e.g. 2020-02-29.',
    'zh-Hans': '日历上没有这一天；请写成真实存在的日期（YYYY-MM-DD），例如 2020-02-29。',
    'zh-Hant': '日曆上沒有這一天；請寫成真實存在的日期（YYYY-MM-DD），例如 2020-02-29。',
  }),
  badDays: message({
    en: 'expected a number of days from 0 to 3660, e.g. 30.',
    'zh-Hans': '请写 0 到 3660 之间的天数，例如 30。',
    'zh-Hant': '請寫 0 到 3660 之間的天數，例如 30。',
  }),

  // guide validate
  validate: message({
    en: 'check guide.yaml and every measure file; report every problem with file:line:col',
    'zh-Hans': '检查 guide.yaml 和所有措施文件，报告每个问题及其位置（文件:行:列）',
    'zh-Hant': '檢查 guide.yaml 和所有措施檔案，回報每個問題及其位置（檔案:行:欄）',
  }),
  validateFormat: message({
    en: 'how to print diagnostics',
    'zh-Hans': '问题的输出格式',
    'zh-Hant': '問題的輸出格式',
  }),
  validateAsOf: message({
    en: 'judge expiry and review age on this date (default: the edition date)',
    'zh-Hans': '按这一日期判断是否到期、多久未复核（默认：版本日期）',
    'zh-Hant': '按這一日期判斷是否到期、多久未複核（預設：版本日期）',
  }),

  // guide list
  list: message({
    en: 'list the measures: id, category, title, effective period, status',
    'zh-Hans': '列出措施：编号、类别、标题、有效期、状态',
    'zh-Hant': '列出措施：編號、類別、標題、有效期、狀態',
  }),
  listCategory: message({ en: 'only this category', 'zh-Hans': '只列这一类别', 'zh-Hant': '只列這一類別' }),
  listStatus: message({
    en: 'only measures with this status',
    'zh-Hans': '只列这一状态的措施',
    'zh-Hant': '只列這一狀態的措施',
  }),
  listAsOf: message({
    en: 'status on this date (default: the edition date)',
    'zh-Hans': '按这一日期判断状态（默认：版本日期）',
    'zh-Hant': '按這一日期判斷狀態（預設：版本日期）',
  }),
  listJson: message({
    en: 'print JSON instead of a table',
    'zh-Hans': '输出 JSON 而不是表格',
    'zh-Hant': '輸出 JSON 而不是表格',
  }),

  // guide init
  init: message({
    en: 'start a new edition: guide.yaml, an example measure, schema files, README.md',
    'zh-Hans': '新建一版指南：guide.yaml、一个示例措施、schema 文件、README.md',
    'zh-Hant': '新建一版指南：guide.yaml、一個範例措施、schema 檔案、README.md',
  }),
  initDir: message({
    en: 'the folder for the new edition (default: the current folder); made if missing',
    'zh-Hans': '新版本所在的文件夹（默认：当前文件夹）；不存在时会新建',
    'zh-Hant': '新版本所在的資料夾（預設：目前資料夾）；不存在時會新建',
  }),
  initTemplate: message({
    en: "also copy guide's templates and theme.yaml into templates/ for customising",
    'zh-Hans': '同时把 guide 的模板和 theme.yaml 复制到 templates/，以便修改',
    'zh-Hant': '同時把 guide 的範本和 theme.yaml 複製到 templates/，以便修改',
  }),
  initForce: message({
    en: 'write into a folder that is not empty: add the missing files, never overwrite one',
    'zh-Hans': '写入不是空的文件夹：只添加缺少的文件，从不覆盖已有文件',
    'zh-Hant': '寫入不是空的資料夾：只新增缺少的檔案，從不覆寫已有檔案',
  }),
  initExampleHere: message({
    en: 'the current folder, which must be empty',
    'zh-Hans': '当前文件夹，必须是空的',
    'zh-Hant': '目前資料夾，必須是空的',
  }),
  initExampleTemplate: message({
    en: 'with templates/ to change the layout and wording',
    'zh-Hans': '带 templates/，可修改版式和措辞',
    'zh-Hant': '附 templates/，可修改版面和措辭',
  }),
  initExampleForce: message({
    en: 'add templates/ to an existing edition; nothing is overwritten',
    'zh-Hans': '为已有的版本添加 templates/，不覆盖任何文件',
    'zh-Hant': '為已有的版本新增 templates/，不覆寫任何檔案',
  }),
  initNotEmpty: message({
    en: 'A folder that is not empty is refused (exit code 3) unless --force.',
    'zh-Hans': '不是空的文件夹会被拒绝（退出码 3），除非加上 --force。',
    'zh-Hant': '不是空的資料夾會被拒絕（結束代碼 3），除非加上 --force。',
  }),

  // guide new
  new: message({
    en: 'write a new measure file with every field and a hint for each',
    'zh-Hans': '新建措施文件，列出所有字段，逐一附上提示',
    'zh-Hant': '新建措施檔案，列出所有欄位，逐一附上提示',
  }),
  newCategory: message({
    en: 'category id from guide.yaml, e.g. tax',
    'zh-Hans': 'guide.yaml 中的类别编号，例如 tax',
    'zh-Hant': 'guide.yaml 中的類別編號，例如 tax',
  }),
  newId: message({
    en: 'the new measure id, kebab-case, e.g. tax-rent-relief',
    'zh-Hans': '新措施的编号，用小写字母、数字和连字符，例如 tax-rent-relief',
    'zh-Hant': '新措施的編號，用小寫字母、數字和連字號，例如 tax-rent-relief',
  }),
  newExample: message({
    en: '# writes «file»',
    'zh-Hans': '# 生成 «file»',
    'zh-Hant': '# 產生 «file»',
  }),

  // guide schema
  schema: message({
    en: 'print the JSON Schema of measure files or guide.yaml (for editors)',
    'zh-Hans': '输出措施文件或 guide.yaml 的 JSON Schema（供编辑器使用）',
    'zh-Hant': '輸出措施檔案或 guide.yaml 的 JSON Schema（供編輯器使用）',
  }),
  schemaWhich: message({
    en: 'measure or guide',
    'zh-Hans': 'measure（措施文件）或 guide（guide.yaml）',
    'zh-Hant': 'measure（措施檔案）或 guide（guide.yaml）',
  }),
  schemaOut: message({
    en: 'write guide.schema.json and measure.schema.json into this folder instead',
    'zh-Hans': '改为把 guide.schema.json 和 measure.schema.json 写入这个文件夹',
    'zh-Hant': '改為把 guide.schema.json 和 measure.schema.json 寫入這個資料夾',
  }),

  // guide convert
  convert: message({
    en: 'rewrite the text values of measure files and guide.yaml from Simplified in Taiwan Traditional',
    'zh-Hans': '把措施文件和 guide.yaml 中的文本值从简体改写为台湾繁体',
    'zh-Hant': '把措施檔案和 guide.yaml 中的文字值從簡體改寫為臺灣正體',
  }),
  convertFiles: message({
    en: 'YAML files to convert (default: guide.yaml and every measure file of the edition)',
    'zh-Hans': '要转换的 YAML 文件（默认：guide.yaml 和本版的所有措施文件）',
    'zh-Hant': '要轉換的 YAML 檔案（預設：guide.yaml 和本版的所有措施檔案）',
  }),
  convertCheck: message({
    en: 'write nothing; exit code 1 if any file would change (for CI)',
    'zh-Hans': '不写入任何文件；如有文件需要修改，退出码为 1（供 CI 使用）',
    'zh-Hant': '不寫入任何檔案；如有檔案需要修改，結束碼為 1（供 CI 使用）',
  }),
  convertDryRun: message({
    en: 'write nothing; print the lines that would change, before (-) and after (+)',
    'zh-Hans': '不写入任何文件；列出将要修改的行，修改前（-）和修改后（+）',
    'zh-Hant': '不寫入任何檔案；列出將要修改的行，修改前（-）和修改後（+）',
  }),
  convertFixPunctuation: message({
    en: 'first fix what a Chinese keyboard types into YAML: full-width colons (：) and quotes (“…”, 「…」), full-width-space indents, no space after a colon',
    'zh-Hans': '先修正中文输入法打进 YAML 的错误：全角冒号（：）和引号（“…”、「…」）、全角空格缩进、冒号后缺少空格',
    'zh-Hant': '先修正中文輸入法打進 YAML 的錯誤：全形冒號（：）和引號（“…”、「…」）、全形空格縮排、冒號後缺少空格',
  }),
  convertExampleAll: message({
    en: 'every measure file and guide.yaml, in place',
    'zh-Hans': '就地转换所有措施文件和 guide.yaml',
    'zh-Hant': '就地轉換所有措施檔案和 guide.yaml',
  }),
  convertExampleFile: message({ en: 'only this file', 'zh-Hans': '只转换这个文件', 'zh-Hant': '只轉換這個檔案' }),
  convertExampleDryRun: message({
    en: 'show the changes, write nothing',
    'zh-Hans': '显示改动，不写入',
    'zh-Hant': '顯示改動，不寫入',
  }),
  convertExampleCheck: message({
    en: 'in CI: fail if any Simplified text is left',
    'zh-Hans': '在 CI 中：还有简体文本就报错',
    'zh-Hant': '在 CI 中：還有簡體文字就報錯',
  }),
  convertExampleFixPunctuation: message({
    en: 'also fix full-width colons, quotes and indents',
    'zh-Hans': '同时修正全角冒号、引号和缩进',
    'zh-Hant': '同時修正全形冒號、引號和縮排',
  }),
  convertNote: message({
    en: "Only values change: comments, keys, quoting and layout are kept. OpenCC (Taiwan phrasing) does the\nconversion, with guide's dictionary for administrative words (文件, 程序, 審核, 項目 …) and\nguide.yaml terms: (prefer 臺 or 台, keep, pairs) over it. Text already in Traditional is left as it is.",
    'zh-Hans':
      '只改写值：注释、字段名、引号和排版都保持不变。转换由 OpenCC（台湾用语）完成，\n优先采用 guide 的行政用语词典（文件、程序、审核、项目…）\n和 guide.yaml 的 terms:（选用“臺”或“台”、保留的词、自定词对）。\n已是繁体的文本保持原样。',
    'zh-Hant':
      '只改寫值：註解、欄位名稱、引號和排版都保持不變。轉換由 OpenCC（臺灣用語）完成，\n優先採用 guide 的行政用語詞典（文件、程序、審核、項目…）\n和 guide.yaml 的 terms:（選用「臺」或「台」、保留的詞、自訂詞對）。\n已是正體的文字保持原樣。',
  }),

  // guide build
  preview: message({
    en: 'serve the guide as a web page on this computer, rebuilt and reloaded as you edit',
    'zh-Hans': '在本机以网页预览指南，编辑后自动重新生成并刷新',
    'zh-Hant': '在本機以網頁預覽指南，編輯後自動重新產生並重新整理',
  }),
  previewPort: message({
    en: 'port on 127.0.0.1 (default: a free one)',
    'zh-Hans': '127.0.0.1 上的端口（默认：任一空闲端口）',
    'zh-Hant': '127.0.0.1 上的連接埠（預設：任一空閒連接埠）',
  }),
  previewFirm: message({
    en: "preview this firm's tailored guide (its id in --firms)",
    'zh-Hans': '预览这家企业的定制指南（--firms 名单中的编号）',
    'zh-Hant': '預覽這家企業的客製指南（--firms 名單中的編號）',
  }),
  previewFirms: message({
    en: 'the firm list (CSV, XLSX or YAML) holding --firm; watched too',
    'zh-Hans': '包含 --firm 的企业名单（CSV、XLSX 或 YAML），也会监视其变化',
    'zh-Hant': '包含 --firm 的企業名單（CSV、XLSX 或 YAML），也會監看其變更',
  }),
  previewFiles: message({
    en: 'Also served: /guide.pdf and /guide.docx, the current guide, written when asked.',
    'zh-Hans': '同时提供 /guide.pdf 和 /guide.docx：当前的指南，打开时生成。',
    'zh-Hant': '同時提供 /guide.pdf 和 /guide.docx：目前的指南，開啟時產生。',
  }),
  build: message({
    en: 'render the guide as PDF and DOCX into dist/',
    'zh-Hans': '生成指南的 PDF 和 DOCX，放在 dist/',
    'zh-Hant': '產生指南的 PDF 和 DOCX，放在 dist/',
  }),
  buildOut: message({
    en: 'output folder (default: guide.yaml output.dir)',
    'zh-Hans': '输出文件夹（默认：guide.yaml 的 output.dir）',
    'zh-Hant': '輸出資料夾（預設：guide.yaml 的 output.dir）',
  }),
  buildJson: message({
    en: 'print the build manifest (also written to manifest.json) as JSON on stdout',
    'zh-Hans': '在标准输出上以 JSON 输出生成清单（也写入 manifest.json）',
    'zh-Hant': '在標準輸出上以 JSON 輸出產生清單（也寫入 manifest.json）',
  }),
  buildSince: message({
    en: 'add a «section» section: what changed since <old> (a manifest.json, folder or git ref)',
    'zh-Hans': '添加“«section»”一节：自 <old> 以来的变化（<old> 为 manifest.json、文件夹或 git 引用）',
    'zh-Hant': '新增「«section»」一節：自 <old> 以來的變化（<old> 為 manifest.json、資料夾或 git 參照）',
  }),

  // guide diff
  diff: message({
    en: 'the measures added, removed and changed between two editions, in plain Chinese',
    'zh-Hans': '用平实的中文列出两版之间新增、删除和修改的措施',
    'zh-Hant': '用平實的中文列出兩版之間新增、刪除和修改的措施',
  }),
  diffOld: message({
    en: 'the earlier edition: a manifest.json, an edition folder or guide.yaml, or a git ref',
    'zh-Hans': '较早的一版：manifest.json、版本文件夹或 guide.yaml，或 git 引用',
    'zh-Hant': '較早的一版：manifest.json、版本資料夾或 guide.yaml，或 git 參照',
  }),
  diffNew: message({
    en: 'the later edition, in the same forms (default: the current edition)',
    'zh-Hans': '较新的一版，形式同上（默认：当前版本）',
    'zh-Hant': '較新的一版，形式同上（預設：目前版本）',
  }),
  diffJson: message({ en: 'print the changes as JSON', 'zh-Hans': '以 JSON 输出变化', 'zh-Hant': '以 JSON 輸出變化' }),
  diffExampleTag: message({
    en: 'the current edition against the tag v2020.03',
    'zh-Hans': '当前版本与标签 v2020.03 比较',
    'zh-Hant': '目前版本與標籤 v2020.03 比較',
  }),
  diffExampleManifest: message({
    en: 'a released build against this folder',
    'zh-Hans': '已发布的生成结果与本文件夹比较',
    'zh-Hant': '已發布的產生結果與本資料夾比較',
  }),
  diffExampleJson: message({ en: 'for scripts', 'zh-Hans': '供脚本使用', 'zh-Hant': '供腳本使用' }),

  // guide batch
  batch: message({
    en: 'a tailored guide for every firm of a firm list (一企一策), with a manifest for mailing',
    'zh-Hans': '为企业名单中的每家企业生成专属指南（一企一策），并生成寄送用的清单',
    'zh-Hant': '為企業名單中的每家企業產生專屬指南（一企一策），並產生寄送用的清單',
  }),
  batchFirms: message({
    en: 'the firm list: .csv (UTF-8 or GB18030), .xlsx or .yaml',
    'zh-Hans': '企业名单：.csv（UTF-8 或 GB18030）、.xlsx 或 .yaml',
    'zh-Hant': '企業名單：.csv（UTF-8 或 GB18030）、.xlsx 或 .yaml',
  }),
  batchSheet: message({
    en: 'the worksheet of an .xlsx list (default: the first)',
    'zh-Hans': '.xlsx 名单中的工作表（默认：第一个）',
    'zh-Hant': '.xlsx 名單中的工作表（預設：第一個）',
  }),
  batchOut: message({
    en: 'output folder (default: <guide.yaml output.dir>/firms)',
    'zh-Hans': '输出文件夹（默认：<guide.yaml 的 output.dir>/firms）',
    'zh-Hant': '輸出資料夾（預設：<guide.yaml 的 output.dir>/firms）',
  }),
  batchLetterDate: message({
    en: "the date on each firm's letter (default: the as-of date)",
    'zh-Hans': '每家企业函件上的日期（默认：基准日期）',
    'zh-Hant': '每家企業函件上的日期（預設：基準日期）',
  }),
  batchNamePattern: message({
    en: 'file names: «firmName» or {name}, «firmId» or {id} (default: «pattern»)',
    'zh-Hans': '文件名：可用 «firmName» 或 {name}、«firmId» 或 {id}（默认：«pattern»）',
    'zh-Hant': '檔名：可用 «firmName» 或 {name}、«firmId» 或 {id}（預設：«pattern»）',
  }),
  batchJobs: message({
    en: 'firms built at once: this process and n-1 worker threads (default: the number of CPU cores)',
    'zh-Hans': '同时生成的企业数：本进程加 n-1 个工作线程（默认：CPU 核心数）',
    'zh-Hant': '同時產生的企業數：本行程加 n-1 個工作執行緒（預設：CPU 核心數）',
  }),
  batchShard: message({
    en: 'build only part i of n (firms split by a hash of their id), e.g. 1/4',
    'zh-Hans': '只生成 n 份中的第 i 份（按企业编号的哈希值分份），例如 1/4',
    'zh-Hant': '只產生 n 份中的第 i 份（按企業編號的雜湊值分份），例如 1/4',
  }),
  batchOnly: message({
    en: 'build only these firms (ids separated by commas)',
    'zh-Hans': '只生成这些企业（编号用逗号分隔）',
    'zh-Hant': '只產生這些企業（編號用逗號分隔）',
  }),
  pdfStandard: message({
    en: 'what the PDF conforms to: ua-1 (tagged, PDF/UA-1), a-2b or a-2a (PDF/A-2 for archiving, also tagged PDF/UA-1), none (untagged) (default: theme.yaml pdf.standard, ua-1)',
    'zh-Hans':
      'PDF 遵循的标准：ua-1（带标签，PDF/UA-1）、a-2b 或 a-2a（存档用 PDF/A-2，同样带标签并符合 PDF/UA-1）、none（不带标签）（默认：theme.yaml 的 pdf.standard，即 ua-1）',
    'zh-Hant':
      'PDF 遵循的標準：ua-1（帶標籤，PDF/UA-1）、a-2b 或 a-2a（存檔用 PDF/A-2，同樣帶標籤並符合 PDF/UA-1）、none（不帶標籤）（預設：theme.yaml 的 pdf.standard，即 ua-1）',
  }),
  cache: message({
    en: 'keep the build cache in <dir> (default: .guide-cache in the edition folder): a rebuild redoes only what changed',
    'zh-Hans': '构建缓存放在 <dir>（默认：版本文件夹中的 .guide-cache）：重新构建时只重做有改动的部分',
    'zh-Hant': '建置快取放在 <dir>（預設：版本資料夾中的 .guide-cache）：重新建置時只重做有改動的部分',
  }),
  validateCache: message({
    en: 'keep the build cache in <dir> (default: .guide-cache in the edition folder): files unchanged since the last run are not parsed again',
    'zh-Hans': '构建缓存放在 <dir>（默认：版本文件夹中的 .guide-cache）：上次运行后未改动的文件不再重新解析',
    'zh-Hant': '建置快取放在 <dir>（預設：版本資料夾中的 .guide-cache）：上次執行後未改動的檔案不再重新解析',
  }),
  validateNoCache: message({
    en: 'neither read nor write the build cache (the diagnostics are the same either way)',
    'zh-Hans': '不读也不写构建缓存（诊断结果与使用缓存时相同）',
    'zh-Hant': '不讀也不寫建置快取（診斷結果與使用快取時相同）',
  }),
  noCache: message({
    en: 'neither read nor write the build cache (the output is the same either way)',
    'zh-Hans': '不读也不写构建缓存（输出与使用缓存时相同）',
    'zh-Hant': '不讀也不寫建置快取（輸出與使用快取時相同）',
  }),
  print: message({
    en: 'colours for the print shop: text in 100% black (DeviceGray), other colours in CMYK (default: theme.yaml pdf.print; the screen PDF is RGB)',
    'zh-Hans':
      '印刷用色：文字为 100% 黑（DeviceGray），其他颜色为 CMYK（默认：theme.yaml 的 pdf.print；屏幕版 PDF 为 RGB）',
    'zh-Hant':
      '印刷用色：文字為 100% 黑（DeviceGray），其他顏色為 CMYK（預設：theme.yaml 的 pdf.print；螢幕版 PDF 為 RGB）',
  }),
  batchForce: message({
    en: 'build every firm, even those whose guides are up to date',
    'zh-Hans': '生成所有企业，包括指南已是最新的企业',
    'zh-Hant': '產生所有企業，包括指南已是最新的企業',
  }),
  batchExplain: message({
    en: 'show which measures the firm gets and why, and which it does not; build nothing',
    'zh-Hans': '显示这家企业会收到哪些措施及原因，不会收到哪些；不生成文件',
    'zh-Hant': '顯示這家企業會收到哪些措施及原因，不會收到哪些；不產生檔案',
  }),
  batchJson: message({
    en: 'print the manifest (or with --explain, the explanation) as JSON on stdout',
    'zh-Hans': '在标准输出上以 JSON 输出清单（加 --explain 时输出说明）',
    'zh-Hant': '在標準輸出上以 JSON 輸出清單（加 --explain 時輸出說明）',
  }),
  batchExampleShard: message({
    en: '# and --shard 2/2 on another machine',
    'zh-Hans': '# 另一台机器上用 --shard 2/2',
    'zh-Hant': '# 另一台機器上用 --shard 2/2',
  }),
  batchResume: message({
    en: 'Firms whose guides are already in the output folder, built from the same inputs, are skipped;\na run that was stopped picks up where it left off.',
    'zh-Hans':
      '输出文件夹中已有用相同输入生成的指南的企业会被跳过；\n中途停止的批量生成，再次运行时从停下的地方接着做。',
    'zh-Hant':
      '輸出資料夾中已有以相同輸入產生的指南的企業會被略過；\n中途停止的批次產生，再次執行時從停下的地方接著做。',
  }),

  /** A user's mistake that is no diagnostic (a usage or output error), as guide prints it. */
  failed: message({ en: 'guide: «problem»', 'zh-Hans': 'guide：«problem»', 'zh-Hant': 'guide：«problem»' }),
  /** Standard output or error could not be written; said on the other one. */
  streamFailed: message({
    en: 'guide: could not write to «stream» («code»)',
    'zh-Hans': 'guide：无法写入«stream»（«code»）',
    'zh-Hant': 'guide：無法寫入«stream»（«code»）',
  }),
  standardOutput: message({ en: 'standard output', 'zh-Hans': '标准输出', 'zh-Hant': '標準輸出' }),
  standardError: message({ en: 'standard error', 'zh-Hans': '标准错误输出', 'zh-Hant': '標準錯誤輸出' }),
  internalError: message({
    en: 'guide: internal error (a bug in guide «version»). Please report it with the command you ran and this text:',
    'zh-Hans': 'guide：内部错误（guide «version» 的缺陷）。请把你运行的命令和下面的内容一起报告给我们：',
    'zh-Hant': 'guide：內部錯誤（guide «version» 的缺陷）。請把你執行的命令和下面的內容一起回報給我們：',
  }),
};

export const commandMessages = {
  // guide validate
  checked: message({
    en: 'checked «config» and «n» measure «n|file|files»',
    'zh-Hans': '已检查 «config» 和 «n» 个措施文件',
    'zh-Hant': '已檢查 «config» 和 «n» 個措施檔案',
  }),

  // guide list
  leftOut: message({
    en: 'these files are left out of the list; run `guide validate` for details',
    'zh-Hans': '这些文件没有列入；详情请运行 `guide validate`',
    'zh-Hant': '這些檔案沒有列入；詳情請執行 `guide validate`',
  }),
  unknownCategory: message({
    en: 'guide: unknown category "«category»"; categories: «list»',
    'zh-Hans': 'guide：没有类别“«category»”；可用的类别：«list»',
    'zh-Hant': 'guide：沒有類別「«category»」；可用的類別：«list»',
  }),
  headingId: message({ en: 'ID', 'zh-Hans': '编号', 'zh-Hant': '編號' }),
  headingCategory: message({ en: 'CATEGORY', 'zh-Hans': '类别', 'zh-Hant': '類別' }),
  headingTitle: message({ en: 'TITLE', 'zh-Hans': '标题', 'zh-Hant': '標題' }),
  headingEffective: message({ en: 'EFFECTIVE', 'zh-Hans': '有效期', 'zh-Hant': '有效期' }),
  headingStatus: message({ en: 'STATUS', 'zh-Hans': '状态', 'zh-Hant': '狀態' }),
  // The status column speaks Chinese in every language, as the guide does (and as it always has).
  statusActive: message({ en: '有效', 'zh-Hans': '有效', 'zh-Hant': '有效' }),
  statusExpired: message({ en: '已失效', 'zh-Hans': '已失效', 'zh-Hant': '已失效' }),
  statusUpcoming: message({ en: '尚未生效', 'zh-Hans': '尚未生效', 'zh-Hant': '尚未生效' }),
  openEnded: message({ en: '長期', 'zh-Hans': '长期', 'zh-Hant': '長期' }),
  listed: message({
    en: '«shown» of «total» measures, status as of «date»',
    'zh-Hans': '列出 «shown» 项措施（共 «total» 项），状态按 «date» 计',
    'zh-Hant': '列出 «shown» 項措施（共 «total» 項），狀態按 «date» 計',
  }),

  // guide init
  initIsFile: message({
    en: 'guide: «dir» is a file, not a folder; choose a folder name for the new edition',
    'zh-Hans': 'guide：«dir» 是文件，不是文件夹；请为新版本另选一个文件夹名',
    'zh-Hant': 'guide：«dir» 是檔案，不是資料夾；請為新版本另選一個資料夾名稱',
  }),
  thisFolder: message({ en: 'this folder', 'zh-Hans': '本文件夹', 'zh-Hant': '本資料夾' }),
  /** A folder by its name, where a sentence names either it or this folder. */
  folder: message({ en: '«dir»', 'zh-Hans': '文件夹 «dir»', 'zh-Hant': '資料夾 «dir»' }),
  andMore: message({ en: ', … («n» in all)', 'zh-Hans': '，…（共 «n» 项）', 'zh-Hant': '，…（共 «n» 項）' }),
  initNotEmpty: message({
    en: 'guide: «dir» is not empty («listed»); nothing was written.',
    'zh-Hans': 'guide：文件夹 «dir» 不是空的（«listed»），没有写入任何文件。',
    'zh-Hant': 'guide：資料夾 «dir» 不是空的（«listed»），沒有寫入任何檔案。',
  }),
  initHereNotEmpty: message({
    en: 'guide: this folder is not empty («listed»); nothing was written.',
    'zh-Hans': 'guide：本文件夹不是空的（«listed»），没有写入任何文件。',
    'zh-Hant': 'guide：本資料夾不是空的（«listed»），沒有寫入任何檔案。',
  }),
  initNotEmptyHint: message({
    en: 'start the edition in a new folder, e.g. `guide init my-edition`; or add --force to add the missing files here (files already there are kept, never overwritten)',
    'zh-Hans':
      '请在新文件夹中开始这一版，例如 `guide init my-edition`；或加上 --force，在这里添加缺少的文件（已有的文件都会保留，不会被覆盖）',
    'zh-Hant':
      '請在新資料夾中開始這一版，例如 `guide init my-edition`；或加上 --force，在這裡新增缺少的檔案（已有的檔案都會保留，不會被覆寫）',
  }),
  wrote: message({ en: 'wrote «file»', 'zh-Hans': '已写入 «file»', 'zh-Hant': '已寫入 «file»' }),
  kept: message({
    en: 'kept «file» (already there; not overwritten)',
    'zh-Hans': '保留 «file»（已存在，未覆盖）',
    'zh-Hant': '保留 «file»（已存在，未覆寫）',
  }),
  initDone: message({
    en: '\nA new edition is in «where»«templates». Next:\n  «cd»guide validate && guide build\nThen edit guide.yaml, replace the example measure, and add measures with `guide new <category> <id>` (README.md there says more).',
    'zh-Hans':
      '\n新版本已建在«where»«templates»。下一步：\n  «cd»guide validate && guide build\n然后编辑 guide.yaml，替换示例措施，再用 `guide new <category> <id>` 添加措施（详见那里的 README.md）。',
    'zh-Hant':
      '\n新版本已建在«where»«templates»。下一步：\n  «cd»guide validate && guide build\n然後編輯 guide.yaml，替換範例措施，再用 `guide new <category> <id>` 新增措施（詳見那裡的 README.md）。',
  }),
  initOwnTemplates: message({
    en: ', with its own copy of the templates in templates/',
    'zh-Hans': '，模板已复制到 templates/',
    'zh-Hant': '，範本已複製到 templates/',
  }),
  initBundledTemplates: message({
    en: ", using guide's own templates",
    'zh-Hans': '，使用 guide 内置的模板',
    'zh-Hant': '，使用 guide 內建的範本',
  }),

  // guide new
  badId: message({
    en: 'guide: id "«id»" «problem»',
    'zh-Hans': 'guide：编号“«id»”«problem»',
    'zh-Hant': 'guide：編號「«id»」«problem»',
  }),
  badIdHint: message({
    en: 'an id is short kebab-case: lower-case letters, digits and hyphens, e.g. tax-rent-relief',
    'zh-Hans': '编号要简短，只用小写字母、数字和连字符，例如 tax-rent-relief',
    'zh-Hant': '編號要簡短，只用小寫字母、數字和連字號，例如 tax-rent-relief',
  }),
  newUnknownCategory: message({
    en: 'guide: category "«category»" is not in guide.yaml; use one of: «list»',
    'zh-Hans': 'guide：guide.yaml 中没有类别“«category»”；请使用其中之一：«list»',
    'zh-Hant': 'guide：guide.yaml 中沒有類別「«category»」；請使用其中之一：«list»',
  }),
  measureExists: message({
    en: 'guide: «file» already exists; not overwriting it. Choose another id, or edit that file.',
    'zh-Hans': 'guide：«file» 已存在，不会覆盖它。请换一个编号，或直接编辑那个文件。',
    'zh-Hant': 'guide：«file» 已存在，不會覆寫它。請換一個編號，或直接編輯那個檔案。',
  }),
  measureWritten: message({
    en: 'wrote «file»: fill in every field, then run `guide validate`',
    'zh-Hans': '已写入 «file»：请填写每个字段，然后运行 `guide validate`',
    'zh-Hant': '已寫入 «file»：請填寫每個欄位，然後執行 `guide validate`',
  }),

  // --format of build and batch
  formatList: message({
    en: '--format takes «formats» or several separated by commas; got "«value»"',
    'zh-Hans': '--format 可取 «formats»，多个时用逗号分隔；收到的是“«value»”',
    'zh-Hant': '--format 可取 «formats»，多個時用逗號分隔；收到的是「«value»」',
  }),
  printPdfA: message({
    en: '--print cannot be combined with PDF/A («standard»): print colours are CMYK, which PDF/A allows only with a CMYK output intent, and a PDF/A guide has an sRGB one. Use --pdf-standard ua-1 with --print for the print shop, or leave out --print for the archive copy',
    'zh-Hans':
      '--print 不能与 PDF/A（«standard»）同时使用：印刷色为 CMYK，而 PDF/A 只在有 CMYK 输出意图时才允许 CMYK，本工具的 PDF/A 输出意图是 sRGB。交印刷厂的版本请用 --pdf-standard ua-1 --print，存档的版本请去掉 --print',
    'zh-Hant':
      '--print 不能與 PDF/A（«standard»）同時使用：印刷色為 CMYK，而 PDF/A 只在有 CMYK 輸出意圖時才允許 CMYK，本工具的 PDF/A 輸出意圖是 sRGB。交印刷廠的版本請用 --pdf-standard ua-1 --print，存檔的版本請去掉 --print',
  }),
  formatReportTwice: message({
    en: '--format takes text or json once, not both; got "«value»"',
    'zh-Hans': '--format 只能取 text 或 json 其中一个，不能两个都取；收到的是“«value»”',
    'zh-Hant': '--format 只能取 text 或 json 其中一個，不能兩個都取；收到的是「«value»」',
  }),
};

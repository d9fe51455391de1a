/**
 * Messages of `guide batch`: its options, the firm list it reads, the progress line, failures
 * while building, and the summary at the end of a run.
 */

import { message } from './message.js';

/** Usage errors of `guide batch`'s options. */
export const batchOptionMessages = {
  jobs: message({
    en: '--jobs takes a number of builders (this process and its worker threads) from 1 to 256; got "«value»"',
    'zh-Hans': '--jobs 要写 1 到 256 之间的构建进程数（本进程及其工作线程），而收到的是“«value»”',
    'zh-Hant': '--jobs 要寫 1 到 256 之間的建置程序數（本程序及其工作執行緒），而收到的是「«value»」',
  }),
  shard: message({
    en: '--shard takes i/n with 1 ≤ i ≤ n, such as 2/4; got "«value»"',
    'zh-Hans': '--shard 要写成 i/n（1 ≤ i ≤ n），例如 2/4，而收到的是“«value»”',
    'zh-Hant': '--shard 要寫成 i/n（1 ≤ i ≤ n），例如 2/4，而收到的是「«value»」',
  }),
  namePattern: message({
    en: '--name-pattern: unknown placeholder «names»; use {企業名稱} or {name}, {編號} or {id}',
    'zh-Hans': '--name-pattern：未知的占位符 «names»；请使用“{企業名稱}”或 {name}、“{編號}”或 {id}',
    'zh-Hant': '--name-pattern：未知的預留位置 «names»；請使用「{企業名稱}」或 {name}、「{編號}」或 {id}',
  }),
  sheetNotWorkbook: message({
    en: '--sheet picks a worksheet of an .xlsx workbook; the firm list is not one',
    'zh-Hans': '--sheet 用于选择 .xlsx 工作簿中的工作表，而企业名单不是 .xlsx 工作簿',
    'zh-Hant': '--sheet 用於選擇 .xlsx 活頁簿中的工作表，而企業名單不是 .xlsx 活頁簿',
  }),
  onlyEmpty: message({
    en: '«option» needs firm ids, separated by commas',
    'zh-Hans': '«option» 需要企业编号，用逗号分隔',
    'zh-Hant': '«option» 需要企業編號，用逗號分隔',
  }),
  onlyUnknown: message({
    en: '«option»: no firm with id «ids» in the list',
    'zh-Hans': '«option»：名单中没有编号为 «ids» 的企业',
    'zh-Hant': '«option»：名單中沒有編號為 «ids» 的企業',
  }),
  onlyUnknownNear: message({
    en: '«option»: no firm with id «ids» in the list (did you mean "«near»"?)',
    'zh-Hans': '«option»：名单中没有编号为 «ids» 的企业（是不是“«near»”？）',
    'zh-Hant': '«option»：名單中沒有編號為 «ids» 的企業（是不是「«near»」？）',
  }),
  explainUnknown: message({
    en: '--explain: no firm with id "«id»" in «file»',
    'zh-Hans': '--explain：«file» 中没有编号为“«id»”的企业',
    'zh-Hant': '--explain：«file» 中沒有編號為「«id»」的企業',
  }),
  explainUnknownNear: message({
    en: '--explain: no firm with id "«id»" in «file» (did you mean "«near»"?)',
    'zh-Hans': '--explain：«file» 中没有编号为“«id»”的企业（是不是“«near»”？）',
    'zh-Hant': '--explain：«file» 中沒有編號為「«id»」的企業（是不是「«near»」？）',
  }),
};

/** A batch run: reading the list, building firms, the progress line and the summary. */
export const batchMessages = {
  listUnreadable: message({
    en: 'the firm list could not be read («error»)',
    'zh-Hans': '无法读取企业名单（«error»）',
    'zh-Hant': '無法讀取企業名單（«error»）',
  }),
  checkFirmsPath: message({
    en: 'check the path given to --firms',
    'zh-Hans': '请检查 --firms 给出的路径',
    'zh-Hant': '請檢查 --firms 給出的路徑',
  }),
  checkFileOpens: message({
    en: 'check that the file can be opened',
    'zh-Hans': '请检查文件能否打开',
    'zh-Hant': '請檢查檔案能否開啟',
  }),
  /** `--explain` of a firm whose row has errors. */
  rowUnusable: message({
    en: 'firm «id» cannot be used until its row is fixed',
    'zh-Hans': '企业 «id» 所在的行改正之前无法使用',
    'zh-Hant': '企業 «id» 所在的列改正之前無法使用',
  }),
  /** Where `--explain` found the firm: `row 3 of firms.csv`. */
  rowOfFile: message({ en: '«row» of «file»', 'zh-Hans': '«file» «row»', 'zh-Hant': '«file» «row»' }),
  nothingBuilt: message({ en: 'nothing was built', 'zh-Hans': '没有生成任何文件', 'zh-Hant': '沒有產生任何檔案' }),
  plan: message({
    en: '«selected» «selected|firm|firms» in this run: «build» to build, «skip» up to date (skipped); output in «out»/',
    'zh-Hans': '本次共 «selected» 家企业：«build» 家待生成，«skip» 家已是最新（跳过）；输出到 «out»/',
    'zh-Hant': '本次共 «selected» 家企業：«build» 家待產生，«skip» 家已是最新（略過）；輸出到 «out»/',
  }),
  failedWord: message({ en: 'failed', 'zh-Hans': '失败', 'zh-Hant': '失敗' }),
  /** A firm whose guide failed, printed as it happens. «failed» is the word above, coloured. */
  firmFailed: message({
    en: '«failed» «id» «name»: «reason»',
    'zh-Hans': '«failed» «id» «name»：«reason»',
    'zh-Hant': '«failed» «id» «name»：«reason»',
  }),
  /** A manifest's `reason` when a firm failed without a diagnostic. */
  failedReason: message({ en: 'failed', 'zh-Hans': '失败', 'zh-Hant': '失敗' }),
  andMore: message({
    en: ' (and «n» more)',
    'zh-Hans': '（另有 «n» 个问题）',
    'zh-Hant': '（另有 «n» 個問題）',
  }),
  workerStopped: message({
    en: 'the worker building it stopped: «reason»',
    'zh-Hans': '生成它的工作线程停止了：«reason»',
    'zh-Hant': '產生它的工作執行緒停止了：«reason»',
  }),
  workerExit: message({ en: 'exit code «code»', 'zh-Hans': '退出码 «code»', 'zh-Hant': '結束代碼 «code»' }),
  threadsNotStarted: message({
    en: 'the worker threads could not start («reason»): every firm was built on one thread, more slowly',
    'zh-Hans': '工作线程无法启动（«reason»）：所有企业都在一个线程中生成，速度较慢',
    'zh-Hant': '工作執行緒無法啟動（«reason»）：所有企業都在一個執行緒中產生，速度較慢',
  }),
  threadsNotStartedHint: message({
    en: "the guides are complete; if this happens again, run `npm install` again in guide's folder, or use --jobs 1",
    'zh-Hans': '指南已全部生成；如果再次出现，请在 guide 的目录中重新运行 `npm install`，或使用 --jobs 1',
    'zh-Hant': '指南已全部產生；如果再次出現，請在 guide 的資料夾中重新執行 `npm install`，或使用 --jobs 1',
  }),
  couldNotWrite: message({
    en: 'could not write «file» («reason»)',
    'zh-Hans': '无法写入 «file»（«reason»）',
    'zh-Hant': '無法寫入 «file»（«reason»）',
  }),
  couldNotRemove: message({
    en: 'could not remove «file», which an earlier run wrote («reason»)',
    'zh-Hans': '无法删除以前运行生成的 «file»（«reason»）',
    'zh-Hant': '無法刪除先前執行產生的 «file»（«reason»）',
  }),
  couldNotWriteHint: message({
    en: 'check that the output folder is writable and the disk has room',
    'zh-Hans': '请检查输出文件夹是否可写、磁盘空间是否足够',
    'zh-Hant': '請檢查輸出資料夾是否可寫入、磁碟空間是否足夠',
  }),
  internalError: message({
    en: 'internal error (a bug in guide): «error»',
    'zh-Hans': '内部错误（guide 程序的缺陷）：«error»',
    'zh-Hant': '內部錯誤（guide 程式的缺陷）：«error»',
  }),
  // The summary: «built» is the coloured word, then the counts, joined by «separator».
  builtWord: message({ en: 'built', 'zh-Hans': '已生成', 'zh-Hant': '已產生' }),
  built: message({ en: '«built» «n»', 'zh-Hans': '«built» «n» 家', 'zh-Hant': '«built» «n» 家' }),
  upToDate: message({ en: '«n» up to date', 'zh-Hans': '«n» 家已是最新', 'zh-Hant': '«n» 家已是最新' }),
  failed: message({ en: '«n» failed', 'zh-Hans': '«n» 家失败', 'zh-Hant': '«n» 家失敗' }),
  rowsLeftOut: message({
    en: '«n» «n|row|rows» of «file» left out',
    'zh-Hans': '«file» 中有 «n» 行未采用',
    'zh-Hant': '«file» 中有 «n» 列未採用',
  }),
  separator: message({ en: ', ', 'zh-Hans': '，', 'zh-Hant': '，' }),
  summary: message({
    en: '«counts»; manifest: «json», «csv»',
    'zh-Hans': '«counts»；清单：«json»、«csv»',
    'zh-Hant': '«counts»；清單：«json»、«csv»',
  }),
  /** The progress line: `12/40 firms (30%), 1 failed, 2.5/s, ETA 0:11`. */
  progress: message({
    en: '«done»/«total» firms («percent»%)«failed», «rate»/s, «time»',
    'zh-Hans': '«done»/«total» 家企业（«percent»%）«failed»，«rate» 家/秒，«time»',
    'zh-Hant': '«done»/«total» 家企業（«percent»%）«failed»，«rate» 家/秒，«time»',
  }),
  progressFailed: message({ en: ', «n» failed', 'zh-Hans': '，«n» 家失败', 'zh-Hant': '，«n» 家失敗' }),
  progressTook: message({ en: 'took «clock»', 'zh-Hans': '用时 «clock»', 'zh-Hant': '用時 «clock»' }),
  progressLeft: message({ en: 'ETA «clock»', 'zh-Hans': '预计还需 «clock»', 'zh-Hant': '預計還需 «clock»' }),
};

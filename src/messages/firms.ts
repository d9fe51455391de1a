/**
 * Messages about firm lists: reading CSV, XLSX and YAML lists, their columns and values, and why a
 * measure is or is not chosen for a firm (`guide batch --explain`). The column headers staff write
 * (編號, 企業名稱 …) are what guide reads, not messages: they stay in src/firms/columns.ts.
 */

import { message } from './message.js';

/**
 * How messages name each firm column. English keeps the Traditional header, as the lists of the
 * sample edition have it; every header named here is also one guide reads.
 */
export const firmFieldLabelMessages = {
  id: message({ en: '編號', 'zh-Hans': '编号', 'zh-Hant': '編號' }),
  name: message({ en: '企業名稱', 'zh-Hans': '企业名称', 'zh-Hant': '企業名稱' }),
  contact: message({ en: '聯繫人', 'zh-Hans': '联系人', 'zh-Hant': '聯繫人' }),
  honorific: message({ en: '稱謂', 'zh-Hans': '称谓', 'zh-Hant': '稱謂' }),
  email: message({ en: '電子郵箱', 'zh-Hans': '电子邮箱', 'zh-Hant': '電子郵箱' }),
  city: message({ en: '所在城市', 'zh-Hans': '所在城市', 'zh-Hant': '所在城市' }),
  industry: message({ en: '行業', 'zh-Hans': '行业', 'zh-Hant': '行業' }),
  size: message({ en: '規模', 'zh-Hans': '规模', 'zh-Hant': '規模' }),
  exporter: message({ en: '是否出口', 'zh-Hans': '是否出口', 'zh-Hant': '是否出口' }),
  needs: message({ en: '困難訴求', 'zh-Hans': '困难诉求', 'zh-Hant': '困難訴求' }),
};

/** Places in a firm list, as diagnostics name them. */
export const firmPlaceMessages = {
  /** A column: its Chinese label and its field name. */
  field: message({ en: '«label» («field»)', 'zh-Hans': '«label»（«field»）', 'zh-Hant': '«label»（«field»）' }),
  /** A vocabulary code or a size with its Chinese label. */
  code: message({ en: '«label» («code»)', 'zh-Hans': '«label»（«code»）', 'zh-Hant': '«label»（«code»）' }),
  row: message({ en: 'row «row»', 'zh-Hans': '第 «row» 行', 'zh-Hant': '第 «row» 列' }),
  cell: message({
    en: 'row «row», column «column»',
    'zh-Hans': '第 «row» 行 «column» 列',
    'zh-Hant': '第 «row» 列 «column» 欄',
  }),
  cellWithHeader: message({
    en: 'row «row», column «column» («header»)',
    'zh-Hans': '第 «row» 行 «column» 列（«header»）',
    'zh-Hant': '第 «row» 列 «column» 欄（«header»）',
  }),
  firm: message({ en: 'firm «n»', 'zh-Hans': '第 «n» 家企业', 'zh-Hant': '第 «n» 家企業' }),
  firmKey: message({ en: '«firm», «key»', 'zh-Hans': '«firm»，«key»', 'zh-Hant': '«firm»，«key»' }),
  /** A problem at a place. */
  at: message({ en: '«place»: «problem»', 'zh-Hans': '«place»：«problem»', 'zh-Hant': '«place»：«problem»' }),
  /** Separates the items of a list in a message. */
  listSeparator: message({ en: ', ', 'zh-Hans': '、', 'zh-Hant': '、' }),
};

/** Reading a firm list: the file, its header row, its YAML shape. */
export const firmListMessages = {
  oldXls: message({
    en: 'the file is in the old Excel 97–2003 format (.xls)',
    'zh-Hans': '文件是旧的 Excel 97–2003 格式（.xls）',
    'zh-Hant': '檔案是舊的 Excel 97–2003 格式（.xls）',
  }),
  oldXlsHint: message({
    en: 'open it in Excel and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8"',
    'zh-Hans': '请用 Excel 打开它，另存为“Excel 工作簿(*.xlsx)”或“CSV UTF-8(逗号分隔)(*.csv)”',
    'zh-Hant': '請用 Excel 開啟它，另存為「Excel 活頁簿 (*.xlsx)」或「CSV UTF-8 (逗號分隔) (*.csv)」',
  }),
  noSheet: message({
    en: 'the workbook has no sheet named "«sheet»"',
    'zh-Hans': '工作簿中没有名为“«sheet»”的工作表',
    'zh-Hant': '活頁簿中沒有名為「«sheet»」的工作表',
  }),
  sheetsAre: message({
    en: 'its sheets are: «sheets»',
    'zh-Hans': '请从这些工作表中选一个：«sheets»',
    'zh-Hant': '請從這些工作表中選一個：«sheets»',
  }),
  checkSheet: message({ en: 'check --sheet', 'zh-Hans': '请检查 --sheet', 'zh-Hant': '請檢查 --sheet' }),
  notWorkbook: message({
    en: 'the file could not be read as an Excel workbook («reason»)',
    'zh-Hans': '无法把文件当作 Excel 工作簿读取（«reason»）',
    'zh-Hant': '無法把檔案當作 Excel 活頁簿讀取（«reason»）',
  }),
  workbookTooLarge: message({
    en: 'the workbook would unpack to more than «limit» MB: far more than a firm list, so it is not read (the file may be damaged, or made to exhaust memory)',
    'zh-Hans':
      '这个工作簿解压后会超过 «limit» MB，远大于一份企业名单，因此不读取（文件可能已损坏，或是有意耗尽内存的文件）',
    'zh-Hant':
      '這個活頁簿解壓縮後會超過 «limit» MB，遠大於一份企業名單，因此不讀取（檔案可能已損壞，或是蓄意耗盡記憶體的檔案）',
  }),
  workbookTooLargeHint: message({
    en: 'save the firm list again from Excel with only the sheet of firms, or as "CSV UTF-8"',
    'zh-Hans': '请用 Excel 重新保存企业名单，只保留企业所在的工作表，或另存为“CSV UTF-8(逗号分隔)(*.csv)”',
    'zh-Hant': '請用 Excel 重新儲存企業名單，只保留企業所在的工作表，或另存為「CSV UTF-8 (逗號分隔) (*.csv)」',
  }),
  saveAsXlsx: message({
    en: 'save it from Excel as "Excel Workbook (*.xlsx)", or as "CSV UTF-8"',
    'zh-Hans': '请用 Excel 另存为“Excel 工作簿(*.xlsx)”或“CSV UTF-8(逗号分隔)(*.csv)”',
    'zh-Hant': '請用 Excel 另存為「Excel 活頁簿 (*.xlsx)」或「CSV UTF-8 (逗號分隔) (*.csv)」',
  }),
  noFirms: message({ en: 'the list holds no firms', 'zh-Hans': '名单中没有企业', 'zh-Hant': '名單中沒有企業' }),
  noFirmsHint: message({
    en: 'add one row per firm',
    'zh-Hans': '请每家企业写一行',
    'zh-Hant': '請每家企業寫一列',
  }),
  noHeader: message({
    en: 'no header row: the first rows name no firm columns',
    'zh-Hans': '没有表头行：前几行都没有企业名单的列名',
    'zh-Hant': '沒有表頭列：前幾列都沒有企業名單的欄名',
  }),
  noHeaderHint: message({
    en: 'put the column names in the first row: 編號, 企業名稱, 聯繫人, 稱謂, 電子郵箱, 所在城市, 行業, 規模, 是否出口, 困難訴求 (or id, name, contact, honorific, email, city, industry, size, exporter, needs)',
    'zh-Hans':
      '请在第一行写列名：编号、企业名称、联系人、称谓、电子邮箱、所在城市、行业、规模、是否出口、困难诉求（也可以写 id、name、contact、honorific、email、city、industry、size、exporter、needs）',
    'zh-Hant':
      '請在第一列寫欄名：編號、企業名稱、聯繫人、稱謂、電子郵箱、所在城市、行業、規模、是否出口、困難訴求（也可以寫 id、name、contact、honorific、email、city、industry、size、exporter、needs）',
  }),
  unknownColumn: message({
    en: '«where»: column "«header»" is not a firm field; it is ignored',
    'zh-Hans': '«where»：列“«header»”不是企业名单的字段，已忽略',
    'zh-Hant': '«where»：欄「«header»」不是企業名單的欄位，已略過',
  }),
  unknownColumnHint: message({
    en: 'firm columns are 編號, 企業名稱, 聯繫人, 稱謂, 電子郵箱, 所在城市, 行業, 規模, 是否出口, 困難訴求; leave other columns out or ignore this warning',
    'zh-Hans':
      '企业名单的列是：编号、企业名称、联系人、称谓、电子邮箱、所在城市、行业、规模、是否出口、困难诉求；请删去其他列，或忽略这条警告',
    'zh-Hant':
      '企業名單的欄是：編號、企業名稱、聯繫人、稱謂、電子郵箱、所在城市、行業、規模、是否出口、困難訴求；請刪去其他欄，或忽略這則警告',
  }),
  didYouMean: message({
    en: 'did you mean "«near»"?',
    'zh-Hans': '是不是要写“«near»”？',
    'zh-Hant': '是不是要寫「«near»」？',
  }),
  columnAgain: message({
    en: '«where»: "«header»" is the «field» column again (first in column «first»)',
    'zh-Hans': '«where»：“«header»”又是«field»列（第一次出现在 «first» 列）',
    'zh-Hant': '«where»：「«header»」又是«field»欄（第一次出現在 «first» 欄）',
  }),
  oneColumnPerField: message({
    en: 'keep one column per field',
    'zh-Hans': '请每个字段只保留一列',
    'zh-Hant': '請每個欄位只保留一欄',
  }),
  missingColumn: message({
    en: 'the list has no «field» column',
    'zh-Hans': '名单中没有«field»列',
    'zh-Hant': '名單中沒有«field»欄',
  }),
  missingColumnHint: message({
    en: 'add a column headed «label» or «field»',
    'zh-Hans': '请添加一列，表头写“«label»”或“«field»”',
    'zh-Hant': '請新增一欄，表頭寫「«label»」或「«field»」',
  }),
  yamlNotList: message({
    en: 'a YAML firm list is a list of firms ("- id: …" entries), or firms: holding one',
    'zh-Hans': 'YAML 企业名单应是企业的列表（每家以“- id: …”开头），或写在 firms: 下的列表',
    'zh-Hant': 'YAML 企業名單應是企業的清單（每家以「- id: …」開頭），或寫在 firms: 下的清單',
  }),
  yamlNotListHint: message({
    en: 'start each firm with "- id: …" and put its other fields under it',
    'zh-Hans': '请让每家企业以“- id: …”开头，其他字段写在它下面',
    'zh-Hant': '請讓每家企業以「- id: …」開頭，其他欄位寫在它下面',
  }),
  notGroup: message({
    en: '«firm» is not a group of fields',
    'zh-Hans': '«firm»不是一组字段',
    'zh-Hant': '«firm»不是一組欄位',
  }),
  notGroupHint: message({
    en: 'write each firm as id: …, name: … under its "-"',
    'zh-Hans': '请在每个“-”下面写这家企业的 id: …、name: … 等字段',
    'zh-Hant': '請在每個「-」下面寫這家企業的 id: …、name: … 等欄位',
  }),
  unknownKey: message({
    en: '«firm»: "«key»" is not a firm field; it is ignored',
    'zh-Hans': '«firm»：“«key»”不是企业名单的字段，已忽略',
    'zh-Hant': '«firm»：「«key»」不是企業名單的欄位，已略過',
  }),
  oneValueNotList: message({
    en: '«place»: holds a list; this field takes one value',
    'zh-Hans': '«place»：写成了列表，这个字段只能写一个值',
    'zh-Hant': '«place»：寫成了清單，這個欄位只能寫一個值',
  }),
  oneValueHint: message({
    en: 'write the value itself after the colon, e.g. name: 臺商精密機械有限公司',
    'zh-Hans': '请在冒号后直接写这个值，例如 name: 台商精密机械有限公司',
    'zh-Hant': '請在冒號後直接寫這個值，例如 name: 臺商精密機械有限公司',
  }),
  notValue: message({
    en: '«place»: holds a group of keys («keys»), not a value',
    'zh-Hans': '«place»：写成了一组键（«keys»），而不是一个值',
    'zh-Hant': '«place»：寫成了一組鍵（«keys»），而不是一個值',
  }),
  listInList: message({
    en: '«place»: holds a list or a group of keys inside its list',
    'zh-Hans': '«place»：列表里又写了列表或一组键',
    'zh-Hant': '«place»：清單裡又寫了清單或一組鍵',
  }),
  valueOrListHint: message({
    en: 'write one value or one flat list of codes or labels, e.g. needs: [financing, 物流不暢]',
    'zh-Hans': '请写一个值，或一层由代码或名称组成的列表，例如 needs: [financing, 物流不畅]',
    'zh-Hant': '請寫一個值，或一層由代碼或名稱組成的清單，例如 needs: [financing, 物流不暢]',
  }),
  aliasSelf: message({
    en: '«place»: the alias *«alias» refers to the list that holds it',
    'zh-Hans': '«place»：别名 *«alias» 指向包含它自己的列表',
    'zh-Hant': '«place»：別名 *«alias» 指向包含它自己的清單',
  }),
  aliasSelfHint: message({
    en: 'write the values out instead of the alias',
    'zh-Hans': '请直接写出这些值，不要用别名',
    'zh-Hant': '請直接寫出這些值，不要用別名',
  }),
  merged: message({
    en: 'cells «range» are merged: each is read as holding the value of «first» ("«value»")',
    'zh-Hans': '单元格 «range» 已合并：其中每个单元格都按 «first» 的值（“«value»”）读取',
    'zh-Hant': '儲存格 «range» 已合併：其中每個儲存格都按 «first» 的值（「«value»」）讀取',
  }),
  mergedHint: message({
    en: 'if that is not right for every one of these firms, unmerge the cells in Excel and fill in each row',
    'zh-Hans': '如果这些企业并非都是这个值，请在 Excel 中取消合并，并逐行填写',
    'zh-Hant': '如果這些企業並非都是這個值，請在 Excel 中取消合併，並逐列填寫',
  }),
  mergedUnreadable: message({
    en: 'the merged cells of the sheet could not be read («reason»)',
    'zh-Hans': '无法读取工作表中的合并单元格（«reason»）',
    'zh-Hant': '無法讀取工作表中的合併儲存格（«reason»）',
  }),
};

/** A firm's values: id, name, email, codes, size, exporter. */
export const firmValueMessages = {
  empty: message({ en: '«field» is empty', 'zh-Hans': '«field»为空', 'zh-Hant': '«field»為空' }),
  idRequiredHint: message({
    en: 'every firm needs an id: it names the firm’s output folder and its line in the manifest',
    'zh-Hans': '请为每家企业填写编号：它是企业输出文件夹的名称，也标识它在清单（manifest）中的那一行',
    'zh-Hant': '請為每家企業填寫編號：它是企業輸出資料夾的名稱，也標示它在清單（manifest）中的那一列',
  }),
  nameRequiredHint: message({
    en: 'every firm needs its name: the guide is addressed to it',
    'zh-Hans': '请为每家企业填写名称：指南要写明致哪家企业',
    'zh-Hant': '請為每家企業填寫名稱：指南要寫明致哪家企業',
  }),
  industry: message({ en: 'industry', 'zh-Hans': '行业', 'zh-Hant': '行業' }),
  need: message({ en: 'need', 'zh-Hans': '困难诉求', 'zh-Hant': '困難訴求' }),
  unknownCode: message({
    en: 'unknown «what» "«value»"',
    'zh-Hans': '未知的«what»“«value»”',
    'zh-Hant': '未知的«what»「«value»」',
  }),
  unknownCodeNear: message({
    en: 'unknown «what» "«value»" (did you mean «near»?)',
    'zh-Hans': '未知的«what»“«value»”（是不是 «near»？）',
    'zh-Hant': '未知的«what»「«value»」（是不是 «near»？）',
  }),
  unknownCodeHint: message({
    en: 'use a code or a label from guide.yaml vocabularies: «list»',
    'zh-Hans': '请使用 guide.yaml 的 vocabularies 中的代码或名称：«list»',
    'zh-Hant': '請使用 guide.yaml 的 vocabularies 中的代碼或名稱：«list»',
  }),
  notSize: message({
    en: '規模 "«value»" is not a firm size',
    'zh-Hans': '规模“«value»”不是企业规模的写法',
    'zh-Hant': '規模「«value»」不是企業規模的寫法',
  }),
  sizeHint: message({
    en: 'write one of «list»',
    'zh-Hans': '请写成其中之一：«list»',
    'zh-Hant': '請寫成其中之一：«list»',
  }),
  notYesNo: message({
    en: '是否出口 "«value»" is neither yes nor no',
    'zh-Hans': '是否出口“«value»”既不是“是”也不是“否”',
    'zh-Hant': '是否出口「«value»」既不是「是」也不是「否」',
  }),
  yesNoHint: message({
    en: 'write 是 or 否 (yes or no)',
    'zh-Hans': '请写“是”或“否”',
    'zh-Hant': '請寫「是」或「否」',
  }),
  badId: message({
    en: 'id "«id»" cannot name a folder',
    'zh-Hans': '编号“«id»”不能用作文件夹名称',
    'zh-Hant': '編號「«id»」不能用作資料夾名稱',
  }),
  badIdHint: message({
    en: 'use letters, digits, "-", "_" and "." (not at the end), at most 64 characters, e.g. TW-0001',
    'zh-Hans': '请只用字母、数字、“-”、“_”和“.”（“.”不能在末尾），最多 64 个字符，例如 TW-0001',
    'zh-Hant': '請只用字母、數字、「-」、「_」和「.」（「.」不能在結尾），最多 64 個字元，例如 TW-0001',
  }),
  duplicateId: message({
    en: 'id "«id»" is already used by «first»',
    'zh-Hans': '编号“«id»”已被«first»使用',
    'zh-Hant': '編號「«id»」已被«first»使用',
  }),
  duplicateIdHint: message({
    en: 'every firm needs its own id (ids differing only in case count as the same: they name folders)',
    'zh-Hans': '请给每家企业不同的编号（只有大小写不同的编号算作相同，因为编号用作文件夹名称）',
    'zh-Hant': '請給每家企業不同的編號（只有大小寫不同的編號算作相同，因為編號用作資料夾名稱）',
  }),
  firstWithId: message({
    en: 'the first firm with this id',
    'zh-Hans': '第一家使用这个编号的企业',
    'zh-Hant': '第一家使用這個編號的企業',
  }),
  badEmail: message({
    en: '"«email»" is not an email address',
    'zh-Hans': '“«email»”不是电子邮箱地址',
    'zh-Hant': '「«email»」不是電子郵件地址',
  }),
  emailHint: message({
    en: 'write one address, such as service@example.com.tw',
    'zh-Hans': '请只写一个地址，例如 service@example.com.tw',
    'zh-Hant': '請只寫一個地址，例如 service@example.com.tw',
  }),
};

/** Why an audience key fits a firm or not (`--explain`, and its JSON `reason`). */
export const firmMatchMessages = {
  noIndustry: message({
    en: 'for «allowed»; the firm gave no industry',
    'zh-Hans': '适用于«allowed»；该企业未填写行业',
    'zh-Hant': '適用於«allowed»；該企業未填寫行業',
  }),
  noCity: message({
    en: 'for «allowed»; the firm gave no city',
    'zh-Hans': '适用于«allowed»；该企业未填写所在城市',
    'zh-Hant': '適用於«allowed»；該企業未填寫所在城市',
  }),
  noSize: message({
    en: 'for «allowed»; the firm gave no size',
    'zh-Hans': '适用于«allowed»；该企业未填写规模',
    'zh-Hant': '適用於«allowed»；該企業未填寫規模',
  }),
  /** Industries and sizes. */
  firmIs: message({
    en: 'for «allowed»; the firm is «firm»',
    'zh-Hans': '适用于«allowed»；该企业属于«firm»',
    'zh-Hant': '適用於«allowed»；該企業屬於«firm»',
  }),
  firmIsIn: message({
    en: 'for «allowed»; the firm is in «city»',
    'zh-Hans': '适用于«allowed»；该企业位于«city»',
    'zh-Hant': '適用於«allowed»；該企業位於«city»',
  }),
  exporters: message({ en: 'exporters', 'zh-Hans': '出口企业', 'zh-Hant': '出口企業' }),
  nonExporters: message({ en: 'firms that do not export', 'zh-Hans': '非出口企业', 'zh-Hant': '非出口企業' }),
  exporterUnknown: message({
    en: 'for «wanted»; the firm did not say whether it exports',
    'zh-Hans': '适用于«wanted»；该企业未填写是否出口',
    'zh-Hant': '適用於«wanted»；該企業未填寫是否出口',
  }),
  exports: message({
    en: 'for «wanted»; the firm exports',
    'zh-Hans': '适用于«wanted»；该企业有出口',
    'zh-Hant': '適用於«wanted»；該企業有出口',
  }),
  doesNotExport: message({
    en: 'for «wanted»; the firm does not export',
    'zh-Hans': '适用于«wanted»；该企业没有出口',
    'zh-Hant': '適用於«wanted»；該企業沒有出口',
  }),
  noNeeds: message({
    en: 'answers «needs»; the firm reported no difficulty',
    'zh-Hans': '针对«needs»；该企业未反映困难',
    'zh-Hant': '針對«needs»；該企業未反映困難',
  }),
  answers: message({
    en: 'answers «needs», which the firm reported',
    'zh-Hans': '针对该企业反映的«needs»',
    'zh-Hant': '針對該企業反映的«needs»',
  }),
  answersOthers: message({
    en: 'answers «needs»; the firm reported «reported»',
    'zh-Hans': '针对«needs»；该企业反映的是«reported»',
    'zh-Hant': '針對«needs»；該企業反映的是«reported»',
  }),
};

/** `guide batch --explain <id>` as text. */
export const explainMessages = {
  heading: message({
    en: '«id» «name» («where»)',
    'zh-Hans': '«id» «name»（«where»）',
    'zh-Hant': '«id» «name»（«where»）',
  }),
  noProfile: message({
    en: 'the firm gave no industry, size, city, exporter or needs: nothing narrows its measures',
    'zh-Hans': '该企业未填写行业、规模、所在城市、是否出口或困难诉求：措施不按这些条件筛选',
    'zh-Hant': '該企業未填寫行業、規模、所在城市、是否出口或困難訴求：措施不按這些條件篩選',
  }),
  counts: message({
    en: '«chosen» of the «inEffect» measures in effect on «asOf» are chosen; «answering» answer the difficulties it reported',
    'zh-Hans': '«asOf» 有效的 «inEffect» 项措施中选出 «chosen» 项，其中 «answering» 项针对该企业反映的困难',
    'zh-Hant': '«asOf» 有效的 «inEffect» 項措施中選出 «chosen» 項，其中 «answering» 項針對該企業反映的困難',
  }),
  needsChapter: message({
    en: 'Chapter 1, 針對貴公司反映的困難 («n»):',
    'zh-Hans': '第 1 章「針對貴公司反映的困難」（«n» 项）：',
    'zh-Hant': '第 1 章「針對貴公司反映的困難」（«n» 項）：',
  }),
  otherChapters: message({
    en: 'Other chosen measures, by chapter («n»):',
    'zh-Hans': '其他选中的措施，按章排列（«n» 项）：',
    'zh-Hant': '其他選中的措施，按章排列（«n» 項）：',
  }),
  leftOutAudience: message({
    en: 'Left out: the measure is for other firms («n»):',
    'zh-Hans': '未选：措施适用于其他企业（«n» 项）：',
    'zh-Hant': '未選：措施適用於其他企業（«n» 項）：',
  }),
  leftOutNotInEffect: message({
    en: 'Left out: not in effect on «asOf» («n»):',
    'zh-Hans': '未选：«asOf» 不在有效期内（«n» 项）：',
    'zh-Hant': '未選：«asOf» 不在有效期內（«n» 項）：',
  }),
  starts: message({ en: 'starts «date»', 'zh-Hans': '«date» 起施行', 'zh-Hant': '«date» 起施行' }),
  ended: message({ en: 'ended «date»', 'zh-Hans': '已于 «date» 截止', 'zh-Hant': '已於 «date» 截止' }),
  noAudience: message({
    en: 'no audience: for every firm',
    'zh-Hans': '未限定适用对象：适用于所有企业',
    'zh-Hant': '未限定適用對象：適用於所有企業',
  }),
  check: message({
    en: '«criterion» («verdict»): «reason»',
    'zh-Hans': '«criterion»（«verdict»）：«reason»',
    'zh-Hant': '«criterion»（«verdict»）：«reason»',
  }),
  fits: message({ en: 'fits', 'zh-Hans': '符合', 'zh-Hant': '符合' }),
  doesNotFit: message({ en: 'does not fit', 'zh-Hans': '不符合', 'zh-Hant': '不符合' }),
  notNarrowed: message({ en: 'not narrowed', 'zh-Hans': '不作限制', 'zh-Hant': '不作限制' }),
};

/**
 * Messages of rendering: template mistakes (E-TEMPLATE), Markdown a guide cannot hold
 * (E-TEMPLATE-DIRECTIVE), `guide build`'s summary and the library's option checks. Template
 * syntax, helper names, directive names and values from the templates stay as written.
 */

import { message } from './message.js';

/** Template syntax and template runtime mistakes (src/template). */
export const templateMessages = {
  closedBy: message({
    en: '{{#«open»}} is closed by {{/«close»}}',
    'zh-Hans': '{{#«open»}} 被 {{/«close»}} 结束了',
    'zh-Hant': '{{#«open»}} 被 {{/«close»}} 結束了',
  }),
  closeWith: message({
    en: 'close it with {{/«open»}}, or check which block was left open',
    'zh-Hans': '请用 {{/«open»}} 结束它，或检查哪个块没有结束',
    'zh-Hant': '請用 {{/«open»}} 結束它，或檢查哪個區塊沒有結束',
  }),
  syntaxError: message({
    en: 'template syntax error: «detail»',
    'zh-Hans': '模板语法错误：«detail»',
    'zh-Hant': '範本語法錯誤：«detail»',
  }),
  notClosed: message({
    en: '{{«sigil»«name»}} is not closed',
    'zh-Hans': '{{«sigil»«name»}} 没有结束',
    'zh-Hant': '{{«sigil»«name»}} 沒有結束',
  }),
  addClose: message({
    en: 'add {{/«name»}} where the block ends',
    'zh-Hans': '请在块结束处加上 {{/«name»}}',
    'zh-Hant': '請在區塊結束處加上 {{/«name»}}',
  }),
  foundWhere: message({
    en: 'template syntax error: found «got» where «wanted» was expected',
    'zh-Hans': '模板语法错误：此处应为 «wanted»，实际是 «got»',
    'zh-Hant': '範本語法錯誤：此處應為 «wanted»，實際是 «got»',
  }),
  /** Joins the tokens the parser expected. */
  or: message({ en: '«first», «second»', 'zh-Hans': '«first»、«second»', 'zh-Hant': '«first»、«second»' }),
  checkExpression: message({
    en: 'check the {{ }} expression here: braces, names and quotes',
    'zh-Hans': '请检查此处的 {{ }} 表达式：花括号、名称和引号',
    'zh-Hant': '請檢查此處的 {{ }} 運算式：大括號、名稱和引號',
  }),
  unreadable: message({
    en: 'template syntax error: text Handlebars cannot read',
    'zh-Hans': '模板语法错误：Handlebars 无法读取这段文字',
    'zh-Hant': '範本語法錯誤：Handlebars 無法讀取這段文字',
  }),
  unclosedComment: message({
    en: 'an unclosed {{!-- comment --}} or {{ expression }} starts here',
    'zh-Hans': '此处开始了一个没有结束的 {{!-- 注释 --}} 或 {{ 表达式 }}',
    'zh-Hant': '此處開始了一個沒有結束的 {{!-- 註解 --}} 或 {{ 運算式 }}',
  }),
  noEntryTemplate: message({
    en: 'there is no "«entry»" template',
    'zh-Hans': '没有“«entry»”模板',
    'zh-Hant': '沒有「«entry»」範本',
  }),
  needsGuideTemplate: message({
    en: 'the templates folder needs «entry».md.hbs, the template of the whole guide',
    'zh-Hans': '模板文件夹需要 «entry».md.hbs，即整本指南的模板',
    'zh-Hant': '範本資料夾需要 «entry».md.hbs，即整本指南的範本',
  }),
  needsDocumentTemplate: message({
    en: 'the templates folder needs «entry».md.hbs, the template of the whole document',
    'zh-Hans': '模板文件夹需要 «entry».md.hbs，即整份文件的模板',
    'zh-Hant': '範本資料夾需要 «entry».md.hbs，即整份文件的範本',
  }),
  sectionTakesNoArguments: message({
    en: '{{> «name»}} takes no arguments: guide reads the section once and reuses it',
    'zh-Hans': '{{> «name»}} 不接受参数：guide 只读取这一节一次，然后重复使用',
    'zh-Hant': '{{> «name»}} 不接受參數：guide 只讀取這一節一次，然後重複使用',
  }),
  callSection: message({
    en: 'call it as {{> «name»}} inside {{#each measures}} or {{#each chapters}}',
    'zh-Hans': '请在 {{#each measures}} 或 {{#each chapters}} 中写成 {{> «name»}}',
    'zh-Hant': '請在 {{#each measures}} 或 {{#each chapters}} 中寫成 {{> «name»}}',
  }),
  noPartial: message({
    en: 'there is no template "«name»" for {{> «name»}}',
    'zh-Hans': '没有 {{> «name»}} 所需的“«name»”模板',
    'zh-Hant': '沒有 {{> «name»}} 所需的「«name»」範本',
  }),
  didYouMeanPartial: message({
    en: 'did you mean {{> «near»}}?',
    'zh-Hans': '是不是要写 {{> «near»}}？',
    'zh-Hant': '是不是要寫 {{> «near»}}？',
  }),
  addPartial: message({
    en: 'add «name».md.hbs to the templates folder',
    'zh-Hans': '请在模板文件夹中添加 «name».md.hbs',
    'zh-Hant': '請在範本資料夾中加入 «name».md.hbs',
  }),
  includesItself: message({
    en: '{{> «name»}} includes itself («loop»)',
    'zh-Hans': '{{> «name»}} 包含了自己（«loop»）',
    'zh-Hant': '{{> «name»}} 包含了自己（«loop»）',
  }),
  includesItselfWithoutEnd: message({
    en: '{{> «name»}} includes itself without end',
    'zh-Hans': '{{> «name»}} 无休止地包含自己',
    'zh-Hant': '{{> «name»}} 無止境地包含自己',
  }),
  noSelfInclusion: message({
    en: 'a template or {{#*inline}} partial must not include itself, directly or through others (templates nest at most «depth» deep)',
    'zh-Hans': '模板或 {{#*inline}} 子模板不能直接或间接包含自己（模板最多嵌套 «depth» 层）',
    'zh-Hant': '範本或 {{#*inline}} 子範本不能直接或間接包含自己（範本最多巢狀 «depth» 層）',
  }),
  fieldOfText: message({
    en: '"«expression»" reads the field "«field»" of a text or number ("«value»"), which has no fields',
    'zh-Hans': '“«expression»”读取了文字或数字（“«value»”）的字段“«field»”，而文字和数字没有字段',
    'zh-Hant': '「«expression»」讀取了文字或數字（「«value»」）的欄位「«field»」，而文字和數字沒有欄位',
  }),
  fieldOfNothing: message({
    en: '"«expression»" reads the field "«field»" of a value that is not defined',
    'zh-Hans': '“«expression»”读取了一个未定义的值的字段“«field»”',
    'zh-Hant': '「«expression»」讀取了一個未定義的值的欄位「«field»」',
  }),
  checkNamesBefore: message({
    en: 'check the spelling of the names before it; inside {{#each}} or {{#with}}, names refer to the item being gone through, so reach an outer group with ../ or @root.',
    'zh-Hans':
      '请检查它前面各个名称的拼写；在 {{#each}} 或 {{#with}} 里，名称指的是正在遍历的那一项，要取外层的值请用 ../ 或 @root。',
    'zh-Hant':
      '請檢查它前面各個名稱的拼寫；在 {{#each}} 或 {{#with}} 裡，名稱指的是正在逐項處理的那一項，要取外層的值請用 ../ 或 @root。',
  }),
  printAsIs: message({
    en: 'print that value as it is; inside {{#each}} or {{#with}}, names refer to the item being gone through, so reach an outer group with ../ or @root.',
    'zh-Hans':
      '请直接输出这个值；在 {{#each}} 或 {{#with}} 中，名称指的是正在处理的那一项，要取外层的值请用 ../ 或 @root。',
    'zh-Hant':
      '請直接輸出這個值；在 {{#each}} 或 {{#with}} 中，名稱指的是正在處理的那一項，要取外層的值請用 ../ 或 @root。',
  }),
  notDefined: message({
    en: '"«expression»" is not defined here',
    'zh-Hans': '“«expression»”在此处没有定义',
    'zh-Hant': '「«expression»」在此處沒有定義',
  }),
  didYouMeanName: message({
    en: 'did you mean "«near»"?',
    'zh-Hans': '是不是要写“«near»”？',
    'zh-Hant': '是不是要寫「«near»」？',
  }),
  checkSpelling: message({
    en: 'check the spelling, and that the name belongs to what {{#each}} or {{#with}} is going through here',
    'zh-Hans': '请检查拼写，并确认这个名称属于此处 {{#each}} 或 {{#with}} 正在处理的内容',
    'zh-Hant': '請檢查拼寫，並確認這個名稱屬於此處 {{#each}} 或 {{#with}} 正在處理的內容',
  }),
  ownHook: message({
    en: '"«name»" is Handlebars\' own hook, not a helper templates can call',
    'zh-Hans': '“«name»”是 Handlebars 内部的钩子，不是模板可以调用的辅助函数',
    'zh-Hant': '「«name»」是 Handlebars 內部的掛鉤，不是範本可以呼叫的輔助函式',
  }),
  useListedHelpers: message({
    en: 'use the helpers listed in the templates README',
    'zh-Hans': '请使用模板 README 中列出的辅助函数',
    'zh-Hant': '請使用範本 README 中列出的輔助函式',
  }),
  needsBlock: message({
    en: '{{«name»}} is a block helper and needs its block',
    'zh-Hans': '{{«name»}} 是块辅助函数，需要写成块',
    'zh-Hant': '{{«name»}} 是區塊輔助函式，需要寫成區塊',
  }),
  writeBlock: message({
    en: 'write {{#«name» …}}…{{/«name»}}',
    'zh-Hans': '请写成 {{#«name» …}}…{{/«name»}}',
    'zh-Hant': '請寫成 {{#«name» …}}…{{/«name»}}',
  }),
  oneValue: message({
    en: '{{#«name»}} takes exactly one value, here it has «count»',
    'zh-Hans': '{{#«name»}} 只接受一个值，这里有 «count» 个',
    'zh-Hant': '{{#«name»}} 只接受一個值，這裡有 «count» 個',
  }),
  writeEach: message({
    en: 'write {{#each list}}, e.g. {{#each measures}}',
    'zh-Hans': '请写成 {{#each 列表}}，例如 {{#each measures}}',
    'zh-Hant': '請寫成 {{#each 清單}}，例如 {{#each measures}}',
  }),
  writeOneValue: message({
    en: 'write {{#«name» value}}, e.g. {{#«name» content}}',
    'zh-Hans': '请写成 {{#«name» 值}}，例如 {{#«name» content}}',
    'zh-Hant': '請寫成 {{#«name» 值}}，例如 {{#«name» content}}',
  }),
  inlineNeedsName: message({
    en: "{{#*inline}} needs the partial's name in quotes",
    'zh-Hans': '{{#*inline}} 需要用引号写出子模板的名称',
    'zh-Hant': '{{#*inline}} 需要用引號寫出子範本的名稱',
  }),
  decorator: message({
    en: '{{«sigil» «name»}} is a decorator, which templates cannot use',
    'zh-Hans': '{{«sigil» «name»}} 是装饰器，模板不能使用',
    'zh-Hant': '{{«sigil» «name»}} 是裝飾器，範本不能使用',
  }),
  onlyInline: message({
    en: 'the only decorator is {{#*inline "name"}}…{{/inline}}, which defines a partial used as {{> name}}',
    'zh-Hans': '唯一可用的装饰器是 {{#*inline "name"}}…{{/inline}}，它定义一个子模板，用 {{> name}} 调用',
    'zh-Hant': '唯一可用的裝飾器是 {{#*inline "name"}}…{{/inline}}，它定義一個子範本，用 {{> name}} 呼叫',
  }),
  dynamicPartial: message({
    en: '{{> (…)}} chooses its template while rendering, which guide cannot check',
    'zh-Hans': '{{> (…)}} 在生成时才选定模板，guide 无法检查',
    'zh-Hant': '{{> (…)}} 在產生時才選定範本，guide 無法檢查',
  }),
  nameTheTemplate: message({
    en: 'name the template, as in {{> measure}}; to choose between templates, use {{#if}}',
    'zh-Hans': '请写明模板名称，如 {{> measure}}；要在模板之间选择，请用 {{#if}}',
    'zh-Hant': '請寫明範本名稱，如 {{> measure}}；要在範本之間選擇，請用 {{#if}}',
  }),
};

/** What the Handlebars parser expected or found, in words (symbols such as `}}` stay as they are). */
export const templateTokenMessages = {
  ID: message({ en: 'a name', 'zh-Hans': '名称', 'zh-Hant': '名稱' }),
  STRING: message({ en: 'a "string"', 'zh-Hans': '带引号的字符串', 'zh-Hant': '帶引號的字串' }),
  NUMBER: message({ en: 'a number', 'zh-Hans': '数字', 'zh-Hant': '數字' }),
  BOOLEAN: message({ en: 'true or false', 'zh-Hans': 'true 或 false', 'zh-Hant': 'true 或 false' }),
  DATA: message({ en: 'an @name', 'zh-Hans': '@名称', 'zh-Hant': '@名稱' }),
  CONTENT: message({ en: 'text', 'zh-Hans': '文字', 'zh-Hant': '文字' }),
  COMMENT: message({ en: 'a comment', 'zh-Hans': '注释', 'zh-Hant': '註解' }),
  EOF: message({ en: 'the end of the file', 'zh-Hans': '文件结尾', 'zh-Hant': '檔案結尾' }),
  INVALID: message({
    en: 'a character that cannot be here',
    'zh-Hans': '不能出现在此处的字符',
    'zh-Hant': '不能出現在此處的字元',
  }),
};

/** A helper given the wrong value, or a value a formatter cannot write in Chinese (src/template). */
export const helperMessages = {
  dateExpected: message({
    en: 'expected a date like 2020-03-01, got «value»',
    'zh-Hans': '应为 2020-03-01 这样的日期，实际是 «value»',
    'zh-Hant': '應為 2020-03-01 這樣的日期，實際是 «value»',
  }),
  unknownStatus: message({
    en: 'unknown status «value»',
    'zh-Hans': '未知的状态 «value»',
    'zh-Hant': '未知的狀態 «value»',
  }),
  numeralRange: message({
    en: 'expected a whole number from 1 to 9999, got «value»',
    'zh-Hans': '应为 1 到 9999 的整数，实际是 «value»',
    'zh-Hant': '應為 1 到 9999 的整數，實際是 «value»',
  }),
  unknownChannel: message({
    en: 'unknown channel type «value» (one of «types»)',
    'zh-Hans': '未知的办理方式类型 «value»（可用：«types»）',
    'zh-Hant': '未知的辦理方式類型 «value»（可用：«types»）',
  }),
  numeralNeedsNumber: message({
    en: 'chineseNumeral needs a number',
    'zh-Hans': 'chineseNumeral 需要一个数字',
    'zh-Hant': 'chineseNumeral 需要一個數字',
  }),
  audienceNeedsAll: message({
    en: 'audienceText needs all="…": the text for every firm',
    'zh-Hans': 'audienceText 需要 all="…"：适用于所有企业时的文字',
    'zh-Hant': 'audienceText 需要 all="…"：適用於所有企業時的文字',
  }),
  refNeeds: message({
    en: 'ref needs an id and the link text, as in {{ref id title}}',
    'zh-Hans': 'ref 需要编号和链接文字，如 {{ref id title}}',
    'zh-Hant': 'ref 需要編號和連結文字，如 {{ref id title}}',
  }),
  indentNeeds: message({
    en: 'indent needs the number of spaces, from 0 to «max», as in {{#indent 2}}…{{/indent}}',
    'zh-Hans': 'indent 需要空格数（0 到 «max»），如 {{#indent 2}}…{{/indent}}',
    'zh-Hant': 'indent 需要空格數（0 到 «max»），如 {{#indent 2}}…{{/indent}}',
  }),
  indentHint: message({
    en: 'write a small whole number: the spaces that line up the block under a list item',
    'zh-Hans': '请写一个较小的整数：让这一块与列表项对齐所需的空格数',
    'zh-Hant': '請寫一個較小的整數：讓這一區塊與清單項目對齊所需的空格數',
  }),
  noLabels: message({
    en: 'the template data has no edition.labels (guide.yaml labels)',
    'zh-Hans': '模板数据中没有 edition.labels（guide.yaml 的 labels）',
    'zh-Hant': '範本資料中沒有 edition.labels（guide.yaml 的 labels）',
  }),
  emptyValue: message({
    en: 'this value is empty; the field is optional, so print it inside {{#if …}}…{{/if}}',
    'zh-Hans': '这个值是空的；该字段可以不填，所以请放在 {{#if …}}…{{/if}} 中输出',
    'zh-Hant': '這個值是空的；該欄位可以不填，所以請放在 {{#if …}}…{{/if}} 中輸出',
  }),
  isList: message({
    en: 'this is a list; go through it with {{#each …}}…{{/each}}',
    'zh-Hans': '这是一个列表；请用 {{#each …}}…{{/each}} 逐项处理',
    'zh-Hant': '這是一個清單；請用 {{#each …}}…{{/each}} 逐項處理',
  }),
  isGroup: message({
    en: 'this is a group of fields; print one of them, as in {{x.name}}',
    'zh-Hans': '这是一组字段；请输出其中一个，如 {{x.name}}',
    'zh-Hant': '這是一組欄位；請輸出其中一個，如 {{x.name}}',
  }),
  cannotPrint: message({
    en: 'a «type» cannot be printed here; use {{#if …}} to choose the wording',
    'zh-Hans': '«type» 类型的值不能在此输出；请用 {{#if …}} 选择要写的文字',
    'zh-Hant': '«type» 類型的值不能在此輸出；請用 {{#if …}} 選擇要寫的文字',
  }),
  needsEmpty: message({
    en: '«helper» needs «what», and the value is empty (print it inside {{#if …}})',
    'zh-Hans': '«helper» 需要«what»，但这个值是空的（请放在 {{#if …}} 中输出）',
    'zh-Hant': '«helper» 需要«what»，但這個值是空的（請放在 {{#if …}} 中輸出）',
  }),
  needsGot: message({
    en: '«helper» needs «what», got «kind»',
    'zh-Hans': '«helper» 需要«what»，实际是«kind»',
    'zh-Hant': '«helper» 需要«what»，實際是«kind»',
  }),
  needs: message({ en: '«helper» needs «what»', 'zh-Hans': '«helper» 需要«what»', 'zh-Hant': '«helper» 需要«what»' }),
  badId: message({
    en: '«id» is not a usable id: use letters, digits, "-" and "_"',
    'zh-Hans': '«id» 不能用作编号：请只用字母、数字、“-”和“_”',
    'zh-Hant': '«id» 不能用作編號：請只用字母、數字、「-」和「_」',
  }),
  // What a helper was given instead.
  aList: message({ en: 'a list', 'zh-Hans': '列表', 'zh-Hant': '清單' }),
  aType: message({ en: 'a «type»', 'zh-Hans': ' «type» 类型的值', 'zh-Hant': ' «type» 類型的值' }),
  // What a helper needs.
  aDate: message({
    en: 'a date like 2020-03-01',
    'zh-Hans': ' 2020-03-01 这样的日期',
    'zh-Hant': ' 2020-03-01 這樣的日期',
  }),
  aPeriod: message({
    en: 'an effective period ({ from, until })',
    'zh-Hans': '有效期（{ from, until }）',
    'zh-Hant': '有效期間（{ from, until }）',
  }),
  aStatus: message({ en: 'a status', 'zh-Hans': '状态', 'zh-Hant': '狀態' }),
  aPhone: message({ en: 'a phone number', 'zh-Hans': '电话号码', 'zh-Hant': '電話號碼' }),
  aChannelType: message({ en: 'a channel type', 'zh-Hans': '办理方式类型', 'zh-Hant': '辦理方式類型' }),
  aMaterial: message({
    en: 'a material ({ name, copies, note })',
    'zh-Hans': '申请材料（{ name, copies, note }）',
    'zh-Hant': '申請材料（{ name, copies, note }）',
  }),
  anAudience: message({ en: 'an audience', 'zh-Hans': '适用对象', 'zh-Hant': '適用對象' }),
  aBasis: message({
    en: 'a basis entry ({ title, number, date, url })',
    'zh-Hans': '一条政策依据（{ title, number, date, url }）',
    'zh-Hant': '一條政策依據（{ title, number, date, url }）',
  }),
  recordHint: message({
    en: 'pass «helper» one entry with these fields, not the measure or list around it (e.g. this inside {{#each …}})',
    'zh-Hans': '请给 «helper» 传入含这些字段的单个条目，而不是外层的措施或列表（例如 {{#each …}} 中的 this）',
    'zh-Hant': '請給 «helper» 傳入含這些欄位的單個條目，而不是外層的措施或清單（例如 {{#each …}} 中的 this）',
  }),
  theLinkText: message({ en: 'the link text', 'zh-Hans': '链接文字', 'zh-Hant': '連結文字' }),
  theUrl: message({ en: 'the url', 'zh-Hans': '网址', 'zh-Hant': '網址' }),
  aValue: message({ en: 'a value', 'zh-Hans': '一个值', 'zh-Hant': '一個值' }),
  anId: message({ en: 'an id', 'zh-Hans': '编号', 'zh-Hant': '編號' }),
  aListOfText: message({ en: 'a list of texts', 'zh-Hans': '文字列表', 'zh-Hant': '文字清單' }),
};

/** Markdown a guide cannot hold, and sections put where none can stand (src/model, src/pipeline). */
export const markdownMessages = {
  under: message({
    en: '«message» (under "«near»")',
    'zh-Hans': '«message»（位于“«near»”下）',
    'zh-Hant': '«message»（位於「«near»」下）',
  }),
  cannotBePart: message({
    en: '«what» cannot be part of a guide',
    'zh-Hans': '指南中不能有«what»',
    'zh-Hant': '指南中不能有«what»',
  }),
  codeBlock: message({ en: 'a code block', 'zh-Hans': '代码块', 'zh-Hant': '程式碼區塊' }),
  deepList: message({
    en: 'a list nested more than «max» levels deep',
    'zh-Hans': '嵌套超过 «max» 层的列表',
    'zh-Hant': '巢狀超過 «max» 層的清單',
  }),
  deepListHint: message({
    en: 'each "- " or "1. " after another, or after an indent, starts a list inside a list: keep lists to a level or two',
    'zh-Hans': '“- ”或“1. ”接在另一个之后或缩进之后，就会开始一个嵌套列表：列表请只用一两层',
    'zh-Hant': '「- 」或「1. 」接在另一個之後或縮排之後，就會開始一個巢狀清單：清單請只用一兩層',
  }),
  codeBlockHint: message({
    en: 'a line indented by four spaces or fenced with ``` starts one; remove the indentation or the fence',
    'zh-Hans': '缩进四个空格的行或用 ``` 围起的行会成为代码块；请去掉缩进或 ```',
    'zh-Hant': '縮排四個空格的行或用 ``` 圍起的行會成為程式碼區塊；請去掉縮排或 ```',
  }),
  blockQuote: message({
    en: 'a block quote (lines starting with ">")',
    'zh-Hans': '引用块（以“>”开头的行）',
    'zh-Hant': '引用區塊（以「>」開頭的行）',
  }),
  blockQuoteHint: message({
    en: 'use :::note … ::: for small print',
    'zh-Hans': '小字说明请用 :::note … :::',
    'zh-Hant': '小字說明請用 :::note … :::',
  }),
  markdownNode: message({
    en: 'Markdown "«type»"',
    'zh-Hans': ' Markdown “«type»”',
    'zh-Hant': ' Markdown 「«type»」',
  }),
  image: message({ en: 'an image', 'zh-Hans': '图片', 'zh-Hant': '圖片' }),
  imageHint: message({
    en: 'guides have no images; describe it in words or link to it',
    'zh-Hans': '指南中没有图片；请用文字描述，或给出链接',
    'zh-Hant': '指南中沒有圖片；請用文字描述，或給出連結',
  }),
  headingNotTop: message({
    en: 'a heading cannot be inside a list, table or card',
    'zh-Hans': '标题不能在列表、表格或卡片中',
    'zh-Hant': '標題不能在清單、表格或卡片中',
  }),
  headingNotTopHint: message({
    en: 'put the heading before the list or table, or make it bold text: **…**',
    'zh-Hans': '请把标题放在列表或表格之前，或改为粗体文字：**…**',
    'zh-Hant': '請把標題放在清單或表格之前，或改為粗體文字：**…**',
  }),
  deepHeading: message({
    en: 'a level-«depth» heading ("«hashes»")',
    'zh-Hans': '«depth» 级标题（“«hashes»”）',
    'zh-Hant': '«depth» 級標題（「«hashes»」）',
  }),
  deepHeadingHint: message({
    en: 'guides have three heading levels: # chapter, ## measure, ### sub-heading',
    'zh-Hans': '指南只有三级标题：# 章，## 措施，### 小标题',
    'zh-Hant': '指南只有三級標題：# 章，## 措施，### 小標題',
  }),
  badHeadingId: message({
    en: 'heading id "«id»" has characters an id cannot have',
    'zh-Hans': '标题编号“«id»”含有编号中不能用的字符',
    'zh-Hant': '標題編號「«id»」含有編號中不能用的字元',
  }),
  badHeadingIdHint: message({
    en: 'ids use letters, digits, "-" and "_", as in {#tax-small-scale-vat}',
    'zh-Hans': '编号只能用字母、数字、“-”和“_”，如 {#tax-small-scale-vat}',
    'zh-Hant': '編號只能用字母、數字、「-」和「_」，如 {#tax-small-scale-vat}',
  }),
  duplicateId: message({
    en: 'two headings have the id "«id»"',
    'zh-Hans': '有两个标题的编号都是“«id»”',
    'zh-Hant': '有兩個標題的編號都是「«id»」',
  }),
  uniqueId: message({
    en: 'every heading id must be unique; measure ids come from the measure files',
    'zh-Hans': '每个标题的编号都必须唯一；措施的编号来自措施文件',
    'zh-Hant': '每個標題的編號都必須唯一；措施的編號來自措施檔案',
  }),
  firstHeading: message({
    en: 'the first heading with this id',
    'zh-Hans': '第一个使用这个编号的标题',
    'zh-Hant': '第一個使用這個編號的標題',
  }),
  brokenLink: message({
    en: 'link to "#«id»", but no heading has that id',
    'zh-Hans': '链接指向“#«id»”，但没有标题使用这个编号',
    'zh-Hant': '連結指向「#«id»」，但沒有標題使用這個編號',
  }),
  brokenLinkHint: message({
    en: 'check the id in the link against the {#id} of the heading it should go to',
    'zh-Hans': '请核对链接中的编号与目标标题的 {#id} 是否一致',
    'zh-Hant': '請核對連結中的編號與目標標題的 {#id} 是否一致',
  }),
  coverNotTop: message({
    en: '::::cover must be at the top level of the document',
    'zh-Hans': '::::cover 必须在文档的最外层',
    'zh-Hant': '::::cover 必須在文件的最外層',
  }),
  coverNotTopHint: message({
    en: 'close every other block before ::::cover starts',
    'zh-Hans': '请在 ::::cover 开始前结束其他所有块',
    'zh-Hant': '請在 ::::cover 開始前結束其他所有區塊',
  }),
  rowOutside: message({
    en: ':::row belongs inside ::::card or ::::grid',
    'zh-Hans': ':::row 应放在 ::::card 或 ::::grid 中',
    'zh-Hant': ':::row 應放在 ::::card 或 ::::grid 中',
  }),
  rowOutsideHint: message({
    en: 'the container around rows needs more colons than :::row: ::::card … ::::',
    'zh-Hans': '包住各行的容器要比 :::row 多用冒号：::::card … ::::',
    'zh-Hant': '包住各列的容器要比 :::row 多用冒號：::::card … ::::',
  }),
  qrNoUrl: message({ en: '::qr needs a url', 'zh-Hans': '::qr 需要网址', 'zh-Hant': '::qr 需要網址' }),
  qrBadUrl: message({
    en: '::qr url "«url»" is not an http(s) address',
    'zh-Hans': '::qr 的网址“«url»”不是 http(s) 地址',
    'zh-Hant': '::qr 的網址「«url»」不是 http(s) 位址',
  }),
  qrTooLong: message({
    en: '::qr url is «bytes» bytes long: a QR code holds at most «max»',
    'zh-Hans': '::qr 的网址长 «bytes» 字节：二维码最多只能容纳 «max» 字节',
    'zh-Hant': '::qr 的網址長 «bytes» 位元組：QR 碼最多只能容納 «max» 位元組',
  }),
  qrTooLongHint: message({
    en: 'give the QR code a short address (a page that leads on), or show the long one as a link instead',
    'zh-Hans': '请给二维码一个短网址（可再跳转的页面），或改用链接显示长网址',
    'zh-Hant': '請給 QR 碼一個短網址（可再跳轉的頁面），或改用連結顯示長網址',
  }),
  qrHint: message({
    en: 'write ::qr[label]{url="https://…"}',
    'zh-Hans': '请写成 ::qr[label]{url="https://…"}',
    'zh-Hant': '請寫成 ::qr[label]{url="https://…"}',
  }),
  sectionInside: message({
    en: 'a section template ({{> measure}}, {{> chapter}}) is called inside a list, table, card or the cover',
    'zh-Hans': '在列表、表格、卡片或封面中调用了章节模板（{{> measure}}、{{> chapter}}）',
    'zh-Hant': '在清單、表格、卡片或封面中呼叫了章節範本（{{> measure}}、{{> chapter}}）',
  }),
  sectionInsideHint: message({
    en: 'call it on a line of its own between blocks of the body',
    'zh-Hans': '请在正文的块与块之间单独一行调用它',
    'zh-Hant': '請在正文的區塊之間單獨一行呼叫它',
  }),
  notOnCover: message({
    en: '«what» cannot be on the cover',
    'zh-Hans': '«what» 不能放在封面上',
    'zh-Hant': '«what» 不能放在封面上',
  }),
  notInside: message({
    en: '«what» cannot be inside a list, table or card',
    'zh-Hans': '«what» 不能放在列表、表格或卡片中',
    'zh-Hant': '«what» 不能放在清單、表格或卡片中',
  }),
  ownLine: message({
    en: 'put «what» on a line of its own between blocks of the body',
    'zh-Hans': '请把 «what» 单独一行放在正文的块与块之间',
    'zh-Hant': '請把 «what» 單獨一行放在正文的區塊之間',
  }),
  onlyRows: message({
    en: 'only :::row blocks can be inside ::::«variant»',
    'zh-Hans': '::::«variant» 中只能有 :::row 块',
    'zh-Hant': '::::«variant» 中只能有 :::row 區塊',
  }),
  onlyRowsHint: message({
    en: 'write each row as :::row[label] … ::: and close ::::«variant» with ::::',
    'zh-Hans': '请把每一行写成 :::row[label] … :::，并用 :::: 结束 ::::«variant»',
    'zh-Hant': '請把每一列寫成 :::row[label] … :::，並用 :::: 結束 ::::«variant»',
  }),
  noRows: message({
    en: '::::«variant» has no rows',
    'zh-Hans': '::::«variant» 中没有任何行',
    'zh-Hant': '::::«variant» 中沒有任何列',
  }),
  noRowsHint: message({
    en: 'add :::row[label] … ::: blocks',
    'zh-Hans': '请添加 :::row[label] … ::: 块',
    'zh-Hant': '請加入 :::row[label] … ::: 區塊',
  }),
  badColumns: message({
    en: 'columns="«written»" should be «count» positive numbers',
    'zh-Hans': 'columns="«written»" 应为 «count» 个正数',
    'zh-Hant': 'columns="«written»" 應為 «count» 個正數',
  }),
  badColumnsHint: message({
    en: 'relative widths, one per column, e.g. columns="«example»"',
    'zh-Hans': '请为每一列写一个相对宽度，例如 columns="«example»"',
    'zh-Hant': '請為每一欄寫一個相對寬度，例如 columns="«example»"',
  }),
  badLink: message({
    en: 'link to "«url»": links go to http(s) addresses or to #id of a heading',
    'zh-Hans': '链接指向“«url»”：链接只能指向 http(s) 地址或标题的 #编号',
    'zh-Hant': '連結指向「«url»」：連結只能指向 http(s) 位址或標題的 #編號',
  }),
  badLinkHint: message({
    en: 'write the full address, starting with https://',
    'zh-Hans': '请写完整地址，以 https:// 开头',
    'zh-Hant': '請寫完整位址，以 https:// 開頭',
  }),
  unknownDirective: message({
    en: 'unknown directive «written»',
    'zh-Hans': '未知的指令 «written»',
    'zh-Hant': '未知的指令 «written»',
  }),
  knownDirectives: message({
    en: 'the directives here are «known»',
    'zh-Hans': '此处可用的指令是 «known»',
    'zh-Hant': '此處可用的指令是 «known»',
  }),
  noInlineDirectives: message({
    en: 'no inline directives exist; to write a colon before a letter, escape it: \\:',
    'zh-Hans': '没有行内指令；要在字母前写冒号，请转义：\\:',
    'zh-Hant': '沒有行內指令；要在字母前寫冒號，請跳脫：\\:',
  }),
  noAttribute: message({
    en: '«directive» has no attribute "«name»"',
    'zh-Hans': '«directive» 没有属性“«name»”',
    'zh-Hant': '«directive» 沒有屬性「«name»」',
  }),
  takesAttributes: message({
    en: 'it takes «attributes»',
    'zh-Hans': '它可用的属性是 «attributes»',
    'zh-Hant': '它可用的屬性是 «attributes»',
  }),
  takesNoAttributes: message({ en: 'it takes no attributes', 'zh-Hans': '它没有属性', 'zh-Hant': '它沒有屬性' }),
  takesNoLabel: message({
    en: '«directive» takes no [label]',
    'zh-Hans': '«directive» 不接受 [label]',
    'zh-Hant': '«directive» 不接受 [label]',
  }),
  needsLabel: message({
    en: '«directive» needs a [label]',
    'zh-Hans': '«directive» 需要 [label]',
    'zh-Hant': '«directive» 需要 [label]',
  }),
  writeLabel: message({
    en: 'write «directive»[label]',
    'zh-Hans': '请写成 «directive»[label]',
    'zh-Hant': '請寫成 «directive»[label]',
  }),
  rawHtml: message({
    en: 'raw HTML is not allowed: «html»',
    'zh-Hans': '不能直接写 HTML：«html»',
    'zh-Hant': '不能直接寫 HTML：«html»',
  }),
  rawHtmlHint: message({
    en: 'use Markdown instead; to write "<" as text, escape it: \\<',
    'zh-Hans': '请改用 Markdown；要把“<”当作文字，请转义：\\<',
    'zh-Hant': '請改用 Markdown；要把「<」當作文字，請跳脫：\\<',
  }),
  orphanSlot: message({
    en: 'a section slot (::slot{n="«n»"}) that no template call left',
    'zh-Hans': '有一个章节占位（::slot{n="«n»"}）不是由模板调用留下的',
    'zh-Hant': '有一個章節預留位置（::slot{n="«n»"}）不是由範本呼叫留下的',
  }),
  misplacedSection: message({
    en: '{{> «partial»}} left its section where no section can stand',
    'zh-Hans': '{{> «partial»}} 把章节放在了不能放章节的位置',
    'zh-Hant': '{{> «partial»}} 把章節放在了不能放章節的位置',
  }),
  coverInSection: message({
    en: '::::cover is inside a section template (chapter or measure)',
    'zh-Hans': '::::cover 在章节模板（chapter 或 measure）中',
    'zh-Hant': '::::cover 在章節範本（chapter 或 measure）中',
  }),
  sectionHint: message({
    en: 'call {{> chapter}} and {{> measure}} on lines of their own between blocks of the body (not in a code block, a list, a table or the cover); the cover belongs in guide.md.hbs or letter.md.hbs',
    'zh-Hans':
      '请在正文的块与块之间单独一行调用 {{> chapter}} 和 {{> measure}}（不要放在代码块、列表、表格或封面中）；封面应写在 guide.md.hbs 或 letter.md.hbs 中',
    'zh-Hant':
      '請在正文的區塊之間單獨一行呼叫 {{> chapter}} 和 {{> measure}}（不要放在程式碼區塊、清單、表格或封面中）；封面應寫在 guide.md.hbs 或 letter.md.hbs 中',
  }),
  numberHint: message({
    en: 'guide numbers each measure heading itself: write "## {{title}} {{anchor id}}" in measure.md.hbs; other templates get the number as {{number}}',
    'zh-Hans':
      'guide 会自动为每个措施标题编号：请在 measure.md.hbs 中写 “## {{title}} {{anchor id}}”；其他模板用 {{number}} 取得编号',
    'zh-Hant':
      'guide 會自動為每個措施標題編號：請在 measure.md.hbs 中寫「## {{title}} {{anchor id}}」；其他範本用 {{number}} 取得編號',
  }),
  /** The name diagnostics give a template's rendered Markdown, held in memory and never written. */
  rendered: message({
    en: '(rendered «what»)',
    'zh-Hans': '（«what» 的生成结果）',
    'zh-Hant': '（«what» 的產生結果）',
  }),
  renderedFor: message({
    en: '«template» for «label»',
    'zh-Hans': '«label» 的 «template»',
    'zh-Hant': '«label» 的 «template»',
  }),
};

/** `guide build`'s summary (src/commands/build.ts). */
export const buildMessages = {
  nothingWritten: message({ en: 'nothing was written', 'zh-Hans': '没有写入任何文件', 'zh-Hant': '沒有寫入任何檔案' }),
  sinceUnreadable: message({
    en: 'could not read «since» to compare against (--since); nothing was written',
    'zh-Hans': '无法读取用于比较的 «since»（--since）；没有写入任何文件',
    'zh-Hant': '無法讀取用於比較的 «since»（--since）；沒有寫入任何檔案',
  }),
  wrote: message({ en: 'wrote', 'zh-Hans': '已写入', 'zh-Hant': '已寫入' }),
  size: message({ en: ' («size»)', 'zh-Hans': '（«size»）', 'zh-Hant': '（«size»）' }),
  sizeAndPages: message({
    en: ' («size», «pages» pages)',
    'zh-Hans': '（«size»，«pages» 页）',
    'zh-Hant': '（«size»，«pages» 頁）',
  }),
  inEffect: message({
    en: '«count» measures in effect on «date»',
    'zh-Hans': '«date» 有效的措施 «count» 项',
    'zh-Hant': '«date» 有效的措施 «count» 項',
  }),
  inEffectLeftOut: message({
    en: '«count» measures in effect on «date»; «excluded» left out:',
    'zh-Hans': '«date» 有效的措施 «count» 项；未列入 «excluded» 项：',
    'zh-Hant': '«date» 有效的措施 «count» 項；未列入 «excluded» 項：',
  }),
  leftOutEnded: message({
    en: '  left out: «id» (ended «date») «title»',
    'zh-Hans': '  未列入：«id»（«date» 已到期）«title»',
    'zh-Hant': '  未列入：«id»（«date» 已到期）«title»',
  }),
  leftOutStarts: message({
    en: '  left out: «id» (starts «date») «title»',
    'zh-Hans': '  未列入：«id»（«date» 起施行）«title»',
    'zh-Hant': '  未列入：«id»（«date» 起施行）«title»',
  }),
  changesSince: message({
    en: 'changes since «since»: «summary»',
    'zh-Hans': '自 «since» 以来的变化：«summary»',
    'zh-Hant': '自 «since» 以來的變化：«summary»',
  }),
};

/** The library's own checks of what a script passes it (src/index.ts). */
export const libraryMessages = {
  firmListUnreadable: message({
    en: 'the firm list could not be read («error»)',
    'zh-Hans': '无法读取企业名单（«error»）',
    'zh-Hant': '無法讀取企業名單（«error»）',
  }),
  checkFirmListPath: message({
    en: 'check the path of the firm list',
    'zh-Hans': '请检查企业名单的路径',
    'zh-Hant': '請檢查企業名單的路徑',
  }),
  badDate: message({
    en: '«name» must be a date written YYYY-MM-DD, such as 2020-03-05; got "«value»"',
    'zh-Hans': '«name» 必须是 YYYY-MM-DD 格式的日期，如 2020-03-05；实际是“«value»”',
    'zh-Hant': '«name» 必須是 YYYY-MM-DD 格式的日期，如 2020-03-05；實際是「«value»」',
  }),
  badFormats: message({
    en: 'formats takes one or more of «formats»; got «given»',
    'zh-Hans': 'formats 应为 «formats» 中的一个或多个；实际是 «given»',
    'zh-Hant': 'formats 應為 «formats» 中的一個或多個；實際是 «given»',
  }),
  badPdfStandard: message({
    en: 'pdfStandard takes one of «standards»; got «given»',
    'zh-Hans': 'pdfStandard 应为 «standards» 之一；实际是 «given»',
    'zh-Hant': 'pdfStandard 應為 «standards» 之一；實際是 «given»',
  }),
  badCreationDate: message({
    en: 'creationDate is not a valid date',
    'zh-Hans': 'creationDate 不是有效的日期',
    'zh-Hant': 'creationDate 不是有效的日期',
  }),
};

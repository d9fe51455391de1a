/**
 * Messages of releases: reading a manifest back, `guide diff` and `guide build --since`. The diff
 * itself (新增措施…) is release-note text in the guide's own Traditional Chinese, not a message.
 */

import { message } from './message.js';

/** A manifest.json that is not one `guide build` wrote; `where` is a JSON path such as `measures.included[3]`. */
export const manifestMessages = {
  notJson: message({
    en: 'the file is not JSON («error»)',
    'zh-Hans': '文件不是 JSON（«error»）',
    'zh-Hant': '檔案不是 JSON（«error»）',
  }),
  noVersion: message({
    en: 'the file has no "manifestVersion": it is not a manifest written by guide build',
    'zh-Hans': '文件中没有 "manifestVersion"：它不是 guide build 写出的清单',
    'zh-Hant': '檔案中沒有 "manifestVersion"：它不是 guide build 寫出的清單',
  }),
  unknownVersion: message({
    en: 'manifestVersion «version» is not one this guide reads («known»)',
    'zh-Hans': '此版本的 guide 无法读取 manifestVersion «version»（可读取：«known»）',
    'zh-Hant': '此版本的 guide 無法讀取 manifestVersion «version»（可讀取：«known»）',
  }),
  reason: message({
    en: '«where».reason should be "expired" or "upcoming"',
    'zh-Hans': '«where».reason 应为 "expired" 或 "upcoming"',
    'zh-Hant': '«where».reason 應為 "expired" 或 "upcoming"',
  }),
  object: message({
    en: '«where» should be an object',
    'zh-Hans': '«where» 应为对象',
    'zh-Hant': '«where» 應為物件',
  }),
  text: message({ en: '«where» should be text', 'zh-Hans': '«where» 应为文字', 'zh-Hant': '«where» 應為文字' }),
  number: message({ en: '«where» should be a number', 'zh-Hans': '«where» 应为数字', 'zh-Hant': '«where» 應為數字' }),
  boolean: message({
    en: '«where» should be true or false',
    'zh-Hans': '«where» 应为 true 或 false',
    'zh-Hant': '«where» 應為 true 或 false',
  }),
  list: message({ en: '«where» should be a list', 'zh-Hans': '«where» 应为列表', 'zh-Hant': '«where» 應為清單' }),
  oneOf: message({
    en: '«where» should be one of «values»',
    'zh-Hans': '«where» 应为 «values» 之一',
    'zh-Hant': '«where» 應為 «values» 之一',
  }),
};

/** `guide diff` and `guide build --since`. */
export const releaseMessages = {
  notManifest: message({
    en: 'not a build manifest: «detail»',
    'zh-Hans': '不是生成清单：«detail»',
    'zh-Hant': '不是產生清單：«detail»',
  }),
  nameASide: message({
    en: 'name a manifest.json written by `guide build`, an edition folder, or a git ref',
    'zh-Hans': '请指定 `guide build` 写出的 manifest.json、一个版次文件夹或一个 git 引用',
    'zh-Hant': '請指定 `guide build` 寫出的 manifest.json、一個版次資料夾或一個 git 參照',
  }),
  changesNotShown: message({
    en: '--since was given, but the templates never include {{> changes}}',
    'zh-Hans': '给出了 --since，但模板中没有包含 {{> changes}}',
    'zh-Hant': '給出了 --since，但範本中沒有包含 {{> changes}}',
  }),
  includeChanges: message({
    en: "copy changes.md.hbs from guide's bundled templates into the templates folder, and add {{#if changes}}{{> changes}}{{/if}} to guide.md.hbs after the table of contents",
    'zh-Hans':
      '请把 guide 自带模板中的 changes.md.hbs 复制到模板文件夹，并在 guide.md.hbs 的目录之后加上 {{#if changes}}{{> changes}}{{/if}}',
    'zh-Hant':
      '請把 guide 內建範本中的 changes.md.hbs 複製到範本資料夾，並在 guide.md.hbs 的目錄之後加上 {{#if changes}}{{> changes}}{{/if}}',
  }),
  couldNotRead: message({ en: 'could not read «side»', 'zh-Hans': '无法读取 «side»', 'zh-Hant': '無法讀取 «side»' }),
};

/** The words around every diagnostic: severity, hint, related places, the closing count. */

import { message } from './message.js';

export const reportMessages = {
  error: message({ en: 'error', 'zh-Hans': '错误', 'zh-Hant': '錯誤' }),
  warning: message({ en: 'warning', 'zh-Hans': '警告', 'zh-Hant': '警告' }),
  hint: message({ en: 'hint: «hint»', 'zh-Hans': '提示：«hint»', 'zh-Hant': '提示：«hint»' }),
  see: message({ en: 'see', 'zh-Hans': '另见', 'zh-Hant': '另見' }),
  /** A further place a diagnostic involves: "see file:3:1: first defined here". */
  related: message({
    en: '«see» «place»: «message»',
    'zh-Hans': '«see» «place»：«message»',
    'zh-Hant': '«see» «place»：«message»',
  }),
  noProblems: message({ en: 'no problems', 'zh-Hans': '没有发现问题', 'zh-Hant': '沒有發現問題' }),
  errors: message({
    en: '«count» «count|error|errors»',
    'zh-Hans': '«count» 个错误',
    'zh-Hant': '«count» 個錯誤',
  }),
  warnings: message({
    en: '«count» «count|warning|warnings»',
    'zh-Hans': '«count» 个警告',
    'zh-Hant': '«count» 個警告',
  }),
  /** Joins the error and warning counts. */
  and: message({ en: '«first», «second»', 'zh-Hans': '«first»，«second»', 'zh-Hant': '«first»，«second»' }),
  /** After the first few diagnostics of one code in one file. */
  moreInFile: message({
    en: '… and «count» more «code» in «file» (--format json lists them all)',
    'zh-Hans': '……«file» 中还有 «count» 个 «code»（--format json 会全部列出）',
    'zh-Hant': '……«file» 中還有 «count» 個 «code»（--format json 會全部列出）',
  }),
  more: message({
    en: '… and «count» more «code» (--format json lists them all)',
    'zh-Hans': '……还有 «count» 个 «code»（--format json 会全部列出）',
    'zh-Hant': '……還有 «count» 個 «code»（--format json 會全部列出）',
  }),
};

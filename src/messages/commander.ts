/** The words commander prints itself: help headings, option extras, usage errors. */

import { message } from './message.js';

export const commanderMessages = {
  usage: message({ en: 'Usage:', 'zh-Hans': '用法：', 'zh-Hant': '用法：' }),
  arguments: message({ en: 'Arguments:', 'zh-Hans': '参数：', 'zh-Hant': '參數：' }),
  options: message({ en: 'Options:', 'zh-Hans': '选项：', 'zh-Hant': '選項：' }),
  globalOptions: message({ en: 'Global Options:', 'zh-Hans': '全局选项：', 'zh-Hant': '全域選項：' }),
  commands: message({ en: 'Commands:', 'zh-Hans': '命令：', 'zh-Hant': '命令：' }),
  examples: message({ en: 'Examples:', 'zh-Hans': '示例：', 'zh-Hant': '範例：' }),
  choices: message({ en: 'choices: «list»', 'zh-Hans': '可选：«list»', 'zh-Hant': '可選：«list»' }),
  default: message({ en: 'default: «value»', 'zh-Hans': '默认：«value»', 'zh-Hant': '預設：«value»' }),
  /** Wraps the extras after an option's description. */
  extras: message({ en: '(«list»)', 'zh-Hans': '（«list»）', 'zh-Hant': '（«list»）' }),
  extrasSeparator: message({ en: ', ', 'zh-Hans': '；', 'zh-Hant': '；' }),
  help: message({ en: 'show help', 'zh-Hans': '显示帮助', 'zh-Hant': '顯示說明' }),
  helpCommand: message({
    en: 'show help for a command',
    'zh-Hans': '显示某个命令的帮助',
    'zh-Hant': '顯示某個命令的說明',
  }),
  version: message({ en: 'print the version', 'zh-Hans': '显示版本号', 'zh-Hant': '顯示版本號' }),
  // Usage errors, by commander's error code. Each placeholder is an argument or option as the user
  // wrote it.
  missingArgument: message({
    en: "error: missing required argument '«name»'",
    'zh-Hans': '错误：缺少必需的参数“«name»”',
    'zh-Hant': '錯誤：缺少必要的參數「«name»」',
  }),
  optionMissingArgument: message({
    en: "error: option '«name»' argument missing",
    'zh-Hans': '错误：选项“«name»”缺少取值',
    'zh-Hant': '錯誤：選項「«name»」缺少取值',
  }),
  missingMandatoryOption: message({
    en: "error: required option '«name»' not specified",
    'zh-Hans': '错误：必须指定选项“«name»”',
    'zh-Hant': '錯誤：必須指定選項「«name»」',
  }),
  unknownOption: message({
    en: "error: unknown option '«name»'",
    'zh-Hans': '错误：未知选项“«name»”',
    'zh-Hant': '錯誤：未知選項「«name»」',
  }),
  unknownCommand: message({
    en: "error: unknown command '«name»'",
    'zh-Hans': '错误：未知命令“«name»”',
    'zh-Hant': '錯誤：未知命令「«name»」',
  }),
  excessArguments: message({
    en: 'error: too many arguments for «command»: expected «expected», got «got»',
    'zh-Hans': '错误：«command» 的参数过多：应为 «expected» 个，实际为 «got» 个',
    'zh-Hant': '錯誤：«command» 的參數過多：應為 «expected» 個，實際為 «got» 個',
  }),
  invalidArgument: message({
    en: "error: «what» '«name»' has an invalid value '«value»': «reason»",
    'zh-Hans': '错误：«what»“«name»”的值“«value»”无效：«reason»',
    'zh-Hant': '錯誤：«what»「«name»」的值「«value»」無效：«reason»',
  }),
  option: message({ en: 'option', 'zh-Hans': '选项', 'zh-Hant': '選項' }),
  argument: message({ en: 'argument', 'zh-Hans': '参数', 'zh-Hant': '參數' }),
  allowedChoices: message({
    en: 'allowed choices are «list»',
    'zh-Hans': '可选的值为 «list»',
    'zh-Hant': '可選的值為 «list»',
  }),
  didYouMean: message({
    en: '(Did you mean «name»?)',
    'zh-Hans': '（是不是要输入 «name»？）',
    'zh-Hant': '（是不是要輸入 «name»？）',
  }),
};

/** What `npm install` says when it could not make guide's startup bundle, or its compiled code (cli/bundle/make.ts). */

import { message } from './message.js';

export const bundleMessages = {
  notMade: message({
    en: 'guide: no startup bundle was made («reason»); guide works as before, only starts slower',
    'zh-Hans': 'guide：未能生成启动包（«reason»）；guide 照常可用，只是启动较慢',
    'zh-Hant': 'guide：未能產生啟動包（«reason»）；guide 照常可用，只是啟動較慢',
  }),
  noCompiledCode: message({
    en: 'guide: the startup bundle was made without its compiled code («reason»); guide works, only starts slower',
    'zh-Hans': 'guide：启动包已生成，但未能生成预编译代码（«reason»）；guide 照常可用，只是启动较慢',
    'zh-Hant': 'guide：啟動包已產生，但未能產生預編譯程式碼（«reason»）；guide 照常可用，只是啟動較慢',
  }),
} as const;

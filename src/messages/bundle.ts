/** What `npm install` says when it could not make guide's startup bundle (cli/bundle/make.ts). */

import { message } from './message.js';

export const bundleMessages = {
  notMade: message({
    en: 'guide: no startup bundle was made («reason»); guide works as before, only starts slower',
    'zh-Hans': 'guide：未能生成启动包（«reason»）；guide 照常可用，只是启动较慢',
    'zh-Hant': 'guide：未能產生啟動包（«reason»）；guide 照常可用，只是啟動較慢',
  }),
} as const;

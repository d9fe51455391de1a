/** What `npm install` says when it could not make guide's startup snapshot (cli/snapshot/make.ts). */

import { message } from './message.js';

export const snapshotMessages = {
  notMade: message({
    en: 'guide: no startup snapshot was made («reason»); guide works as before, only build starts slower',
    'zh-Hans': 'guide：未能生成启动快照（«reason»）；guide 照常可用，只是 build 启动较慢',
    'zh-Hant': 'guide：未能產生啟動快照（«reason»）；guide 照常可用，只是 build 啟動較慢',
  }),
} as const;

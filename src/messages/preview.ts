/** Messages of `guide preview`: its options, the terminal lines, and the page's overlay. */

import { message } from './message.js';

export const previewMessages = {
  serving: message({
    en: 'Previewing at «url» (Ctrl-C stops)',
    'zh-Hans': '预览地址：«url»（按 Ctrl-C 停止）',
    'zh-Hant': '預覽網址：«url»（按 Ctrl-C 停止）',
  }),
  rebuilt: message({
    en: 'rebuilt in «ms» ms',
    'zh-Hans': '已重新生成，用时 «ms» 毫秒',
    'zh-Hant': '已重新產生，耗時 «ms» 毫秒',
  }),
  stillBroken: message({
    en: 'the page shows the last guide that could be built, under these problems',
    'zh-Hans': '页面显示最近一次能生成的指南，上面列出这些问题',
    'zh-Hant': '頁面顯示最近一次能產生的指南，上方列出這些問題',
  }),
  stopped: message({
    en: 'preview stopped',
    'zh-Hans': '预览已停止',
    'zh-Hant': '預覽已停止',
  }),
  overlayTitle: message({
    en: 'The guide cannot be built: fix these and save; the page updates itself',
    'zh-Hans': '指南无法生成：修改以下问题并保存，页面会自动更新',
    'zh-Hant': '指南無法產生：修正以下問題並儲存，頁面會自動更新',
  }),
  nothingBuilt: message({
    en: 'No guide could be built yet: fix the problems the preview page lists.',
    'zh-Hans': '还没有能生成的指南：请先修改预览页面列出的问题。',
    'zh-Hant': '還沒有能產生的指南：請先修正預覽頁面列出的問題。',
  }),
  noSuchFirm: message({
    en: 'no firm with id "«id»" in this list',
    'zh-Hans': '名单中没有编号为“«id»”的企业',
    'zh-Hant': '名單中沒有編號為「«id»」的企業',
  }),
  noSuchFirmHint: message({
    en: "check --firm against the list's id (編號) column",
    'zh-Hans': '请对照名单的“编号”栏检查 --firm',
    'zh-Hant': '請對照名單的「編號」欄檢查 --firm',
  }),
  badPort: message({
    en: '--port takes a port number from 0 to 65535 (0: any free port); got "«value»"',
    'zh-Hans': '--port 要写 0 到 65535 之间的端口号（0：任一空闲端口），而收到的是“«value»”',
    'zh-Hant': '--port 要寫 0 到 65535 之間的連接埠號碼（0：任一空閒連接埠），而收到的是「«value»」',
  }),
  firmWithoutList: message({
    en: "--firm and --firms go together: the firm's id, and the list it is in",
    'zh-Hans': '--firm 和 --firms 要一起使用：企业编号，以及它所在的名单',
    'zh-Hant': '--firm 和 --firms 要一起使用：企業編號，以及它所在的名單',
  }),
  portTaken: message({
    en: 'port «port» on 127.0.0.1 is in use: choose another with --port, or leave it out for a free one',
    'zh-Hans': '127.0.0.1 的端口 «port» 已被占用：用 --port 换一个，或不写以使用空闲端口',
    'zh-Hant': '127.0.0.1 的連接埠 «port» 已被占用：用 --port 換一個，或不寫以使用空閒連接埠',
  }),
};

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
  portRefused: message({
    en: 'guide cannot listen on port «port» of 127.0.0.1 («reason»): choose another with --port (above 1023), or leave it out for a free one',
    'zh-Hans':
      'guide 无法监听 127.0.0.1 的端口 «port»（«reason»）：用 --port 换一个（大于 1023），或不写以使用空闲端口',
    'zh-Hant':
      'guide 無法監聽 127.0.0.1 的連接埠 «port»（«reason»）：用 --port 換一個（大於 1023），或不寫以使用空閒連接埠',
  }),
  rebuildFailed: message({
    en: 'the guide could not be rebuilt («problem»); the page keeps the last guide built. Save the file again to retry',
    'zh-Hans': '指南无法重新生成（«problem»）；页面保留最近一次生成的指南。再次保存文件即可重试',
    'zh-Hant': '指南無法重新產生（«problem»）；頁面保留最近一次產生的指南。再次儲存檔案即可重試',
  }),
  notFound: message({
    en: 'Not found. The preview serves / (the guide), /guide.pdf and /guide.docx.',
    'zh-Hans': '找不到此页面。预览提供 /（指南）、/guide.pdf 和 /guide.docx。',
    'zh-Hant': '找不到此頁面。預覽提供 /（指南）、/guide.pdf 和 /guide.docx。',
  }),
  wrongHost: message({
    en: 'The preview answers only at 127.0.0.1 or localhost.',
    'zh-Hans': '预览只在 127.0.0.1 或 localhost 上响应。',
    'zh-Hant': '預覽只在 127.0.0.1 或 localhost 上回應。',
  }),
  fileFailed: message({
    en: 'the file asked for could not be made: «problem»',
    'zh-Hans': '请求的文件无法生成：«problem»',
    'zh-Hant': '要求的檔案無法產生：«problem»',
  }),
  serverError: message({
    en: 'The file could not be made; the terminal running guide preview says why.',
    'zh-Hans': '文件无法生成；运行 guide preview 的终端会说明原因。',
    'zh-Hant': '檔案無法產生；執行 guide preview 的終端機會說明原因。',
  }),
  portTaken: message({
    en: 'port «port» on 127.0.0.1 is in use: choose another with --port, or leave it out for a free one',
    'zh-Hans': '127.0.0.1 的端口 «port» 已被占用：用 --port 换一个，或不写以使用空闲端口',
    'zh-Hant': '127.0.0.1 的連接埠 «port» 已被占用：用 --port 換一個，或不寫以使用空閒連接埠',
  }),
};

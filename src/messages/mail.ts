/** Messages of `guide mail`. */

import { message } from './message.js';

/** Options and the SMTP server (usage errors). */
export const mailOptionMessages = {
  smtpUrl: message({
    en: 'the SMTP server «url» is not one guide can use: write smtps://user@host (TLS) or smtp://user@host:587 (STARTTLS)',
    'zh-Hans': 'SMTP 服务器 «url» 无法使用：请写 smtps://用户名@主机（TLS）或 smtp://用户名@主机:587（STARTTLS）',
    'zh-Hant':
      'SMTP 伺服器 «url» 無法使用：請寫 smtps://使用者名稱@主機（TLS）或 smtp://使用者名稱@主機:587（STARTTLS）',
  }),
  noSmtp: message({
    en: 'guide mail needs the SMTP server: set GUIDE_SMTP_URL or give --smtp smtps://user@host (or --dry-run DIR to send nothing)',
    'zh-Hans':
      'guide mail 需要 SMTP 服务器：请设置 GUIDE_SMTP_URL 或指定 --smtp smtps://用户名@主机（或用 --dry-run 文件夹，不寄送）',
    'zh-Hant':
      'guide mail 需要 SMTP 伺服器：請設定 GUIDE_SMTP_URL 或指定 --smtp smtps://使用者名稱@主機（或用 --dry-run 資料夾，不寄送）',
  }),
  rate: message({
    en: '--rate takes messages a minute, from 1 to 600, such as 30/min; got "«value»"',
    'zh-Hans': '--rate 需要每分钟的邮件数，1 到 600，例如 30/min；收到的是“«value»”',
    'zh-Hant': '--rate 需要每分鐘的郵件數，1 到 600，例如 30/min；收到的是「«value»」',
  }),
  testAddress: message({
    en: '--to "«value»" is not an email address',
    'zh-Hans': '--to “«value»”不是有效的电子邮件地址',
    'zh-Hant': '--to 「«value»」不是有效的電子郵件地址',
  }),
  dryRunAndTo: message({
    en: '--dry-run sends nothing, so --to has nothing to do: give one of them',
    'zh-Hans': '--dry-run 不寄送任何邮件，--to 因此没有作用：请只指定其中一个',
    'zh-Hant': '--dry-run 不寄送任何郵件，--to 因此沒有作用：請只指定其中一個',
  }),
};

/** What `guide mail` reports. */
export const mailMessages = {
  noMailConfig: message({
    en: 'guide.yaml has no mail: block; guide mail needs it for the sender',
    'zh-Hans': 'guide.yaml 中没有 mail:，guide mail 需要它来确定寄件人',
    'zh-Hant': 'guide.yaml 中沒有 mail:，guide mail 需要它來確定寄件人',
  }),
  noMailConfigHint: message({
    en: 'add to guide.yaml: «example»',
    'zh-Hans': '请在 guide.yaml 中加入：«example»',
    'zh-Hant': '請在 guide.yaml 中加入：«example»',
  }),
  manifestUnreadable: message({
    en: 'cannot read «file» («reason»)',
    'zh-Hans': '无法读取 «file»（«reason»）',
    'zh-Hant': '無法讀取 «file»（«reason»）',
  }),
  manifestInvalid: message({
    en: '«file» is not a manifest.json guide batch wrote',
    'zh-Hans': '«file» 不是 guide batch 生成的 manifest.json',
    'zh-Hant': '«file» 不是 guide batch 產生的 manifest.json',
  }),
  manifestHint: message({
    en: 'give the manifest.json of a guide batch run, e.g. --manifest dist/firms/manifest.json',
    'zh-Hans': '请指定 guide batch 生成的 manifest.json，例如 --manifest dist/firms/manifest.json',
    'zh-Hant': '請指定 guide batch 產生的 manifest.json，例如 --manifest dist/firms/manifest.json',
  }),
  recipientMissing: message({
    en: 'firm «id» («name») has no email address: its guide is not sent',
    'zh-Hans': '企业 «id»（«name»）没有电子邮件地址：不寄送它的指南',
    'zh-Hant': '企業 «id»（«name»）沒有電子郵件地址：不寄送它的指南',
  }),
  recipientInvalid: message({
    en: 'firm «id» («name»): "«email»" is not an email address: its guide is not sent',
    'zh-Hans': '企业 «id»（«name»）：“«email»”不是有效的电子邮件地址：不寄送它的指南',
    'zh-Hant': '企業 «id»（«name»）：「«email»」不是有效的電子郵件地址：不寄送它的指南',
  }),
  recipientDuplicate: message({
    en: 'firm «id» («name») has the same email address «email» as «others»: none of their guides is sent',
    'zh-Hans': '企业 «id»（«name»）的电子邮件地址 «email» 与 «others» 相同：这些企业的指南都不寄送',
    'zh-Hant': '企業 «id»（«name»）的電子郵件地址 «email» 與 «others» 相同：這些企業的指南都不寄送',
  }),
  recipientHint: message({
    en: 'correct the address in the firm list and run guide batch again (the firm is rebuilt only if needed)',
    'zh-Hans': '请在企业名单中更正地址后重新运行 guide batch（只会重新生成需要的企业）',
    'zh-Hant': '請在企業名單中更正地址後重新執行 guide batch（只會重新產生需要的企業）',
  }),
  fileNotInManifest: message({
    en: 'firm «id» («name») has no «format» file in the manifest: its guide is not sent',
    'zh-Hans': '清单中企业 «id»（«name»）没有 «format» 文件：不寄送它的指南',
    'zh-Hant': '清單中企業 «id»（«name»）沒有 «format» 檔案：不寄送它的指南',
  }),
  fileMissing: message({
    en: 'firm «id» («name»): «file» is missing or cannot be read: its guide is not sent',
    'zh-Hans': '企业 «id»（«name»）：«file» 缺失或无法读取：不寄送它的指南',
    'zh-Hant': '企業 «id»（«name»）：«file» 缺漏或無法讀取：不寄送它的指南',
  }),
  fileChanged: message({
    en: 'firm «id» («name»): «file» is not the file the manifest lists (its sha256 differs): its guide is not sent',
    'zh-Hans': '企业 «id»（«name»）：«file» 与清单记录的文件不同（sha256 不一致）：不寄送它的指南',
    'zh-Hant': '企業 «id»（«name»）：«file» 與清單記錄的檔案不同（sha256 不一致）：不寄送它的指南',
  }),
  fileHint: message({
    en: 'run guide batch again (with --format «formats» if that file format is missing), then guide mail',
    'zh-Hans': '请重新运行 guide batch（缺少该格式时加 --format «formats»），再运行 guide mail',
    'zh-Hant': '請重新執行 guide batch（缺少該格式時加 --format «formats»），再執行 guide mail',
  }),
  tooLarge: message({
    en: 'firm «id» («name»): the attachments are «size» MB, over the «limit» MB of guide.yaml mail: max_attachment_mb',
    'zh-Hans': '企业 «id»（«name»）：附件共 «size» MB，超过 guide.yaml mail: max_attachment_mb 的 «limit» MB',
    'zh-Hant': '企業 «id»（«name»）：附件共 «size» MB，超過 guide.yaml mail: max_attachment_mb 的 «limit» MB',
  }),
  tooLargeHint: message({
    en: 'many mail servers refuse messages over 10–25 MB; send PDF only (--format pdf), or raise the limit if the firm’s server takes more',
    'zh-Hans': '许多邮件服务器拒收超过 10–25 MB 的邮件；请只寄 PDF（--format pdf），或在确认对方服务器能接收时提高上限',
    'zh-Hant': '許多郵件伺服器拒收超過 10–25 MB 的郵件；請只寄 PDF（--format pdf），或在確認對方伺服器能接收時提高上限',
  }),
  inDoubt: message({
    en: 'firm «id» («name»): a run stopped at «time» while handing message «messageId» to the server; it may have been delivered, so it is not sent again',
    'zh-Hans':
      '企业 «id»（«name»）：之前的运行在 «time» 把邮件 «messageId» 交给服务器时中断；邮件可能已送达，因此不再寄送',
    'zh-Hant':
      '企業 «id»（«name»）：之前的執行在 «time» 把郵件 «messageId» 交給伺服器時中斷；郵件可能已送達，因此不再寄送',
  }),
  inDoubtHint: message({
    en: 'ask the firm or look for the Message-ID in the server’s log; to send it anyway (with the same Message-ID): guide mail --resend «id»',
    'zh-Hans':
      '请向企业确认，或在服务器日志中查找该 Message-ID；仍要寄送（使用相同的 Message-ID）：guide mail --resend «id»',
    'zh-Hant':
      '請向企業確認，或在伺服器日誌中查找該 Message-ID；仍要寄送（使用相同的 Message-ID）：guide mail --resend «id»',
  }),
  rejected: message({
    en: 'firm «id» («name»): the server refused the message: «reply»',
    'zh-Hans': '企业 «id»（«name»）：服务器拒收了邮件：«reply»',
    'zh-Hant': '企業 «id»（«name»）：伺服器拒收了郵件：«reply»',
  }),
  rejectedHint: message({
    en: 'check the firm’s address; once fixed, run guide batch and guide mail again (firms already sent are skipped)',
    'zh-Hans': '请检查企业的地址；更正后重新运行 guide batch 和 guide mail（已寄出的企业会跳过）',
    'zh-Hant': '請檢查企業的地址；更正後重新執行 guide batch 和 guide mail（已寄出的企業會跳過）',
  }),
  undelivered: message({
    en: 'firm «id» («name»): not handed to the server after «n» «n|attempt|attempts»: «reason»',
    'zh-Hans': '企业 «id»（«name»）：尝试 «n» 次后仍未能交给服务器：«reason»',
    'zh-Hant': '企業 «id»（«name»）：嘗試 «n» 次後仍未能交給伺服器：«reason»',
  }),
  undeliveredHint: message({
    en: 'run guide mail again later: firms already sent are skipped',
    'zh-Hans': '请稍后再运行 guide mail：已寄出的企业会跳过',
    'zh-Hant': '請稍後再執行 guide mail：已寄出的企業會跳過',
  }),
  serverUnusable: message({
    en: 'the mail server «server» cannot be used («reason»); nothing more was sent',
    'zh-Hans': '邮件服务器 «server» 无法使用（«reason»）；没有再寄送其他邮件',
    'zh-Hant': '郵件伺服器 «server» 無法使用（«reason»）；沒有再寄送其他郵件',
  }),
  serverUnusableHint: message({
    en: 'check the host and port, and the user name and password, in GUIDE_SMTP_URL or --smtp, and that the server offers TLS',
    'zh-Hans': '请检查 GUIDE_SMTP_URL 或 --smtp 中的服务器地址、端口、用户名和密码，以及服务器是否支持 TLS',
    'zh-Hant': '請檢查 GUIDE_SMTP_URL 或 --smtp 中的伺服器位址、連接埠、使用者名稱和密碼，以及伺服器是否支援 TLS',
  }),
  certificateHint: message({
    en: "this computer does not trust the server's certificate: check that the host in GUIDE_SMTP_URL or --smtp is the name the certificate is for; if your organisation has its own certificate authority, set NODE_EXTRA_CA_CERTS to the file of its certificate",
    'zh-Hans':
      '本机不信任该服务器的证书：请检查 GUIDE_SMTP_URL 或 --smtp 中的服务器地址是否与证书上的名称一致；如果单位使用自己的证书颁发机构，请将 NODE_EXTRA_CA_CERTS 设为其证书文件',
    'zh-Hant':
      '本機不信任該伺服器的憑證：請檢查 GUIDE_SMTP_URL 或 --smtp 中的伺服器位址是否與憑證上的名稱一致；如果單位使用自己的憑證授權單位，請將 NODE_EXTRA_CA_CERTS 設為其憑證檔案',
  }),
  plan: message({
    en: '«send» to send, «sent» already sent, «doubt» in doubt, «problems» not sendable (of «ok» firms with a guide in «manifest»)',
    'zh-Hans': '待寄 «send»，已寄 «sent»，状态不明 «doubt»，无法寄送 «problems»（«manifest» 中有指南的企业共 «ok» 家）',
    'zh-Hant': '待寄 «send»，已寄 «sent»，狀態不明 «doubt»，無法寄送 «problems»（«manifest» 中有指南的企業共 «ok» 家）',
  }),
  server: message({
    en: 'sending through «server», «rate» a minute at most',
    'zh-Hans': '通过 «server» 寄送，每分钟最多 «rate» 封',
    'zh-Hant': '透過 «server» 寄送，每分鐘最多 «rate» 封',
  }),
  testRun: message({
    en: 'test run: every message goes to «to», marked «mark» in the subject; the journal is neither read nor written',
    'zh-Hans': '测试运行：所有邮件都寄到 «to»，主题前标注 «mark»；不读取也不写入日志',
    'zh-Hant': '測試執行：所有郵件都寄到 «to»，主旨前標註 «mark»；不讀取也不寫入日誌',
  }),
  firmFailed: message({
    en: '«failed» «id» «name»: «reason»',
    'zh-Hans': '«failed» «id» «name»：«reason»',
    'zh-Hant': '«failed» «id» «name»：«reason»',
  }),
  failedWord: message({ en: 'failed', 'zh-Hans': '失败', 'zh-Hant': '失敗' }),
  summary: message({
    en: '«sent» sent, «skipped» already sent, «doubt» in doubt, «failed» failed; journal: «journal»',
    'zh-Hans': '寄出 «sent»，已寄过 «skipped»，状态不明 «doubt»，失败 «failed»；日志：«journal»',
    'zh-Hant': '寄出 «sent»，已寄過 «skipped»，狀態不明 «doubt»，失敗 «failed»；日誌：«journal»',
  }),
  dryRunSummary: message({
    en: 'dry run: «n» «n|message|messages» written to «dir» (nothing was sent), «skipped» already sent, «doubt» in doubt, «failed» not sendable',
    'zh-Hans': '试运行：«n» 封邮件已写入 «dir»（没有寄送），已寄过 «skipped»，状态不明 «doubt»，无法寄送 «failed»',
    'zh-Hant': '試執行：«n» 封郵件已寫入 «dir»（沒有寄送），已寄過 «skipped»，狀態不明 «doubt»，無法寄送 «failed»',
  }),
};

/** The command's help. */
export const mailHelpMessages = {
  mail: message({
    en: "send each firm its tailored guide by email (guide batch's manifest), never twice, resumable",
    'zh-Hans': '按 guide batch 的清单把专属指南通过电子邮件寄给每家企业；不重复寄送，中断后可续寄',
    'zh-Hant': '依 guide batch 的清單把專屬指南以電子郵件寄給每家企業；不重複寄送，中斷後可續寄',
  }),
  manifest: message({
    en: 'the manifest.json of guide batch (default: dist/firms/manifest.json of the edition)',
    'zh-Hans': 'guide batch 生成的 manifest.json（默认为本版次的 dist/firms/manifest.json）',
    'zh-Hant': 'guide batch 產生的 manifest.json（預設為本版次的 dist/firms/manifest.json）',
  }),
  formats: message({
    en: 'the files to attach, separated by commas: pdf, docx, html (default pdf)',
    'zh-Hans': '附加的文件，用逗号分隔：pdf、docx、html（默认 pdf）',
    'zh-Hant': '附加的檔案，用逗號分隔：pdf、docx、html（預設 pdf）',
  }),
  smtp: message({
    en: 'the SMTP server, e.g. smtps://user@host (default: GUIDE_SMTP_URL); TLS is required except on this machine',
    'zh-Hans': 'SMTP 服务器，例如 smtps://用户名@主机（默认取 GUIDE_SMTP_URL）；本机以外必须使用 TLS',
    'zh-Hant': 'SMTP 伺服器，例如 smtps://使用者名稱@主機（預設取 GUIDE_SMTP_URL）；本機以外必須使用 TLS',
  }),
  rate: message({
    en: 'messages a minute at most (default 30/min)',
    'zh-Hans': '每分钟最多寄出的邮件数（默认 30/min）',
    'zh-Hant': '每分鐘最多寄出的郵件數（預設 30/min）',
  }),
  resend: message({
    en: 'send these firms again even if the journal says sent or in doubt (ids separated by commas)',
    'zh-Hans': '即使日志记录为已寄或状态不明，也重新寄给这些企业（编号用逗号分隔）',
    'zh-Hant': '即使日誌記錄為已寄或狀態不明，也重新寄給這些企業（編號用逗號分隔）',
  }),
  only: message({
    en: 'send only to these firms (ids separated by commas)',
    'zh-Hans': '只寄给这些企业（编号用逗号分隔）',
    'zh-Hant': '只寄給這些企業（編號用逗號分隔）',
  }),
  shard: message({
    en: 'send only part i of n (the same parts as guide batch --shard), e.g. 1/4',
    'zh-Hans': '只寄送 n 份中的第 i 份（与 guide batch --shard 的分份相同），例如 1/4',
    'zh-Hant': '只寄送 n 份中的第 i 份（與 guide batch --shard 的分份相同），例如 1/4',
  }),
  to: message({
    en: 'send every message to this one test address instead, marked in the subject',
    'zh-Hans': '把所有邮件改寄到这一个测试地址，并在主题中标注',
    'zh-Hant': '把所有郵件改寄到這一個測試地址，並在主旨中標註',
  }),
  dryRun: message({
    en: 'write each message as DIR/<firm id>.eml, exactly as it would be sent, and send nothing',
    'zh-Hans': '把每封邮件按原样写成 DIR/<企业编号>.eml，不寄送',
    'zh-Hant': '把每封郵件按原樣寫成 DIR/<企業編號>.eml，不寄送',
  }),
  json: message({
    en: 'print the summary as JSON on stdout',
    'zh-Hans': '在标准输出上以 JSON 输出摘要',
    'zh-Hant': '在標準輸出上以 JSON 輸出摘要',
  }),
  exampleMail: message({
    en: 'email each firm its guide (after guide batch)',
    'zh-Hans': '通过电子邮件把指南寄给每家企业',
    'zh-Hant': '以電子郵件把指南寄給每家企業',
  }),
  exampleDryRun: message({
    en: 'look at what would be sent',
    'zh-Hans': '查看将要寄出的邮件',
    'zh-Hant': '查看將要寄出的郵件',
  }),
  exampleTest: message({
    en: 'every message to one test mailbox',
    'zh-Hans': '所有邮件寄到一个测试邮箱',
    'zh-Hant': '所有郵件寄到一個測試信箱',
  }),
  resume: message({
    en: 'Run it again after a stop: firms already sent are skipped. A message that was\nbeing handed over when the run stopped is reported as in doubt, not sent twice\n(--resend sends it). The journal is mail-journal.jsonl beside the manifest.',
    'zh-Hans':
      '中断后再运行一次即可：已寄出的企业会跳过。中断时正在交给服务器的邮件\n会报告为状态不明，不会重复寄送（用 --resend 可再寄）。\n日志是清单旁的 mail-journal.jsonl。',
    'zh-Hant':
      '中斷後再執行一次即可：已寄出的企業會跳過。中斷時正在交給伺服器的郵件\n會報告為狀態不明，不會重複寄送（用 --resend 可再寄）。\n日誌是清單旁的 mail-journal.jsonl。',
  }),
};

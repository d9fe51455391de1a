/**
 * What guide says when files cannot be written, and about templates, fonts, the clock and the
 * batch lock (source files that cannot be read: messages/catalogue.ts). System codes such as
 * ENOSPC stay in the text, in parentheses: they are what an administrator searches for.
 */

import { message } from './message.js';

export const ioMessages = {
  // Writing files
  writeFailed: message({
    en: 'could not write «file»: «reason»; existing files were left as they were',
    'zh-Hans': '无法写入 «file»：«reason»；已有的文件保持原样',
    'zh-Hant': '無法寫入 «file»：«reason»；已有的檔案保持原樣',
  }),
  removeFailed: message({
    en: 'could not remove «file» («reason»); existing files were left as they were',
    'zh-Hans': '无法删除 «file»（«reason»）；已有的文件保持原样',
    'zh-Hant': '無法刪除 «file»（«reason»）；已有的檔案保持原樣',
  }),
  diskFull: message({
    en: 'the disk is full (ENOSPC)',
    'zh-Hans': '磁盘已满（ENOSPC）',
    'zh-Hant': '磁碟已滿（ENOSPC）',
  }),
  quota: message({
    en: 'the disk quota is used up (EDQUOT)',
    'zh-Hans': '磁盘配额已用完（EDQUOT）',
    'zh-Hant': '磁碟配額已用完（EDQUOT）',
  }),
  permission: message({
    en: 'permission denied: this user may not write in «folder» («code»)',
    'zh-Hans': '没有权限：当前用户不能在 «folder» 中写入（«code»）',
    'zh-Hant': '沒有權限：目前使用者不能在 «folder» 中寫入（«code»）',
  }),
  readOnly: message({
    en: '«folder» is on a read-only file system (EROFS)',
    'zh-Hans': '«folder» 在只读的文件系统上（EROFS）',
    'zh-Hant': '«folder» 在唯讀的檔案系統上（EROFS）',
  }),
  fileInTheWay: message({
    en: '«file» is a file, not a folder («code»)',
    'zh-Hans': '«file» 是文件，不是文件夹（«code»）',
    'zh-Hant': '«file» 是檔案，不是資料夾（«code»）',
  }),
  partOfPath: message({ en: 'a part of the path', 'zh-Hans': '路径中的某一部分', 'zh-Hant': '路徑中的某一部分' }),
  isFolder: message({
    en: 'there is a folder of that name (EISDIR)',
    'zh-Hans': '已有同名的文件夹（EISDIR）',
    'zh-Hant': '已有同名的資料夾（EISDIR）',
  }),
  inUse: message({
    en: 'another program is using it (EBUSY); close it there',
    'zh-Hans': '另一个程序正在使用它（EBUSY）；请先在那里关闭',
    'zh-Hant': '另一個程式正在使用它（EBUSY）；請先在那裡關閉',
  }),
  nameTooLong: message({
    en: 'the file name is too long for the file system (ENAMETOOLONG)',
    'zh-Hans': '文件名太长，文件系统不接受（ENAMETOOLONG）',
    'zh-Hant': '檔名太長，檔案系統不接受（ENAMETOOLONG）',
  }),
  tooManyOpen: message({
    en: 'too many files are open («code»); run fewer jobs at once',
    'zh-Hans': '打开的文件太多（«code»）；请减少同时运行的任务数',
    'zh-Hant': '開啟的檔案太多（«code»）；請減少同時執行的工作數',
  }),
  // Writing an edition's files together (guide build): what was and was not replaced
  notWritten: message({
    en: 'not written: «files»',
    'zh-Hans': '未写入：«files»',
    'zh-Hant': '未寫入：«files»',
  }),
  couldNotReplace: message({
    en: 'could not replace «file»: «reason»',
    'zh-Hans': '无法替换 «file»：«reason»',
    'zh-Hant': '無法替換 «file»：«reason»',
  }),
  replaced: message({
    en: 'replaced by this build: «files»',
    'zh-Hans': '已替换为本次生成的文件：«files»',
    'zh-Hant': '已替換為本次產生的檔案：«files»',
  }),
  leftAsTheyWere: message({
    en: 'left as they were: «files»',
    'zh-Hans': '保持原样：«files»',
    'zh-Hant': '保持原樣：«files»',
  }),
  staleManifestRemoved: message({
    en: 'removed «file»: it described the files from before this build',
    'zh-Hans': '已删除 «file»：它记录的是本次生成之前的文件',
    'zh-Hant': '已刪除 «file»：它記錄的是本次產生之前的檔案',
  }),
  staleManifestKept: message({
    en: 'could not remove «file» («reason»): it describes the files from before this build, do not rely on it',
    'zh-Hans': '无法删除 «file»（«reason»）：它记录的是本次生成之前的文件，请勿依据它',
    'zh-Hant': '無法刪除 «file»（«reason»）：它記錄的是本次產生之前的檔案，請勿依據它',
  }),
  buildAgain: message({
    en: 'fix the cause and run guide build again',
    'zh-Hans': '请排除原因后再运行一次 guide build',
    'zh-Hant': '請排除原因後再執行一次 guide build',
  }),
  stoppedBySignal: message({
    en: 'stopped by «signal» while writing; the unfinished files were removed, and the files they were to replace were left as they were',
    'zh-Hans': '写入时被 «signal» 中止；未写完的文件已删除，原有的文件保持原样',
    'zh-Hant': '寫入時被 «signal» 中止；未寫完的檔案已刪除，原有的檔案保持原樣',
  }),
  cannotLookInto: message({
    en: 'could not look into «dir» («reason»)',
    'zh-Hans': '无法查看 «dir» 的内容（«reason»）',
    'zh-Hant': '無法查看 «dir» 的內容（«reason»）',
  }),

  // The batch output folder's lock
  cannotCreate: message({
    en: 'cannot create «dir» («reason»)',
    'zh-Hans': '无法创建 «dir»（«reason»）',
    'zh-Hant': '無法建立 «dir»（«reason»）',
  }),
  cannotWrite: message({
    en: 'cannot write «file» («reason»)',
    'zh-Hans': '无法写入 «file»（«reason»）',
    'zh-Hant': '無法寫入 «file»（«reason»）',
  }),
  locked: message({
    en: 'another guide batch (process «pid») is writing to «dir»; wait for it to finish, or give this run its own --out folder. If no guide batch is running, process «pid» is another program: delete «file» and run again',
    'zh-Hans':
      '另一个 guide batch（进程 «pid»）正在写入 «dir»；请等它结束，或用 --out 为这次运行另指定一个文件夹。如果并没有 guide batch 在运行，进程 «pid» 就是别的程序：请删除 «file» 后再运行',
    'zh-Hant':
      '另一個 guide batch（行程 «pid»）正在寫入 «dir»；請等它結束，或用 --out 為這次執行另指定一個資料夾。如果並沒有 guide batch 在執行，行程 «pid» 就是別的程式：請刪除 «file» 後再執行',
  }),
  lockedByOther: message({
    en: '«file» says process «pid» is writing to «dir», but process «pid» is «command», not guide: the lock was left by a run that ended. Delete «file» and run again',
    'zh-Hans':
      '«file» 记录进程 «pid» 正在写入 «dir»，但进程 «pid» 是 «command»，不是 guide：这个锁是已结束的运行留下的。请删除 «file» 后再运行',
    'zh-Hant':
      '«file» 記錄行程 «pid» 正在寫入 «dir»，但行程 «pid» 是 «command»，不是 guide：這個鎖是已結束的執行留下的。請刪除 «file» 後再執行',
  }),
  lockedFor: message({
    en: 'guide «command» cannot start: another guide «holder» (process «pid») is using «dir»; wait for it to finish and run again. If no guide is running, process «pid» is another program: delete «file» and run again',
    'zh-Hans':
      'guide «command» 无法开始：另一个 guide «holder»（进程 «pid»）正在使用 «dir»；请等它结束后再运行。如果并没有 guide 在运行，进程 «pid» 就是别的程序：请删除 «file» 后再运行',
    'zh-Hant':
      'guide «command» 無法開始：另一個 guide «holder»（行程 «pid»）正在使用 «dir»；請等它結束後再執行。如果並沒有 guide 在執行，行程 «pid» 就是別的程式：請刪除 «file» 後再執行',
  }),
  lockRace: message({
    en: 'another guide run took «dir» at the same moment as this guide «command»; run again',
    'zh-Hans': '另一个 guide 运行与这次 guide «command» 同时占用了 «dir»；请再运行一次',
    'zh-Hant': '另一個 guide 執行與這次 guide «command» 同時占用了 «dir»；請再執行一次',
  }),

  // The clock
  badEpoch: message({
    en: 'SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 (1970-01-01) to «latest» (9999-12-31), got "«value»"',
    'zh-Hans':
      'SOURCE_DATE_EPOCH 必须是 1970 年以来的整秒数，从 0（1970-01-01）到 «latest»（9999-12-31），收到的是“«value»”',
    'zh-Hant':
      'SOURCE_DATE_EPOCH 必須是 1970 年以來的整秒數，從 0（1970-01-01）到 «latest»（9999-12-31），收到的是「«value»」',
  }),

  // guide diff's sides
  notAnEdition: message({
    en: '"«spec»" is not a manifest.json, an edition folder, a folder of measure files or a git ref (tag, branch, commit) in «folder»',
    'zh-Hans': '“«spec»”不是 manifest.json、版本文件夹或措施文件夹，也不是 «folder» 中的 git 引用（标签、分支、提交）',
    'zh-Hant':
      '「«spec»」不是 manifest.json、版本資料夾或措施資料夾，也不是 «folder» 中的 git 參照（標籤、分支、提交）',
  }),

  // Templates, theme and fonts
  notAFile: message({ en: '«name» is not a file', 'zh-Hans': '«name» 不是文件', 'zh-Hant': '«name» 不是檔案' }),
  notAFileHint: message({
    en: 'remove it or rename it: every «suffix» in the templates folder is read as a template, and «theme» as the theme',
    'zh-Hans': '请删除或改名：模板文件夹中每个 «suffix» 都会作为模板读取，«theme» 作为主题读取',
    'zh-Hant': '請刪除或改名：範本資料夾中每個 «suffix» 都會作為範本讀取，«theme» 作為主題讀取',
  }),
  templateUnreadable: message({
    en: '«name» could not be read («reason»)',
    'zh-Hans': '无法读取 «name»（«reason»）',
    'zh-Hant': '無法讀取 «name»（«reason»）',
  }),
  templateUnreadableHint: message({
    en: 'check that the file exists and that this user may read it',
    'zh-Hans': '请确认文件存在，且当前用户有权读取',
    'zh-Hant': '請確認檔案存在，且目前使用者有權讀取',
  }),
  fontUnusable: message({
    en: 'font "«name»" cannot be used: «why»',
    'zh-Hans': '字体“«name»”无法使用：«why»',
    'zh-Hant': '字型「«name»」無法使用：«why»',
  }),
  noSuchFile: message({ en: 'there is no such file', 'zh-Hans': '没有这个文件', 'zh-Hant': '沒有這個檔案' }),
  itIsAFolder: message({ en: 'it is a folder', 'zh-Hans': '它是文件夹', 'zh-Hant': '它是資料夾' }),
  itChanged: message({
    en: 'it changed while guide was using it',
    'zh-Hans': '使用期间文件被改动',
    'zh-Hant': '使用期間檔案被改動',
  }),
  runAgainHint: message({
    en: 'run the command again once the file is as it should be',
    'zh-Hans': '请在文件改好后重新运行命令',
    'zh-Hant': '請在檔案改好後重新執行命令',
  }),
  itIsUnreadable: message({
    en: 'it could not be read («reason»)',
    'zh-Hans': '无法读取（«reason»）',
    'zh-Hant': '無法讀取（«reason»）',
  }),
  fontHint: message({
    en: 'write the path of a .ttf or .otf font file, relative to the edition folder (fonts/NotoSansTC-Regular.ttf) or inside an installed npm package (@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf)',
    'zh-Hans':
      '请写 .ttf 或 .otf 字体文件的路径：相对于本版文件夹（fonts/NotoSansTC-Regular.ttf），或在已安装的 npm 包中（@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf）',
    'zh-Hant':
      '請寫 .ttf 或 .otf 字型檔案的路徑：相對於本版資料夾（fonts/NotoSansTC-Regular.ttf），或在已安裝的 npm 套件中（@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf）',
  }),
};

/**
 * Our override dictionary for administrative text: Simplified → Taiwan Traditional, applied
 * before OpenCC and winning over it. OpenCC's Taiwan phrase table (TWPhrases, used by s2twp) is
 * written for IT vocabulary; in a 辦事指南 many of its entries change the meaning (文件 → 檔案,
 * 循環經濟 → 迴圈經濟, 統一社會信用代碼 → …程式碼). Each entry below is there because plain OpenCC
 * gets the word wrong in our texts; the corpus in test/convert/ shows every one in a sentence.
 */

/** [Simplified, Taiwan Traditional]. An entry whose two sides read the same keeps the word as it is. */
export const administrativePairs: readonly (readonly [string, string])[] = [
  // Words OpenCC's IT table turns into computing terms.
  ['文件', '文件'], // not 檔案 (file)
  ['程序', '程序'], // not 程式 (program)
  ['审核', '審核'], // not 稽核 (audit)
  ['发布', '發布'], // not 釋出 (software release)
  ['公布', '公布'], // not 公佈: Taiwan's standard form
  ['注销', '註銷'], // not 登出 (log out)
  ['对象', '對象'], // not 物件 (object)
  ['类型', '類型'], // not 型別 (data type)
  ['项目', '項目'], // an item (收費項目), not 專案
  ['窗口', '窗口'], // a service window, not 視窗
  ['循环', '循環'], // 循環經濟, not 迴圈 (a loop)
  ['代码', '代碼'], // 統一社會信用代碼, not 程式碼
  ['设备', '設備'], // equipment, not 裝置 (a device)
  ['社区', '社區'], // a neighbourhood, not 社群 (an online community)
  ['分区', '分區'], // 分區分級, not 分割槽 (disk partition)
  ['局部', '局部'], // not 區域性
  ['扩展', '擴展'], // not 擴充套件 (software extension)
  ['权限', '權限'], // 審批權限, not 許可權
  ['声明', '聲明'], // a written declaration, not 宣告
  ['保存', '保存'], // keep records, not 儲存 (save a file)
  ['设置', '設置'], // set up (設置專窗), not 設定 (a setting)
  ['进程', '進程'], // progress, not 程序 (a process)
  ['调度', '調度'], // dispatch, not 排程
  ['实例', '實例'], // not 例項
  ['优化', '優化'], // 優化營商環境, not 最佳化
  ['高级', '高級'], // not 高階
  ['用户', '用戶'], // 電力用戶, 工商業用戶: the word Taiwan utilities use too
  ['支持', '支持'], // 金融支持, as the sample edition writes it; not 支援
  ['查看', '查看'], // not 檢視
  // Mainland words Taiwan writes differently, which OpenCC leaves alone.
  ['质量', '品質'], // quality
  ['渠道', '管道'], // a channel (融資管道)
  ['计划', '計畫'], // Taiwan's official form
  ['复印件', '影本'], // a photocopy
  ['账单', '帳單'], // Taiwan writes 帳 for accounts; OpenCC gives 賬
  ['账户', '帳戶'],
  ['账号', '帳號'],
  ['账款', '帳款'],
  ['制品', '製品'], // 化學製品; OpenCC leaves 制品
  ['身份', '身分'], // 身分證: Taiwan's standard form
  ['消息', '消息'], // 最新消息, as Taiwan sites say; not 訊息
  // 通过 "by means of" is 透過 in Taiwan; 通過 stays for "pass" (審核通過). Only the unambiguous
  // "通过 + a channel" and "可通过" are rewritten.
  ['可通过', '可透過'],
  ['通过电子', '透過電子'],
  ['通过网上', '透過網上'],
  ['通过线上', '透過線上'],
  ['通过手机', '透過手機'],
  ['通过短信', '透過簡訊'],
  ['通过视频', '透過視訊'],
  ['通过邮寄', '透過郵寄'],
  ['通过电话', '透過電話'],
  ['通过特许', '透過特許'],
  ['通过当地', '透過當地'],
  // Names of mainland bodies and documents that contain the words above: they stay as named.
  ['质量技术监督', '質量技術監督'],
  ['质量监督检验检疫', '質量監督檢驗檢疫'],
  ['国家税务总局', '國家稅務總局'],
  ['工业和信息化部', '工業和信息化部'], // not 資訊化部: the ministry's name
  ['信息化部', '信息化部'],
  ['住房公积金', '住房公積金'],
  ['社保', '社保'],
  ['稳岗返还', '穩崗返還'],
];

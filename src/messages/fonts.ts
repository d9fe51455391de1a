/** The theme (templates/theme.yaml), its fonts and the characters they must draw. */

import { message } from './message.js';

export const glyphMessages = {
  inValue: message({
    en: '«field»: the character «character» cannot be drawn: no font of the theme has a glyph for it',
    'zh-Hans': '«field»：字符 «character» 无法显示：主题中没有任何字体有这个字形',
    'zh-Hant': '«field»：字元 «character» 無法顯示：主題中沒有任何字型有這個字形',
  }),
  value: message({ en: 'value', 'zh-Hans': '值', 'zh-Hant': '值' }),
  inRendered: message({
    en: 'the character «character» in the rendered guide cannot be drawn: no font of the theme has a glyph for it',
    'zh-Hans': '渲染出的指南中的字符 «character» 无法显示：主题中没有任何字体有这个字形',
    'zh-Hant': '轉譯出的指南中的字元 «character» 無法顯示：主題中沒有任何字型有這個字形',
  }),
  inFirm: message({
    en: '«place»: «field» has «character», which no font of the theme can draw',
    'zh-Hans': '«place»：«field»中的 «character» 是主题中任何字体都无法显示的字符',
    'zh-Hant': '«place»：«field»中的 «character» 是主題中任何字型都無法顯示的字元',
  }),
  hint: message({
    en: "no font in the theme's chain has it: add a font that has it to the chain (fonts.pdf.fallback in templates/theme.yaml, with its name in fonts.docx.eastAsiaFallback), or replace the character",
    'zh-Hans':
      '主题的字体链中没有字体包含它：请把含有这个字符的字体加入字体链（templates/theme.yaml 的 fonts.pdf.fallback，并在 fonts.docx.eastAsiaFallback 中写上字体名称），或替换这个字符',
    'zh-Hant':
      '主題的字型鏈中沒有字型包含它：請把含有這個字元的字型加入字型鏈（templates/theme.yaml 的 fonts.pdf.fallback，並在 fonts.docx.eastAsiaFallback 中寫上字型名稱），或替換這個字元',
  }),
  fromTemplate: message({
    en: 'it comes from a template or from guide.yaml: «hint»',
    'zh-Hans': '它来自模板或 guide.yaml：«hint»',
    'zh-Hant': '它來自範本或 guide.yaml：«hint»',
  }),
};

export const fontMessages = {
  unusable: message({
    en: '«label»: "«name»" «problem»',
    'zh-Hans': '«label»：“«name»”«problem»',
    'zh-Hant': '«label»：「«name»」«problem»',
  }),
  collection: message({
    en: 'is a font collection (.ttc); use a single .ttf or .otf font',
    'zh-Hans': '是字体集（.ttc）；请使用单个 .ttf 或 .otf 字体',
    'zh-Hant': '是字型集（.ttc）；請使用單一 .ttf 或 .otf 字型',
  }),
  webFont: message({
    en: 'is a web font (.woff); use a .ttf or .otf font',
    'zh-Hans': '是网页字体（.woff）；请使用 .ttf 或 .otf 字体',
    'zh-Hant': '是網頁字型（.woff）；請使用 .ttf 或 .otf 字型',
  }),
  notAFont: message({
    en: 'is not a TrueType or OpenType font',
    'zh-Hans': '不是 TrueType 或 OpenType 字体',
    'zh-Hant': '不是 TrueType 或 OpenType 字型',
  }),
  damaged: message({
    en: 'is damaged or is not a font («reason»)',
    'zh-Hans': '已损坏或不是字体（«reason»）',
    'zh-Hant': '已損壞或不是字型（«reason»）',
  }),
  damagedNoReason: message({ en: 'is damaged', 'zh-Hans': '已损坏', 'zh-Hant': '已損壞' }),
  fallbackCount: message({
    en: 'fonts.docx.eastAsiaFallback names «docx» font(s) but fonts.pdf.fallback has «pdf»',
    'zh-Hans': 'fonts.docx.eastAsiaFallback 列出 «docx» 个字体，而 fonts.pdf.fallback 有 «pdf» 个',
    'zh-Hant': 'fonts.docx.eastAsiaFallback 列出 «docx» 個字型，而 fonts.pdf.fallback 有 «pdf» 個',
  }),
  fallbackCountHint: message({
    en: 'name one DOCX font in fonts.docx.eastAsiaFallback for each entry of fonts.pdf.fallback, in the same order',
    'zh-Hans': '请按 fonts.pdf.fallback 的顺序，在 fonts.docx.eastAsiaFallback 中为每一项写一个 DOCX 字体名称',
    'zh-Hant': '請按 fonts.pdf.fallback 的順序，在 fonts.docx.eastAsiaFallback 中為每一項寫一個 DOCX 字型名稱',
  }),
};

export const themeMessages = {
  colour: message({
    en: 'must be a colour written #rrggbb, e.g. #8b1a1a',
    'zh-Hans': '不符合要求，颜色须写成 #rrggbb，例如 #8b1a1a',
    'zh-Hant': '不符合要求，顏色須寫成 #rrggbb，例如 #8b1a1a',
  }),
  printPdfA: message({
    en: 'pdf.print: true cannot be combined with pdf.standard: «standard»: print colours are CMYK, which PDF/A allows only with a CMYK output intent, and a PDF/A guide has an sRGB one',
    'zh-Hans':
      'pdf.print: true 不能与 pdf.standard: «standard» 同时使用：印刷色为 CMYK，而 PDF/A 只在有 CMYK 输出意图时才允许 CMYK，本工具的 PDF/A 输出意图是 sRGB',
    'zh-Hant':
      'pdf.print: true 不能與 pdf.standard: «standard» 同時使用：印刷色為 CMYK，而 PDF/A 只在有 CMYK 輸出意圖時才允許 CMYK，本工具的 PDF/A 輸出意圖是 sRGB',
  }),
  printPdfAHint: message({
    en: 'for the print shop write pdf.standard: ua-1 (tagged, CMYK allowed); for archiving keep PDF/A and set pdf.print: false',
    'zh-Hans':
      '交印刷厂的版本请写 pdf.standard: ua-1（带标签，可用 CMYK）；存档用的版本保留 PDF/A，并设 pdf.print: false',
    'zh-Hant':
      '交印刷廠的版本請寫 pdf.standard: ua-1（帶標籤，可用 CMYK）；存檔用的版本保留 PDF/A，並設 pdf.print: false',
  }),
};

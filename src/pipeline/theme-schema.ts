/** The schema of templates/theme.yaml, in the same schema language as guide.yaml and measures. */

import {
  boolean,
  defaulted,
  integer,
  list,
  number,
  object,
  oneOf,
  optional,
  refine,
  required,
  text,
  type ObjectSchema,
  type Schema,
} from '../schema/schema-kit.js';
import { themeColor, type FallbackFace, type TextStyle, type Theme } from '../writers/theme.js';
import { fontMessages, themeMessages } from '../messages/fonts.js';
import { pdfStandards, printConflictsWith } from '../writers/pdf/standards.js';

const color = () => text({ pattern: themeColor, patternHint: themeMessages.colour });
const length = () => number({ min: 0 });

const textStyle = object<TextStyle>({
  size: required(number({ min: 4 }), '字號（點）'),
  bold: required(boolean(), '粗體'),
  color: required(color(), '顏色'),
  align: required(oneOf(['left', 'center', 'right', 'justify'] as const), '對齊'),
  lineHeight: required(number({ min: 1 }), '行高（字號的倍數）'),
  spaceBefore: required(length(), '段前距（點）'),
  spaceAfter: required(length(), '段後距（點）'),
  firstLineIndent: optional(integer({ min: 0, max: 8 }), '首行縮排（字數，即字號的倍數）；預設 0'),
});

/** The letter's roles for a theme.yaml written before they existed: body text, indented or flush right. */
const letterStyle: TextStyle = {
  size: 10.5,
  bold: false,
  color: '#1f1f1f',
  align: 'justify',
  lineHeight: 1.7,
  spaceBefore: 0,
  spaceAfter: 6,
  firstLineIndent: 2,
};
const signatureStyle: TextStyle = {
  ...letterStyle,
  align: 'right',
  firstLineIndent: 0,
  spaceBefore: 18,
  spaceAfter: 0,
};

export const themeSchema: ObjectSchema<Theme> = object<Theme>({
  page: required(
    object<Theme['page']>({
      size: required(oneOf(['A4'] as const), '紙張'),
      margins: required(
        object<Theme['page']['margins']>({
          top: required(length(), '上邊距'),
          right: required(length(), '右邊距'),
          bottom: required(length(), '下邊距'),
          left: required(length(), '左邊距'),
        }),
        '頁邊距（點）',
      ),
      solidMeasure: defaulted(boolean(), 'PDF 版心取正文字號的整數倍寬（居中），整行不必拉開字距', true),
    }),
    '頁面',
  ),
  fonts: required(
    refine(
      object<Theme['fonts']>({
        pdf: required(
          object<Theme['fonts']['pdf']>({
            regular: required(text(), '常規字型檔（node_modules 內的路徑）'),
            bold: required(text(), '粗體字型檔'),
            fallback: defaulted(
              list(
                object<FallbackFace>({
                  regular: required(text(), '後備常規字型檔'),
                  bold: required(text(), '後備粗體字型檔'),
                }),
              ),
              '後備字型：主字型缺少的字，依序由第一個有該字的後備字型繪製',
              [],
            ),
          }),
          'PDF 字型',
        ),
        docx: required(
          object<Theme['fonts']['docx']>({
            eastAsia: required(text(), '中文字型名稱'),
            latin: required(text(), '西文字型名稱'),
            eastAsiaFallback: defaulted(
              list(text()),
              '後備中文字型名稱，與 PDF 後備字型逐一對應：主字型缺少的字以此命名',
              [],
            ),
            alternatives: defaulted(
              list(text()),
              '中文字型不在時依序改用的字型（寫入字型表），如 Microsoft JhengHei、PingFang TC、Noto Sans CJK TC',
              [],
            ),
            embed: defaulted(
              boolean(),
              '把 PDF 主字型的子集嵌入 DOCX（以中文字型名稱），任何電腦開啟都用同一字型',
              false,
            ),
          }),
          'DOCX 字型',
        ),
      }),
      (fonts) =>
        fonts.docx.eastAsiaFallback.length === fonts.pdf.fallback.length
          ? undefined
          : {
              code: 'E-THEME',
              message: fontMessages.fallbackCount({
                docx: fonts.docx.eastAsiaFallback.length,
                pdf: fonts.pdf.fallback.length,
              }),
              hint: fontMessages.fallbackCountHint(),
            },
    ),
    '字型',
  ),
  colors: required(
    object<Theme['colors']>({
      text: required(color(), '正文'),
      accent: required(color(), '強調'),
      muted: required(color(), '次要文字'),
      link: required(color(), '連結'),
      rule: required(color(), '線條'),
      tableHeaderFill: required(color(), '表頭底色'),
      tableLabelFill: required(color(), '服務卡標籤欄底色'),
    }),
    '顏色',
  ),
  paragraph: required(
    object<Theme['paragraph']>({
      body: required(textStyle, '正文'),
      lead: required(textStyle, '導語、摘要'),
      note: required(textStyle, '附註'),
      title: required(textStyle, '封面標題'),
      subtitle: required(textStyle, '封面副標題'),
      'cover-meta': required(textStyle, '封面資訊'),
      letter: defaulted(textStyle, '致函正文（企業專屬指南首頁）：首行縮排兩字', letterStyle),
      signature: defaulted(textStyle, '致函署名與日期：靠右', signatureStyle),
    }),
    '段落樣式',
  ),
  heading: required(
    object<Theme['heading']>({
      1: required(textStyle, '章'),
      2: required(textStyle, '節（措施）'),
      3: required(textStyle, '小標題'),
    }),
    '標題樣式',
  ),
  running: required(
    object<Theme['running']>({
      size: required(number({ min: 4 }), '頁首頁尾字號'),
      color: required(color(), '頁首頁尾顏色'),
      footer: required(text(), '頁尾文字；{page} 為頁碼，{pages} 為總頁數'),
    }),
    '頁首頁尾',
  ),
  list: required(
    object<Theme['list']>({ indent: required(length(), '縮排'), itemSpacing: required(length(), '項目間距') }),
    '清單',
  ),
  table: required(
    object<Theme['table']>({
      cellPadding: required(length(), '儲存格內距'),
      fontSize: required(number({ min: 4 }), '表格字號'),
      lineHeight: required(number({ min: 1 }), '表格行高'),
      borderWidth: required(length(), '框線粗細'),
      spaceAfter: required(length(), '表格後距'),
      continued: defaulted(text(), '跨頁續表標記：接續頁重複的欄名與服務卡標題後加上此字樣；空白則不加標題', '（續）'),
    }),
    '表格',
  ),
  toc: required(
    object<Theme['toc']>({
      title: required(text(), '目錄標題'),
      depth: required(
        integer({ min: 1, max: 3 }) as Schema<Theme['toc']['depth']>,
        '目錄層級：1 只列章，2 列到措施，3 列到小標題',
      ),
      size: required(number({ min: 4 }), '目錄字號'),
      lineHeight: required(number({ min: 1 }), '目錄行高'),
    }),
    '目錄',
  ),
  qr: required(object<Theme['qr']>({ size: required(length(), '二維碼邊長（點）') }), '二維碼'),
  pdf: defaulted(
    refine(
      object<Theme['pdf']>({
        standard: defaulted(
          oneOf(pdfStandards),
          'PDF 標準：ua-1（帶標籤，PDF/UA-1）、a-2b 或 a-2a（存檔用 PDF/A-2，亦帶標籤）、none（不帶標籤）',
          'ua-1',
        ),
        print: defaulted(boolean(), '印刷用色：文字 100% 黑（DeviceGray），其他顏色 CMYK；否則為螢幕用 RGB', false),
      }),
      (pdf) =>
        pdf.print && printConflictsWith(pdf.standard)
          ? {
              code: 'E-THEME',
              message: themeMessages.printPdfA({ standard: pdf.standard }),
              hint: themeMessages.printPdfAHint(),
            }
          : undefined,
    ),
    'PDF 輸出：標準與用色',
    { standard: 'ua-1', print: false },
  ),
});

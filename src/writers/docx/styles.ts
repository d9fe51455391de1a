/**
 * The DOCX style sheet, built from the theme. Everything the body uses is a named style (Word's
 * built-in ones where Word has one: Heading 1–3, Title, Subtitle, TOC 1–3, List Paragraph,
 * Header, Footer, Hyperlink, Strong, Emphasis), so staff restyle the guide by editing a style in
 * Word rather than hunting direct formatting.
 */

import {
  AlignmentType,
  LineRuleType,
  type IBaseParagraphStyleOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';
import type { TextStyle, Theme } from '../theme.js';
import { StyleId } from './style-ids.js';
import { eighthPoints, halfPoints, hexColor, twips, wordLanguageOf, type PageGeometry } from './units.js';

const alignment = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const;

/**
 * Line spacing "at least" size × lineHeight: the PDF's baseline-to-baseline distance, while a
 * taller inline (a QR image, a bigger run) still gets room, which "exact" would clip.
 */
function lineSpacing(size: number, lineHeight: number): { line: number; lineRule: typeof LineRuleType.AT_LEAST } {
  return { line: twips(size * lineHeight), lineRule: LineRuleType.AT_LEAST };
}

/**
 * A theme text style as a paragraph style over `base` (the style it is based on). "Not bold"
 * is written only to undo a bold base: an explicit `w:b w:val="0"` in Normal would also
 * override the bold of table-style header rows and label columns.
 */
function fromTextStyle(style: TextStyle, base?: TextStyle): IBaseParagraphStyleOptions {
  const bold = style.bold ? true : base?.bold ? false : undefined;
  const indent = style.firstLineIndent ?? 0;
  return {
    paragraph: {
      alignment: alignment[style.align],
      // In characters, as Word's 首行縮排 2 字元 (firstLineChars, hundredths of a character),
      // and in twips for readers that know only that.
      ...(indent > 0 ? { indent: { firstLine: twips(indent * style.size), firstLineChars: indent * 100 } } : {}),
      spacing: {
        before: twips(style.spaceBefore),
        after: twips(style.spaceAfter),
        ...lineSpacing(style.size, style.lineHeight),
      },
    },
    run: { size: halfPoints(style.size), color: hexColor(style.color), ...(bold === undefined ? {} : { bold }) },
  };
}

function paragraphStyle(
  id: string,
  name: string,
  options: IBaseParagraphStyleOptions & { basedOn?: string },
): IParagraphStyleOptions {
  return { id, name, basedOn: StyleId.normal, next: StyleId.normal, quickFormat: true, ...options };
}

function headingStyle(theme: Theme, level: 1 | 2 | 3): IBaseParagraphStyleOptions {
  const base = fromTextStyle(theme.heading[level], theme.paragraph.body);
  return {
    ...base,
    basedOn: StyleId.normal,
    next: StyleId.normal,
    quickFormat: true,
    uiPriority: 9,
    // Word's outline levels count from 0: heading 1 is level 0 in the navigation pane and TOC \o.
    paragraph: { ...base.paragraph, outlineLevel: level - 1, keepNext: true, keepLines: true },
  };
}

/** A table style as Word writes one. */
function tableStyleXml(id: string, name: string, tblPr: string, conditional = ''): string {
  return (
    `<w:style w:type="table" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/>` +
    `<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0"/></w:pPr>` +
    `<w:tblPr>${tblPr}</w:tblPr>${conditional}</w:style>`
  );
}

/**
 * The table styles, as a styles.xml of their own: docx has no table-style builder, and its
 * `externalStyles` is the one way in that keeps docx's default styles (`importedStyles` would
 * replace them).
 */
function tableStylesXml(theme: Theme): string {
  const { table, colors } = theme;
  const border = `w:val="single" w:sz="${eighthPoints(table.borderWidth)}" w:space="0" w:color="${hexColor(colors.rule)}"`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} ${border}/>`)
    .join('');
  const pad = twips(table.cellPadding);
  // No bottom margin: cell paragraphs carry the padding as space after (see TableText), so a
  // cell's last paragraph and a list's last item end one padding above the border.
  const cellMargins = `<w:tblCellMar><w:top w:w="${pad}" w:type="dxa"/><w:left w:w="${pad}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${pad}" w:type="dxa"/></w:tblCellMar>`;
  const tblPr = `<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>${cellMargins}`;
  const shaded = (type: string, fill: string) =>
    `<w:tblStylePr w:type="${type}"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${hexColor(fill)}"/></w:tcPr></w:tblStylePr>`;
  const noBorders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => `<w:${side} w:val="nil"/>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">' +
    tableStyleXml(StyleId.cardTable, 'Guide Card Table', tblPr, shaded('firstCol', colors.tableLabelFill)) +
    tableStyleXml(StyleId.gridTable, 'Guide Grid Table', tblPr, shaded('firstRow', colors.tableHeaderFill)) +
    tableStyleXml(
      StyleId.qrTable,
      'Guide QR Table',
      `<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>${noBorders}</w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${pad * 2}" w:type="dxa"/></w:tblCellMar>`,
    ) +
    '</w:styles>'
  );
}

/** The style sheet for a guide in the given theme and document language (BCP 47): the Document's `styles` and `externalStyles` options. */
export function buildStyles(
  theme: Theme,
  language: string,
  page: PageGeometry,
): { styles: IStylesOptions; externalStyles: string } {
  const { paragraph, running, table, toc, list, colors, fonts } = theme;
  const body = fromTextStyle(paragraph.body);
  const tableLine = lineSpacing(table.fontSize, table.lineHeight);
  const tocEntry = (level: 1 | 2 | 3): IParagraphStyleOptions => ({
    id: StyleId.toc[level],
    name: `toc ${level}`,
    basedOn: StyleId.normal,
    next: StyleId.normal,
    uiPriority: 39,
    unhideWhenUsed: true,
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: level === 1 ? twips(toc.size * 0.4) : 0, after: 0, ...lineSpacing(toc.size, toc.lineHeight) },
      // Two CJK characters of indent per level below the first, as printed Chinese contents pages do.
      indent: { left: twips((level - 1) * toc.size * 2) },
      rightTabStop: page.textWidth,
    },
    run: { size: halfPoints(toc.size), ...(level === 1 ? { bold: true } : {}) },
  });
  const unlisted = (level: 1 | 2 | 3): IParagraphStyleOptions => ({
    id: StyleId.unlistedHeading[level],
    name: `Heading ${level} Unlisted`,
    basedOn: StyleId.heading[level],
    next: StyleId.normal,
    uiPriority: 9,
    semiHidden: true,
    unhideWhenUsed: true,
    paragraph: { outlineLevel: 9 },
  });
  const headerFooter = { size: halfPoints(running.size), color: hexColor(running.color) };

  const styles: IStylesOptions = {
    default: {
      document: {
        run: {
          font: {
            ascii: fonts.docx.latin,
            hAnsi: fonts.docx.latin,
            cs: fonts.docx.latin,
            eastAsia: fonts.docx.eastAsia,
            hint: 'eastAsia',
          },
          size: halfPoints(paragraph.body.size),
          color: hexColor(colors.text),
          language: { value: 'en-US', eastAsia: wordLanguageOf(language) },
        },
      },
      title: {
        ...fromTextStyle(paragraph.title, paragraph.body),
        basedOn: StyleId.normal,
        next: StyleId.normal,
        quickFormat: true,
      },
      heading1: headingStyle(theme, 1),
      heading2: headingStyle(theme, 2),
      heading3: headingStyle(theme, 3),
      listParagraph: {
        basedOn: StyleId.normal,
        quickFormat: true,
        paragraph: { spacing: { before: 0, after: twips(list.itemSpacing) } },
      },
      hyperlink: { run: { color: hexColor(colors.link), underline: { type: 'single' } } },
    },
    paragraphStyles: [
      { id: StyleId.normal, name: 'Normal', quickFormat: true, ...body },
      paragraphStyle(StyleId.subtitle, 'Subtitle', fromTextStyle(paragraph.subtitle, paragraph.body)),
      paragraphStyle(StyleId.coverMeta, 'Cover Meta', fromTextStyle(paragraph['cover-meta'], paragraph.body)),
      paragraphStyle(StyleId.lead, 'Lead', fromTextStyle(paragraph.lead, paragraph.body)),
      paragraphStyle(StyleId.note, 'Note', fromTextStyle(paragraph.note, paragraph.body)),
      paragraphStyle(StyleId.letter, 'Letter', fromTextStyle(paragraph.letter, paragraph.body)),
      paragraphStyle(StyleId.signature, 'Signature', fromTextStyle(paragraph.signature, paragraph.body)),
      unlisted(1),
      unlisted(2),
      unlisted(3),
      {
        ...paragraphStyle(StyleId.tocHeading, 'TOC Heading', fromTextStyle(theme.heading[1], paragraph.body)),
        uiPriority: 39,
        paragraph: { ...fromTextStyle(theme.heading[1], paragraph.body).paragraph, keepNext: true },
      },
      tocEntry(1),
      tocEntry(2),
      tocEntry(3),
      paragraphStyle(StyleId.tableText, 'Table Text', {
        paragraph: {
          alignment: AlignmentType.LEFT,
          spacing: { before: 0, after: twips(table.cellPadding), ...tableLine },
        },
        run: { size: halfPoints(table.fontSize) },
      }),
      paragraphStyle(StyleId.tableList, 'Table List', {
        basedOn: StyleId.tableText,
        paragraph: { spacing: { after: twips(list.itemSpacing) } },
      }),
      paragraphStyle(StyleId.tableSpacing, 'Table Spacing', {
        // The gap after a table: Word has no "space after" for tables, and two tables with
        // nothing between them would be drawn as one.
        paragraph: { spacing: { before: 0, after: 0, line: twips(table.spaceAfter), lineRule: LineRuleType.EXACT } },
        run: { size: 2 },
      }),
      {
        id: StyleId.header,
        name: 'header',
        basedOn: StyleId.normal,
        uiPriority: 99,
        unhideWhenUsed: true,
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 0, ...lineSpacing(running.size, 1.4) },
          border: {
            bottom: { style: 'single', size: eighthPoints(table.borderWidth), color: hexColor(colors.rule), space: 4 },
          },
        },
        run: headerFooter,
      },
      {
        id: StyleId.footer,
        name: 'footer',
        basedOn: StyleId.normal,
        uiPriority: 99,
        unhideWhenUsed: true,
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 0, ...lineSpacing(running.size, 1.4) },
        },
        run: headerFooter,
      },
      paragraphStyle(StyleId.rule, 'Horizontal Rule', {
        paragraph: {
          spacing: {
            before: twips(paragraph.body.spaceAfter),
            after: twips(paragraph.body.spaceAfter * 2),
            line: 20,
            lineRule: LineRuleType.EXACT,
          },
          border: {
            bottom: { style: 'single', size: eighthPoints(table.borderWidth), color: hexColor(colors.rule), space: 0 },
          },
        },
        run: { size: 2 },
      }),
      paragraphStyle(StyleId.qrUrl, 'QR Address', {
        basedOn: StyleId.note,
        paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } },
        run: { color: hexColor(colors.muted) },
      }),
    ],
    characterStyles: [
      {
        id: StyleId.strong,
        name: 'Strong',
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        uiPriority: 22,
        run: { bold: true },
      },
      {
        id: StyleId.emphasis,
        name: 'Emphasis',
        basedOn: 'DefaultParagraphFont',
        quickFormat: true,
        uiPriority: 20,
        run: { italics: true },
      },
    ],
  };
  return { styles, externalStyles: tableStylesXml(theme) };
}

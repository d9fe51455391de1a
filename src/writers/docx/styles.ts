/**
 * The DOCX style sheet, built from the theme. Everything the body uses is a named style (Word's
 * built-in ones where Word has one: Heading 1–3, Title, Subtitle, TOC 1–3, List Paragraph,
 * Header, Footer, Hyperlink, Strong, Emphasis), so staff restyle the guide by editing a style in
 * Word rather than hunting direct formatting. Written as docx (the library guide wrote its
 * packages with before) writes a style sheet: Word's default styles first, each property in the
 * order the schema gives it.
 */

import type { TextStyle, Theme } from '../theme.js';
import { DEFAULT_STYLES_AFTER_TOC, DEFAULT_STYLES_BEFORE_TOC } from './package-parts.js';
import { StyleId } from './style-ids.js';
import { eighthPoints, halfPoints, hexColor, twips, wordLanguageOf, type PageGeometry } from './units.js';
import { escapeXml } from './xml.js';

/** `w:jc` values of the theme's alignments. */
const alignment = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;

/** Paragraph properties a style sets; each is written only when set. */
interface ParagraphProperties {
  keepNext?: boolean;
  keepLines?: boolean;
  /** A rule under the paragraph: its colour, width (eighths of a point) and distance below the text (points). */
  bottomRule?: { color: string; size: number; space: number };
  /** A right-aligned tab stop at this many twips (the TOC's page numbers). */
  rightTab?: number;
  spacing?: { after?: number; before?: number; line?: number; lineRule?: 'atLeast' | 'exact' };
  indent?: { left?: number; firstLine?: number; firstLineChars?: number };
  align?: (typeof alignment)[keyof typeof alignment];
  /** Word's outline level, from 0 (heading 1); 9 is body text. */
  outlineLevel?: number;
}

/** Run properties a style sets; `bold: false` undoes a bold base. */
interface RunProperties {
  /** The Latin (also complex-script) and East Asian font names. */
  fonts?: { latin: string; eastAsia: string };
  bold?: boolean;
  italics?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  underline?: boolean;
  /** The East Asian language tag beside en-US (the document defaults). */
  eastAsianLanguage?: string;
}

interface Style {
  type: 'paragraph' | 'character';
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  uiPriority?: number;
  semiHidden?: boolean;
  unhideWhenUsed?: boolean;
  quickFormat?: boolean;
  paragraph?: ParagraphProperties;
  run?: RunProperties;
}

/**
 * Line spacing "at least" size × lineHeight: the PDF's baseline-to-baseline distance, while a
 * taller inline (a QR image, a bigger run) still gets room, which "exact" would clip.
 */
function lineSpacing(size: number, lineHeight: number): { line: number; lineRule: 'atLeast' } {
  return { line: twips(size * lineHeight), lineRule: 'atLeast' };
}

/**
 * A theme text style as a style's properties over `base` (the style it is based on). "Not bold"
 * is written only to undo a bold base: an explicit `w:b w:val="0"` in Normal would also
 * override the bold of table-style header rows and label columns.
 */
function fromTextStyle(style: TextStyle, base?: TextStyle): { paragraph: ParagraphProperties; run: RunProperties } {
  const bold = style.bold ? true : base?.bold ? false : undefined;
  const indent = style.firstLineIndent ?? 0;
  return {
    paragraph: {
      spacing: {
        after: twips(style.spaceAfter),
        before: twips(style.spaceBefore),
        ...lineSpacing(style.size, style.lineHeight),
      },
      // In characters, as Word's 首行縮排 2 字元 (firstLineChars, hundredths of a character),
      // and in twips for readers that know only that.
      ...(indent > 0 ? { indent: { firstLine: twips(indent * style.size), firstLineChars: indent * 100 } } : {}),
      align: alignment[style.align],
    },
    run: { ...(bold === undefined ? {} : { bold }), color: hexColor(style.color), size: halfPoints(style.size) },
  };
}

/** A paragraph style based on Normal and followed by it, in the quick style gallery. */
function paragraphStyle(id: string, name: string, options: Partial<Style>): Style {
  return { type: 'paragraph', id, name, basedOn: StyleId.normal, next: StyleId.normal, quickFormat: true, ...options };
}

function headingStyle(theme: Theme, level: 1 | 2 | 3): Style {
  const { paragraph, run } = fromTextStyle(theme.heading[level], theme.paragraph.body);
  return paragraphStyle(StyleId.heading[level], `Heading ${level}`, {
    uiPriority: 9,
    // Word's outline levels count from 0: heading 1 is level 0 in the navigation pane and TOC \o.
    paragraph: { ...paragraph, keepNext: true, keepLines: true, outlineLevel: level - 1 },
    run,
  });
}

const attribute = (name: string, value: string | number | undefined): string =>
  value === undefined ? '' : ` w:${name}="${value}"`;
const flag = (name: string, on: boolean | undefined): string => (on ? `<w:${name}/>` : '');

/**
 * The paragraph defaults every paragraph inherits from Normal: widow and orphan control, no
 * automatic space between East Asian text and Latin text or numbers (the PDF sets none; Word
 * follows it, LibreOffice 7.4 does not read it), and w:overflowPunct on. Word then hangs a
 * closing mark in the margin and draws it (its own default); LibreOffice reads the switch as
 * "no hanging punctuation" and keeps the mark on the line. With it off or absent, LibreOffice
 * hangs marks and does not draw them: 8 of 2,218 marks of the sample were lost. In Normal rather
 * than the document defaults: LibreOffice does not read these from w:pPrDefault.
 */
function paragraphXml(p: ParagraphProperties, normal: boolean): string {
  const { spacing, indent } = p;
  const xml =
    flag('keepNext', p.keepNext) +
    flag('keepLines', p.keepLines) +
    flag('widowControl', normal) +
    (p.bottomRule
      ? `<w:pBdr><w:bottom w:val="single" w:color="${p.bottomRule.color}" w:sz="${p.bottomRule.size}" ` +
        `w:space="${p.bottomRule.space}"/></w:pBdr>`
      : '') +
    (p.rightTab === undefined ? '' : `<w:tabs><w:tab w:val="right" w:pos="${p.rightTab}"/></w:tabs>`) +
    (normal ? '<w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' : '') +
    (spacing
      ? `<w:spacing${attribute('after', spacing.after)}${attribute('before', spacing.before)}` +
        `${attribute('line', spacing.line)}${attribute('lineRule', spacing.lineRule)}/>`
      : '') +
    (indent
      ? `<w:ind${attribute('left', indent.left)}${attribute('firstLine', indent.firstLine)}` +
        `${attribute('firstLineChars', indent.firstLineChars)}/>`
      : '') +
    (p.align ? `<w:jc w:val="${p.align}"/>` : '') +
    (p.outlineLevel === undefined ? '' : `<w:outlineLvl w:val="${p.outlineLevel}"/>`);
  return xml === '' ? '' : `<w:pPr>${xml}</w:pPr>`;
}

function runXml(r: RunProperties): string {
  const bold = r.bold === undefined ? '' : r.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>';
  const { fonts, eastAsianLanguage } = r;
  const xml =
    (fonts
      ? `<w:rFonts w:ascii="${escapeXml(fonts.latin)}" w:cs="${escapeXml(fonts.latin)}" ` +
        `w:eastAsia="${escapeXml(fonts.eastAsia)}" w:hAnsi="${escapeXml(fonts.latin)}" w:hint="eastAsia"/>`
      : '') +
    bold +
    flag('i', r.italics) +
    flag('iCs', r.italics) +
    (r.color ? `<w:color w:val="${r.color}"/>` : '') +
    // As docx wrote them: no complex-script size for a size of 0.
    (r.size === undefined ? '' : `<w:sz w:val="${r.size}"/>${r.size ? `<w:szCs w:val="${r.size}"/>` : ''}`) +
    (r.underline ? '<w:u w:val="single"/>' : '') +
    (eastAsianLanguage ? `<w:lang w:val="en-US" w:eastAsia="${escapeXml(eastAsianLanguage)}"/>` : '');
  return xml === '' ? '' : `<w:rPr>${xml}</w:rPr>`;
}

function styleXml(style: Style): string {
  const normal = style.id === StyleId.normal;
  return (
    `<w:style w:type="${style.type}" w:styleId="${style.id}"${normal ? ' w:default="1"' : ''}>` +
    `<w:name w:val="${style.name}"/>` +
    (style.basedOn ? `<w:basedOn w:val="${style.basedOn}"/>` : '') +
    (style.next ? `<w:next w:val="${style.next}"/>` : '') +
    (style.uiPriority === undefined ? '' : `<w:uiPriority w:val="${style.uiPriority}"/>`) +
    flag('semiHidden', style.semiHidden) +
    flag('unhideWhenUsed', style.unhideWhenUsed) +
    flag('qFormat', style.quickFormat) +
    paragraphXml(style.paragraph ?? {}, normal) +
    runXml(style.run ?? {}) +
    '</w:style>'
  );
}

/** A table style as Word writes one. */
function tableStyleXml(id: string, name: string, tblPr: string, conditional = ''): string {
  return (
    `<w:style w:type="table" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/>` +
    `<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0"/></w:pPr>` +
    `<w:tblPr>${tblPr}</w:tblPr>${conditional}</w:style>`
  );
}

/** The table styles: cards (label column shaded), grids (header row shaded) and the QR code's frameless table. */
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
    tableStyleXml(StyleId.cardTable, 'Guide Card Table', tblPr, shaded('firstCol', colors.tableLabelFill)) +
    tableStyleXml(StyleId.gridTable, 'Guide Grid Table', tblPr, shaded('firstRow', colors.tableHeaderFill)) +
    tableStyleXml(
      StyleId.qrTable,
      'Guide QR Table',
      `<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>${noBorders}</w:tblBorders><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${pad * 2}" w:type="dxa"/></w:tblCellMar>`,
    )
  );
}

/** Word's TOC levels below the guide's (4–9), indented by the body size a level, as docx wrote them. */
function wordTocLevel(level: number, theme: Theme): Style {
  return {
    type: 'paragraph',
    id: `TOC${level}`,
    name: `toc ${level}`,
    basedOn: StyleId.normal,
    next: StyleId.normal,
    uiPriority: 39,
    semiHidden: true,
    unhideWhenUsed: true,
    paragraph: { spacing: { after: 100 }, indent: { left: (level - 1) * halfPoints(theme.paragraph.body.size) * 10 } },
  };
}

/** The document defaults: the guide's fonts, text colour and size, and the document's language for East Asian text. */
function documentDefaultsXml(theme: Theme, language: string): string {
  const run = runXml({
    fonts: theme.fonts.docx,
    color: hexColor(theme.colors.text),
    size: halfPoints(theme.paragraph.body.size),
    eastAsianLanguage: wordLanguageOf(language),
  });
  return `<w:docDefaults><w:rPrDefault>${run}</w:rPrDefault><w:pPrDefault/></w:docDefaults>`;
}

/** The guide's own styles, in the order they are written after Word's defaults and the table styles. */
function guideStyles(theme: Theme, page: PageGeometry): Style[] {
  const { paragraph, running, table, toc, list, colors } = theme;
  const body = paragraph.body;
  const tableLine = lineSpacing(table.fontSize, table.lineHeight);
  const tocEntry = (level: 1 | 2 | 3): Style => ({
    type: 'paragraph',
    id: StyleId.toc[level],
    name: `toc ${level}`,
    basedOn: StyleId.normal,
    next: StyleId.normal,
    uiPriority: 39,
    unhideWhenUsed: true,
    paragraph: {
      rightTab: page.textWidth,
      spacing: { after: 0, before: level === 1 ? twips(toc.size * 0.4) : 0, ...lineSpacing(toc.size, toc.lineHeight) },
      // Two CJK characters of indent per level below the first, as printed Chinese contents pages do.
      indent: { left: twips((level - 1) * toc.size * 2) },
      align: 'left',
    },
    run: { ...(level === 1 ? { bold: true } : {}), size: halfPoints(toc.size) },
  });
  const unlisted = (level: 1 | 2 | 3): Style => ({
    type: 'paragraph',
    id: StyleId.unlistedHeading[level],
    name: `Heading ${level} Unlisted`,
    basedOn: StyleId.heading[level],
    next: StyleId.normal,
    uiPriority: 9,
    semiHidden: true,
    unhideWhenUsed: true,
    paragraph: { outlineLevel: 9 },
  });
  const rule = (space: number) => ({ color: hexColor(colors.rule), size: eighthPoints(table.borderWidth), space });
  const runningStyle = (id: string, name: string, ruled: boolean): Style => ({
    type: 'paragraph',
    id,
    name,
    basedOn: StyleId.normal,
    uiPriority: 99,
    unhideWhenUsed: true,
    paragraph: {
      ...(ruled ? { bottomRule: rule(4) } : {}),
      spacing: { after: 0, before: 0, ...lineSpacing(running.size, 1.4) },
      align: 'center',
    },
    run: { color: hexColor(running.color), size: halfPoints(running.size) },
  });
  const character = (
    id: string,
    name: string,
    uiPriority: number,
    quickFormat: boolean,
    run: RunProperties,
  ): Style => ({
    type: 'character',
    id,
    name,
    basedOn: 'DefaultParagraphFont',
    uiPriority,
    unhideWhenUsed: true,
    quickFormat,
    run,
  });
  const heading1 = fromTextStyle(theme.heading[1], body);
  return [
    paragraphStyle(StyleId.title, 'Title', fromTextStyle(paragraph.title, body)),
    headingStyle(theme, 1),
    headingStyle(theme, 2),
    headingStyle(theme, 3),
    {
      type: 'paragraph',
      id: StyleId.listParagraph,
      name: 'List Paragraph',
      basedOn: StyleId.normal,
      quickFormat: true,
      paragraph: { spacing: { after: twips(list.itemSpacing), before: 0 } },
    },
    character(StyleId.hyperlink, 'Hyperlink', 99, false, { color: hexColor(colors.link), underline: true }),
    { type: 'paragraph', id: StyleId.normal, name: 'Normal', quickFormat: true, ...fromTextStyle(body) },
    paragraphStyle(StyleId.subtitle, 'Subtitle', fromTextStyle(paragraph.subtitle, body)),
    paragraphStyle(StyleId.coverMeta, 'Cover Meta', fromTextStyle(paragraph['cover-meta'], body)),
    paragraphStyle(StyleId.lead, 'Lead', fromTextStyle(paragraph.lead, body)),
    paragraphStyle(StyleId.note, 'Note', fromTextStyle(paragraph.note, body)),
    paragraphStyle(StyleId.letter, 'Letter', fromTextStyle(paragraph.letter, body)),
    paragraphStyle(StyleId.signature, 'Signature', fromTextStyle(paragraph.signature, body)),
    unlisted(1),
    unlisted(2),
    unlisted(3),
    paragraphStyle(StyleId.tocHeading, 'TOC Heading', {
      uiPriority: 39,
      paragraph: { ...heading1.paragraph, keepNext: true },
      run: heading1.run,
    }),
    tocEntry(1),
    tocEntry(2),
    tocEntry(3),
    paragraphStyle(StyleId.tableText, 'Table Text', {
      paragraph: { spacing: { after: twips(table.cellPadding), before: 0, ...tableLine }, align: 'left' },
      run: { size: halfPoints(table.fontSize) },
    }),
    paragraphStyle(StyleId.tableList, 'Table List', {
      basedOn: StyleId.tableText,
      paragraph: { spacing: { after: twips(list.itemSpacing) } },
    }),
    paragraphStyle(StyleId.tableSpacing, 'Table Spacing', {
      // The gap after a table: Word has no "space after" for tables, and two tables with
      // nothing between them would be drawn as one.
      paragraph: { spacing: { after: 0, before: 0, line: twips(table.spaceAfter), lineRule: 'exact' } },
      run: { size: 2 },
    }),
    runningStyle(StyleId.header, 'header', true),
    runningStyle(StyleId.footer, 'footer', false),
    paragraphStyle(StyleId.rule, 'Horizontal Rule', {
      paragraph: {
        bottomRule: rule(0),
        spacing: { after: twips(body.spaceAfter * 2), before: twips(body.spaceAfter), line: 20, lineRule: 'exact' },
      },
      run: { size: 2 },
    }),
    paragraphStyle(StyleId.qrUrl, 'QR Address', {
      basedOn: StyleId.note,
      paragraph: { spacing: { after: 0, before: 0 }, align: 'left' },
      run: { color: hexColor(colors.muted) },
    }),
    character(StyleId.strong, 'Strong', 22, true, { bold: true }),
    character(StyleId.emphasis, 'Emphasis', 20, true, { italics: true }),
  ];
}

/** styles.xml for a guide in the given theme and document language (BCP 47). */
export function stylesXml(theme: Theme, language: string, page: PageGeometry): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15">' +
    documentDefaultsXml(theme, language) +
    DEFAULT_STYLES_BEFORE_TOC +
    [4, 5, 6, 7, 8, 9].map((level) => styleXml(wordTocLevel(level, theme))).join('') +
    DEFAULT_STYLES_AFTER_TOC +
    tableStylesXml(theme) +
    guideStyles(theme, page).map(styleXml).join('') +
    '</w:styles>'
  );
}

/**
 * The parts of a guide's DOCX package that do not depend on the theme or the document, in the
 * words docx (the library guide wrote its packages with before) writes them, so packages keep
 * their bytes: the XML namespaces WordprocessingML parts declare, Word's default styles that
 * guide does not restyle, empty footnotes and endnotes with their separators, the Office theme,
 * and the content types. shell.ts puts them together with the parts made from the theme.
 */

/** The namespaces a WordprocessingML part may declare, by prefix. */
const namespaces: Record<string, string> = {
  wpc: 'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  o: 'urn:schemas-microsoft-com:office:office',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  v: 'urn:schemas-microsoft-com:vml',
  wp14: 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  w10: 'urn:schemas-microsoft-com:office:word',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  wpg: 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  wpi: 'http://schemas.microsoft.com/office/word/2010/wordprocessingInk',
  wne: 'http://schemas.microsoft.com/office/word/2006/wordml',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  cx: 'http://schemas.microsoft.com/office/drawing/2014/chartex',
  cx1: 'http://schemas.microsoft.com/office/drawing/2015/9/8/chartex',
  cx2: 'http://schemas.microsoft.com/office/drawing/2015/10/21/chartex',
  cx3: 'http://schemas.microsoft.com/office/drawing/2016/5/9/chartex',
  cx4: 'http://schemas.microsoft.com/office/drawing/2016/5/10/chartex',
  cx5: 'http://schemas.microsoft.com/office/drawing/2016/5/11/chartex',
  cx6: 'http://schemas.microsoft.com/office/drawing/2016/5/12/chartex',
  cx7: 'http://schemas.microsoft.com/office/drawing/2016/5/13/chartex',
  cx8: 'http://schemas.microsoft.com/office/drawing/2016/5/14/chartex',
  aink: 'http://schemas.microsoft.com/office/drawing/2016/ink',
  am3d: 'http://schemas.microsoft.com/office/drawing/2017/model3d',
  w16cex: 'http://schemas.microsoft.com/office/word/2018/wordml/cex',
  w16cid: 'http://schemas.microsoft.com/office/word/2016/wordml/cid',
  w16: 'http://schemas.microsoft.com/office/word/2018/wordml',
  w16sdtdh: 'http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash',
  w16se: 'http://schemas.microsoft.com/office/word/2015/wordml/symex',
};

function declare(prefixes: readonly string[]): string {
  return prefixes.map((prefix) => `xmlns:${prefix}="${namespaces[prefix]!}"`).join(' ');
}

const bodyPrefixes = [
  'wpc',
  'mc',
  'o',
  'r',
  'm',
  'v',
  'wp14',
  'wp',
  'w10',
  'w',
  'w14',
  'w15',
  'wpg',
  'wpi',
  'wne',
  'wps',
];
const chartPrefixes = ['cx', 'cx1', 'cx2', 'cx3', 'cx4', 'cx5', 'cx6', 'cx7', 'cx8'];

/** The attributes of a header's root element (w:hdr). */
export const HEADER_NAMESPACES = declare([...bodyPrefixes, ...chartPrefixes, 'w16cid', 'w16se']);
/** The attributes of a footer's root element (w:ftr). */
export const FOOTER_NAMESPACES = declare(bodyPrefixes);
/** The attributes of document.xml's root element (w:document). */
export const DOCUMENT_NAMESPACES = `mc:Ignorable="w14 w15 wp14" ${declare([...bodyPrefixes, ...chartPrefixes, 'aink', 'am3d', 'w16cex', 'w16cid', 'w16', 'w16sdtdh', 'w16se'])}`;
/** The attributes of settings.xml's, footnotes.xml's and endnotes.xml's root elements. */
export const SETTINGS_NAMESPACES = `${declare(bodyPrefixes)} mc:Ignorable="w14 w15 wp14"`;

/** Word's default styles that guide leaves as they are, before TOC levels 4–9 (styles.ts): the table default, headings 4–6, captions, the bibliography. */
export const DEFAULT_STYLES_BEFORE_TOC =
  '<w:style w:type="table" w:styleId="TableNormal" w:default="true"><w:name w:val="Normal Table"/>' +
  '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>' +
  '<w:tblInd w:type="dxa" w:w="0"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/>' +
  '<w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/>' +
  '<w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="Heading 4"/>' +
  '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:i/><w:iCs/>' +
  '<w:color w:val="2E74B5"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading5">' +
  '<w:name w:val="Heading 5"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>' +
  '<w:rPr><w:color w:val="2E74B5"/></w:rPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="Heading6"><w:name w:val="Heading 6"/>' +
  '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="1F4D78"/>' +
  '</w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/>' +
  '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:semiHidden/>' +
  '<w:unhideWhenUsed/><w:qFormat/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:i/><w:iCs/>' +
  '<w:color w:val="44546A" w:themeColor="dark2"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>' +
  '</w:style><w:style w:type="paragraph" w:styleId="Bibliography"><w:name w:val="Bibliography"/>' +
  '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="37"/><w:unhideWhenUsed/>' +
  '</w:style>';

/** A kind of note: footnote or endnote; Word writes the two alike but for their names. */
type Note = 'footnote' | 'endnote';

const capitalized = (note: Note) => `${note[0]!.toUpperCase()}${note.slice(1)}`;

/** Word's styles for one kind of note: its reference mark, its text, and that text as a character style. */
function noteStylesXml(note: Note): string {
  const name = capitalized(note);
  const common = '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>';
  const size = '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>';
  return (
    `<w:style w:type="character" w:styleId="${name}Reference"><w:name w:val="${note} reference"/>` +
    `<w:basedOn w:val="DefaultParagraphFont"/>${common}<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="${name}Text"><w:name w:val="${note} text"/>` +
    `<w:basedOn w:val="Normal"/><w:link w:val="${name}TextChar"/>${common}` +
    `<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>${size}</w:style>` +
    `<w:style w:type="character" w:styleId="${name}TextChar"><w:name w:val="${name} Text Char"/>` +
    `<w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="${name}Text"/>${common}${size}</w:style>`
  );
}

/** Word's default styles that guide leaves as they are, after TOC levels 4–9: notes and line numbers. */
export const DEFAULT_STYLES_AFTER_TOC =
  noteStylesXml('footnote') +
  noteStylesXml('endnote') +
  '<w:style w:type="character" w:styleId="LineNumber"><w:name w:val="line number"/>' +
  '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/>' +
  '<w:unhideWhenUsed/></w:style>';

/**
 * A notes part: only the two separators Word expects. docx declared footnotes.xml standalone and
 * endnotes.xml not.
 */
function notesXml(note: Note, declaration: string): string {
  const separator = (type: string, id: number) =>
    `<w:${note} w:type="${type}" w:id="${id}"><w:p><w:pPr>` +
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>' +
    `<w:r><w:rPr><w:rStyle w:val="${capitalized(note)}Reference"/></w:rPr><w:${note}Ref/></w:r>` +
    `<w:r><w:${type}/></w:r></w:p></w:${note}>`;
  return (
    `${declaration}<w:${note}s ${SETTINGS_NAMESPACES}>` +
    separator('separator', -1) +
    separator('continuationSeparator', 0) +
    `</w:${note}s>`
  );
}

export const FOOTNOTES_XML = notesXml('footnote', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
export const ENDNOTES_XML = notesXml('endnote', '<?xml version="1.0" encoding="UTF-8"?>');

/** The Office theme (colours, fonts and effects Word falls back on). */
export const THEME_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">' +
  '<a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/>' +
  '</a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/>' +
  '</a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>' +
  '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>' +
  '<a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5>' +
  '<a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>' +
  '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office">' +
  '<a:majorFont><a:latin typeface="Calibri Light" panose="020F0302020204030204"/>' +
  '<a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="游ゴシック Light"/>' +
  '<a:font script="Hang" typeface="맑은 고딕"/><a:font script="Hans" typeface="等线 Light"/>' +
  '<a:font script="Hant" typeface="新細明體"/><a:font script="Arab" typeface="Times New Roman"/>' +
  '<a:font script="Hebr" typeface="Times New Roman"/><a:font script="Thai" typeface="Angsana New"/>' +
  '<a:font script="Ethi" typeface="Nyala"/><a:font script="Beng" typeface="Vrinda"/>' +
  '<a:font script="Gujr" typeface="Shruti"/><a:font script="Khmr" typeface="MoolBoran"/>' +
  '<a:font script="Knda" typeface="Tunga"/><a:font script="Guru" typeface="Raavi"/>' +
  '<a:font script="Cans" typeface="Euphemia"/>' +
  '<a:font script="Cher" typeface="Plantagenet Cherokee"/>' +
  '<a:font script="Yiii" typeface="Microsoft Yi Baiti"/>' +
  '<a:font script="Tibt" typeface="Microsoft Himalaya"/><a:font script="Thaa" typeface="MV Boli"/>' +
  '<a:font script="Deva" typeface="Mangal"/><a:font script="Telu" typeface="Gautami"/>' +
  '<a:font script="Taml" typeface="Latha"/><a:font script="Syrc" typeface="Estrangelo Edessa"/>' +
  '<a:font script="Orya" typeface="Kalinga"/><a:font script="Mlym" typeface="Kartika"/>' +
  '<a:font script="Laoo" typeface="DokChampa"/><a:font script="Sinh" typeface="Iskoola Pota"/>' +
  '<a:font script="Mong" typeface="Mongolian Baiti"/>' +
  '<a:font script="Viet" typeface="Times New Roman"/>' +
  '<a:font script="Uigh" typeface="Microsoft Uighur"/><a:font script="Geor" typeface="Sylfaen"/>' +
  '<a:font script="Armn" typeface="Arial"/><a:font script="Bugi" typeface="Leelawadee UI"/>' +
  '<a:font script="Bopo" typeface="Microsoft JhengHei"/>' +
  '<a:font script="Java" typeface="Javanese Text"/><a:font script="Lisu" typeface="Segoe UI"/>' +
  '<a:font script="Mymr" typeface="Myanmar Text"/><a:font script="Nkoo" typeface="Ebrima"/>' +
  '<a:font script="Olck" typeface="Nirmala UI"/><a:font script="Osma" typeface="Ebrima"/>' +
  '<a:font script="Phag" typeface="Phagspa"/><a:font script="Syrn" typeface="Estrangelo Edessa"/>' +
  '<a:font script="Syrj" typeface="Estrangelo Edessa"/>' +
  '<a:font script="Syre" typeface="Estrangelo Edessa"/>' +
  '<a:font script="Sora" typeface="Nirmala UI"/><a:font script="Tale" typeface="Microsoft Tai Le"/>' +
  '<a:font script="Talu" typeface="Microsoft New Tai Lue"/>' +
  '<a:font script="Tfng" typeface="Ebrima"/></a:majorFont><a:minorFont>' +
  '<a:latin typeface="Calibri" panose="020F0502020204030204"/><a:ea typeface=""/>' +
  '<a:cs typeface=""/><a:font script="Jpan" typeface="游明朝"/>' +
  '<a:font script="Hang" typeface="맑은 고딕"/><a:font script="Hans" typeface="等线"/>' +
  '<a:font script="Hant" typeface="新細明體"/><a:font script="Arab" typeface="Arial"/>' +
  '<a:font script="Hebr" typeface="Arial"/><a:font script="Thai" typeface="Cordia New"/>' +
  '<a:font script="Ethi" typeface="Nyala"/><a:font script="Beng" typeface="Vrinda"/>' +
  '<a:font script="Gujr" typeface="Shruti"/><a:font script="Khmr" typeface="DaunPenh"/>' +
  '<a:font script="Knda" typeface="Tunga"/><a:font script="Guru" typeface="Raavi"/>' +
  '<a:font script="Cans" typeface="Euphemia"/>' +
  '<a:font script="Cher" typeface="Plantagenet Cherokee"/>' +
  '<a:font script="Yiii" typeface="Microsoft Yi Baiti"/>' +
  '<a:font script="Tibt" typeface="Microsoft Himalaya"/><a:font script="Thaa" typeface="MV Boli"/>' +
  '<a:font script="Deva" typeface="Mangal"/><a:font script="Telu" typeface="Gautami"/>' +
  '<a:font script="Taml" typeface="Latha"/><a:font script="Syrc" typeface="Estrangelo Edessa"/>' +
  '<a:font script="Orya" typeface="Kalinga"/><a:font script="Mlym" typeface="Kartika"/>' +
  '<a:font script="Laoo" typeface="DokChampa"/><a:font script="Sinh" typeface="Iskoola Pota"/>' +
  '<a:font script="Mong" typeface="Mongolian Baiti"/><a:font script="Viet" typeface="Arial"/>' +
  '<a:font script="Uigh" typeface="Microsoft Uighur"/><a:font script="Geor" typeface="Sylfaen"/>' +
  '<a:font script="Armn" typeface="Arial"/><a:font script="Bugi" typeface="Leelawadee UI"/>' +
  '<a:font script="Bopo" typeface="Microsoft JhengHei"/>' +
  '<a:font script="Java" typeface="Javanese Text"/><a:font script="Lisu" typeface="Segoe UI"/>' +
  '<a:font script="Mymr" typeface="Myanmar Text"/><a:font script="Nkoo" typeface="Ebrima"/>' +
  '<a:font script="Olck" typeface="Nirmala UI"/><a:font script="Osma" typeface="Ebrima"/>' +
  '<a:font script="Phag" typeface="Phagspa"/><a:font script="Syrn" typeface="Estrangelo Edessa"/>' +
  '<a:font script="Syrj" typeface="Estrangelo Edessa"/>' +
  '<a:font script="Syre" typeface="Estrangelo Edessa"/>' +
  '<a:font script="Sora" typeface="Nirmala UI"/><a:font script="Tale" typeface="Microsoft Tai Le"/>' +
  '<a:font script="Talu" typeface="Microsoft New Tai Lue"/>' +
  '<a:font script="Tfng" typeface="Ebrima"/></a:minorFont></a:fontScheme>' +
  '<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>' +
  '<a:gradFill rotWithShape="true"><a:gsLst><a:gs pos="0"><a:schemeClr val="phClr">' +
  '<a:lumMod val="110000"/><a:satMod val="105000"/><a:tint val="67000"/></a:schemeClr></a:gs>' +
  '<a:gs pos="50000"><a:schemeClr val="phClr"><a:lumMod val="105000"/><a:satMod val="103000"/>' +
  '<a:tint val="73000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr">' +
  '<a:lumMod val="105000"/><a:satMod val="109000"/><a:tint val="81000"/></a:schemeClr></a:gs>' +
  '</a:gsLst><a:lin ang="5400000" scaled="false"/></a:gradFill><a:gradFill rotWithShape="true">' +
  '<a:gsLst><a:gs pos="0"><a:schemeClr val="phClr"><a:satMod val="103000"/><a:lumMod val="102000"/>' +
  '<a:tint val="94000"/></a:schemeClr></a:gs><a:gs pos="50000"><a:schemeClr val="phClr">' +
  '<a:satMod val="110000"/><a:lumMod val="100000"/><a:shade val="100000"/></a:schemeClr></a:gs>' +
  '<a:gs pos="100000"><a:schemeClr val="phClr"><a:lumMod val="99000"/><a:satMod val="120000"/>' +
  '<a:shade val="78000"/></a:schemeClr></a:gs></a:gsLst><a:lin ang="5400000" scaled="false"/>' +
  '</a:gradFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350" cap="flat" cmpd="sng" algn="ctr">' +
  '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/>' +
  '<a:miter lim="800000"/></a:ln><a:ln w="12700" cap="flat" cmpd="sng" algn="ctr"><a:solidFill>' +
  '<a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>' +
  '<a:ln w="19050" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/>' +
  '</a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln></a:lnStyleLst>' +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/>' +
  '</a:effectStyle><a:effectStyle><a:effectLst>' +
  '<a:outerShdw blurRad="57150" dist="19050" dir="5400000" algn="ctr" rotWithShape="false">' +
  '<a:srgbClr val="000000"><a:alpha val="63000"/></a:srgbClr></a:outerShdw></a:effectLst>' +
  '</a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/>' +
  '</a:solidFill><a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/>' +
  '<a:satMod val="170000"/></a:schemeClr></a:solidFill><a:gradFill rotWithShape="true"><a:gsLst>' +
  '<a:gs pos="0"><a:schemeClr val="phClr"><a:tint val="93000"/><a:satMod val="150000"/>' +
  '<a:shade val="98000"/><a:lumMod val="102000"/></a:schemeClr></a:gs><a:gs pos="50000">' +
  '<a:schemeClr val="phClr"><a:tint val="98000"/><a:satMod val="130000"/><a:shade val="90000"/>' +
  '<a:lumMod val="103000"/></a:schemeClr></a:gs><a:gs pos="100000"><a:schemeClr val="phClr">' +
  '<a:shade val="63000"/><a:satMod val="120000"/></a:schemeClr></a:gs></a:gsLst>' +
  '<a:lin ang="5400000" scaled="false"/></a:gradFill></a:bgFillStyleLst></a:fmtScheme>' +
  '</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>';

/** The content types by extension, before the overrides of each part. */
export const CONTENT_TYPE_DEFAULTS =
  '<Default ContentType="image/png" Extension="png"/>' +
  '<Default ContentType="image/jpeg" Extension="jpeg"/>' +
  '<Default ContentType="image/jpeg" Extension="jpg"/>' +
  '<Default ContentType="image/bmp" Extension="bmp"/>' +
  '<Default ContentType="image/gif" Extension="gif"/>' +
  '<Default ContentType="image/svg+xml" Extension="svg"/>' +
  '<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>' +
  '<Default ContentType="application/xml" Extension="xml"/>' +
  '<Default ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"/>';

/** The extended properties: none (Word fills them in when it saves). */
export const APP_PROPERTIES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';

/** The custom properties: none. */
export const CUSTOM_PROPERTIES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';

/**
 * What a PDF claims to conform to, and the parts of the file that say so: the XMP metadata
 * (written here rather than by pdfkit, whose packet holds unescaped text, no ModifyDate and
 * one identification at most), the sRGB output intent of PDF/A, and the page labels that
 * make a viewer's page numbers the printed ones.
 */

/** `--pdf-standard`: PDF/UA-1 (the default), PDF/A-2b or -2a (also PDF/UA-1), or untagged. */
export const pdfStandards = ['ua-1', 'a-2b', 'a-2a', 'none'] as const;
export type PdfStandard = (typeof pdfStandards)[number];

/** Tagged (structure tree, artifacts, PDF/UA identification): every standard but `none`. */
export function isTagged(standard: PdfStandard): boolean {
  return standard !== 'none';
}

/** The PDF/A conformance level of `standard`, or null when it is not PDF/A. */
export function pdfaConformance(standard: PdfStandard): 'A' | 'B' | null {
  return standard === 'a-2a' ? 'A' : standard === 'a-2b' ? 'B' : null;
}

/** The info dictionary's entries the XMP packet repeats (PDF/A requires them to agree). */
export interface InfoEntries {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  Creator: string;
  Producer: string;
  CreationDate: Date;
  ModDate: Date;
}

function xml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** An XMP date that matches the info dictionary's `D:YYYYMMDDHHmmSSZ`. */
function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/**
 * PDF/A allows properties outside its predefined schemas only when the file describes them:
 * pdfuaid is one of those.
 */
const PDFUA_EXTENSION = `  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
     <pdfaProperty:name>part</pdfaProperty:name>
     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
     <pdfaProperty:category>internal</pdfaProperty:category>
     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>
`;

/** The document's XMP packet: its description, and the standards it claims. */
export function xmpPacket(info: InfoEntries, standard: PdfStandard, language: string): string {
  const lang = xml(language);
  const conformance = pdfaConformance(standard);
  const parts = [
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(info.Author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>
   <xmp:ModifyDate>${xmpDate(info.ModDate)}</xmp:ModifyDate>
   <xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${xml(info.Producer)}</pdf:Producer>
   <pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>
  </rdf:Description>
`,
  ];
  if (isTagged(standard)) {
    parts.push(`  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
`);
  }
  if (conformance) {
    parts.push(`  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>${conformance}</pdfaid:conformance>
  </rdf:Description>
`);
    parts.push(PDFUA_EXTENSION);
  }
  parts.push(` </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`);
  return parts.join('');
}

/**
 * The catalogue's PageLabels number tree: body pages labelled with their printed numbers
 * (1, 2, …), the pages before them (the cover) in lower-case roman numerals, as books number
 * front matter.
 */
export function pageLabels(printed: readonly (number | null)[]): { Nums: unknown[] } {
  const nums: unknown[] = [];
  let previous: number | null | undefined;
  printed.forEach((number, index) => {
    const follows =
      previous !== undefined && (number === null ? previous === null : previous !== null && number === previous + 1);
    if (!follows) nums.push(index, number === null ? { S: 'r' } : { S: 'D', St: number });
    previous = number;
  });
  return { Nums: nums };
}

/** How a PDF is written besides its layout: the standard it meets and its colours. */
export interface PdfOutput {
  standard: PdfStandard;
  /** Text in DeviceGray (100% K), other colours in CMYK (colors.ts); PDF/A refuses it. */
  print: boolean;
  /** The sRGB ICC profile of PDF/A's output intent; required for PDF/A. */
  colorProfile?: Uint8Array;
}

/** The output of a screen PDF to PDF/UA-1: what a PDF is written as unless told otherwise. */
export const defaultPdfOutput: PdfOutput = { standard: 'ua-1', print: false };

/**
 * Print colours are CMYK, which PDF/A allows only with a CMYK output intent (the sRGB one is
 * what PDF/A here has): callers refuse the pair before writing (see docs/decisions.md).
 */
export function printConflictsWith(standard: PdfStandard): boolean {
  return pdfaConformance(standard) !== null;
}

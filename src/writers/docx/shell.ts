/**
 * The package around the body: styles, settings, the sections' page setup with the running
 * header and footer, notes, theme, content types and the font table (fonts.ts). It depends only
 * on the theme, the language and how the document is cut into sections, so it is built once for
 * them and reused: a batch writes thousands of guides in the same shell. What differs from one
 * document to the next is left as placeholders (each section's body, the running header's text,
 * the footer's page total) or added afterwards (numbering, relationships, pictures, document
 * properties; see package.ts). The parts are those docx (the library guide wrote its packages
 * with before) made, in the same words and order, so packages keep their bytes; loading and
 * running docx for them took ~75 ms of a build (docs/decisions.md, "The DOCX package shell
 * written by guide").
 */

import { entryKey, getJson, setJson } from '../../cache-store.js';
import type { DocMeta, Section } from '../../model/doc-model.js';
import type { WriterCache } from '../cache.js';
import type { Theme } from '../theme.js';
import { field } from './fields.js';
import { fontTableRelationshipsXml, fontTableXml } from './fonts.js';
import {
  APP_PROPERTIES_XML,
  CONTENT_TYPE_DEFAULTS,
  CUSTOM_PROPERTIES_XML,
  DOCUMENT_NAMESPACES,
  ENDNOTES_XML,
  FOOTER_NAMESPACES,
  FOOTNOTES_XML,
  HEADER_NAMESPACES,
  SETTINGS_NAMESPACES,
  THEME_XML,
} from './package-parts.js';
import { StyleId } from './style-ids.js';
import { stylesXml } from './styles.js';
import { pageGeometryOf, type PageGeometry } from './units.js';
import { el, xmlText } from './xml.js';
import { zipEntry, type ZipEntry } from './zip.js';

/** The parts a document edits in its shell, by their names in the package. */
export const DOCUMENT_PART = 'word/document.xml';
export const DOCUMENT_RELATIONSHIPS_PART = 'word/_rels/document.xml.rels';
export const FOOTER_PART = 'word/footer1.xml';
export const HEADER_PART = 'word/header1.xml';
/** Every body section's header and footer (word/header1.xml, word/header2.xml…): all alike. */
export const HEADER_PARTS = /^word\/header\d+\.xml$/;
export const FOOTER_PARTS = /^word\/footer\d+\.xml$/;

/** Parts the shell writes and documents take as they are. */
const STYLES_PART = 'word/styles.xml';
const SETTINGS_PART = 'word/settings.xml';
const FONT_TABLE_PART = 'word/fontTable.xml';
const FONT_TABLE_RELATIONSHIPS_PART = 'word/_rels/fontTable.xml.rels';

/** The package with placeholders, and the text of the parts each document edits. */
export interface PackageShell {
  /** The entries, deflated, in the order docx wrote them. */
  entries: readonly ZipEntry[];
  /** document.xml, its relationships, the header and the footer, unzipped. */
  texts: ReadonlyMap<string, string>;
}

/** The paragraph that stands for section `index`'s body in document.xml. */
export function bodyPlaceholder(index: number): string {
  return xmlText(el('w:p', undefined, [el('w:r', undefined, [el('w:t', undefined, [`guide-section-body-${index}`])])]));
}

/**
 * The run that stands for the running header's text: each firm's guide names its own guide
 * there, and one shell serves them all.
 */
const runningHeaderRun = el('w:r', undefined, [el('w:t', { 'xml:space': 'preserve' }, ['guide-running-header'])]);
export const RUNNING_HEADER_PLACEHOLDER = xmlText(runningHeaderRun);

/** The run that stands for the footer's page total (the result of its SECTIONPAGES field). */
export const PAGE_TOTAL_PLACEHOLDER = xmlText(
  el('w:r', undefined, [el('w:t', { 'xml:space': 'preserve' }, ['guide-body-page-count'])]),
);

/**
 * The shell for documents with this theme, language and sections, with embedded fonts or not, built once
 * per cache. Entries are never changed once built, so a shared one gives the same bytes as a
 * fresh one.
 */
export function packageShell(
  theme: Theme,
  meta: DocMeta,
  sections: readonly Section[],
  cache: WriterCache,
  embed: boolean,
): PackageShell {
  const kinds = sections.map((section) => section.kind);
  const key = JSON.stringify([meta.language, kinds, embed]);
  let byKey = cache.docxShells.get(theme);
  if (!byKey) cache.docxShells.set(theme, (byKey = new Map()));
  let shell = byKey.get(key);
  if (!shell) {
    const { store } = cache;
    const stored = store && entryKey('docx-shell', JSON.stringify(theme), key);
    shell = stored === undefined ? undefined : shellFrom(getJson(store, stored));
    if (!shell) {
      shell = buildShell(theme, meta.language, kinds, embed);
      // Building one deflates each of its ~20 parts: a few ms, where reading it back is one.
      if (stored !== undefined) setJson(store, stored, storedShell(shell));
    }
    byKey.set(key, shell);
  }
  return shell;
}

/** A shell as the build cache keeps it: JSON, the entries' data in base64. */
interface StoredShell {
  entries: (Omit<ZipEntry, 'data'> & { data: string })[];
  texts: [string, string][];
}

function storedShell(shell: PackageShell): StoredShell {
  return {
    entries: shell.entries.map((entry) => ({ ...entry, data: Buffer.from(entry.data).toString('base64') })),
    texts: [...shell.texts],
  };
}

/** A shell from the build cache; undefined when what was read is not one. */
function shellFrom(value: unknown): PackageShell | undefined {
  const stored = value as Partial<StoredShell> | undefined;
  if (!Array.isArray(stored?.entries) || !Array.isArray(stored.texts)) return undefined;
  const entries = stored.entries.map((entry) => ({
    ...entry,
    data: new Uint8Array(Buffer.from(entry.data, 'base64')),
  }));
  return { entries, texts: new Map(stored.texts) };
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const STANDALONE_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const PACKAGE_RELATIONSHIP = 'http://schemas.openxmlformats.org/package/2006/relationships';
const officeRelationship = (kind: string) =>
  `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
const wordprocessingType = (kind: string) =>
  `application/vnd.openxmlformats-officedocument.wordprocessingml.${kind}+xml`;

/** A relationships part: [type, target] in order, numbered rId1, rId2… */
function relationshipsXml(relationships: readonly (readonly [string, string])[]): string {
  if (relationships.length === 0) return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIP}"/>`;
  const items = relationships.map(
    ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`,
  );
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIP}">${items.join('')}</Relationships>`;
}

const packageRelationshipsXml = relationshipsXml([
  [officeRelationship('officeDocument'), 'word/document.xml'],
  [`${PACKAGE_RELATIONSHIP}/metadata/core-properties`, 'docProps/core.xml'],
  [officeRelationship('extended-properties'), 'docProps/app.xml'],
  [officeRelationship('custom-properties'), 'docProps/custom.xml'],
]);

/** The parts document.xml relates to before the body sections' headers and footers. */
const documentParts = [
  [officeRelationship('styles'), 'styles.xml'],
  [officeRelationship('numbering'), 'numbering.xml'],
  [officeRelationship('footnotes'), 'footnotes.xml'],
  [officeRelationship('endnotes'), 'endnotes.xml'],
  [officeRelationship('settings'), 'settings.xml'],
] as const;

/** The relationship ids of the header and the footer of the `n`th body section (from 0). */
function runningRelationships(n: number): [string, string] {
  const header = documentParts.length + 2 * n + 1;
  return [`rId${header}`, `rId${header + 1}`];
}

/** The relationships of document.xml: the parts it uses, then a header and a footer per body section. */
function documentRelationshipsXml(bodies: number): string {
  const running = Array.from({ length: bodies }, (_, i) => [
    [officeRelationship('header'), `header${i + 1}.xml`] as const,
    [officeRelationship('footer'), `footer${i + 1}.xml`] as const,
  ]).flat();
  return relationshipsXml([
    ...documentParts,
    ...running,
    [officeRelationship('theme'), 'theme/theme1.xml'],
    [officeRelationship('fontTable'), 'fontTable.xml'],
  ]);
}

/** [Content_Types].xml: the defaults by extension, then each part's type. */
function contentTypesXml(bodies: number): string {
  const override = (type: string, part: string) => `<Override ContentType="${type}" PartName="/${part}"/>`;
  const running = Array.from(
    { length: bodies },
    (_, i) =>
      override(wordprocessingType('header'), `word/header${i + 1}.xml`) +
      override(wordprocessingType('footer'), `word/footer${i + 1}.xml`),
  );
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    CONTENT_TYPE_DEFAULTS +
    override(wordprocessingType('document.main'), DOCUMENT_PART) +
    override(wordprocessingType('styles'), STYLES_PART) +
    override('application/vnd.openxmlformats-package.core-properties+xml', 'docProps/core.xml') +
    override('application/vnd.openxmlformats-officedocument.custom-properties+xml', 'docProps/custom.xml') +
    override('application/vnd.openxmlformats-officedocument.extended-properties+xml', 'docProps/app.xml') +
    override(wordprocessingType('numbering'), 'word/numbering.xml') +
    override(wordprocessingType('footnotes'), 'word/footnotes.xml') +
    override(wordprocessingType('endnotes'), 'word/endnotes.xml') +
    override(wordprocessingType('settings'), SETTINGS_PART) +
    override(wordprocessingType('fontTable'), FONT_TABLE_PART) +
    override('application/vnd.openxmlformats-officedocument.theme+xml', 'word/theme/theme1.xml') +
    running.join('') +
    '</Types>'
  );
}

/**
 * A section's properties: the page, and for a body section its header and footer (relationships
 * `running`) and page numbers, which restart at 1 on the first body page only (a later body
 * section carries on). The cover has no header or footer reference: a section without them shows none.
 */
function sectionPropertiesXml(page: PageGeometry, running: [string, string] | null, restartNumbering: boolean): string {
  const { top, right, bottom, left } = page.margins;
  return (
    '<w:sectPr>' +
    (running
      ? `<w:headerReference w:type="default" r:id="${running[0]}"/>` +
        `<w:footerReference w:type="default" r:id="${running[1]}"/>`
      : '') +
    `<w:pgSz w:w="${page.width}" w:h="${page.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${top}" w:right="${right}" w:bottom="${bottom}" w:left="${left}" ` +
    `w:header="${Math.round(top / 2)}" w:footer="${Math.round(bottom / 2)}" w:gutter="0"/>` +
    (restartNumbering ? '<w:pgNumType w:start="1" w:fmt="decimal"/>' : '<w:pgNumType/>') +
    '<w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

/**
 * document.xml with a placeholder for each section's body. A section's properties close it: in
 * the paragraph after its body, or for the last section at the end of the body.
 */
function documentXml(kinds: readonly Section['kind'][], page: PageGeometry): string {
  const firstBody = kinds.indexOf('body');
  let body = '';
  let bodies = 0;
  for (const [index, kind] of kinds.entries()) {
    const running = kind === 'body' ? runningRelationships(bodies++) : null;
    const properties = sectionPropertiesXml(page, running, index === firstBody);
    body +=
      bodyPlaceholder(index) + (index === kinds.length - 1 ? properties : `<w:p><w:pPr>${properties}</w:pPr></w:p>`);
  }
  return (
    `${STANDALONE_XML_DECLARATION}<w:document ${DOCUMENT_NAMESPACES}>` +
    (body === '' ? '<w:body/>' : `<w:body>${body}</w:body>`) +
    '</w:document>'
  );
}

/** The running header: its text is a placeholder each document fills in. */
const headerXml =
  `${XML_DECLARATION}<w:hdr ${HEADER_NAMESPACES}><w:p><w:pPr><w:pStyle w:val="${StyleId.header}"/></w:pPr>` +
  `${xmlText(runningHeaderRun)}</w:p></w:hdr>`;

/**
 * The footer line from the theme's template, "第 {page} 頁，共 {pages} 頁": {page} is the
 * PAGE field and {pages} SECTIONPAGES, so the cover (its own section) is not counted, as in the
 * PDF, where body pages are numbered from 1. The total's result is a placeholder.
 */
function footerXml(template: string): string {
  const runs = template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .flatMap((part) => {
      if (part === '{page}') return field('PAGE', undefined);
      if (part === '{pages}') return field('SECTIONPAGES', 'guide-body-page-count');
      return [el('w:r', undefined, [el('w:t', { 'xml:space': 'preserve' }, [part])])];
    });
  return (
    `${XML_DECLARATION}<w:ftr ${FOOTER_NAMESPACES}><w:p><w:pPr><w:pStyle w:val="${StyleId.footer}"/></w:pPr>` +
    `${runs.map(xmlText).join('')}</w:p></w:ftr>`
  );
}

/**
 * settings.xml: a line that ends in a manual line break left unjustified, as the PDF sets it
 * (此致 before the break keeps its two characters together; Word and LibreOffice would spread
 * them over the line), and, when fonts are embedded, embedding switched on (TrueType fonts,
 * subsets only).
 */
function settingsXml(embed: boolean): string {
  return (
    `${STANDALONE_XML_DECLARATION}<w:settings ${SETTINGS_NAMESPACES}><w:displayBackgroundShape/>` +
    (embed ? '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>' : '') +
    '<w:defaultTabStop w:val="720"/><w:evenAndOddHeaders w:val="false"/>' +
    '<w:compat><w:doNotExpandShiftReturn/>' +
    '<w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/>' +
    '</w:compat></w:settings>'
  );
}

/** The package shell for sections of these kinds (see shell.ts). */
function buildShell(theme: Theme, language: string, kinds: readonly Section['kind'][], embed: boolean): PackageShell {
  const page = pageGeometryOf(theme);
  const bodies = kinds.filter((kind) => kind === 'body').length;
  // One of each per body section: word/header1.xml, word/header2.xml…
  const perBody = (name: string, text: string) =>
    Array.from({ length: bodies }, (_, i): [string, string] => [name.replace('N', String(i + 1)), text]);
  const footer = footerXml(theme.running.footer);
  const empty = relationshipsXml([]);
  // In docx's order. core.xml and numbering.xml are each document's own (package.ts): the shell
  // keeps their places.
  const parts: [string, string][] = [
    [DOCUMENT_RELATIONSHIPS_PART, documentRelationshipsXml(bodies)],
    [DOCUMENT_PART, documentXml(kinds, page)],
    [STYLES_PART, stylesXml(theme, language, page)],
    ['docProps/core.xml', ''],
    ['_rels/.rels', packageRelationshipsXml],
    ...perBody('word/_rels/headerN.xml.rels', empty),
    ...perBody('word/_rels/footerN.xml.rels', empty),
    ...perBody('word/headerN.xml', headerXml),
    ...perBody('word/footerN.xml', footer),
    ['docProps/custom.xml', CUSTOM_PROPERTIES_XML],
    ['docProps/app.xml', APP_PROPERTIES_XML],
    ['word/footnotes.xml', FOOTNOTES_XML],
    ['word/_rels/footnotes.xml.rels', empty],
    ['word/endnotes.xml', ENDNOTES_XML],
    ['word/_rels/endnotes.xml.rels', empty],
    [SETTINGS_PART, settingsXml(embed)],
    [FONT_TABLE_PART, fontTableXml(theme, embed)],
    [FONT_TABLE_RELATIONSHIPS_PART, embed ? fontTableRelationshipsXml() : empty],
    ['word/theme/theme1.xml', THEME_XML],
    ['word/numbering.xml', ''],
    ['[Content_Types].xml', contentTypesXml(bodies)],
  ];
  const texts = new Map(parts);
  const edited = [DOCUMENT_PART, DOCUMENT_RELATIONSHIPS_PART, ...(bodies > 0 ? [HEADER_PART, FOOTER_PART] : [])];
  return {
    entries: parts.map(([name, text]) => zipEntry(name, Buffer.from(text, 'utf8'), true)),
    texts: new Map(edited.map((name) => [name, texts.get(name)!])),
  };
}

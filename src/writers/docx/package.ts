/**
 * One document's package: its shell (shell.ts) with the document's own parts put in, and the
 * parts docx would write with the clock in them written from the document's own date instead
 * (docProps/core.xml, where docx stamps created/modified with "now" and has no field for
 * dc:language, and the zip entry times).
 */

import type { DocMeta } from '../../model/doc-model.js';
import { DOCUMENT_PART, DOCUMENT_RELATIONSHIPS_PART, FOOTER_PARTS, HEADER_PARTS, type PackageShell } from './shell.js';
import { escapeXml } from './xml.js';
import { writeZip, zipEntry, zipEntryInRuns, type ZipEntry } from './zip.js';

/** W3CDTF to the second, as Word writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** docProps/core.xml: title, subject, author, keywords, language and the edition's date as created and modified. */
export function corePropertiesXml(meta: DocMeta, date: Date): string {
  const element = (name: string, value: string | undefined) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  const stamp = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${w3cdtf(date)}</dcterms:${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.author) +
    // Word shows these as "Tags" and separates them with semicolons.
    element('cp:keywords', meta.keywords.join('; ')) +
    element('dc:description', meta.subtitle) +
    element('dc:language', meta.language) +
    element('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    stamp('created') +
    stamp('modified') +
    '</cp:coreProperties>'
  );
}

/** The parts every package has, first, in the order Word writes them; the rest keep the shell's (stable) order. */
const LEADING_PARTS = ['[Content_Types].xml', '_rels/.rels'];

function rank(entry: ZipEntry): number {
  const index = LEADING_PARTS.indexOf(entry.name);
  return index === -1 ? LEADING_PARTS.length : index;
}

// Made once, not per call: see "Code kept optimized" in docs/decisions.md.
function byRank(a: ZipEntry, b: ZipEntry): number {
  return rank(a) - rank(b);
}

/** What one document puts into its shell. */
export interface PackageContent {
  /** document.xml with the bodies in place, in pieces: the shell's text and each body block's UTF-8 (see `bodyXml`). */
  documentXml: readonly (string | Uint8Array)[];
  /** Pieces of `documentXml` deflated already (a batch's bodies, see `zipEntryInRuns`); without any, it is deflated whole. */
  deflatedBodies: ReadonlyMap<Uint8Array, Uint8Array>;
  /** Relationship elements added to document.xml's (links and pictures). */
  relationshipsXml: string;
  /** The header with its text in place (when the document has a body section). */
  headerXml?: string;
  /** The footer with its page total in place (when the document has a body section). */
  footerXml?: string;
  numberingXml: string;
  coreXml: string;
  /** Pictures, by their names in the package (word/media/…). */
  media: readonly { name: string; png: Uint8Array }[];
  /** Embedded fonts, as zip entries named word/fonts/… (see `embeddedFonts`). */
  fonts: readonly ZipEntry[];
}

/** The document's package: its shell with its own parts put in, every entry stamped with `date`. */
export function assemblePackage(shell: PackageShell, content: PackageContent, date: Date): Uint8Array {
  const relationships = shell.texts.get(DOCUMENT_RELATIONSHIPS_PART)!;
  const own = new Map<string, string>([
    [
      DOCUMENT_RELATIONSHIPS_PART,
      relationships.replace('</Relationships>', `${content.relationshipsXml}</Relationships>`),
    ],
    ['word/numbering.xml', content.numberingXml],
    ['docProps/core.xml', content.coreXml],
  ]);
  // Every body section has a header and a footer of its own in the package, all alike.
  const running = (name: string) =>
    HEADER_PARTS.test(name) ? content.headerXml : FOOTER_PARTS.test(name) ? content.footerXml : undefined;
  const entries = shell.entries.map((entry) => {
    if (entry.name === DOCUMENT_PART) {
      const pieces = content.documentXml.map((piece) =>
        typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece,
      );
      return zipEntryInRuns(entry.name, pieces, content.deflatedBodies);
    }
    const text = own.get(entry.name) ?? running(entry.name);
    return text === undefined ? entry : zipEntry(entry.name, Buffer.from(text, 'utf8'), true);
  });
  for (const { name, png } of content.media) entries.push(zipEntry(name, png, false));
  entries.push(...content.fonts);
  // Array.prototype.sort is stable, so parts that rank alike keep the shell's order.
  return writeZip(entries.sort(byRank), date);
}

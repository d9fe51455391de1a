/**
 * The parts of the package docx writes with the clock in them, written instead from the
 * document's own date: docProps/core.xml (docx stamps created/modified with "now", and has no
 * field for dc:language) and the zip entry times.
 */

import type { DocMeta } from '../../model/doc-model.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

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

/** The parts every package has, first, in the order Word writes them; the rest keep docx's (stable) order. */
const LEADING_PARTS = ['[Content_Types].xml', '_rels/.rels'];

function rank(entry: ZipEntry): number {
  const index = LEADING_PARTS.indexOf(entry.name);
  return index === -1 ? LEADING_PARTS.length : index;
}

/** The package docx zipped, with [Content_Types].xml first and every entry stamped with `date`. */
export function repackage(zipped: Uint8Array, date: Date): Uint8Array {
  const entries = readZip(zipped);
  // Array.prototype.sort is stable, so parts that rank alike keep docx's order.
  return writeZip(
    [...entries].sort((a, b) => rank(a) - rank(b)),
    date,
  );
}

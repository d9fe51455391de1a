/** Real readers for what guide writes: PDF.js for PDF text, the DOCX package's document.xml. */

import assert from 'node:assert/strict';
import { crc32, inflateRawSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocModel, Inline } from '../../src/model/doc-model.js';
import { eachBlock, eachInline } from '../../src/model/visit.js';
import { readZip } from '../../src/writers/docx/zip.js';

/** Every text node of the model, in document order (TOC title, QR labels and URLs included). */
export function modelTexts(model: DocModel): string[] {
  const out: string[] = [];
  const texts = (inlines: readonly Inline[]) => {
    for (const node of eachInline(inlines)) if (node.type === 'text') out.push(node.value);
  };
  for (const section of model.sections) {
    for (const block of eachBlock(section.blocks)) {
      if (block.type === 'heading' || block.type === 'paragraph') texts(block.children);
      else if (block.type === 'qr') {
        texts(block.label);
        out.push(block.url);
      } else if (block.type === 'toc') out.push(block.title);
    }
  }
  return out;
}

/** The text of each page as PDF.js reads it. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

/** A DOCX's parts by name, in zip order, inflated, each checked against the CRC-32 and size its entry gives. */
export function docxParts(bytes: Uint8Array): Map<string, Buffer> {
  return new Map(
    readZip(bytes).map((entry) => {
      const data = entry.method === 8 ? inflateRawSync(entry.data) : Buffer.from(entry.data);
      assert.equal(crc32(data), entry.crc32, `${entry.name}: CRC-32`);
      assert.equal(data.length, entry.size, `${entry.name}: size`);
      return [entry.name, data];
    }),
  );
}

/** The text of every w:t in a DOCX's document.xml, in order. */
export function docxText(bytes: Uint8Array): string {
  const documentXml = docxParts(bytes).get('word/document.xml');
  if (!documentXml) throw new Error('the DOCX has no word/document.xml');
  const xml = documentXml.toString('utf8');
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('');
}

/** Text without any white space, so line breaks and justification do not matter. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/**
 * Where `needles` stop appearing in order in `haystack` (both squeezed): the index of the first
 * needle not found after the previous one, or -1 when all are there in order.
 */
export function firstOutOfOrder(haystack: string, needles: readonly string[]): number {
  const text = squeeze(haystack);
  let from = 0;
  for (let i = 0; i < needles.length; i++) {
    const needle = squeeze(needles[i]!);
    if (needle === '') continue;
    const at = text.indexOf(needle, from);
    if (at < 0) return i;
    from = at + needle.length;
  }
  return -1;
}

/** Real readers for what guide writes: PDF.js for PDF text, the DOCX package's document.xml. */

import { inflateRawSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, DocModel, Inline } from '../../src/model/doc-model.js';
import { readZip } from '../../src/writers/docx/zip.js';

/** Every text node of the model, in document order (TOC title, QR labels and URLs included). */
export function modelTexts(model: DocModel): string[] {
  const out: string[] = [];
  const inline = (inlines: readonly Inline[]) => {
    for (const node of inlines) {
      if (node.type === 'text') out.push(node.value);
      else if (node.type !== 'break') inline(node.children);
    }
  };
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'heading' || block.type === 'paragraph') inline(block.children);
      else if (block.type === 'qr') {
        inline(block.label);
        out.push(block.url);
      } else if (block.type === 'toc') out.push(block.title);
      else if (block.type === 'list') for (const item of block.items) visit(item.children);
      else if (block.type === 'table')
        for (const row of [...block.header, ...block.rows]) for (const cell of row.cells) visit(cell.children);
    }
  };
  for (const section of model.sections) visit(section.blocks);
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

/** The text of every w:t in a DOCX's document.xml, in order. */
export function docxText(bytes: Uint8Array): string {
  const entry = readZip(bytes).find((e) => e.name === 'word/document.xml');
  if (!entry) throw new Error('the DOCX has no word/document.xml');
  const xml = new TextDecoder().decode(entry.method === 8 ? inflateRawSync(entry.data) : entry.data);
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

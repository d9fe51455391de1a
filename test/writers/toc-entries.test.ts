/**
 * Both writers list the table of contents from the one `tocEntries`: on the sample edition the
 * PDF's TOC lines and the DOCX's TOC field link the same headings, in the same order.
 */

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { DocModel } from '../../src/model/doc-model.js';
import { tocEntries } from '../../src/model/transforms/toc.js';
import { eachBlock } from '../../src/model/visit.js';
import type { Prepared } from '../../src/pipeline/prepare.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { docxParts } from '../helpers/readers.js';
import { sampleGuide } from '../helpers/sample.js';

const creationDate = new Date(Date.UTC(2020, 2, 5));

let model: DocModel;
let prepared: Prepared;

before(async () => {
  ({ model, prepared } = await sampleGuide());
});

/** Heading ids the PDF's TOC lines link to, in order, once per entry. */
async function pdfTocIds(): Promise<string[]> {
  const { layout } = await writePdf(model, { theme: prepared.theme, fonts: prepared.fonts, creationDate });
  const ids: string[] = [];
  for (const page of layout.pages)
    for (const line of page.lines) if (line.role === 'toc-entry' && ids.at(-1) !== line.ref) ids.push(line.ref!);
  return ids;
}

/** Heading ids the DOCX's TOC field links to, in order, through the headings' bookmarks. */
async function docxTocIds(): Promise<string[]> {
  const { bytes } = await writeDocx(model, { theme: prepared.theme, creationDate });
  const xml = docxParts(bytes).get('word/document.xml')!.toString('utf8');
  // Every heading has one bookmark, in document order.
  const headingIds: string[] = [];
  for (const section of model.sections)
    for (const block of eachBlock(section.blocks)) if (block.type === 'heading') headingIds.push(block.id);
  const bookmarks = [...xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(bookmarks.length, headingIds.length);
  const idOf = new Map(bookmarks.map((name, i) => [name, headingIds[i]!]));
  const toc = /<w:sdt>[\s\S]*?Table of Contents[\s\S]*?<\/w:sdt>/.exec(xml)![0];
  return [...toc.matchAll(/<w:hyperlink w:anchor="([^"]+)"/g)].map((m) => idOf.get(m[1]!)!);
}

describe('TOC entries on the sample edition', () => {
  it('the PDF and the DOCX list the entries tocEntries gives, in its order', async () => {
    const expected = tocEntries(model, prepared.theme.toc.depth).map((entry) => entry.id);
    assert.ok(expected.length > 37 + 7, 'chapters, measures and appendices are listed');
    assert.deepEqual(await pdfTocIds(), expected);
    assert.deepEqual(await docxTocIds(), expected);
  });
});

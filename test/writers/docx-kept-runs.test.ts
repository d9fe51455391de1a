/**
 * A single build with the build cache writes its DOCX body from the runs the build before kept
 * (src/writers/docx/kept-runs.ts): after any edit its bytes are those of a build without the
 * cache, what it takes is used as kept, and a run that prints a character of a fallback face is
 * not kept.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryKey, getNumbered } from '../../src/cache-store.js';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { createWriterCache, keepForNextBuild } from '../../src/writers/cache.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { paragraph } from '../helpers/firm-guide.js';
import { memoryStore } from '../helpers/memory-store.js';
import { docxParts } from '../helpers/readers.js';
import { creationDate } from '../helpers/single-build.js';
import { fonts, theme } from '../helpers/theme.js';

const keptKey = () => entryKey('docx-runs', fonts.regular.primary.contentHash, fonts.bold.primary.contentHash);

/** `model` as `guide build` writes it: with the build cache `store` (keeping its runs after), or without one. */
async function docx(model: DocModel, store?: ReturnType<typeof memoryStore>): Promise<Buffer> {
  const cache = createWriterCache({ oneDocument: true, ...(store ? { store } : {}) });
  const { bytes } = await writeDocx(model, { theme, fonts, creationDate, cache });
  if (store) keepForNextBuild(cache, fonts);
  return Buffer.from(bytes);
}

/** The kitchen sink with `edit` applied to a copy of its body's blocks. */
function edited(edit: (blocks: Block[]) => void): DocModel {
  const blocks = structuredClone(kitchenSink.sections[1]!.blocks);
  edit(blocks);
  return {
    ...kitchenSink,
    sections: [kitchenSink.sections[0]!, { kind: 'body', blocks }, ...kitchenSink.sections.slice(2)],
  };
}

const link: Block = {
  type: 'paragraph',
  role: 'body',
  children: [{ type: 'link', url: 'https://www.sdtaiban.gov.cn/added', children: [{ type: 'text', value: '新連結' }] }],
};

describe('DOCX runs kept for the next build', () => {
  it('give a build after each edit the bytes of one without the cache', async () => {
    const store = memoryStore();
    const models: [string, DocModel][] = [
      ['the kitchen sink', kitchenSink],
      ['the same again', kitchenSink],
      ['a paragraph edited', edited((blocks) => blocks.splice(3, 1, paragraph('改過的段落')))],
      // A link, a page break and a heading before the rest: the runs after are numbered otherwise.
      ['a link added near the start', edited((blocks) => blocks.splice(1, 0, link))],
      ['a page break and a heading added', edited((blocks) => blocks.splice(2, 0, { type: 'page-break' }, blocks[0]!))],
      ['a block taken out', edited((blocks) => blocks.splice(0, 1))],
      // A chapter first, its page break written as nothing; then after a paragraph (no heading,
      // link, picture or list: the same state), its break starting a page.
      [
        'a chapter first',
        edited((blocks) =>
          blocks.splice(
            0,
            blocks.findIndex((b) => b.type === 'page-break'),
          ),
        ),
      ],
      [
        'a paragraph before it',
        edited((blocks) =>
          blocks.splice(
            0,
            blocks.findIndex((b) => b.type === 'page-break'),
            paragraph('開頭'),
          ),
        ),
      ],
      ['the kitchen sink once more', kitchenSink],
    ];
    for (const [what, model] of models) assert.ok((await docx(model, store)).equals(await docx(model)), what);
    assert.ok(getNumbered(store, keptKey(), 1)!.numbers[0]! > 5, 'the kitchen sink keeps its runs');
  });

  it('write a build from the runs the build before kept', async () => {
    const store = memoryStore();
    const first = await docx(kitchenSink, store);
    // A word of one run's XML changed in the entry (as many bytes): the build writes it so.
    const spoiled = Buffer.from(store.entries.get(keptKey())!);
    const at = spoiled.indexOf(Buffer.from('減稅降費', 'utf8'));
    assert.ok(at > 0, 'the entry holds the body text');
    Buffer.from('降稅減費', 'utf8').copy(spoiled, at);
    store.entries.set(keptKey(), spoiled);
    const again = await docx(kitchenSink, store);
    const documentXml = (bytes: Buffer) => docxParts(bytes).get('word/document.xml')!.toString('utf8');
    assert.ok(documentXml(again).includes('降稅減費'));
    assert.ok(!documentXml(first).includes('降稅減費'));
  });

  it('keep no run that prints a character of a fallback face', async () => {
    const runsKept = async (text: string) => {
      const store = memoryStore();
      await docx(
        edited((blocks) => blocks.splice(0, blocks.length, paragraph(text))),
        store,
      );
      return getNumbered(store, keptKey(), 1)!.numbers[0]!;
    };
    // 潍 is in Noto Sans SC alone, the theme's fallback face.
    assert.equal(await runsKept('潍坊市'), (await runsKept('青島市')) - 1);
  });
});

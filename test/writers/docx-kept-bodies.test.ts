/**
 * DOCX section bodies written once and taken again (src/writers/docx/kept-bodies.ts): a batch's
 * firms that get the same measures have the same body. A document that takes a body must have
 * the bytes of one that writes it, and what comes after the body the same ids.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { createWriterCache, type WriterCache } from '../../src/writers/cache.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import type { Theme } from '../../src/writers/theme.js';
import { firmGuide, paragraph } from '../helpers/firm-guide.js';
import { fonts, theme } from '../helpers/theme.js';

const creationDate = new Date('2020-03-05T00:00:00Z');

/** `model` written with a batch's `cache`, or as a single build writes it (keeping no body) when none is given. */
async function docx(model: DocModel, cache?: WriterCache, withTheme: Theme = theme): Promise<Buffer> {
  const options = { theme: withTheme, fonts, creationDate, cache: cache ?? createWriterCache({ oneDocument: true }) };
  return Buffer.from((await writeDocx(model, options)).bytes);
}

/**
 * Letters that add to the document what a body adds too: a link, a QR code (a picture and a link
 * to its address), a list.
 */
const reply = 'https://www.sdtaiban.gov.cn/letter';
const linkLetter: Block = {
  type: 'paragraph',
  role: 'body',
  children: [{ type: 'link', url: reply, children: [{ type: 'text', value: '線上回覆' }] }],
};
const qrLetter: Block = { type: 'qr', url: reply, label: [{ type: 'text', value: '掃碼回覆' }] };
const listLetter: Block = { type: 'list', ordered: true, start: 1, items: [{ children: [paragraph('一項')] }] };

describe('DOCX bodies written once', () => {
  it('give the firms of a batch with the same body the bytes of documents written afresh', async () => {
    const cache = createWriterCache();
    const letters: (string | Block)[][] = [
      ['甲公司：'],
      ['乙公司：'],
      [linkLetter],
      [linkLetter],
      // As many links before the body as the two before, and a picture more.
      [linkLetter, qrLetter],
      [listLetter],
      ['丙公司：'],
    ];
    for (const letter of letters) {
      const model = firmGuide(letter);
      assert.ok((await docx(model, cache)).equals(await docx(model)), JSON.stringify(letter).slice(0, 40));
    }
  });

  it('number the links, pictures and lists after a body taken as after one written', async () => {
    const cache = createWriterCache();
    const closing = [{ kind: 'body' as const, blocks: [linkLetter, listLetter, qrLetter] }];
    for (const letter of ['甲公司：', '乙公司：', '丙公司：']) {
      const model = firmGuide([letter], undefined, closing);
      assert.ok((await docx(model, cache)).equals(await docx(model)), letter);
    }
  });

  it('write the body again in another theme', async () => {
    const cache = createWriterCache();
    for (const letter of ['甲公司：', '乙公司：']) await docx(firmGuide([letter]), cache);
    const other: Theme = { ...theme, list: { ...theme.list, indent: theme.list.indent + 6 } };
    const model = firmGuide(['丙公司：']);
    assert.ok((await docx(model, cache, other)).equals(await docx(model, undefined, other)));
  });
});

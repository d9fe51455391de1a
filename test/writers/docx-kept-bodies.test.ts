/**
 * DOCX section bodies written once and taken again (src/writers/docx/kept-bodies.ts): a batch's
 * firms that get the same measures have the same body. A document that takes a body must have
 * the bytes of one that writes it, and what comes after the body the same ids; its parts are
 * those a single build writes.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { crc32, inflateRawSync } from 'node:zlib';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { createWriterCache, type WriterCache } from '../../src/writers/cache.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { deflateToByteBoundary, readZip, zipEntryInRuns } from '../../src/writers/docx/zip.js';
import type { Theme } from '../../src/writers/theme.js';
import { firmGuide, paragraph } from '../helpers/firm-guide.js';
import { fonts, theme } from '../helpers/theme.js';

const creationDate = new Date('2020-03-05T00:00:00Z');

/**
 * Glyphs a batch's firms share (see `withCommonGlyphs`): given them, a document is a batch's
 * firm's, and its DOCX fonts hold them first.
 */
const sharedGlyphs = { regular: [...'公司：'].map((c) => c.codePointAt(0)!) };

/**
 * `model` written as a batch's firm is, with the batch's `cache`, or as a single build writes it
 * (keeping no body, document.xml deflated whole) when none is given. Both with the batch's
 * shared glyphs, so that their fonts are alike.
 */
async function docx(model: DocModel, cache?: WriterCache, withTheme: Theme = theme): Promise<Buffer> {
  const options = {
    theme: withTheme,
    fonts,
    creationDate,
    sharedGlyphs,
    cache: cache ?? createWriterCache({ oneDocument: true }),
  };
  return Buffer.from((await writeDocx(model, options)).bytes);
}

/** Each part of a package as stored (deflated or not) and inflated, by name. */
function parts(bytes: Uint8Array): Map<string, { stored: Uint8Array; inflated: Buffer }> {
  return new Map(
    readZip(bytes).map((entry) => [
      entry.name,
      { stored: entry.data, inflated: entry.method === 8 ? inflateRawSync(entry.data) : Buffer.from(entry.data) },
    ]),
  );
}

/**
 * Whether `model` written with the batch's `cache` (which may have its body kept) has the bytes
 * of the same written with a new batch cache (which writes it), and the parts a single build
 * writes, document.xml deflated otherwise: in runs, where the single build deflates it whole.
 */
async function sameAsWritten(model: DocModel, cache: WriterCache, withTheme: Theme = theme): Promise<boolean> {
  const taken = await docx(model, cache, withTheme);
  if (!taken.equals(await docx(model, createWriterCache(), withTheme))) return false;
  const single = parts(await docx(model, undefined, withTheme));
  const own = parts(taken);
  const document = 'word/document.xml';
  return (
    single.size === own.size &&
    [...single].every(([name, part]) => own.get(name)?.inflated.equals(part.inflated)) &&
    !Buffer.from(own.get(document)!.stored).equals(single.get(document)!.stored)
  );
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
      assert.ok(await sameAsWritten(model, cache), JSON.stringify(letter).slice(0, 40));
    }
  });

  it('number the links, pictures and lists after a body taken as after one written', async () => {
    const cache = createWriterCache();
    const closing = [{ kind: 'body' as const, blocks: [linkLetter, listLetter, qrLetter] }];
    for (const letter of ['甲公司：', '乙公司：', '丙公司：']) {
      const model = firmGuide([letter], undefined, closing);
      assert.ok(await sameAsWritten(model, cache), letter);
    }
  });

  it('write the body again in another theme', async () => {
    const cache = createWriterCache();
    for (const letter of ['甲公司：', '乙公司：']) await docx(firmGuide([letter]), cache);
    const other: Theme = { ...theme, list: { ...theme.list, indent: theme.list.indent + 6 } };
    const model = firmGuide(['丙公司：']);
    assert.ok(await sameAsWritten(model, cache, other));
  });
});

describe('a part deflated in runs', () => {
  const bytes = (text: string) => Buffer.from(text.repeat(40), 'utf8');
  const [head, body, middle, other, tail] = ['<w:document>', '臺資企業', '<w:p/>', '惠企政策', '</w:document>'].map(
    bytes,
  );
  const pieces = [head!, body!, middle!, other!, tail!];

  it('inflates to its pieces one after the other, with their CRC-32 and size, wherever the runs fall', () => {
    const empty = Buffer.alloc(0);
    // Pieces, and those of them given deflated as runs.
    const cases: [Uint8Array[], Uint8Array[]][] = [
      [pieces, []],
      [pieces, [body!]],
      [pieces, [body!, other!]],
      [pieces, [head!]],
      [pieces, [tail!]],
      [pieces, pieces],
      [[head!, empty, tail!], [empty]],
      [[empty, body!, empty], [body!]],
      [
        [body!, other!],
        [body!, other!],
      ],
      [[], []],
    ];
    for (const [given, runs] of cases) {
      const whole = Buffer.concat(given);
      const deflated = new Map(runs.map((piece) => [piece, deflateToByteBoundary(piece)]));
      const entry = zipEntryInRuns('word/document.xml', given, deflated);
      assert.ok(inflateRawSync(entry.data).equals(whole), `${given.length} pieces, ${runs.length} runs`);
      assert.equal(entry.crc32, crc32(whole));
      assert.equal(entry.size, whole.length);
      assert.equal(entry.method, 8);
    }
  });

  it('takes a run as it is given, not deflated again', () => {
    const kept = deflateToByteBoundary(Buffer.from('kept', 'utf8'));
    const entry = zipEntryInRuns('word/document.xml', pieces, new Map([[body!, kept]]));
    assert.ok(inflateRawSync(entry.data).includes(Buffer.from('<w:document>kept<w:p/>')));
  });
});

/**
 * Sections laid out once and taken again (src/writers/pdf/laid-sections.ts): a batch's firms that
 * get the same measures have the same body, and only their letters (the cover section) are laid
 * out for each. A document laid out from taken sections must have the bytes of one laid out
 * afresh.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { tocEntries } from '../../src/model/transforms/toc.js';
import { createWriterCache, type WriterCache } from '../../src/writers/cache.js';
import { MissingGlyphError, writePdf } from '../../src/writers/pdf/index.js';
import { layoutDocument, type LayoutResult } from '../../src/writers/pdf/layout.js';
import type { Theme } from '../../src/writers/theme.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { firmGuide, paragraph } from '../helpers/firm-guide.js';
import { fonts, theme } from '../helpers/theme.js';

const creationDate = new Date('2020-03-05T00:00:00Z');

function layOut(model: DocModel, cache: WriterCache, withTheme: Theme = theme): LayoutResult {
  return layoutDocument(model, withTheme, fonts, tocEntries(model, withTheme.toc.depth), cache);
}

/** Whether the body pages of `a` and `b` hold the same drawable objects (not equal ones: the same). */
function sameBodyObjects(a: LayoutResult, b: LayoutResult): boolean {
  const body = (result: LayoutResult) =>
    result.pages
      .filter((page) => page.number !== null)
      .flatMap((page) =>
        // Running text and the contents' page numbers are made for each document.
        page.drawables.filter((d) => !('role' in d) || !['header', 'footer', 'toc-page'].includes(d.role)),
      );
  const [left, right] = [body(a), body(b)];
  return left.length === right.length && left.every((d, i) => d === right[i]);
}

/** `model` written with a batch's `cache`, or as a single build writes it (keeping no section) when none is given. */
async function pdf(model: DocModel, cache?: WriterCache, withTheme: Theme = theme): Promise<Buffer> {
  const options = { theme: withTheme, fonts, creationDate, cache: cache ?? createWriterCache({ oneDocument: true }) };
  return Buffer.from((await writePdf(model, options)).bytes);
}

function deepFreeze(value: unknown): void {
  // Typed arrays (a QR code's modules) cannot be frozen.
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value) || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

describe('sections laid out once', () => {
  it('give the firms of a batch with the same body the bytes of guides laid out afresh', async () => {
    const cache = createWriterCache();
    const letters = [['臺資企業1號有限公司：'], ['臺資企業2號有限公司：'], ['臺資企業3號有限公司：']];
    for (const letter of letters) {
      const model = firmGuide(letter);
      assert.ok((await pdf(model, cache)).equals(await pdf(model)), letter[0]);
    }
  });

  it('keep a body met a second time, and take it the third', () => {
    const cache = createWriterCache();
    const first = layOut(firmGuide(['甲公司：']), cache);
    const second = layOut(firmGuide(['乙公司：']), cache);
    const third = layOut(firmGuide(['丙公司：']), cache);
    assert.ok(
      !sameBodyObjects(first, second),
      'a body met once is not kept: letters met once would push the bodies out',
    );
    assert.ok(sameBodyObjects(second, third));
    // A single build keeps none.
    const single = createWriterCache({ oneDocument: true });
    assert.equal(single.laidSections, null);
  });

  it('lay the body out again after a letter of more paragraphs, which numbers its blocks from elsewhere', async () => {
    const cache = createWriterCache();
    for (const letter of [['甲公司：'], ['乙公司：'], ['丙公司：', '第二段。', '第三段。']]) {
      const model = firmGuide(letter);
      assert.ok((await pdf(model, cache)).equals(await pdf(model)), letter.join(''));
    }
    const longer = layOut(firmGuide(['丁公司：', '第二段。', '第三段。']), cache);
    const shorter = layOut(firmGuide(['戊公司：']), cache);
    assert.ok(!sameBodyObjects(longer, shorter));
  });

  it('lay the body out again when the theme or the contents list differ', async () => {
    const cache = createWriterCache();
    const body = kitchenSink.sections[1]!.blocks;
    for (let n = 0; n < 2; n++) await pdf(firmGuide([`${n}號公司：`]), cache);
    const wider: Theme = {
      ...theme,
      page: { ...theme.page, margins: { ...theme.page.margins, left: theme.page.margins.left + 20 } },
    };
    const model = firmGuide(['己公司：']);
    assert.ok((await pdf(model, cache, wider)).equals(await pdf(model, undefined, wider)));
    // The same blocks, and as many before them, after a letter that is a heading the contents
    // list: another contents list.
    const listed: Block = {
      type: 'heading',
      level: 1,
      id: 'letter',
      toc: true,
      children: [{ type: 'text', value: '致企業函' }],
    };
    const withHeading = firmGuide([listed], body);
    assert.ok((await pdf(withHeading, cache)).equals(await pdf(withHeading)));
  });

  it('number the sections after a body taken as after one laid out', async () => {
    const cache = createWriterCache();
    const closing = [{ kind: 'body' as const, blocks: [paragraph('附：本指南所列措施以有關部門正式文件為準。')] }];
    for (const letter of ['甲公司：', '乙公司：', '丙公司：']) {
      const model = firmGuide([letter], undefined, closing);
      assert.ok((await pdf(model, cache)).equals(await pdf(model)), letter);
    }
  });

  it('report a character the fonts lack in a body taken, as in one laid out', async () => {
    const body = [...kitchenSink.sections[1]!.blocks, paragraph('缺字\u{E000}')];
    const cache = createWriterCache();
    for (const letter of ['甲公司：', '乙公司：', '丙公司：']) {
      const result = layOut(firmGuide([letter], body), cache);
      assert.deepEqual(result.missing, [0xe000], letter);
      await assert.rejects(
        writePdf(firmGuide([letter], body), { theme, fonts, creationDate, cache }),
        MissingGlyphError,
      );
    }
  });

  it('are not changed by drawing the documents that take them', async () => {
    const cache = createWriterCache();
    await pdf(firmGuide(['甲公司：']), cache);
    const kept = layOut(firmGuide(['乙公司：']), cache);
    for (const page of kept.pages) if (page.number !== null) deepFreeze(page.drawables);
    // Frozen, so that any change throws (modules run in strict mode).
    const model = firmGuide(['丙公司：']);
    assert.ok((await pdf(model, cache)).equals(await pdf(model)));
  });
});

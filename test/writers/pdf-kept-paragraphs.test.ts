/**
 * A single build with the build cache sets its paragraphs from those the build before kept
 * (src/writers/pdf/kept-paragraphs.ts): what it takes is used as kept, what is not of the right
 * shape is set again, and only paragraphs set from the primary faces alone are kept.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryKey, getJson, setJson } from '../../src/cache-store.js';
import type { DocModel } from '../../src/model/doc-model.js';
import { createWriterCache } from '../../src/writers/cache.js';
import { MissingGlyphError, writePdf } from '../../src/writers/pdf/index.js';
import type { Theme } from '../../src/writers/theme.js';
import type { SetLine } from '../../src/writers/pdf/line-break.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { memoryStore } from '../helpers/memory-store.js';
import { buildWithStore, creationDate } from '../helpers/single-build.js';
import { fonts, theme } from '../helpers/theme.js';

const keptKey = () => entryKey('set-paragraphs', fonts.regular.primary.contentHash, fonts.bold.primary.contentHash);

const lineTexts = (result: Awaited<ReturnType<typeof writePdf>>) =>
  result.layout.pages.flatMap((page) => page.lines.map((line) => line.text));

const paragraph = (text: string): DocModel['sections'][number]['blocks'][number] => ({
  type: 'paragraph',
  role: 'body',
  children: [{ type: 'text', value: text }],
});

describe('kept paragraphs', () => {
  it('set a build from the lines the build before kept, and the same bytes as without them', async () => {
    const store = memoryStore();
    const first = await buildWithStore(kitchenSink, store);
    const kept = getJson(store, keptKey()) as [string, SetLine[]][];
    assert.ok(kept.length > 20, 'the kitchen sink keeps its paragraphs');
    const again = await buildWithStore(kitchenSink, store);
    assert.ok(Buffer.from(again.bytes).equals(Buffer.from(first.bytes)));
    const uncached = await writePdf(kitchenSink, { theme, fonts, creationDate });
    assert.ok(Buffer.from(uncached.bytes).equals(Buffer.from(first.bytes)));

    // What is kept is what the build uses: a line changed in the entry is the line drawn.
    const [key, lines] = kept.find(([, lines]) => lines.length === 1 && lines[0]!.runs.length === 1)!;
    const changed = structuredClone(lines);
    changed[0]!.text = changed[0]!.runs[0]!.text = '改過的行';
    setJson(
      store,
      keptKey(),
      kept.map((pair) => (pair[0] === key ? [key, changed] : pair)),
    );
    const fromChanged = await buildWithStore(kitchenSink, store);
    assert.ok(lineTexts(fromChanged).includes('改過的行'));
    assert.ok(!lineTexts(first).includes('改過的行'));
  });

  it('set again what is not of the shape the line setter makes', async () => {
    const store = memoryStore();
    const first = await buildWithStore(kitchenSink, store);
    const kept = getJson(store, keptKey()) as [string, SetLine[]][];
    const broken = [
      (lines: SetLine[]) => [{ ...lines[0]!, runs: [{ ...lines[0]!.runs[0]!, font: 'italic' }] }],
      (lines: SetLine[]) => [{ ...lines[0]!, runs: [{ ...lines[0]!.runs[0]!, color: 'red' }] }],
      (lines: SetLine[]) => [{ ...lines[0]!, x: '0' }],
      () => 'lines',
    ];
    setJson(
      store,
      keptKey(),
      kept.map(([key, lines], i) => [key, broken[i % broken.length]!(lines)]),
    );
    const again = await buildWithStore(kitchenSink, store);
    assert.ok(Buffer.from(again.bytes).equals(Buffer.from(first.bytes)));
  });

  it('are taken only by a paragraph of the same width, size, alignment and colours', async () => {
    const store = memoryStore();
    await buildWithStore(kitchenSink, store);
    const variants: Theme[] = [
      { ...theme, page: { ...theme.page, margins: { ...theme.page.margins, left: theme.page.margins.left + 21 } } },
      { ...theme, colors: { ...theme.colors, link: '#123456', accent: '#654321' } },
      {
        ...theme,
        paragraph: { ...theme.paragraph, body: { ...theme.paragraph.body, size: theme.paragraph.body.size + 0.5 } },
      },
      { ...theme, paragraph: { ...theme.paragraph, body: { ...theme.paragraph.body, align: 'left' } } },
    ];
    for (const [i, variant] of variants.entries()) {
      const cache = createWriterCache({ oneDocument: true, store });
      const kept = await writePdf(kitchenSink, { theme: variant, fonts, creationDate, cache });
      const uncached = await writePdf(kitchenSink, { theme: variant, fonts, creationDate });
      assert.ok(Buffer.from(kept.bytes).equals(Buffer.from(uncached.bytes)), `variant ${i}`);
    }
  });

  it('keep only paragraphs set from the primary faces, with no character missing', async () => {
    const store = memoryStore();
    const blocks = [paragraph('歡迎來電諮詢。'), paragraph('聯繫人：陳建國（潍坊）')];
    await buildWithStore({ meta: kitchenSink.meta, sections: [{ kind: 'body', blocks }] }, store);
    const keptTexts = () =>
      (getJson(store, keptKey()) as [string, SetLine[]][]).map(([, lines]) => lines.map((line) => line.text).join(''));
    // 潍 is in Noto Sans SC alone, the theme's fallback face.
    assert.ok(keptTexts().includes('歡迎來電諮詢。'));
    assert.ok(!keptTexts().some((text) => text.includes('潍坊')));
    // A character no face has: the layout says so, and the paragraph is not kept.
    const cache = createWriterCache({ oneDocument: true, store });
    const missing: DocModel = {
      meta: kitchenSink.meta,
      sections: [{ kind: 'body', blocks: [paragraph('另一段新的文字。'), paragraph('新的一段\u{10FFFD}')] }],
    };
    await assert.rejects(writePdf(missing, { theme, fonts, creationDate, cache }), MissingGlyphError);
    cache.keptParagraphs!.get(fonts)!.keep();
    assert.ok(keptTexts().includes('另一段新的文字。'));
    assert.ok(!keptTexts().some((text) => text.includes('新的一段')));
  });

  it('are neither read nor kept by a cache that serves many documents (a batch)', async () => {
    const store = memoryStore();
    const cache = createWriterCache({ store });
    assert.equal(cache.keptParagraphs, null);
    await writePdf(kitchenSink, { theme, fonts, creationDate, cache });
    assert.ok(store.entries.size > 0, 'the other entries are kept');
    assert.ok(![...store.entries.keys()].some((key) => key.startsWith('set-paragraphs.')));
  });
});

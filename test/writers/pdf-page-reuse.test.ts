/**
 * Pages drawn once and taken again (src/writers/pdf/draw.ts, page-key.ts, kept-pages.ts): a
 * batch takes the body stream of a page another firm's guide drew, a single build with the build
 * cache the streams of the build before. A page taken must give the bytes a page drawn gives.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { entryKey, getNumbered, setNumbered, type EntryStore } from '../../src/cache-store.js';
import type { DocModel } from '../../src/model/doc-model.js';
import { tocEntries } from '../../src/model/transforms/toc.js';
import { createWriterCache, type WriterCache } from '../../src/writers/cache.js';
import { drawDocument } from '../../src/writers/pdf/draw.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { layoutDocument, type LayoutPage, type LayoutResult } from '../../src/writers/pdf/layout.js';
import { defaultPdfOutput, type PdfOutput } from '../../src/writers/pdf/standards.js';
import type { Drawable, SharedGlyphs } from '../../src/writers/pdf/types.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { memoryStore } from '../helpers/memory-store.js';
import { buildWithStore, creationDate } from '../helpers/single-build.js';
import { fonts, theme } from '../helpers/theme.js';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

const keptKey = () => entryKey('page-streams', fonts.regular.primary.contentHash, fonts.bold.primary.contentHash);

/** The streams of the kept pages entry, as kept-pages.ts lays them out. */
function keptStreams(store: EntryStore): { key: Uint8Array; stream: Uint8Array }[] {
  const entry = getNumbered(store, keptKey(), 1)!;
  const view = new DataView(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.length);
  const streams = [];
  for (let at = 0, n = 0; n < entry.numbers[0]!; n++) {
    const length = view.getUint32(at + 32);
    streams.push({ key: entry.bytes.subarray(at, at + 32), stream: entry.bytes.subarray(at + 36, at + 36 + length) });
    at += 36 + length;
  }
  return streams;
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-page-reuse-'));
  try {
    writeFileSync(path.join(dir, 'a.pdf'), bytes);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const withHeader = (model: DocModel, header: string): DocModel => ({ ...model, meta: { ...model.meta, header } });

describe('pages taken again', () => {
  it('give a batch the bytes of pages drawn, though the running header differs', async () => {
    const cache = createWriterCache();
    const first = await writePdf(kitchenSink, { theme, fonts, creationDate, cache });
    const other = withHeader(kitchenSink, '臺資企業27號有限公司惠企政策指南');
    const second = await writePdf(other, { theme, fonts, creationDate, cache });
    assert.ok(same(first.bytes, (await writePdf(kitchenSink, { theme, fonts, creationDate })).bytes));
    assert.ok(same(second.bytes, (await writePdf(other, { theme, fonts, creationDate })).bytes));
    assert.ok(pdfText(second.bytes).includes('臺資企業27號有限公司惠企政策指南'));
  });

  it('share one running header stream, whose fonts every page that shows it names', async () => {
    const paragraph = (text: string) => ({
      type: 'paragraph' as const,
      role: 'body' as const,
      children: [{ type: 'text' as const, value: text }],
    });
    const heading = (id: string, text: string) => ({
      type: 'heading' as const,
      level: 1 as const,
      id,
      toc: false,
      children: [{ type: 'text' as const, value: text }],
    });
    // 潍 is in the fallback face alone: no page's body draws from it.
    const model: DocModel = {
      meta: { ...kitchenSink.meta, header: '潍坊臺資企業惠企政策指南' },
      sections: [
        {
          kind: 'body',
          blocks: [
            paragraph('第一頁的正文。'),
            { type: 'page-break' },
            heading('second', '第二頁'),
            { type: 'page-break' },
            paragraph('第三頁的正文。'),
          ],
        },
      ],
    };
    const { bytes, pageCount } = await writePdf(model, { theme, fonts, creationDate });
    assert.equal(pageCount, 3);
    const pages = pdfText(bytes).split('\f').slice(0, 3);
    pages.forEach((page, i) => assert.ok(page.includes('潍坊臺資企業惠企政策指南'), `page ${i + 1} shows the header`));
  });

  it('give a rebuild the bytes of a build without the cache, and are what it draws', async () => {
    const store = memoryStore();
    const first = await buildWithStore(kitchenSink, store);
    const kept = keptStreams(store);
    assert.equal(kept.length, first.pageCount, 'every page of the kitchen sink is kept');
    const again = await buildWithStore(kitchenSink, store);
    assert.ok(same(again.bytes, first.bytes));
    assert.ok(same(first.bytes, (await writePdf(kitchenSink, { theme, fonts, creationDate })).bytes));

    // What is kept is what the build draws: pages kept blank are drawn blank.
    const blank = deflateSync('\n');
    const records = kept.map(({ key }) => {
      const record = new Uint8Array(36 + blank.length);
      record.set(key);
      new DataView(record.buffer).setUint32(32, blank.length);
      record.set(blank, 36);
      return record;
    });
    setNumbered(store, keptKey(), [records.length], Buffer.concat(records));
    const fromBlank = await buildWithStore(kitchenSink, store);
    const text = pdfText(fromBlank.bytes);
    assert.ok(!text.includes('辦理流程'), 'no body text is drawn');
    assert.ok(pdfText(first.bytes).includes('辦理流程'));
  });

  it('are read as none when the entry is not laid out as kept pages are', async () => {
    const store = memoryStore();
    const first = await buildWithStore(kitchenSink, store);
    for (const [count, bytes] of [
      [3, new Uint8Array(10)],
      [1, new Uint8Array(40).fill(0xff)],
    ] as const) {
      setNumbered(store, keptKey(), [count], bytes);
      assert.ok(same((await buildWithStore(kitchenSink, store)).bytes, first.bytes));
    }
  });

  it('are kept only when their text is all in the primary faces', async () => {
    const store = memoryStore();
    const page = (text: string) => ({
      kind: 'body' as const,
      blocks: [
        { type: 'paragraph' as const, role: 'body' as const, children: [{ type: 'text' as const, value: text }] },
      ],
    });
    // 潍 is in Noto Sans SC alone, the theme's fallback face.
    const model: DocModel = {
      meta: kitchenSink.meta,
      sections: [page('歡迎來電諮詢。'), page('聯繫人：陳建國（潍坊）')],
    };
    const built = await buildWithStore(model, store);
    assert.equal(built.pageCount, 2);
    assert.equal(keptStreams(store).length, 1);
  });

  it('are taken only by a page drawn from the same values (each value of each drawable changed in turn)', async () => {
    // One drawable of each kind (a line with a link in it, a shaded cell…) and the page it is on;
    // not the running header's, which is drawn once per document and never taken.
    const chosen = new Map<string, { page: LayoutPage; index: number }>();
    const kindOf = (d: Drawable) => {
      if (d.kind === 'line') return d.runs.some((run) => run.struct) ? 'line with a link' : 'line';
      if (d.kind === 'cell') return d.fill ? 'shaded cell' : 'cell';
      if (d.kind === 'rule') return d.dotPitch === null ? 'rule' : 'dotted rule';
      if (d.kind === 'bullet') return d.filled ? 'bullet' : 'hollow bullet';
      return d.kind;
    };
    for (const page of layout.pages) {
      page.drawables.forEach((d, index) => {
        if (!isHeader(d) && !chosen.has(kindOf(d))) chosen.set(kindOf(d), { page, index });
      });
    }
    const kinds = ['line', 'line with a link', 'shaded cell', 'frame', 'rule', 'dotted rule', 'bullet', 'qr', 'link'];
    for (const kind of [...kinds, 'hollow bullet', 'anchor'])
      assert.ok(chosen.has(kind), `the kitchen sink has a ${kind}`);
    let changes = 0;
    for (const [kind, { page, index }] of chosen) {
      for (const at of leafPaths(page.drawables[index])) {
        const changed = structuredClone(page);
        if (!change(changed.drawables[index], at)) continue;
        const fresh = await draw([changed], createWriterCache());
        const warmed = createWriterCache();
        await draw([page], warmed);
        const taken = await draw([changed], warmed);
        assert.ok(same(taken, fresh), `${kind}: ${at.join('.')} changed`);
        changes++;
      }
    }
    assert.ok(changes > 80, `${changes} values changed`);
  });

  it('are taken only by a document of the same setting: tagging, colours, page size, shared subsets', async () => {
    // A page of shapes alone has no tagged line to tell a tagged document's key from another's.
    const shapes = layout.pages
      .map((page) => ({ ...page, drawables: page.drawables.filter((d) => d.kind !== 'line' && !isHeader(d)) }))
      .find((page) => page.drawables.some((d) => d.kind === 'frame'))!;
    const pages = [...layout.pages.slice(1, 3), shapes];
    const settings: { output?: PdfOutput; geometry?: LayoutResult['geometry']; shared?: SharedGlyphs }[] = [
      { output: { standard: 'ua-1', print: true } },
      { output: { standard: 'none', print: false } },
      { geometry: { ...layout.geometry, height: layout.geometry.height + 10 } },
      { shared: { regular: [...'山東省貫徹落實'].map((char) => char.codePointAt(0)!) } },
    ];
    for (const [i, { output, geometry, shared }] of settings.entries()) {
      const drawIn = (cache: WriterCache) =>
        drawDocument(
          { ...layout, ...(geometry ? { geometry } : {}), pages },
          kitchenSink.meta,
          fonts,
          creationDate,
          cache,
          output ?? defaultPdfOutput,
          shared,
        );
      const warmed = createWriterCache();
      await draw(pages, warmed);
      assert.ok(same(await drawIn(warmed), await drawIn(createWriterCache())), `setting ${i}`);
    }
  });

  it('are taken at another place in the document, and tagged as there', async () => {
    const [cover, ...rest] = layout.pages;
    const warmed = createWriterCache();
    await draw(rest, warmed);
    assert.ok(same(await draw([cover!, ...rest], warmed), await draw([cover!, ...rest], createWriterCache())));
    // A line a page repeats from an earlier one (a table's header row, a card's label) is read
    // once: taken alone, the later page has it tagged; after the earlier page, not.
    const tagKey = (d: Drawable) => (d.kind === 'line' && d.struct ? `${d.role} ${d.block} ${d.index}` : null);
    const seen = new Map<string, number>();
    let pair: [number, number] | undefined;
    layout.pages.forEach((page, i) => {
      for (const d of page.drawables) {
        const key = tagKey(d);
        if (key === null || isHeader(d)) continue;
        const first = seen.get(key);
        if (first !== undefined && first !== i) pair ??= [first, i];
        else seen.set(key, i);
      }
    });
    assert.ok(pair, 'the kitchen sink repeats a line on a later page');
    const [earlier, later] = pair.map((i) => layout.pages[i]!);
    const alone = createWriterCache();
    await draw([later!], alone);
    assert.ok(same(await draw([earlier!, later!], alone), await draw([earlier!, later!], createWriterCache())));
  });
});

const layout = layoutDocument(kitchenSink, theme, fonts, tocEntries(kitchenSink, theme.toc.depth), createWriterCache());

/** `pages` of the kitchen sink's layout drawn as a document of their own, with `cache`. */
const draw = (pages: LayoutPage[], cache: WriterCache) =>
  drawDocument({ ...layout, pages }, kitchenSink.meta, fonts, creationDate, cache, defaultPdfOutput);

const isHeader = (d: Drawable) => (d.kind === 'line' || d.kind === 'rule') && d.role === 'header';

/** The paths to every value of a drawable: numbers, texts, flags, nulls and the QR modules. */
function leafPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value instanceof Uint8Array || value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  // A drawable's kind and a link target's kind say what the rest is: not a value to change.
  return keys
    .filter((key) => key !== 'kind')
    .flatMap((key) => leafPaths((value as Record<string, unknown>)[key], [...at, key]));
}

/** Changes the value at `at` in `root` to another it could hold; false when there is none. */
function change(root: unknown, at: (string | number)[]): boolean {
  const parent = at
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>((object, key) => object[key] as never, root as never);
  const key = at[at.length - 1]!;
  const value = parent[key];
  const other = (() => {
    if (value instanceof Uint8Array) return value.map((module, i) => (i === 0 ? 1 - module : module));
    if (typeof value === 'number') return value + 1;
    if (typeof value === 'boolean') return !value;
    if (value === null) return key === 'fill' ? '#e0e0e0' : 2;
    if (typeof value !== 'string') return undefined;
    if (/^#[0-9a-f]{6}$/i.test(value)) return '#123456';
    const swaps: Record<string, string> = { regular: 'bold', bold: 'regular', Row: 'Column', Column: 'Row' };
    if (swaps[value]) return swaps[value];
    if (key === 'type') return value === 'P' ? 'H2' : 'P';
    if (key === 'role') return value === 'text' ? 'heading' : 'text';
    return `${value}一`;
  })();
  if (other === undefined) return false;
  parent[key] = other;
  return true;
}

/**
 * PDF writer, file level: the bytes read back by real readers. PDF.js must find every
 * character of the model in order, the outline, destinations, links and metadata; poppler
 * must render pages that are not blank and report embedded subset fonts. Output is
 * reproducible, and characters the font lacks are an error.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocModel } from '../../src/model/doc-model.js';
import { createWriterCache } from '../../src/writers/cache.js';
import {
  drawnGlyphs,
  MissingGlyphError,
  missingCodePoints,
  writePdf,
  type PdfResult,
} from '../../src/writers/pdf/index.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { fonts, theme } from '../helpers/theme.js';
import { modelTexts, squeeze } from '../helpers/readers.js';

const creationDate = new Date('2020-03-05T00:00:00Z');
const write = (model: DocModel, cache = createWriterCache()): Promise<PdfResult> =>
  writePdf(model, { theme, fonts, creationDate, cache });

type ModelBlock = DocModel['sections'][number]['blocks'][number];

const paragraphOf = (text: string): ModelBlock => ({
  type: 'paragraph',
  role: 'body',
  children: [{ type: 'text', value: text }],
});

const modelOf = (blocks: ModelBlock[]): DocModel => ({ meta: kitchenSink.meta, sections: [{ kind: 'body', blocks }] });

async function pageTexts(pdf: PDFDocumentProxy): Promise<string[]> {
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return texts;
}

describe('PDF file of the kitchen-sink fixture', () => {
  let result: PdfResult;
  let pdf: PDFDocumentProxy;
  let texts: string[];
  const dir = mkdtempSync(join(tmpdir(), 'guide-pdf-'));
  const file = join(dir, 'kitchen-sink.pdf');

  before(async () => {
    result = await write(kitchenSink);
    writeFileSync(file, result.bytes);
    // PDF.js takes ownership of (detaches) the buffer it is given.
    pdf = await getDocument({ data: result.bytes.slice(), verbosity: 0 }).promise;
    texts = await pageTexts(pdf);
  });
  after(async () => {
    await pdf.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has as many pages as reported, and on each the text the layout placed there', () => {
    assert.equal(pdf.numPages, result.pageCount);
    // List bullets are drawn as the font's bullet (text a screen reader reads), not as lines of
    // the layout; the font draws • and ・ with one glyph, so the file may give either.
    const withoutBullets = (text: string) => squeeze(text).replace(/[•◦・]/g, '');
    result.layout.pages.forEach((page, i) => {
      assert.equal(
        withoutBullets(texts[i]!),
        withoutBullets(page.lines.map((line) => line.text).join('')),
        `page ${i + 1}`,
      );
    });
  });

  it('holds every character of every text node of the model, in model order', () => {
    // Running headers and footers are not model text; everything else is searched in order.
    // Cells of a row split across pages interleave, so each node may start anywhere after the
    // previous node's start, and must then be found character by character.
    const running = new Set(
      result.layout.pages.flatMap((page) =>
        page.lines.filter((line) => line.role === 'header' || line.role === 'footer').map((line) => squeeze(line.text)),
      ),
    );
    const body = squeeze(
      texts
        .map((text, i) => {
          let rest = text;
          for (const line of result.layout.pages[i]!.lines) {
            if (running.has(squeeze(line.text))) rest = rest.replace(line.text, '');
          }
          return rest;
        })
        .join(''),
    );
    let start = 0;
    for (const node of modelTexts(kitchenSink)
      .map(squeeze)
      .filter((node) => node !== '')) {
      const first = body.indexOf(node[0]!, start);
      assert.ok(first >= 0, `"${node}" not found after offset ${start}`);
      let at = first;
      for (const char of node.slice(1)) {
        at = body.indexOf(char, at + 1);
        assert.ok(at >= 0, `"${node}": "${char}" missing`);
      }
      start = first;
    }
    const counts = (text: string): Map<string, number> => {
      const map = new Map<string, number>();
      for (const char of text) map.set(char, (map.get(char) ?? 0) + 1);
      return map;
    };
    const inPdf = counts(body);
    for (const [char, count] of counts(squeeze(modelTexts(kitchenSink).join('')))) {
      assert.ok((inPdf.get(char) ?? 0) >= count, `"${char}" appears ${inPdf.get(char) ?? 0} times, model has ${count}`);
    }
  });

  it('has the metadata, language and version asked for', async () => {
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    assert.equal(info.Title, kitchenSink.meta.title);
    assert.equal(info.Author, kitchenSink.meta.author);
    assert.equal(info.Subject, kitchenSink.meta.subject);
    assert.equal(info.Keywords, kitchenSink.meta.keywords.join(', '));
    assert.equal(info.Language, 'zh-Hant-TW');
    assert.equal(info.PDFFormatVersion, '1.7');
    assert.equal(info.CreationDate, 'D:20200305000000Z');
    assert.equal(info.ModDate, 'D:20200305000000Z');
  });

  it('has an outline of chapters with their measures nested, and a destination per heading', async () => {
    const outline = await pdf.getOutline();
    assert.deepEqual(
      outline.map((item) => [item.dest, item.items.map((child) => child.dest)]),
      [
        ['preface', []],
        ['tax', ['tax-small-scale-vat', 'tax-deferral']],
        ['social-insurance', ['si-relief', 'si-stabilisation']],
        ['finance', ['finance-deferral', 'finance-guarantee']],
        ['appendix-hotlines', []],
      ],
    );
    assert.equal(outline[1]!.title, '第一章　減稅降費');
    const destinations = await pdf.getDestinations();
    const headings = kitchenSink.sections[1]!.blocks.flatMap((block) => (block.type === 'heading' ? [block.id] : []));
    assert.deepEqual(Object.keys(destinations).sort(), [...headings].sort());
  });

  it('makes TOC entries, #id links and web links clickable', async () => {
    const tocPage = result.layout.pages.findIndex((page) => page.lines.some((line) => line.role === 'toc-page'));
    const tocLinks = (await (await pdf.getPage(tocPage + 1)).getAnnotations()).map((a) => a.dest as string);
    const entries = result.layout.pages[tocPage]!.lines.filter((line) => line.role === 'toc-page').map(
      (line) => line.ref,
    );
    assert.equal(tocLinks.length, 11);
    assert.deepEqual(tocLinks, entries);
    const prefaceLinks = (await (await pdf.getPage(2)).getAnnotations()).map(
      (a) => (a.url as string | undefined) ?? `#${a.dest}`,
    );
    assert.deepEqual(prefaceLinks, ['https://www.sdtaiban.gov.cn/', '#appendix-hotlines', '#appendix-hotlines']);
    const all: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      for (const a of await (await pdf.getPage(n)).getAnnotations()) if (a.url) all.push(a.url as string);
    }
    assert.ok(all.includes('https://etax.shandong.chinatax.gov.cn/'), 'the QR code URL is a link');
  });

  it('embeds subset fonts (pdffonts)', () => {
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.match(line, /^[A-Z]{6}\+NotoSansTC-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('renders pages that are not blank (pdftoppm)', () => {
    // No skipping: without poppler this fails, as it should on a machine that builds guides.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', file, join(dir, 'page')]);
    const pngs = readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort();
    assert.equal(pngs.length, 4);
    for (const png of pngs) {
      // A blank A4 page at 60 dpi compresses to about 1 KB; a page of text to well over 10 KB.
      assert.ok(statSync(join(dir, png)).size > 8_000, `${png} looks blank`);
    }
  });
});

describe('PDF bytes', () => {
  it('are identical for the same model and date', async () => {
    const first = await write(kitchenSink);
    const second = await write(kitchenSink);
    assert.equal(Buffer.compare(first.bytes, second.bytes), 0);
    const later = await writePdf(kitchenSink, { theme, fonts, creationDate: new Date('2021-01-01T00:00:00Z') });
    assert.notEqual(Buffer.compare(first.bytes, later.bytes), 0, 'the date is in the file');
  });

  it('are the same from a cache other documents warmed as from a fresh one', async () => {
    const cache = createWriterCache();
    const sharedGlyphs = drawnGlyphs(kitchenSink, theme, fonts, cache);
    const options = { theme, fonts, creationDate, sharedGlyphs };
    await writePdf(kitchenSink, { ...options, cache });
    await writePdf(modelOf([paragraphOf('另一份指南的段落。')]), { ...options, cache });
    const warm = await writePdf(kitchenSink, { ...options, cache });
    assert.ok(cache.setParagraphs?.has(fonts) && cache.qrMatrices.size > 0, 'the cache was used');
    const fresh = await writePdf(kitchenSink, options);
    assert.equal(Buffer.compare(warm.bytes, fresh.bytes), 0);
  });

  it('are the same from a one-document cache, which keeps no set lines', async () => {
    const cache = createWriterCache({ oneDocument: true });
    const one = await writePdf(kitchenSink, { theme, fonts, creationDate, cache });
    assert.equal(cache.setParagraphs, null);
    const fresh = await writePdf(kitchenSink, { theme, fonts, creationDate });
    assert.equal(Buffer.compare(one.bytes, fresh.bytes), 0);
  });

  it('are refused when the font cannot draw a character', async () => {
    const model: DocModel = {
      meta: kitchenSink.meta,
      sections: [
        {
          kind: 'body',
          blocks: [{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: '歡迎來電😀諮詢' }] }],
        },
      ],
    };
    assert.deepEqual(missingCodePoints(fonts, '歡迎來電😀諮詢'), [0x1f600]);
    await assert.rejects(write(model), (error: unknown) => {
      assert.ok(error instanceof MissingGlyphError);
      assert.deepEqual(error.codePoints, [0x1f600]);
      assert.match(error.message, /U\+1F600/);
      return true;
    });
  });
});

describe('PDF named destinations', () => {
  it('are listed in the order of their keys as bytes, as readers search them', async () => {
    // Keys as pdfkit writes them: ASCII as it is, anything else as UTF-16BE after a byte order
    // mark. Collation (pdfkit's own localeCompare) puts "alpha" before "Zeta" and "B_1" before
    // "B1"; a reader searching the tree by bytes then misses them.
    const ids = ['alpha', 'Zeta', 'B_1', 'B1', '附錄', 'a附錄', 'b', 'appendix-hotlines'];
    const model = modelOf([
      ...ids.map((id): ModelBlock => ({
        type: 'heading',
        level: 2,
        id,
        children: [{ type: 'text', value: id }],
        toc: true,
      })),
      {
        type: 'paragraph',
        role: 'body',
        children: ids.map((id) => ({ type: 'link', url: `#${id}`, children: [{ type: 'text', value: id }] })),
      },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'guide-pdf-'));
    try {
      const file = join(dir, 'destinations.pdf');
      writeFileSync(file, (await write(model)).bytes);
      const json = execFileSync('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=none', file]);
      const objects = (JSON.parse(json.toString()) as { qpdf: [unknown, Record<string, { value?: unknown }>] }).qpdf[1];
      const value = (ref: unknown) =>
        (typeof ref === 'string' && ref.endsWith(' R') ? objects[`obj:${ref}`]?.value : ref) as Record<string, unknown>;
      const catalog = Object.values(objects).find((o) => value(o.value)?.['/Type'] === '/Catalog')!.value;
      const names = value(value(value(catalog)['/Names'])['/Dests'])['/Names'] as string[];
      const keys = names.filter((_, i) => i % 2 === 0).map((key) => key.replace(/^u:/, ''));
      assert.deepEqual([...keys].sort(), [...ids].sort(), 'a destination for every heading');
      const bytes = (key: string) =>
        /[\u0080-\uffff]/.test(key)
          ? Buffer.from(Buffer.from(`\ufeff${key}`, 'utf16le').swap16())
          : Buffer.from(key, 'latin1');
      const sorted = [...keys].sort((a, b) => Buffer.compare(bytes(a), bytes(b)));
      assert.deepEqual(keys, sorted);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PDF set lines reused between documents', () => {
  it('still refuse a character the font cannot draw, in every document that holds it', async () => {
    // Two paragraphs with the same missing character; the second document holds only the
    // second, set already (and cached) while the first document was laid out.
    const first = paragraphOf('歡迎來電😀諮詢');
    const second = paragraphOf('週末也可😀來電');
    const cache = createWriterCache();
    await assert.rejects(write(modelOf([first, second]), cache), MissingGlyphError);
    await assert.rejects(write(modelOf([second]), cache), (error: unknown) => {
      assert.ok(error instanceof MissingGlyphError);
      assert.deepEqual(error.codePoints, [0x1f600]);
      return true;
    });
  });
});

describe('PDF font subsets shared between documents', () => {
  // What a batch does: the glyphs every guide draws go into subsets made once; each document's
  // own subset holds the rest. Here the shared text is one paragraph both documents hold.
  const common = '每項措施都列明實施機關、申請條件和辦理流程。';
  const modelWith = (own: string): DocModel => ({
    meta: kitchenSink.meta,
    sections: [
      {
        kind: 'body',
        blocks: [
          paragraphOf(common),
          { type: 'heading', level: 2, id: 'own', toc: false, children: [{ type: 'text', value: own }] },
          paragraphOf(own),
        ],
      },
    ],
  });
  // One cache for the run, as a batch has.
  const cache = createWriterCache();
  const shared = drawnGlyphs(modelWith(''), theme, fonts, cache);
  const dir = mkdtempSync(join(tmpdir(), 'guide-pdf-shared-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The names of the fonts embedded in a file (pdffonts), subset tags included. */
  const fontFiles = (file: string) =>
    execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0]!);

  it('read back the same text as documents with subsets of their own', async () => {
    for (const own of ['臺資企業一號有限公司', '濟南市重點外貿企業']) {
      const plain = await write(modelWith(own));
      const split = await writePdf(modelWith(own), { theme, fonts, creationDate, sharedGlyphs: shared, cache });
      const texts = async (bytes: Uint8Array) => {
        const pdf = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
        try {
          return await pageTexts(pdf);
        } finally {
          await pdf.destroy();
        }
      };
      assert.deepEqual(await texts(split.bytes), await texts(plain.bytes));
      assert.ok((await texts(split.bytes)).join('').includes(own));
    }
  });

  it('embed the shared subsets under the same names in every document, beside their own', async () => {
    const owns = ['臺資企業一號有限公司', '濟南市重點外貿企業'];
    const files = owns.map((_, i) => join(dir, `firm-${i}.pdf`));
    for (const [i, own] of owns.entries()) {
      const result = await writePdf(modelWith(own), { theme, fonts, creationDate, sharedGlyphs: shared, cache });
      writeFileSync(files[i]!, result.bytes);
    }
    const [first, second] = files.map(fontFiles);
    // The common paragraph's regular subset and the heading's bold one: the first is in both.
    const inBoth = first!.filter((name) => second!.includes(name));
    assert.equal(inBoth.length, 1, `${first} / ${second}`);
    assert.match(inBoth[0]!, /^[A-Z]{6}\+NotoSansTC-Regular$/);
    assert.equal(first!.length, 3, 'shared regular, own regular (the firm name), own bold (the heading)');
  });

  it("embed a body's characters from one subset for the documents that draw the same body, each letter's from its own", async () => {
    const guide = (letter: string, body: string): DocModel => ({
      // The running header names the firm, as a batch's does.
      meta: { ...kitchenSink.meta, header: `${letter.slice(1)}惠企政策指南` },
      sections: [
        { kind: 'cover', blocks: [paragraphOf(letter)] },
        { kind: 'body', blocks: [paragraphOf(common), paragraphOf(body)] },
      ],
    });
    const guides = [
      guide('致臺資企業一號有限公司', '稅務部門依申請辦理退稅。'),
      guide('致濟南市重點外貿企業', '稅務部門依申請辦理退稅。'),
      guide('致臺資企業一號有限公司', '人社部門按月發放穩崗補貼。'),
    ];
    const fontsOf: string[][] = [];
    for (const [i, model] of guides.entries()) {
      const options = { theme, fonts, creationDate, sharedGlyphs: shared };
      const warm = await writePdf(model, { ...options, cache });
      // Which subsets a document embeds depends on it alone, not on what the cache met before.
      const fresh = await writePdf(model, { ...options, cache: createWriterCache() });
      assert.ok(Buffer.from(warm.bytes).equals(Buffer.from(fresh.bytes)), `guide ${i}`);
      writeFileSync(join(dir, `body-${i}.pdf`), warm.bytes);
      fontsOf.push(fontFiles(join(dir, `body-${i}.pdf`)));
    }
    const [first, second, third] = fontsOf as [string[], string[], string[]];
    assert.equal(first.length, 3, `shared, body and letter subsets of the regular face: ${first}`);
    const sharedName = first.filter((name) => second.includes(name) && third.includes(name));
    const bodyName = first.filter((name) => second.includes(name) && !third.includes(name));
    assert.equal(sharedName.length, 1, `${first} / ${second} / ${third}`);
    assert.equal(bodyName.length, 1, 'the same body, the same subset');
    assert.ok(
      !second.some((name) => third.includes(name) && !first.includes(name)),
      'letters have subsets of their own',
    );
  });
});

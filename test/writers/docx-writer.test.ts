/**
 * DOCX writer: the package's structure (styles, sections, header/footer fields, TOC field,
 * numbering, tables, links, pictures, properties), the text read back in model order,
 * byte-for-byte reproducibility in one process and across processes, and the time a
 * guide-sized document takes. LibreOffice reads the file in docx-libreoffice.test.ts.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { Block, DocModel, Inline } from '../../src/model/doc-model.js';
import { createWriterCache } from '../../src/writers/cache.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { readZip } from '../../src/writers/docx/zip.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { assertGolden } from '../helpers/golden.js';
import { docxParts, modelTexts } from '../helpers/readers.js';
import { theme } from '../helpers/theme.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const creationDate = new Date('2020-03-05T08:30:00Z');

// ---------------------------------------------------------------------------------------------
// Reading the package back

function partText(parts: Map<string, Uint8Array>, name: string): string {
  const part = parts.get(name);
  assert.ok(part, `the package has no ${name}`);
  return new TextDecoder().decode(part);
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of every w:t in the XML, in order, joined. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join('');
}

/** Every element `<name …>…</name>` (or self-closed) in the XML. */
function elements(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?:[ >/][\\s\\S]*?</${name}>|[ /][^>]*/>|/>)`, 'g'))].map((m) => m[0]);
}

function attribute(element: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`).exec(element)?.[1];
}

// ---------------------------------------------------------------------------------------------
// Models

const t = (value: string): Inline => ({ type: 'text', value });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', role: 'body', children });
const heading = (level: 1 | 2 | 3, id: string, text: string, toc = true): Block => ({
  type: 'heading',
  level,
  id,
  toc,
  children: [t(text)],
});
const list = (ordered: boolean, start: number, ...items: Block[][]): Block => ({
  type: 'list',
  ordered,
  start,
  items: items.map((children) => ({ children })),
});

/** What the kitchen sink leaves out: a list starting at 3, a level-2 heading kept out of the TOC, a link to a heading that is not there, a two-row grid header, no cover. */
const extras: DocModel = {
  meta: {
    title: '補充測試',
    author: '測試',
    subject: '測試',
    keywords: ['測試'],
    language: 'zh-Hant-TW',
    header: '補充測試',
  },
  sections: [
    {
      kind: 'body',
      blocks: [
        { type: 'toc', title: '目錄' },
        heading(1, 'one', '第一章　總則'),
        list(true, 3, [p(t('第三項'))], [p(t('第四項')), list(true, 1, [p(t('子項一'))], [p(t('子項二'))])]),
        list(true, 1, [p(t('另一清單第一項'))]),
        heading(2, 'unlisted', '不列入目錄的小節', false),
        p(t('見'), { type: 'link', url: '#missing', children: [t('不存在的章節')] }, t('與'), {
          type: 'link',
          url: '#one',
          children: [{ type: 'strong', children: [t('第一章')] }],
        }),
        {
          type: 'table',
          variant: 'grid',
          columns: [0.25, 0.75],
          header: [
            { cells: [{ children: [p(t('欄一'))] }, { children: [p(t('欄二'))] }] },
            { cells: [{ children: [p(t('甲'))] }, { children: [p(t('乙'))] }] },
          ],
          rows: [{ cells: [{ children: [p(t('一'))] }, { children: [] }] }],
        },
        { type: 'qr', url: 'https://example.com/apply?id=1&x=2', label: [t('掃碼辦理')] },
      ],
    },
  ],
};

/** Heading id → a page number, as the PDF layout would give them. */
function pagesOf(model: DocModel): Map<string, number> {
  const pages = new Map<string, number>();
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'heading') pages.set(block.id, pages.size + 3);
      if (block.type === 'list') for (const item of block.items) visit(item.children);
      if (block.type === 'table')
        for (const row of [...block.header, ...block.rows]) for (const cell of row.cells) visit(cell.children);
    }
  };
  for (const section of model.sections) visit(section.blocks);
  return pages;
}

function headingsOf(model: DocModel): Extract<Block, { type: 'heading' }>[] {
  const out: Extract<Block, { type: 'heading' }>[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'heading') out.push(block);
      if (block.type === 'list') for (const item of block.items) visit(item.children);
      if (block.type === 'table')
        for (const row of [...block.header, ...block.rows]) for (const cell of row.cells) visit(cell.children);
    }
  };
  for (const section of model.sections) visit(section.blocks);
  return out;
}

/** The kitchen sink's body repeated `copies` times (ids and `#id` links renamed per copy) under one TOC: a guide-sized model. */
function scaledUp(model: DocModel, copies: number): DocModel {
  const body = model.sections.find((section) => section.kind === 'body')!;
  const content = JSON.stringify(body.blocks.filter((block) => block.type !== 'toc'));
  const copy = (k: number): Block[] =>
    JSON.parse(content, (key, value: unknown) => {
      if (key === 'id' && typeof value === 'string') return `${value}-${k}`;
      if (key === 'url' && typeof value === 'string' && value.startsWith('#')) return `${value}-${k}`;
      return value;
    }) as Block[];
  return {
    meta: model.meta,
    sections: [
      ...model.sections.filter((section) => section.kind === 'cover'),
      {
        kind: 'body',
        blocks: [{ type: 'toc', title: '目錄' }, ...Array.from({ length: copies }, (_, k) => copy(k)).flat()],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------

describe('DOCX writer: structure', async () => {
  const pages = pagesOf(kitchenSink);
  const { bytes } = await writeDocx(kitchenSink, { theme, creationDate, headingPages: pages, bodyPageCount: 12 });
  const parts = docxParts(bytes);
  const documentXml = partText(parts, 'word/document.xml');
  const stylesXml = partText(parts, 'word/styles.xml');
  const numberingXml = partText(parts, 'word/numbering.xml');

  it('is a zip with [Content_Types].xml first and every entry dated creationDate', () => {
    assert.equal(readZip(bytes)[0]!.name, '[Content_Types].xml');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // 2020-03-05 08:30:00 as MS-DOS date and time fields of the first local header.
    assert.equal(view.getUint16(10, true), (8 << 11) | (30 << 5));
    assert.equal(view.getUint16(12, true), (40 << 9) | (3 << 5) | 5);
  });

  it('has heading styles with outline levels, and East Asian font and zh-TW language on the defaults', () => {
    for (const level of [1, 2, 3]) {
      const style = elements(stylesXml, 'w:style').find((s) => s.includes(`w:styleId="Heading${level}"`));
      assert.ok(style, `Heading${level} style`);
      assert.match(style, new RegExp(`<w:outlineLvl w:val="${level - 1}"/>`));
      assert.match(style, /<w:keepNext\/>/);
    }
    const defaults = elements(stylesXml, 'w:docDefaults')[0]!;
    assert.match(defaults, new RegExp(`w:eastAsia="${theme.fonts.docx.eastAsia}"`));
    assert.match(defaults, new RegExp(`w:ascii="${theme.fonts.docx.latin}"`));
    assert.match(defaults, /<w:lang [^>]*w:eastAsia="zh-TW"/);
    for (const id of [
      'Title',
      'Subtitle',
      'Normal',
      'TOC1',
      'TOC2',
      'ListParagraph',
      'TableText',
      'GuideCardTable',
      'GuideGridTable',
      'Hyperlink',
      'Strong',
      'Emphasis',
    ]) {
      assert.match(stylesXml, new RegExp(`w:styleId="${id}"`), `style ${id}`);
    }
  });

  it('puts the cover in a section without header or footer, and the body in one with both, numbered from 1, on A4 with the theme margins', () => {
    const sections = elements(documentXml, 'w:sectPr');
    assert.equal(sections.length, 2);
    const [cover, body] = sections as [string, string];
    assert.doesNotMatch(cover, /headerReference|footerReference/);
    assert.match(body, /<w:headerReference [^>]*w:type="default"/);
    assert.match(body, /<w:footerReference [^>]*w:type="default"/);
    assert.match(body, /<w:pgNumType [^>]*w:start="1"/);
    for (const section of sections) {
      assert.match(section, /<w:pgSz w:w="11906" w:h="16838"/);
      const margins = elements(section, 'w:pgMar')[0]!;
      assert.equal(attribute(margins, 'w:top'), String(theme.page.margins.top * 20));
      assert.equal(attribute(margins, 'w:left'), String(theme.page.margins.left * 20));
    }
  });

  it('writes the running header and a footer of PAGE and SECTIONPAGES fields', () => {
    assert.equal(textOf(partText(parts, 'word/header1.xml')), kitchenSink.meta.header);
    const footer = partText(parts, 'word/footer1.xml');
    const instructions = [...footer.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1]!.trim());
    assert.deepEqual(instructions, ['PAGE', 'SECTIONPAGES']);
    // The page total is written as SECTIONPAGES' result; the page number is left to the reader.
    assert.equal(textOf(footer), '第  頁，共 12 頁');
  });

  it('pre-fills a TOC field with an entry per listed heading, linked to its bookmark, with the PDF page numbers', () => {
    const sdt = elements(documentXml, 'w:sdt')[0]!;
    assert.match(sdt, /<w:docPartGallery w:val="Table of Contents"\/>/);
    assert.match(sdt, /<w:instrText xml:space="preserve"> TOC \\o &quot;1-2&quot; \\h \\z \\u <\/w:instrText>/);
    assert.doesNotMatch(sdt, /w:dirty/);
    const listed = headingsOf(kitchenSink).filter((h) => h.toc && h.level <= theme.toc.depth);
    const entries = elements(sdt, 'w:p').filter((paragraph) => /w:pStyle w:val="TOC\d"/.test(paragraph));
    assert.equal(entries.length, listed.length);
    entries.forEach((entry, i) => {
      const heading = listed[i]!;
      const anchor = attribute(elements(entry, 'w:hyperlink')[0]!, 'w:anchor')!;
      assert.match(anchor, /^_Toc\d+$/);
      assert.match(entry, new RegExp(`PAGEREF ${anchor} \\\\h`));
      assert.equal(
        textOf(entry),
        `${heading.children.map((c) => (c.type === 'text' ? c.value : '')).join('')}${pages.get(heading.id)}`,
      );
      assert.match(entry, new RegExp(`w:pStyle w:val="TOC${heading.level}"`));
      // The bookmark sits on the heading itself.
      const headingParagraph = elements(documentXml, 'w:p').find(
        (p) => p.includes(`w:name="${anchor}"`) && !p.includes('TOC'),
      );
      assert.ok(headingParagraph, `bookmark ${anchor}`);
      assert.match(headingParagraph, new RegExp(`w:pStyle w:val="Heading${heading.level}"`));
    });
  });

  it('marks grid header rows to repeat; header and short rows stay whole, long rows may split across pages', () => {
    const rows = elements(documentXml, 'w:tr');
    assert.ok(rows.length > 50);
    const text = (row: string) => [...row.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const row of rows.filter((r) => r.includes('<w:tblHeader/>'))) assert.match(row, /<w:cantSplit\/>/);
    for (const row of rows.filter((r) => text(r).length < 10)) assert.match(row, /<w:cantSplit\/>/, text(row));
    const splittable = rows.filter((row) => !row.includes('<w:cantSplit/>'));
    assert.ok(splittable.length > 0, 'every row is kept whole');
    for (const row of splittable) assert.ok(text(row).length > 40, `a short row may split: ${text(row)}`);
    const grid = elements(documentXml, 'w:tbl').find((table) => table.includes('GuideGridTable'))!;
    const gridRows = elements(grid, 'w:tr');
    assert.match(gridRows[0]!, /<w:tblHeader\/>/);
    assert.ok(gridRows.slice(1).every((row) => !row.includes('tblHeader')));
  });

  it('gives card tables fixed widths from the columns, with the label column shaded by the table style', () => {
    const textWidth = 11906 - (theme.page.margins.left + theme.page.margins.right) * 20;
    const card = elements(documentXml, 'w:tbl').find((table) => table.includes('GuideCardTable'))!;
    assert.match(card, /<w:tblLayout w:type="fixed"\/>/);
    assert.match(card, /w:firstColumn="1"/);
    // The card's own grid (a QR code inside it is a table of its own, further on).
    const columns = elements(elements(card, 'w:tblGrid')[0]!, 'w:gridCol').map((col) => Number(attribute(col, 'w:w')));
    assert.equal(columns.length, 2);
    assert.equal(columns[0]! + columns[1]!, textWidth);
    assert.equal(columns[0], Math.round(textWidth * 0.2));
    const style = elements(stylesXml, 'w:style').find((s) => s.includes('w:styleId="GuideCardTable"'))!;
    assert.match(
      style,
      new RegExp(`<w:tblStylePr w:type="firstCol">.*w:fill="${theme.colors.tableLabelFill.slice(1).toUpperCase()}"`),
    );
  });

  it('numbers each list with its own w:num, restarting at its start', () => {
    const numIds = [...documentXml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const distinct = [...new Set(numIds)];
    const nums = elements(numberingXml, 'w:num');
    assert.equal(nums.length, distinct.length);
    for (const num of nums)
      assert.match(num, /<w:lvlOverride w:ilvl="\d"><w:startOverride w:val="1"\/><\/w:lvlOverride>/);
    assert.equal(elements(numberingXml, 'w:abstractNum').length, 2);
    // Nested lists sit one level deeper, with a hanging indent per level.
    assert.match(documentXml, /<w:ilvl w:val="1"\/>/);
    assert.match(
      numberingXml,
      new RegExp(
        `<w:lvl w:ilvl="1">.*?<w:ind w:left="${theme.list.indent * 40}" w:hanging="${theme.list.indent * 20}"/>`,
      ),
    );
  });

  it('links `#id` to the heading bookmark and external addresses through relationships', () => {
    const rels = partText(parts, 'word/_rels/document.xml.rels');
    const preface = elements(documentXml, 'w:hyperlink').find((link) => textOf(link) === '附錄一　服務熱線一覽')!;
    const target = attribute(preface, 'w:anchor')!;
    assert.match(
      documentXml,
      new RegExp(
        `<w:bookmarkStart w:id="\\d+" w:name="${target}"/><w:r><w:t xml:space="preserve">附錄一\u3000服務熱線一覽`,
      ),
    );
    const site = elements(documentXml, 'w:hyperlink').find((link) => textOf(link) === '山東省委臺港澳辦網站')!;
    const id = attribute(site, 'r:id')!;
    assert.match(
      rels,
      new RegExp(
        `<Relationship Id="${id}" Type="[^"]*/hyperlink" Target="https://www.sdtaiban.gov.cn/" TargetMode="External"/>`,
      ),
    );
  });

  it('sets QR codes as PNG pictures, each with its own drawing id', () => {
    const rels = partText(parts, 'word/_rels/document.xml.rels');
    const drawings = elements(documentXml, 'wp:docPr');
    assert.equal(drawings.length, 3);
    assert.deepEqual(
      drawings.map((d) => attribute(d, 'id')),
      ['1', '2', '3'],
    );
    for (const blip of elements(documentXml, 'a:blip')) {
      const target = new RegExp(`Id="${attribute(blip, 'r:embed')}" Type="[^"]*/image" Target="([^"]+)"`).exec(
        rels,
      )?.[1];
      assert.ok(target, 'image relationship');
      const png = parts.get(`word/${target}`)!;
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
  });

  it('fills the document properties from the model and the creation date', () => {
    const core = partText(parts, 'docProps/core.xml');
    const { meta } = kitchenSink;
    assert.match(core, new RegExp(`<dc:title>${meta.title}</dc:title>`));
    assert.match(core, new RegExp(`<dc:subject>${meta.subject.replace(/[()（）]/g, '.')}</dc:subject>`));
    assert.match(core, new RegExp(`<dc:creator>${meta.author}</dc:creator>`));
    assert.match(core, new RegExp(`<cp:lastModifiedBy>${meta.author}</cp:lastModifiedBy>`));
    assert.match(core, new RegExp(`<cp:keywords>${meta.keywords.join('; ')}</cp:keywords>`));
    assert.match(core, /<dc:language>zh-Hant-TW<\/dc:language>/);
    assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2020-03-05T08:30:00Z<\/dcterms:created>/);
    assert.match(core, /<dcterms:modified xsi:type="dcterms:W3CDTF">2020-03-05T08:30:00Z<\/dcterms:modified>/);
  });

  it('matches the golden outline of the body (style, then text, of every paragraph)', () => {
    const outline = elements(documentXml.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/, '<w:p>[TOC]</w:p>'), 'w:p').map(
      (paragraph) => {
        const style = /<w:pStyle w:val="([^"]+)"/.exec(paragraph)?.[1] ?? '-';
        const number = /<w:numId w:val="(\d+)"\/>/.exec(paragraph) ? ' #' : '';
        return `${style}${number}\t${paragraph === '<w:p>[TOC]</w:p>' ? '[TOC]' : textOf(paragraph)}`;
      },
    );
    assertGolden(
      fileURLToPath(new URL('../golden/docx/kitchen-sink.outline.txt', import.meta.url)),
      `${outline.join('\n')}\n`,
    );
  });
});

describe('DOCX writer: the cases the kitchen sink leaves out', async () => {
  const parts = docxParts((await writeDocx(extras, { theme, creationDate })).bytes);
  const documentXml = partText(parts, 'word/document.xml');

  it('starts an ordered list at its start, and the next list from 1 again', () => {
    const numbering = partText(parts, 'word/numbering.xml');
    const nums = elements(numbering, 'w:num').map((num) => [
      attribute(num, 'w:numId'),
      /<w:startOverride w:val="(\d+)"/.exec(num)![1],
    ]);
    assert.deepEqual(nums, [
      ['1', '3'],
      ['2', '1'],
      ['3', '1'],
    ]);
  });

  it('leaves page numbers out of the TOC without headingPages, and marks the field for Word to update', () => {
    const sdt = elements(documentXml, 'w:sdt')[0]!;
    assert.doesNotMatch(sdt, /PAGEREF/);
    assert.match(sdt, /<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/);
    assert.equal(elements(sdt, 'w:hyperlink').length, 1, 'only the listed heading: 第一章');
  });

  it('keeps a heading with toc: false out of the TOC and the outline', () => {
    assert.match(documentXml, /<w:pStyle w:val="Heading2Unlisted"\/>/);
    const styles = partText(parts, 'word/styles.xml');
    const unlisted = elements(styles, 'w:style').find((s) => s.includes('w:styleId="Heading2Unlisted"'))!;
    assert.match(unlisted, /<w:basedOn w:val="Heading2"\/>/);
    assert.match(unlisted, /<w:outlineLvl w:val="9"\/>/);
  });

  it('writes a link to a missing heading as text, and formats linked strong text', () => {
    const paragraph = elements(documentXml, 'w:p').find((p) => textOf(p).startsWith('見'))!;
    assert.equal(textOf(paragraph), '見不存在的章節與第一章');
    const links = elements(paragraph, 'w:hyperlink');
    assert.equal(links.length, 1);
    assert.match(links[0]!, /<w:rStyle w:val="Hyperlink"\/><w:b\/>/);
  });

  it('repeats every header row and fills an empty cell with a paragraph', () => {
    const rows = elements(elements(documentXml, 'w:tbl')[0]!, 'w:tr');
    assert.deepEqual(
      rows.map((row) => row.includes('<w:tblHeader/>')),
      [true, true, false],
    );
    assert.match(rows[1]!, /<w:shd w:val="clear" w:color="auto" w:fill="EFE6E6"\/>/);
    assert.ok(elements(rows[2]!, 'w:tc').every((cell) => cell.includes('<w:p>')));
  });

  it('puts the body in a single section numbered from 1 when there is no cover', () => {
    const sections = elements(documentXml, 'w:sectPr');
    assert.equal(sections.length, 1);
    assert.match(sections[0]!, /<w:pgNumType [^>]*w:start="1"/);
  });

  it('escapes what XML needs escaped in addresses', () => {
    const rels = partText(parts, 'word/_rels/document.xml.rels');
    assert.match(rels, /Target="https:\/\/example.com\/apply\?id=1&amp;x=2"/);
  });
});

describe('DOCX writer: a body section after the cover and another', () => {
  it("fills every body section's header and footer, not the first one's alone", async () => {
    const model: DocModel = {
      meta: { ...extras.meta, header: '第二節頁首' },
      sections: [
        { kind: 'body', blocks: [p(t('前言'))] },
        { kind: 'cover', blocks: [p(t('封面'))] },
        { kind: 'body', blocks: [p(t('正文'))] },
      ],
    };
    const parts = docxParts((await writeDocx(model, { theme, creationDate, bodyPageCount: 7 })).bytes);
    for (const n of [1, 2]) {
      const header = partText(parts, `word/header${n}.xml`);
      const footer = partText(parts, `word/footer${n}.xml`);
      assert.equal(textOf(header), '第二節頁首', `header${n}`);
      assert.doesNotMatch(footer, /guide-body-page-count/, `footer${n}`);
      assert.match(textOf(footer), /7/, `footer${n}`);
    }
  });
});

describe('DOCX writer: text read back', () => {
  for (const [name, model] of [
    ['kitchen sink', kitchenSink],
    ['extras', extras],
  ] as const) {
    it(`has every text node of the ${name} in document.xml, in model order`, async () => {
      const text = textOf(
        partText(
          docxParts((await writeDocx(model, { theme, creationDate, headingPages: pagesOf(model) })).bytes),
          'word/document.xml',
        ),
      );
      let cursor = 0;
      for (const value of modelTexts(model)) {
        const at = text.indexOf(value, cursor);
        assert.ok(at >= 0, `"${value}" is missing after position ${cursor}`);
        cursor = at + value.length;
      }
    });
  }
});

describe('DOCX writer: reproducible bytes', () => {
  const options = { theme, creationDate, headingPages: pagesOf(kitchenSink), bodyPageCount: 12 };

  it('writes the same bytes twice in one process, with another document written in between', async () => {
    const cache = createWriterCache();
    const first = (await writeDocx(kitchenSink, { ...options, cache })).bytes;
    await writeDocx(extras, { theme, creationDate: new Date('2021-01-01T00:00:00Z'), cache });
    await writeDocx(scaledUp(kitchenSink, 2), { theme, creationDate, cache });
    const second = (await writeDocx(kitchenSink, { ...options, cache })).bytes;
    assert.ok(cache.docxShells.has(theme) && cache.qrPngs.size > 0, 'the cache was used');
    assert.deepEqual(Buffer.from(second), Buffer.from(first));
    assert.deepEqual(
      Buffer.from((await writeDocx(kitchenSink, options)).bytes),
      Buffer.from(first),
      'as from a fresh cache',
    );
  });

  it('writes the same bytes in two separate processes', async () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { writeDocx } from ${JSON.stringify(new URL('../../src/writers/docx/index.ts', import.meta.url).href)};
      const input = JSON.parse(readFileSync(0, 'utf8'));
      const { bytes } = await writeDocx(input.model, { theme: input.theme, creationDate: new Date(input.date), headingPages: new Map(input.pages), bodyPageCount: input.count });
      process.stdout.write(Buffer.from(bytes).toString('base64'));
    `;
    const input = JSON.stringify({
      model: kitchenSink,
      theme,
      date: creationDate.toISOString(),
      pages: [...options.headingPages],
      count: options.bodyPageCount,
    });
    const run = () => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: root,
        input,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    };
    const [a, b] = [run(), run()];
    assert.ok(a.length > 1000);
    assert.equal(a, b);
    assert.equal(
      a,
      Buffer.from((await writeDocx(kitchenSink, options)).bytes).toString('base64'),
      'and the same as in this process',
    );
  });
});

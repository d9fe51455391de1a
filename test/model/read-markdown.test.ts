import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import QRCode from 'qrcode';
import type { Block, DocMeta, Inline } from '../../src/model/doc-model.js';
import { readMarkdown } from '../../src/model/read-markdown.js';

const meta: DocMeta = {
  title: '指南',
  author: '臺港澳辦',
  subject: '指南',
  keywords: [],
  language: 'zh-Hant-TW',
  header: '指南',
};

function read(markdown: string) {
  return readMarkdown(markdown, meta, { file: 'guide.md' });
}

/** The body blocks of Markdown that must read without a diagnostic. */
function body(markdown: string): Block[] {
  const { model, diagnostics } = read(markdown);
  assert.deepEqual(diagnostics, []);
  assert.equal(model.sections.length, 1);
  assert.equal(model.sections[0]!.kind, 'body');
  return model.sections[0]!.blocks;
}

const text = (value: string): Inline => ({ type: 'text', value });
const para = (value: string, role: 'body' | 'lead' | 'note' = 'body'): Block => ({
  type: 'paragraph',
  role,
  children: [text(value)],
});

/** Codes and the Markdown each diagnostic points at. */
function problems(markdown: string): { code: string; at: string; message: string }[] {
  return read(markdown).diagnostics.map((d) => ({
    code: d.code,
    at: d.range ? markdown.slice(d.range[0], d.range[1]) : '',
    message: d.message,
  }));
}

describe('paragraphs and inlines', () => {
  test('emphasis, strong, links, hard breaks and inline code', () => {
    assert.deepEqual(body('a *b* **c** [d](https://x.test/) e\\\nf `g`'), [
      {
        type: 'paragraph',
        role: 'body',
        children: [
          text('a '),
          { type: 'emphasis', children: [text('b')] },
          text(' '),
          { type: 'strong', children: [text('c')] },
          text(' '),
          { type: 'link', url: 'https://x.test/', children: [text('d')] },
          text(' e'),
          { type: 'break' },
          text('f g'),
        ],
      },
    ]);
  });

  test('a reference link is resolved through its definition', () => {
    assert.deepEqual(body('見[通知][n]。\n\n[n]: https://x.test/n'), [
      {
        type: 'paragraph',
        role: 'body',
        children: [text('見'), { type: 'link', url: 'https://x.test/n', children: [text('通知')] }, text('。')],
      },
    ]);
  });

  test('soft line breaks join CJK without a space and Latin words with one', () => {
    assert.deepEqual(body('申請\n條件'), [para('申請條件')]);
    assert.deepEqual(body('service\nguide'), [para('service guide')]);
    assert.deepEqual(body('使用 API\n接口'), [para('使用 API接口')]);
    assert.deepEqual(body('見附件，\nsee annex'), [para('見附件，see annex')]);
  });

  test('soft line breaks look across inline nodes', () => {
    assert.deepEqual(body('**粗體**\n文字\n*end*\nnext'), [
      {
        type: 'paragraph',
        role: 'body',
        children: [
          { type: 'strong', children: [text('粗體')] },
          text('文字'),
          { type: 'emphasis', children: [text('end')] },
          text(' next'),
        ],
      },
    ]);
  });

  test('escaped Markdown characters are text', () => {
    assert.deepEqual(body('\\*a\\* \\[b\\] \\<c\\> a\\|b \\:x'), [para('*a* [b] <c> a|b :x')]);
  });

  test('"Note:this" stays text though the directive syntax reads :this as a directive', () => {
    assert.deepEqual(body('Note:this and 9:00'), [para('Note:this and 9:00')]);
  });
});

describe('headings', () => {
  test('{#id} sets the id; levels 1 and 2 are in the table of contents, level 3 is not', () => {
    assert.deepEqual(
      body('# 第一章　減稅降費 {#chapter-tax}\n\n## 1.1　標題 {#tax-vat}\n\n### 政策內容 {#tax-vat-content}'),
      [
        { type: 'heading', level: 1, id: 'chapter-tax', children: [text('第一章　減稅降費')], toc: true },
        { type: 'heading', level: 2, id: 'tax-vat', children: [text('1.1　標題')], toc: true },
        { type: 'heading', level: 3, id: 'tax-vat-content', children: [text('政策內容')], toc: false },
      ],
    );
  });

  test('a closing sequence after {#id} is allowed', () => {
    assert.deepEqual(body('## 標題 {#a} ##'), [
      { type: 'heading', level: 2, id: 'a', children: [text('標題')], toc: true },
    ]);
  });

  test('a heading without an id gets one from the last explicit id', () => {
    const ids = body('## A {#measure}\n\n### B\n\n### C').map((block) => (block.type === 'heading' ? block.id : ''));
    assert.deepEqual(ids, ['measure', 'measure-1', 'measure-2']);
    assert.deepEqual(
      body('# 前言').map((block) => (block.type === 'heading' ? block.id : '')),
      ['section-1'],
    );
  });

  test('an escaped \\{#id} is text', () => {
    const [heading] = body('## 標題 \\{#a}');
    assert.equal(heading?.type, 'heading');
    assert.deepEqual(heading.type === 'heading' && heading.children, [text('標題 {#a}')]);
  });

  test('level 4, a bad id, a duplicate id and a heading in a list are errors', () => {
    assert.deepEqual(
      problems('#### 深 {#deep}\n\n## A {#a}\n\n## B {#a}\n\n## C {#中文}\n\n- ## D').map((p) => [p.code, p.at]),
      [
        ['E-TEMPLATE-DIRECTIVE', '#### 深 {#deep}'],
        ['E-TEMPLATE-DIRECTIVE', '## B {#a}'],
        ['E-TEMPLATE-DIRECTIVE', '## C {#中文}'],
        ['E-TEMPLATE-DIRECTIVE', '## D'],
      ],
    );
  });

  test('a duplicate id points at the first heading that has it', () => {
    const markdown = '## A {#a}\n\n## B {#a}';
    const [duplicate] = read(markdown).diagnostics;
    assert.deepEqual(duplicate?.related, [
      { file: 'guide.md', range: [0, 9], message: 'the first heading with this id' },
    ]);
  });
});

describe('lists', () => {
  test('nested lists, ordered lists and their start', () => {
    assert.deepEqual(body('- 一\n  - 甲\n  - 乙\n- 二\n\n3. 三\n4. 四'), [
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          {
            children: [
              para('一'),
              {
                type: 'list',
                ordered: false,
                start: 1,
                items: [{ children: [para('甲')] }, { children: [para('乙')] }],
              },
            ],
          },
          { children: [para('二')] },
        ],
      },
      { type: 'list', ordered: true, start: 3, items: [{ children: [para('三')] }, { children: [para('四')] }] },
    ]);
  });

  test('an item can hold several paragraphs', () => {
    assert.deepEqual(body('1. 第一段\n\n   第二段'), [
      { type: 'list', ordered: true, start: 1, items: [{ children: [para('第一段'), para('第二段')] }] },
    ]);
  });
});

describe('tables', () => {
  test('a GFM table is a grid table: first row the header, widths from the contents', () => {
    const [table] = body('| 部門 | 電話 |\n| --- | --- |\n| 納稅服務熱線 | 12366 |\n| a\\|b |');
    assert.deepEqual(table, {
      type: 'table',
      variant: 'grid',
      columns: [0.6667, 0.3333],
      columnsFromContent: true,
      header: [{ cells: [{ children: [para('部門')] }, { children: [para('電話')] }] }],
      rows: [
        { cells: [{ children: [para('納稅服務熱線')] }, { children: [para('12366')] }] },
        { cells: [{ children: [para('a|b')] }, { children: [] }] },
      ],
    });
  });

  test('a card holds rows: label cell and content cell, lists and QR codes in cells', () => {
    const markdown = [
      '::::card',
      ':::row[實施機關]',
      '國家稅務總局',
      ':::',
      '',
      ':::row[辦理方式]',
      '- ::qr[網上辦理：電子稅務局]{url="https://etax.test/?a=1&amp;b=2"}',
      '- 窗口辦理',
      '  - 甲地',
      ':::',
      '::::',
    ].join('\n');
    assert.deepEqual(body(markdown), [
      {
        type: 'table',
        variant: 'card',
        columns: [0.2, 0.8],
        header: [],
        rows: [
          { cells: [{ children: [para('實施機關')] }, { children: [para('國家稅務總局')] }] },
          {
            cells: [
              { children: [para('辦理方式')] },
              {
                children: [
                  {
                    type: 'list',
                    ordered: false,
                    start: 1,
                    items: [
                      {
                        children: [
                          { type: 'qr', url: 'https://etax.test/?a=1&b=2', label: [text('網上辦理：電子稅務局')] },
                        ],
                      },
                      {
                        children: [
                          para('窗口辦理'),
                          { type: 'list', ordered: false, start: 1, items: [{ children: [para('甲地')] }] },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });

  test('card widths come from columns=', () => {
    const [table] = body('::::card{columns="1,2"}\n:::row[a]\nb\n:::\n::::');
    assert.deepEqual(table?.type === 'table' && table.columns, [0.3333, 0.6667]);
  });

  test('a grid of rows has its first row as the header', () => {
    const [table] = body(
      '::::grid\n:::row[困難訴求]\n措施\n:::\n:::row[融資困難]\n- [1.1](#a)\n:::\n::::\n\n## A {#a}',
    );
    assert.equal(table?.type, 'table');
    if (table?.type !== 'table') return;
    assert.equal(table.variant, 'grid');
    assert.deepEqual(table.columns, [0.25, 0.75]);
    assert.deepEqual(table.header, [{ cells: [{ children: [para('困難訴求')] }, { children: [para('措施')] }] }]);
    assert.equal(table.rows.length, 1);
  });

  test('a grid around a GFM table sets its widths', () => {
    const [table] = body('::::grid{columns="1,1,2"}\n| a | b | c |\n| - | - | - |\n| 1 | 2 | 3 |\n::::');
    assert.deepEqual(table?.type === 'table' && table.columns, [0.25, 0.25, 0.5]);
    assert.equal(table?.type === 'table' && table.columnsFromContent, undefined, 'written widths are kept');
  });

  test('card mistakes are errors', () => {
    assert.deepEqual(
      problems(
        '::::card\n:::row\nno label\n:::\ntext\n::::\n\n::::card\n::::\n\n:::row[x]\ny\n:::\n\n::::card{columns="1"}\n:::row[a]\nb\n:::\n::::',
      ).map((p) => p.message),
      [
        ':::row needs a [label]',
        'only :::row blocks can be inside ::::card',
        '::::card has no rows',
        ':::row belongs inside ::::card or ::::grid',
        'columns="1" should be 2 positive numbers',
      ],
    );
  });
});

describe('directives', () => {
  test('::::cover is the cover section; paragraph roles come from their containers', () => {
    const { model, diagnostics } = read(
      '::::cover\n:::title\n指南\n:::\n:::subtitle\n彙編\n:::\n:::cover-meta\n2020年3月版\n\n臺港澳辦\n:::\n::::\n\n:::lead\n摘要\n:::\n\n:::note\n- 小字\n:::',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(model.meta, meta);
    assert.deepEqual(model.sections, [
      {
        kind: 'cover',
        blocks: [
          { type: 'paragraph', role: 'title', children: [text('指南')] },
          { type: 'paragraph', role: 'subtitle', children: [text('彙編')] },
          { type: 'paragraph', role: 'cover-meta', children: [text('2020年3月版')] },
          { type: 'paragraph', role: 'cover-meta', children: [text('臺港澳辦')] },
        ],
      },
      {
        kind: 'body',
        blocks: [
          para('摘要', 'lead'),
          { type: 'list', ordered: false, start: 1, items: [{ children: [para('小字', 'note')] }] },
        ],
      },
    ]);
  });

  test('::pagebreak, with idle breaks dropped', () => {
    assert.deepEqual(body('::pagebreak\n\nA\n\n::pagebreak\n::pagebreak\n\nB\n\n::pagebreak'), [
      para('A'),
      { type: 'page-break' },
      para('B'),
    ]);
  });

  test('::toc with its title, or 目錄', () => {
    assert.deepEqual(body('::toc{title="目次"}\n\n::toc'), [
      { type: 'toc', title: '目次' },
      { type: 'toc', title: '目錄' },
    ]);
  });

  test('::qr with a label in Markdown', () => {
    assert.deepEqual(body('::qr[**網上**辦理]{url="https://x.test/"}'), [
      { type: 'qr', url: 'https://x.test/', label: [{ type: 'strong', children: [text('網上')] }, text('辦理')] },
    ]);
  });

  // fuzz finding 001: a longer url made the QR library throw while the PDF was laid out (exit 70).
  test('a ::qr url longer than the largest QR code holds is refused; the longest that fits reads', () => {
    const url = (bytes: number) =>
      `https://x.test/${'漢'.repeat(Math.floor((bytes - 15) / 3))}${'a'.repeat((bytes - 15) % 3)}`;
    const longest = url(2331);
    assert.equal(Buffer.byteLength(longest), 2331);
    QRCode.create(longest, { errorCorrectionLevel: 'M' });
    assert.throws(() => QRCode.create(url(2332), { errorCorrectionLevel: 'M' }), /too big/);
    assert.deepEqual(body(`::qr[a]{url="${longest}"}`), [{ type: 'qr', url: longest, label: [text('a')] }]);
    assert.deepEqual(problems(`::qr[a]{url="${url(2332)}"}`), [
      {
        code: 'E-TEMPLATE-DIRECTIVE',
        at: `::qr[a]{url="${url(2332)}"}`,
        message: '::qr url is 2332 bytes long: a QR code holds at most 2331',
      },
    ]);
  });

  test('unknown directives, attributes and misplaced ones are errors, not dropped silently', () => {
    assert.deepEqual(
      problems(
        ':::box\nA\n:::\n\n::foo\n\nx :bar[y] z\n\n::toc{level=2}\n\n::qr[a]\n\n::qr[a]{url="ftp://x"}\n\n- ::pagebreak',
      ),
      [
        { code: 'E-TEMPLATE-DIRECTIVE', at: ':::box\nA\n:::', message: 'unknown directive :::box' },
        { code: 'E-TEMPLATE-DIRECTIVE', at: '::foo', message: 'unknown directive ::foo' },
        { code: 'E-TEMPLATE-DIRECTIVE', at: ':bar[y]', message: 'unknown directive :bar' },
        { code: 'E-TEMPLATE-DIRECTIVE', at: '::toc{level=2}', message: '::toc has no attribute "level"' },
        { code: 'E-TEMPLATE-DIRECTIVE', at: '::qr[a]', message: '::qr needs a url' },
        {
          code: 'E-TEMPLATE-DIRECTIVE',
          at: '::qr[a]{url="ftp://x"}',
          message: '::qr url "ftp://x" is not an http(s) address',
        },
        {
          code: 'E-TEMPLATE-DIRECTIVE',
          at: '::pagebreak',
          message: '::pagebreak cannot be inside a list, table or card',
        },
      ],
    );
  });

  test('the content of an unknown container is kept, so nothing is lost while it is fixed', () => {
    const { model } = read(':::box\nA\n:::');
    assert.deepEqual(model.sections[0]?.blocks, [para('A')]);
  });

  test('diagnostics name the heading they are under', () => {
    assert.deepEqual(
      problems('## 1.1　標題 {#m}\n\n::foo').map((p) => p.message),
      ['unknown directive ::foo (under "1.1　標題")'],
    );
  });
});

describe('what a guide cannot hold', () => {
  test('raw HTML, block and inline, is refused with a diagnostic', () => {
    const markdown = '<div>x</div>\n\na <b>b</b>';
    assert.deepEqual(
      problems(markdown).map((p) => [p.code, p.at]),
      [
        ['E-TEMPLATE-DIRECTIVE', '<div>x</div>'],
        ['E-TEMPLATE-DIRECTIVE', '<b>'],
        ['E-TEMPLATE-DIRECTIVE', '</b>'],
      ],
    );
    assert.deepEqual(read(markdown).model.sections[0]?.blocks, [para('a b')]);
  });

  test('code blocks, block quotes and images are errors', () => {
    assert.deepEqual(
      problems('    code\n\n> quote\n\n![alt](https://x.test/a.png)').map((p) => p.at),
      ['    code', '> quote', '![alt](https://x.test/a.png)'],
    );
  });

  test('links go to http(s) or to an existing heading id', () => {
    assert.deepEqual(
      problems('## A {#a}\n\n[ok](#a) [missing](#b) [mail](mailto:x@y.test)').map((p) => [p.at, p.message]),
      [
        [
          '[mail](mailto:x@y.test)',
          'link to "mailto:x@y.test": links go to http(s) addresses or to #id of a heading (under "A")',
        ],
        ['[missing](#b)', 'link to "#b", but no heading has that id (under "A")'],
      ],
    );
  });
});

describe('lists nested too deep', () => {
  test('six levels read; seven and more are refused at the list, as the fuzzer found (30 levels in a template)', () => {
    const nested = (levels: number) => `${'- '.repeat(levels)}x\n`;
    assert.deepEqual(readMarkdown(nested(6), meta).diagnostics, []);
    for (const levels of [7, 30]) {
      const { diagnostics } = readMarkdown(nested(levels), meta);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.message]),
        [['E-TEMPLATE-DIRECTIVE', 'a list nested more than 6 levels deep cannot be part of a guide']],
      );
    }
  });

  // fuzz finding 004: 20,000 markers on one line took the parser minutes (each level rescans the line).
  test('thousands of markers on one line are refused before parsing, at the markers', { timeout: 20_000 }, () => {
    const markdown = `a\n\n${'- '.repeat(20_000)}x\n`;
    const { diagnostics } = readMarkdown(markdown, meta);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, d.range?.[0]]),
      [['E-TEMPLATE-DIRECTIVE', 'a list nested more than 6 levels deep cannot be part of a guide', 3]],
    );
  });

  test('a thematic break of many dashes is not a stack of lists', () => {
    assert.deepEqual(body('a\n\n- - - - - - - - - -\n\nb'), [para('a'), { type: 'thematic-break' }, para('b')]);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block, Inline, Table } from '../../src/model/doc-model.js';
import { blockText, columnCount, eachBlock, eachInline, plainText } from '../../src/model/visit.js';

const text = (value: string): Inline => ({ type: 'text', value });
const paragraph = (value: string): Block => ({ type: 'paragraph', role: 'body', children: [text(value)] });

/** A list whose second item nests a list, then a grid table with a list in a body cell. */
const nested: Block[] = [
  {
    type: 'list',
    ordered: true,
    start: 1,
    items: [
      { children: [paragraph('一')] },
      {
        children: [
          paragraph('二'),
          { type: 'list', ordered: false, start: 1, items: [{ children: [paragraph('二之一')] }] },
        ],
      },
    ],
  },
  {
    type: 'table',
    variant: 'grid',
    columns: [0.5, 0.5],
    header: [{ cells: [{ children: [paragraph('表頭甲')] }, { children: [paragraph('表頭乙')] }] }],
    rows: [
      {
        cells: [
          { children: [paragraph('格甲')] },
          { children: [{ type: 'list', ordered: false, start: 1, items: [{ children: [paragraph('格中項')] }] }] },
        ],
      },
    ],
  },
  { type: 'page-break' },
];

test('eachBlock: every block in document order, parents first, into list items and header then body cells', () => {
  const seen = [...eachBlock(nested)].map((block) =>
    block.type === 'paragraph' ? plainText(block.children) : block.type,
  );
  assert.deepEqual(seen, [
    'list',
    '一',
    '二',
    'list',
    '二之一',
    'table',
    '表頭甲',
    '表頭乙',
    '格甲',
    'list',
    '格中項',
    'page-break',
  ]);
});

test('eachInline: every inline in order, each before its children', () => {
  const inlines: Inline[] = [
    text('見'),
    { type: 'link', url: '#faq', children: [{ type: 'strong', children: [text('常見問題')] }] },
    { type: 'break' },
  ];
  const seen = [...eachInline(inlines)].map((inline) => (inline.type === 'text' ? inline.value : inline.type));
  assert.deepEqual(seen, ['見', 'link', 'strong', '常見問題', 'break']);
});

test('columnCount: the widths given, or the widest row when a row has more cells', () => {
  const cells = (n: number) => ({ cells: Array.from({ length: n }, () => ({ children: [] })) });
  const table = (columns: number, header: number[], rows: number[]): Table => ({
    type: 'table',
    variant: 'grid',
    columns: Array.from({ length: columns }, () => 1 / columns),
    header: header.map(cells),
    rows: rows.map(cells),
  });
  assert.equal(columnCount(table(2, [2], [2, 1])), 2);
  assert.equal(columnCount(table(2, [3], [2])), 3);
  assert.equal(columnCount(table(2, [2], [2, 4, 1])), 4);
  assert.equal(columnCount(table(0, [], [])), 0);
});

test('plainText: markup and link addresses dropped, a break a space unless told otherwise, white space kept', () => {
  const inlines: Inline[] = [
    { type: 'strong', children: [text('申請條件')] },
    { type: 'break' },
    { type: 'emphasis', children: [{ type: 'link', url: 'https://example.gov.cn', children: [text('網上 辦理')] }] },
  ];
  assert.equal(plainText(inlines), '申請條件 網上 辦理');
  assert.equal(plainText(inlines, { lineBreak: '' }), '申請條件網上 辦理');
  assert.equal(plainText([]), '');
});

test('blockText: what a block shows itself, not its nested blocks', () => {
  assert.equal(blockText({ type: 'heading', level: 2, id: 'a', toc: true, children: [text('減稅')] }), '減稅');
  assert.equal(blockText({ type: 'toc', title: '目錄' }), '目錄');
  assert.equal(
    blockText(
      { type: 'qr', url: 'https://etax.example', label: [text('電子'), { type: 'break' }, text('稅務局')] },
      { lineBreak: '' },
    ),
    '電子稅務局https://etax.example',
  );
  assert.equal(blockText(nested[0]!), '');
  assert.equal(blockText({ type: 'thematic-break' }), '');
});

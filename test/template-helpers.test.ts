import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DocMeta, Inline } from '../src/model/doc-model.js';
import { readMarkdown } from '../src/model/read-markdown.js';
import {
  escapeAttribute,
  escapeDestination,
  escapeText,
  indentLines,
  neutraliseBlocks,
} from '../src/template/escape.js';
import {
  chineseDate,
  chineseNumeral,
  channelLabel,
  describeAudience,
  effectivePeriod,
  FormatError,
  formatPhone,
  materialText,
  statusLabel,
} from '../src/template/format.js';
import { compareNatural } from '../src/template/view.js';
import type { ChannelType } from '../src/catalogue/types.js';

describe('formats', () => {
  test('chineseDate', () => {
    assert.equal(chineseDate('2020-03-01'), '2020年3月1日');
    assert.equal(chineseDate('2019-11-04'), '2019年11月4日');
    assert.equal(chineseDate('2020-12-31'), '2020年12月31日');
    assert.throws(() => chineseDate('2020/03/01'), FormatError);
    assert.throws(() => chineseDate('2020-3-1'), /expected a date like 2020-03-01/);
  });

  test('effectivePeriod, with an end date and open-ended', () => {
    assert.equal(effectivePeriod({ from: '2020-03-01', until: '2020-05-31' }), '2020年3月1日至2020年5月31日');
    assert.equal(effectivePeriod({ from: '2020-03-01' }), '2020年3月1日起長期有效');
    assert.equal(effectivePeriod({ from: '2020-03-01', until: null }), '2020年3月1日起長期有效');
  });

  test('statusLabel', () => {
    assert.equal(statusLabel('active'), '現行有效');
    assert.equal(statusLabel('upcoming'), '尚未生效');
    assert.equal(statusLabel('expired'), '已失效');
  });

  test('chineseNumeral', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [7, '七'],
      [10, '十'],
      [11, '十一'],
      [19, '十九'],
      [20, '二十'],
      [21, '二十一'],
      [99, '九十九'],
      [100, '一百'],
      [101, '一百零一'],
      [110, '一百一十'],
      [1000, '一千'],
      [1001, '一千零一'],
      [1010, '一千零一十'],
      [2305, '二千三百零五'],
      [9999, '九千九百九十九'],
    ];
    for (const [value, expected] of cases) assert.equal(chineseNumeral(value), expected, String(value));
    for (const bad of [0, -1, 1.5, 10000]) assert.throws(() => chineseNumeral(bad), FormatError);
  });

  test('formatPhone groups what it recognises and leaves the rest as written', () => {
    assert.equal(formatPhone('053186061234'), '0531-86061234');
    assert.equal(formatPhone('0531 8606 1234'), '0531-86061234');
    assert.equal(formatPhone('(0531) 8606-1234'), '0531-86061234');
    assert.equal(formatPhone('01012345678'), '010-12345678');
    assert.equal(formatPhone('0211234567'), '021-1234567');
    assert.equal(formatPhone('13800001111'), '138-0000-1111');
    assert.equal(formatPhone('4008001234'), '400-800-1234');
    assert.equal(formatPhone(' 12366 '), '12366');
    assert.equal(formatPhone('95598'), '95598');
    assert.equal(formatPhone('0531-86061234轉8001'), '0531-86061234轉8001');
    assert.equal(formatPhone('0531-123'), '0531-123');
  });

  test('channelLabel', () => {
    const labels: Record<ChannelType, string> = {
      online: '網上辦理',
      window: '窗口辦理',
      mail: '郵寄辦理',
      phone: '電話辦理',
      automatic: '免申即享',
    };
    for (const [type, label] of Object.entries(labels)) assert.equal(channelLabel(type as ChannelType), label);
    assert.throws(() => channelLabel('fax' as ChannelType), /unknown channel type "fax"/);
  });

  test('materialText with copies and a note', () => {
    assert.equal(materialText({ name: '營業執照副本影本', copies: 1 }), '營業執照副本影本（1份）');
    assert.equal(materialText({ name: '申請表', copies: 2, note: '加蓋公章' }), '申請表（2份，加蓋公章）');
    assert.equal(materialText({ name: '合同', note: '留存備查' }), '合同（留存備查）');
    assert.equal(materialText({ name: '報告', copies: null, note: null }), '報告');
  });

  test('describeAudience from the vocabularies', () => {
    const vocabularies = { industries: { manufacturing: '製造業', food: '食品' } };
    assert.equal(
      describeAudience(
        { industries: ['manufacturing', 'food'], sizes: ['micro', 'small'], exporter: true },
        vocabularies,
      ),
      '行業：製造業、食品；規模：小微型企業；出口企業',
    );
    assert.equal(
      describeAudience({ regions: ['青島市', '煙臺市'], exporter: false }, vocabularies),
      '地區：青島市、煙臺市；非出口企業',
    );
    assert.equal(
      describeAudience({ sizes: ['large', 'micro', 'medium', 'small'] }, vocabularies),
      '規模：大中小微型企業',
    );
    assert.equal(describeAudience({ industries: ['mining'] }, vocabularies), '行業：mining');
    assert.equal(describeAudience({ needs: ['financing'] }, vocabularies), '');
    assert.equal(describeAudience(null, vocabularies), '');
    assert.equal(describeAudience({ industries: null, sizes: null, exporter: null }, vocabularies), '');
  });

  test('compareNatural orders document numbers as people read them', () => {
    const numbers = ['公告2020年第13號', '公告2020年第8號', '公告2019年第99號', '人社部發〔2020〕11號'];
    assert.deepEqual(numbers.sort(compareNatural), [
      '人社部發〔2020〕11號',
      '公告2019年第99號',
      '公告2020年第8號',
      '公告2020年第13號',
    ]);
  });
});

describe('escaping for Markdown', () => {
  const meta: DocMeta = { title: 't', author: 'a', subject: 's', keywords: [], language: 'zh-Hant-TW', header: 'h' };
  const nasty = [
    '*bold*',
    '_under_score_',
    '[link](https://x.test/)',
    '![image](a.png)',
    '<b>html</b>',
    'a|b',
    '# not a heading',
    '- not a list',
    '+86 531',
    '1. not a list',
    '2) not a list',
    '1.5倍',
    '=',
    '---',
    '> not a quote',
    'Note:this',
    ':::box',
    ':::',
    '::::',
    'a ::: b',
    '::toc',
    '::pagebreak',
    'back\\slash\\',
    '`code`',
    '&amp; &copy; &#123;',
    'title {#id}',
    '~~strike~~',
    '　全形空格開頭',
    '**',
    '<https://x.test/>',
    '「26條措施」（第1條）：一、二',
    '工作日 9:00–17:00',
    'https://etax.test/?a=1&b=2',
  ];
  const textOf = (inlines: Inline[] | undefined): string =>
    (inlines ?? [])
      .map((node) => (node.type === 'text' ? node.value : node.type === 'break' ? '\n' : textOf(node.children)))
      .join('');

  test('escapeText reads back as the same text in a paragraph, at the start of a line', () => {
    for (const value of nasty) {
      const { model, diagnostics } = readMarkdown(escapeText(value), meta);
      assert.deepEqual(diagnostics, [], value);
      assert.deepEqual(
        model.sections[0]?.blocks,
        [{ type: 'paragraph', role: 'body', children: [{ type: 'text', value: value.trim() }] }],
        value,
      );
    }
  });

  test('escapeText reads back the same in a list item, a heading, a table cell and a row label', () => {
    for (const value of nasty) {
      const escaped = escapeText(value);
      const markdown = [
        `## ${escaped} {#h}`,
        '',
        `- ${escaped}`,
        '',
        '| a | b |',
        '| - | - |',
        `| ${escaped} | x |`,
        '',
        '::::card',
        `:::row[${escaped}]`,
        escaped,
        ':::',
        '::::',
      ].join('\n');
      const { model, diagnostics } = readMarkdown(markdown, meta);
      assert.deepEqual(diagnostics, [], markdown);
      const [heading, list, table, card] = model.sections[0]!.blocks;
      const expected = value.trim();
      assert.equal(heading?.type === 'heading' ? textOf(heading.children) : undefined, expected, `heading: ${value}`);
      assert.equal(heading?.type === 'heading' ? heading.id : undefined, 'h', `heading id: ${value}`);
      const item = list?.type === 'list' ? list.items[0]?.children[0] : undefined;
      assert.equal(item?.type === 'paragraph' ? textOf(item.children) : undefined, expected, `list: ${value}`);
      const cell = table?.type === 'table' ? table.rows[0]?.cells[0]?.children[0] : undefined;
      assert.equal(cell?.type === 'paragraph' ? textOf(cell.children) : undefined, expected, `cell: ${value}`);
      const [label, content] = card?.type === 'table' ? card.rows[0]!.cells : [];
      const labelText = label?.children[0];
      const contentText = content?.children[0];
      assert.equal(
        labelText?.type === 'paragraph' ? textOf(labelText.children) : undefined,
        expected,
        `label: ${value}`,
      );
      assert.equal(
        contentText?.type === 'paragraph' ? textOf(contentText.children) : undefined,
        expected,
        `row: ${value}`,
      );
    }
  });

  test('escapeText makes one line of a multi-line value', () => {
    assert.equal(escapeText('北京市\n朝陽區'), '北京市朝陽區');
    assert.equal(escapeText('Room 1\nBuilding 2'), 'Room 1 Building 2');
    assert.equal(escapeText('  trimmed  '), 'trimmed');
  });

  test('escapeText leaves ordinary Chinese text and phone numbers alone', () => {
    assert.equal(escapeText('國家稅務總局山東省稅務局（12366）'), '國家稅務總局山東省稅務局（12366）');
    assert.equal(escapeText('0531-86061234'), '0531-86061234');
    assert.equal(escapeText('1.1'), '1.1');
  });

  test('escapeAttribute and escapeDestination read back as the same URL', () => {
    const urls = [
      'https://x.test/?a=1&b=2',
      'https://x.test/a"b',
      'https://x.test/a(b)c',
      'https://x.test/&amp;',
      'https://x.test/a<b>\\c',
    ];
    for (const url of urls) {
      const { model, diagnostics } = readMarkdown(
        `::qr[a]{url="${escapeAttribute(url)}"}\n\n[a](${escapeDestination(url)})`,
        meta,
      );
      assert.deepEqual(diagnostics, [], url);
      const [qr, paragraph] = model.sections[0]!.blocks;
      assert.equal(qr?.type === 'qr' ? qr.url : undefined, url);
      const link = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined;
      assert.equal(link?.type === 'link' ? link.url : undefined, url);
    }
  });

  test('indentLines indents every line but the first and leaves blank lines empty', () => {
    assert.equal(indentLines('a\nb\n\nc', 2), 'a\n  b\n\n  c');
    assert.equal(indentLines('one line', 4), 'one line');
  });
});

describe('Markdown fields cannot break out of the block they are put in', () => {
  const meta: DocMeta = { title: 't', author: 'a', subject: 's', keywords: [], language: 'zh-Hant-TW', header: 'h' };
  const summary = 'x\n:::\n\n# 偽造章節\n\n::toc\n\n::::cover\n:::title\n假封面\n:::\n::::\n\n:::lead\ny';

  test('directive fences, headings, setext and thematic lines and code fences print as typed', () => {
    const markdown = `# 章\n\n:::lead\n${neutraliseBlocks(summary)}\n:::\n\n正文`;
    const { model, diagnostics } = readMarkdown(markdown, meta);
    assert.deepEqual(diagnostics, []);
    const blocks = model.sections.flatMap((section) => section.blocks);
    assert.deepEqual(
      blocks.map((block) => block.type),
      ['heading', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph'],
    );
    assert.equal(model.sections.length, 1);
    const text = JSON.stringify(blocks);
    for (const typed of ['# 偽造章節', '::toc', '::::cover', ':::title', ':::lead'])
      assert.ok(text.includes(typed), typed);
    assert.ok(blocks.slice(1, -1).every((block) => block.type === 'paragraph' && block.role === 'lead'));
  });

  test('keeps bold, links and lists', () => {
    const field = '**重點**，見[網站](https://x.test/)：\n\n- 一\n- 二\n\n1. 甲\n2. 乙';
    assert.equal(neutraliseBlocks(field), field);
  });

  test('escapes each kind of line start, also inside list items and quotes', () => {
    assert.equal(
      neutraliseBlocks('a\n---\nb\n=\n- ### c\n> ::: d\n```js\n~~~\n***'),
      'a\n\\---\nb\n\\=\n- \\### c\n> \\::: d\n\\```js\n\\~~~\n\\***',
    );
  });
});

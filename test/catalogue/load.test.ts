import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalogue, maxSourceBytes, type SourceReader } from '../../src/catalogue/load.js';
import { validateCatalogue } from '../../src/catalogue/validate.js';
import { formatLocation } from '../../src/diagnostics/format.js';

const guide = `title: 測試指南
edition: 第1版
date: 2020-03-05
publisher: 測試辦公室
categories: [{ id: tax, title: 減稅降費 }]
`;

const measure = (id: string) => `id: ${id}
title: 測試措施
category: tax
summary: 摘要
authority: 稅務局
basis: [{ title: 文件 }]
effective: { from: 2020-03-01 }
eligibility: [所有企業]
fee: 不收費
contacts: [{ name: 熱線, phone: "12366" }]
reviewed: 2020-03-05
`;

/** An in-memory edition: file path → bytes or text. */
function memoryReader(files: Record<string, string | Uint8Array>): SourceReader {
  return {
    async read(file, maxBytes) {
      const content = files[file];
      if (content === undefined) return { kind: 'missing' };
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      return bytes.length > maxBytes ? { kind: 'too-large', size: bytes.length } : { kind: 'ok', bytes };
    },
    async list() {
      return Object.keys(files)
        .filter((f) => f.startsWith('policies/'))
        .sort();
    },
  };
}

async function check(files: Record<string, string | Uint8Array>) {
  const loaded = await loadCatalogue(memoryReader(files), '/edition');
  return { loaded, diagnostics: validateCatalogue(loaded) };
}

describe('loading measure files', () => {
  it('accepts a byte-order mark and CRLF line endings, with positions still right', async () => {
    const crlf = '\uFEFF' + measure('tax-a').replace('fee: 不收費\n', 'fee: 不收費\nfees: x\n').replace(/\n/g, '\r\n');
    const { loaded, diagnostics } = await check({ 'guide.yaml': guide, 'policies/tax-a.yaml': crlf });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['E-FIELD-UNKNOWN'],
    );
    assert.equal(
      formatLocation(diagnostics[0]!.file, diagnostics[0]!.range, loaded.sources),
      'policies/tax-a.yaml:10:1',
    );
  });

  it('tells Big5 from GB18030 in the hint, for Simplified and Traditional text', async () => {
    // Bytes as a Big5 or GBK editor saves them (encoded with Python's codecs).
    const samples: [string, 'Big5' | 'GB18030', string][] = [
      [
        '小規模納稅人增值稅減徵…',
        'Big5',
        'a470b357bcd2afc7b57ca448bc57adc8b57cb4eebc78a141be41a5ce3325bc78a6acb276aabac0b3b57cbe50b0e2a6aca44aa141b4eeabf63125bc78a6acb276bc78a6acbc57adc8b57ca143',
      ],
      ['不收費', 'Big5', 'a4a3a6acb64f'],
      ['工作日 9:00-17:00 請撥打服務熱線', 'Big5', 'a475a740a4e920393a30302d31373a303020bdd0bcb7a5b4aa41b0c8bcf6bd75'],
      [
        '小规模纳税人增值税减征…',
        'GB18030',
        'd0a1b9e6c4a3c4c9cbb0c8cbd4f6d6b5cbb0bcf5d5f7a3accacad3c33325d5f7cad5c2cab5c4d3a6cbb0cffacadbcad5c8eba1a3',
      ],
      ['不收费', 'GB18030', 'b2bbcad5b7d1'],
      [
        '小規模納稅人增值稅減徵…（Traditional text saved as GB18030）',
        'GB18030',
        'd0a1d28ec4a3bc7bb690c8cbd4f6d6b5b6909c70e1e7a3accadcd2dfc7e9d3b0ed91c6f39849d1d3c6dac055bc7bb690bfeea1a3',
      ],
    ];
    for (const [text, encoding, hex] of samples) {
      const bytes = new Uint8Array([
        ...new TextEncoder().encode('id: tax-a\ntitle: '),
        ...Buffer.from(hex, 'hex'),
        0x0a,
      ]);
      const { diagnostics } = await check({ 'guide.yaml': guide, 'policies/tax-a.yaml': bytes });
      assert.equal(diagnostics[0]?.code, 'E-ENCODING', text);
      assert.match(diagnostics[0]!.hint!, new RegExp(`looks like ${encoding}`), text);
    }
  });

  it('says a GB18030 file is GB18030 and where the first bad byte is', async () => {
    const gb = new Uint8Array([...new TextEncoder().encode('id: tax-a\ntitle: '), 0xb2, 0xe2, 0xca, 0xd4, 0x0a]);
    const { loaded, diagnostics } = await check({ 'guide.yaml': guide, 'policies/tax-a.yaml': gb });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'E-ENCODING');
    assert.match(diagnostics[0]!.hint!, /GB18030/);
    assert.equal(
      formatLocation(diagnostics[0]!.file, diagnostics[0]!.range, loaded.sources),
      'policies/tax-a.yaml:2:8',
    );
  });

  // 9^12 nodes if expanded: finishing at all shows the expansion was stopped.
  it('refuses an alias bomb without expanding it', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const { diagnostics } = await check({ 'guide.yaml': guide, 'policies/tax-a.yaml': bomb.join('\n') + '\n' });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['E-YAML-ALIAS'],
    );
  });

  it('refuses custom tags', async () => {
    const tagged = measure('tax-a').replace('summary: 摘要', 'summary: !!binary aGVsbG8=');
    const { diagnostics } = await check({ 'guide.yaml': guide, 'policies/tax-a.yaml': tagged });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['E-YAML-TAG'],
    );
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = measure('tax-a') + `content: "${'長'.repeat(maxSourceBytes / 3 + 10)}"\n`;
    const { diagnostics } = await check({ 'guide.yaml': guide, 'policies/tax-a.yaml': big });
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['E-FILE-TOO-LARGE'],
    );
  });

  it('names both files of a duplicate id', async () => {
    const { loaded, diagnostics } = await check({
      'guide.yaml': guide,
      'policies/tax-a.yaml': measure('tax-a'),
      'policies/tax-b.yaml': measure('tax-a'),
    });
    const duplicate = diagnostics.find((d) => d.code === 'E-ID-DUPLICATE')!;
    assert.equal(formatLocation(duplicate.file, duplicate.range, loaded.sources), 'policies/tax-b.yaml:1:5');
    assert.equal(duplicate.related![0]!.file, 'policies/tax-a.yaml');
  });

  it('reports every problem in every file in one run', async () => {
    const { diagnostics } = await check({
      'guide.yaml': guide,
      'policies/tax-a.yaml': measure('tax-a')
        .replace('category: tax', 'category: taxes')
        .replace('fee: 不收費', 'fee: ""'),
      'policies/tax-b.yaml': measure('tax-b').replace(
        'effective: { from: 2020-03-01 }',
        'effective: { from: 2020-03-01, until: 2020-02-01 }',
      ),
    });
    assert.deepEqual(
      diagnostics.map((d) => `${d.file} ${d.code}`),
      [
        'policies/tax-a.yaml E-CATEGORY-UNKNOWN',
        'policies/tax-a.yaml E-FEE-EMPTY',
        'policies/tax-b.yaml E-PERIOD-ORDER',
      ],
    );
    assert.match(diagnostics[0]!.message, /did you mean "tax"/);
  });
});

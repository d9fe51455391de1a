import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createConverter } from '../../src/convert/converter.js';
import { convertYamlValues, lineDiff } from '../../src/convert/yaml-values.js';

const convert = createConverter();

describe('convertYamlValues', () => {
  it('changes values only: comments, keys, quoting, block scalars and flow maps stay', () => {
    const source = [
      '# 简体注释：保留',
      'title: 发布政策文件   # 行尾注释',
      'summary: "双引号：办理程序"',
      "fee: '不收费'",
      'content: |',
      '  第一段：审核通过后拨付。',
      '',
      '  第二段：服务对象。',
      'contacts:',
      '  - { name: 纳税服务热线, phone: "12366" }',
      'effective: { from: 2020-03-01 }',
      'terms:',
      '  keep: [国务院台办]',
      '  pairs: { 质量: 品質 }',
      '',
    ].join('\n');
    const result = convertYamlValues(source, convert);
    assert.equal(
      result.text,
      [
        '# 简体注释：保留',
        'title: 發布政策文件   # 行尾注释',
        'summary: "雙引號：辦理程序"',
        "fee: '不收費'",
        'content: |',
        '  第一段：審核通過後撥付。',
        '',
        '  第二段：服務對象。',
        'contacts:',
        '  - { name: 納稅服務熱線, phone: "12366" }',
        'effective: { from: 2020-03-01 }',
        'terms:',
        '  keep: [国务院台办]',
        '  pairs: { 质量: 品質 }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      result.changes.map((c) => c.line),
      [2, 3, 4, 5, 10],
    );
    assert.equal(convertYamlValues(result.text, convert).changes.length, 0, 'a second run changes nothing');
  });

  it('lineDiff shows each changed line before and after', () => {
    assert.equal(
      lineDiff('a.yaml', 'id: x\ntitle: 发布\n', 'id: x\ntitle: 發布\n'),
      '--- a.yaml\n+++ a.yaml (converted)\n@@ line 2 @@\n-title: 发布\n+title: 發布\n',
    );
  });
});

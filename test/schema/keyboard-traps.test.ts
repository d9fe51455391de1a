import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { fixKeyboardTraps, keyboardTrapDiagnostics } from '../../src/schema/keyboard-traps.js';

const codes = (text: string) => keyboardTrapDiagnostics('m.yaml', text).map((d) => d.code);

function parsed(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true });
  assert.deepEqual(doc.errors, [], text);
  return doc.toJS();
}

describe('fixKeyboardTraps', () => {
  it('fixes each of the four traps so the text parses to what was meant', () => {
    const text = [
      'fee：不收費',
      'time_limit:即時辦結',
      'eligibility:',
      '\u3000\u3000- 小規模納稅人',
      'authority: “國家稅務總局山東省稅務局”',
      'contact: 「12366」',
      '',
    ].join('\n');
    assert.deepEqual(codes(text), [
      'E-YAML-FULLWIDTH-COLON',
      'E-YAML-COLON-SPACE',
      'E-YAML-FULLWIDTH-INDENT',
      'E-YAML-FULLWIDTH-QUOTE',
      'E-YAML-FULLWIDTH-QUOTE',
    ]);
    const fixed = fixKeyboardTraps(text);
    assert.equal(
      fixed.text,
      [
        'fee: 不收費',
        'time_limit: 即時辦結',
        'eligibility:',
        '  - 小規模納稅人',
        'authority: "國家稅務總局山東省稅務局"',
        'contact: "12366"',
        '',
      ].join('\n'),
    );
    assert.equal(fixed.fixes, 5);
    assert.deepEqual(
      fixed.lines.map((l) => l.line),
      [1, 2, 4, 5, 6],
    );
    assert.deepEqual(codes(fixed.text), []);
    assert.deepEqual(parsed(fixed.text), {
      fee: '不收費',
      time_limit: '即時辦結',
      eligibility: ['小規模納稅人'],
      authority: '國家稅務總局山東省稅務局',
      contact: '12366',
    });
  });

  it('fixes several traps on one line and counts each', () => {
    const text = 'channels:\n\u3000\u3000- name：“電子稅務局”\n';
    const fixed = fixKeyboardTraps(text);
    assert.equal(fixed.text, 'channels:\n  - name: "電子稅務局"\n');
    assert.deepEqual(fixed.lines, [{ line: 2, fixes: 3 }]);
    assert.deepEqual(parsed(fixed.text), { channels: [{ name: '電子稅務局' }] });
  });

  it('keeps comments, CRLF line ends, a space already after ： and a colon that ends its line', () => {
    const text = '# 收費：按文件\r\nfee： “不收費”  # 見文件\r\nbasis：\r\n  - title: 公告\r\n';
    const fixed = fixKeyboardTraps(text);
    assert.equal(fixed.text, '# 收費：按文件\r\nfee: "不收費"  # 見文件\r\nbasis:\r\n  - title: 公告\r\n');
    assert.deepEqual(parsed(fixed.text), { fee: '不收費', basis: [{ title: '公告' }] });
  });

  it('leaves the prose of block scalars alone, also under a key written with ：', () => {
    const text = 'content：|\n  “重要”\n  注意:本項\n  \u3000\u3000段落\nsummary: >\n  「全文」\nfee: 不收費\n';
    const fixed = fixKeyboardTraps(text);
    assert.equal(fixed.text, text.replace('content：|', 'content: |'));
    assert.deepEqual(fixed.lines, [{ line: 1, fixes: 1 }]);
    assert.deepEqual(codes(text), ['E-YAML-FULLWIDTH-COLON']);
  });

  it('quotes a value that holds YAML quote marks so that it reads back the same', () => {
    const cases: [string, string, string][] = [
      ['note: “按\\"文件\\"辦理”', `note: '按\\"文件\\"辦理'`, '按\\"文件\\"辦理'],
      [`note: “他說"是"”`, `note: '他說"是"'`, '他說"是"'],
      [`note: “it's "ok"”`, `note: "it's \\"ok\\""`, `it's "ok"`],
      ['note: “#1: 首批”', 'note: "#1: 首批"', '#1: 首批'],
    ];
    for (const [before, after, value] of cases) {
      const fixed = fixKeyboardTraps(before);
      assert.equal(fixed.text, after);
      assert.deepEqual(parsed(fixed.text), { note: value });
    }
  });

  it('changes nothing in a file without traps, or in text that only looks like one', () => {
    const text = [
      'url: https://etax.chinatax.gov.cn/',
      'hours: 工作日 9:00–17:30',
      'summary: 依據：「26條措施」第三條',
      'title: 「免申即享」與“一網通辦”',
      "label: '「免申即享」'",
      '',
    ].join('\n');
    assert.deepEqual(fixKeyboardTraps(text), { text, lines: [], fixes: 0 });
  });

  it('fixes every line a diagnostic points at, and no other', () => {
    const text = 'a：1\nb:2\n\u3000c: 3\nd: “4”\ne: 5\n';
    const diagnosed = keyboardTrapDiagnostics('m.yaml', text).map((d) => text.slice(0, d.range![0]).split('\n').length);
    assert.deepEqual(
      fixKeyboardTraps(text).lines.map((l) => l.line),
      diagnosed,
    );
  });
});

/**
 * PDF writer, text level: inline flattening, UAX #14 + kinsoku break opportunities, line
 * filling and CJK justification.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Inline } from '../../src/model/doc-model.js';
import { isNoLineEnd, isNoLineStart } from '../../src/writers/pdf/chars.js';
import { missingCodePoints } from '../../src/writers/pdf/index.js';
import { breakOpportunities, fitLines, setLine } from '../../src/writers/pdf/line-break.js';
import { styleInlines, type StyledText } from '../../src/writers/pdf/styled-text.js';
import { TextMeasurer } from '../../src/writers/pdf/text-measure.js';
import { fonts } from '../helpers/theme.js';

const colors = { accent: '#aa0000', link: '#0000aa' };
const styled = (inlines: Inline[]): StyledText => styleInlines(inlines, { bold: false, color: '#000000' }, colors);
const plain = (text: string): StyledText => styled([{ type: 'text', value: text }]);

/** Lines of `text` set `width` points wide at 10 pt. */
function lines(text: string, width: number): string[] {
  const s = plain(text);
  const widths = new TextMeasurer(fonts).widths(s, 10);
  return fitLines(s.text, widths, width).map((span) => s.text.slice(span.start, span.end));
}

/** Positions where a break is allowed (the end of the text left out). */
function breaksOf(text: string): number[] {
  return breakOpportunities(text)
    .map((b) => b.position)
    .filter((p) => p < text.length);
}

describe('styleInlines', () => {
  it('drops a source line break between CJK characters and turns one between words into a space', () => {
    assert.equal(plain('申請\n材料').text, '申請材料');
    assert.equal(plain('tax\nrelief').text, 'tax relief');
    assert.equal(plain('按 1% 徵收').text, '按 1% 徵收');
    assert.equal(plain('  前後  空白 ').text, '前後 空白');
  });

  it('keeps hard breaks and styles strong, emphasis and links', () => {
    const s = styled([
      { type: 'text', value: '甲' },
      { type: 'strong', children: [{ type: 'text', value: '乙' }] },
      { type: 'break' },
      { type: 'emphasis', children: [{ type: 'text', value: '丙' }] },
      { type: 'link', url: '#preface', children: [{ type: 'text', value: '丁' }] },
    ]);
    assert.equal(s.text, '甲乙\u2028丙丁');
    const style = (i: number) => s.styles[s.styleOf[i]!]!;
    assert.equal(style(0).font, 'regular');
    assert.equal(style(1).font, 'bold');
    assert.equal(style(3).color, colors.accent);
    assert.deepEqual(style(4).link, { kind: 'dest', id: 'preface' });
    assert.equal(style(4).color, colors.link);
  });
});

describe('breakOpportunities', () => {
  it('keeps closing punctuation off line starts and opening brackets off line ends', () => {
    const text = '按「減稅降費」分章整理，逐項列明；申請條件：一看就懂……歡迎來電——我們服務！（見附錄）、完。';
    for (const position of breaksOf(text)) {
      assert.ok(!isNoLineStart(text.codePointAt(position)!), `break before ${text[position]} at ${position}`);
      assert.ok(!isNoLineEnd(text.codePointAt(position - 1)!), `break after ${text[position - 1]} at ${position}`);
    }
  });

  it('breaks between ideographs but never inside Latin words or numbers', () => {
    const text = '自2020年3月1日起，按1%徵收率 Tax Relief 2020';
    const breaks = breaksOf(text);
    assert.ok(breaks.includes(text.indexOf('3月')), 'between 年 and 3 (CJK may break next to digits)');
    assert.ok(breaks.includes(text.indexOf('收率')), 'between two ideographs');
    for (const word of ['2020', '1%', 'Tax', 'Relief']) {
      const start = text.indexOf(word);
      for (let i = start + 1; i < start + word.length; i++) assert.ok(!breaks.includes(i), `inside ${word} at ${i}`);
    }
  });

  it('keeps numerals with their units, document numbers and decimals whole', () => {
    const cases: [string, string][] = [
      ['期限不超過5個月', '5個'],
      ['（2019年11月4日）', '4日'],
      ['2019年11月', '11月'],
      ['2019年', '9年'],
      ['24小時服務', '4小'],
      ['按1%徵收', '1%'],
      ['魯政辦發〔2020〕6號', '〕6'],
      ['魯政辦發〔2020〕6號', '6號'],
      ['第1.7項措施', '1.'],
      ['第1.7項措施', '.7'],
      ['第1.7項措施', '7項'],
    ];
    for (const [text, pair] of cases) {
      const at = text.indexOf(pair) + 1;
      assert.ok(!breaksOf(text).includes(at), `${text}: break inside ${pair}`);
    }
    assert.ok(breaksOf('5個月').includes(1 + 1), 'between 個 and 月 (two ideographs) a break stays allowed');
  });

  it('never starts a line with a dash or an ellipsis', () => {
    for (const text of ['來電——我們', '材料……如有', '甲—乙']) {
      for (const position of breaksOf(text)) assert.ok(!'—…'.includes(text[position]!), `${text} at ${position}`);
    }
  });
});

describe('fitLines', () => {
  const paragraph =
    '自2020年3月1日起至5月31日止，對湖北省以外其他省、自治區、直轄市的增值稅小規模納稅人，適用3%徵收率的應稅銷售收入，' +
    '減按1%徵收率徵收增值稅（「減按1%徵收率」不影響購買方按規定抵扣進項稅額）。按照「3月份銷售額×1%」與「1—2月份銷售額×3%」分別計算。';

  it('fills every line within the width at many widths, with kinsoku', () => {
    for (let width = 60; width <= 400; width += 7) {
      const s = plain(paragraph);
      const widths = new TextMeasurer(fonts).widths(s, 10);
      const spans = fitLines(s.text, widths, width);
      assert.equal(spans.map((span) => s.text.slice(span.start, span.end)).join(''), s.text, `all text at ${width}`);
      for (const span of spans) {
        const text = s.text.slice(span.start, span.end);
        assert.ok(span.width <= width + 1e-6, `"${text}" is ${span.width} > ${width}`);
        assert.ok(!isNoLineStart(text.codePointAt(0)!), `starts with ${text[0]} at width ${width}`);
        assert.ok(!isNoLineEnd(text.codePointAt(text.length - 1)!), `ends with ${text.at(-1)} at width ${width}`);
      }
    }
  });

  it('gives a runt (a last line of one or two characters) a character from the line above', () => {
    const s = plain(paragraph);
    const widths = new TextMeasurer(fonts).widths(s, 10);
    const count = (span: { start: number; end: number }) => [...s.text.slice(span.start, span.end)].length;
    let runts = 0;
    // Wide enough that one character more or less changes a gap by under 0.2 em.
    for (let width = 150; width <= 400; width += 3) {
      const greedy = fitLines(s.text, widths, width);
      if (count(greedy.at(-1)!) >= 3) continue;
      runts++;
      const spans = fitLines(s.text, widths, width, 10);
      assert.equal(spans.map((span) => s.text.slice(span.start, span.end)).join(''), s.text, `all text at ${width}`);
      assert.ok(count(spans.at(-1)!) >= 3, `runt "${s.text.slice(spans.at(-1)!.start)}" at width ${width}`);
      const above = spans.at(-2)!;
      const set = setLine(s, widths, above, width, 'justify', 10);
      assert.ok(Math.abs(set.width - width) < 1e-6, `the line above a cured runt is still justified at ${width}`);
    }
    assert.ok(runts > 3, `the greedy fill leaves runts at some widths (${runts})`);
  });

  it('hangs spaces at line ends and cuts an unbreakable run that is wider than the line', () => {
    assert.deepEqual(lines('alpha beta gamma', 60), ['alpha beta', 'gamma']);
    const url = 'https://www.example.gov.cn/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const cut = lines(url, 100);
    assert.ok(cut.length > 1);
    assert.equal(cut.join(''), url);
  });

  it('ends a line at a hard break and keeps empty lines between two', () => {
    const s = styled([
      { type: 'text', value: '第一行' },
      { type: 'break' },
      { type: 'break' },
      { type: 'text', value: '第三行' },
    ]);
    const spans = fitLines(s.text, new TextMeasurer(fonts).widths(s, 10), 300);
    assert.deepEqual(
      spans.map((span) => [s.text.slice(span.start, span.end), span.last]),
      [
        ['第一行', true],
        ['', true],
        ['第三行', true],
      ],
    );
  });
});

describe('setLine', () => {
  it('justifies CJK lines to the full width, except the last, without stretching Latin words', () => {
    const s = plain(
      '受疫情影響生產經營出現嚴重困難的企業，可申請緩繳社會保險費 Social Insurance 緩繳期限原則上不超過6個月，緩繳期間免收滯納金。',
    );
    const widths = new TextMeasurer(fonts).widths(s, 10);
    const spans = fitLines(s.text, widths, 200);
    assert.ok(spans.length > 2);
    spans.forEach((span, i) => {
      const set = setLine(s, widths, span, 200, 'justify', 10);
      if (i < spans.length - 1) assert.ok(Math.abs(set.width - 200) < 1e-6, `line ${i} is ${set.width} wide`);
      else assert.ok(set.width < 200 && set.runs.every((run) => run.charSpacing === 0), 'last line not justified');
      for (const run of set.runs) {
        if (/[A-Za-z]{2}/.test(run.text)) assert.equal(run.charSpacing, 0, `Latin run "${run.text}" stretched`);
      }
    });
  });

  it('leaves a line unjustified rather than tear it apart', () => {
    const s = plain('請見網站 Internationalization 說明');
    const widths = new TextMeasurer(fonts).widths(s, 10);
    const [first] = fitLines(s.text, widths, 110);
    assert.equal(s.text.slice(first!.start, first!.end), '請見網站');
    const set = setLine(s, widths, first!, 110, 'justify', 10);
    assert.ok(set.width < 50);
    assert.ok(set.runs.every((run) => run.charSpacing === 0));
  });

  it('centres and right-aligns', () => {
    const s = plain('目錄');
    const widths = new TextMeasurer(fonts).widths(s, 10);
    const [span] = fitLines(s.text, widths, 100);
    assert.equal(setLine(s, widths, span!, 100, 'center', 10).x, (100 - span!.width) / 2);
    assert.equal(setLine(s, widths, span!, 100, 'right', 10).x, 100 - span!.width);
  });
});

describe('missingCodePoints', () => {
  it('reports characters the font lacks, once each, in order of appearance', () => {
    assert.deepEqual(missingCodePoints(fonts, '正常文字 2020年，「OK」'), []);
    assert.deepEqual(missingCodePoints(fonts, '表情😀和\u200b零寬😀空格'), [0x1f600, 0x200b]);
    assert.deepEqual(missingCodePoints(fonts, '換行\n和\t定位'), []);
  });
});

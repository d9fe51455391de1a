import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCjk, joinLines, softBreak } from '../../src/model/cjk.js';

test('isCjk: Han, bopomofo, kana and full-width punctuation; not Latin or Hangul', () => {
  for (const char of ['漢', '臺', 'ㄅ', 'か', 'カ', '，', '（', '　', '「', '𠀋']) assert.ok(isCjk(char), char);
  for (const char of ['a', '1', ',', '(', ' ', '한', '—']) assert.ok(!isCjk(char), char);
});

test('softBreak: nothing next to CJK on either side, a space between Latin words', () => {
  assert.equal(softBreak('申請', '條件'), '');
  assert.equal(softBreak('API', '接口'), '');
  assert.equal(softBreak('見附件，', 'see'), '');
  assert.equal(softBreak('service', 'guide'), ' ');
  assert.equal(softBreak('9:00', '17:00'), ' ');
  assert.equal(softBreak('', 'a'), '');
  assert.equal(softBreak('a', ''), '');
});

test('joinLines: one line, a blank line counting as one break, spaces around breaks gone', () => {
  assert.equal(joinLines('北京市\n  朝陽區'), '北京市朝陽區');
  assert.equal(joinLines('Room 1 \n\n\tBuilding 2'), 'Room 1 Building 2');
  assert.equal(joinLines('a\r\nb\rc'), 'a b c');
  assert.equal(joinLines('no break'), 'no break');
});

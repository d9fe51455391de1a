/**
 * Terminal column widths (src/diagnostics/display-width.ts): what lines up help text, tables and
 * code-frame carets under Chinese.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayWidth, padToWidth } from '../../src/diagnostics/display-width.js';

describe('display width', () => {
  it('counts printable ASCII one column a character', () => {
    assert.equal(displayWidth(''), 0);
    assert.equal(displayWidth('guide build --format pdf'), 24);
    assert.equal(displayWidth(' ~'), 2);
  });

  it('counts Chinese, fullwidth forms and wide symbols two columns; C0 controls and combining marks none, DEL one', () => {
    assert.equal(displayWidth('辦事指南'), 8);
    assert.equal(displayWidth('用法：guide'), 11);
    assert.equal(displayWidth('（ＡＢ）'), 8);
    assert.equal(displayWidth('𠮷'), 2);
    assert.equal(displayWidth('🌏'), 2);
    assert.equal(displayWidth('a\tb\n'), 2);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('\u007f'), 1);
    assert.equal(displayWidth('é'), 1);
  });

  it('pads to a width in columns', () => {
    assert.equal(padToWidth('稅費', 6), '稅費  ');
    assert.equal(padToWidth('tax', 6), 'tax   ');
    assert.equal(padToWidth('稅費減免', 6), '稅費減免');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeFileName } from '../../src/io/file-names.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('safeFileName', () => {
  it('caps a name at 180 bytes without splitting a character', () => {
    assert.equal(safeFileName('9'.repeat(100_000)), '9'.repeat(180));
    const chinese = safeFileName('青'.repeat(100_000));
    assert.equal(chinese, '青'.repeat(60));
    const astral = safeFileName('a' + '𠀀'.repeat(100));
    assert.ok(bytes(astral) <= 180 && !astral.includes('\ufffd'));
    assert.equal(astral, 'a' + '𠀀'.repeat(44));
  });

  it('replaces separators, controls (C0 and C1) and characters Windows forbids', () => {
    assert.equal(safeFileName('a/b\\c:d*e?f"g<h>i|j\u001b]0;x\u0007k\u009bl'), 'a_b_c_d_e_f_g_h_i_j_]0;x_k_l');
  });

  it('trims dots and spaces at both ends, also after cutting', () => {
    assert.equal(safeFileName(' ..公司名.. '), '公司名');
    assert.equal(safeFileName('x'.repeat(179) + ' y'), 'x'.repeat(179));
  });

  it('avoids the names Windows reserves, with or without an extension', () => {
    for (const name of ['con', 'CON', 'nul', 'Com1', 'lpt9', 'aux.tar', 'con.', 'COM¹', 'conin$'])
      assert.equal(safeFileName(name, 'firm'), 'firm', name);
    for (const name of ['console', 'comma', 'auxiliary', 'nullify', 'com10x'])
      assert.equal(safeFileName(name, 'firm'), name, name);
  });

  it('falls back when nothing is left', () => {
    assert.equal(safeFileName('...', 'guide'), 'guide');
    assert.equal(safeFileName('', 'guide'), 'guide');
  });
});

/**
 * `guide validate`'s script check (src/convert/script-check.ts): a warning per text value with a
 * Simplified-only character, found through one pass over each file first.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import simplifiedToTraditional from 'opencc-js/dict/STCharacters';
import { sharedCharacters, simplifiedCharacters, simplifiedPattern } from '../../src/convert/script.js';
import { simplifiedTextDiagnostics } from '../../src/convert/script-check.js';
import { textValues } from '../../src/schema/text-values.js';

/** The script check's warnings for one file, as `code line:column`. */
function check(source: string): string[] {
  const values = textValues(parseDocument(source));
  return simplifiedTextDiagnostics(new Map([['m.yaml', values]]), new Map([['m.yaml', source]])).map((d) => {
    const before = source.slice(0, d.range![0]).split('\n');
    return `${d.code} ${before.length}:${before.at(-1)!.length + 1}`;
  });
}

describe('script check', () => {
  it('matches each Simplified-only character, and none that Traditional text writes too', () => {
    const pattern = simplifiedPattern();
    const simplified = [...simplifiedCharacters()];
    assert.ok(simplified.length > 2000);
    for (const char of simplified) assert.ok(pattern.test(char), char);
    for (const char of '台干准里后臺資企業稅費辦理 abc-]^\\') assert.ok(!pattern.test(char), char);
  });

  it("holds every entry of OpenCC's table that Traditional text does not write too", () => {
    // The table read the plain way: "简 繁[ 繁…]" entries joined by "|".
    const expected = new Set<string>();
    for (const entry of simplifiedToTraditional.split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && from !== to) expected.add(from);
    }
    for (const char of sharedCharacters) expected.delete(char);
    const simplified = simplifiedCharacters();
    assert.ok(simplified.size > 3000, `${simplified.size}`);
    assert.deepEqual([...simplified].sort(), [...expected].sort());
    for (const char of '简费务为发') assert.ok(simplified.has(char), char);
  });

  it('warns at the first Simplified character of a value, not in keys or comments', () => {
    assert.deepEqual(check('# 简体注释\ntitle: 臺資企業\n'), []);
    assert.deepEqual(check('title: 臺資企業\nfee: 免收费用\n'), ['W-SCRIPT-SIMPLIFIED 2:8']);
    assert.deepEqual(check('title: 臺資企業\n'), []);
  });
});

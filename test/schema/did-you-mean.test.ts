/**
 * "Did you mean" suggestions: typos of every kind are found, and a long value is never aligned
 * with every name (fuzz finding of 2026-12-04: a 33 KB template name took 16 s of edit distances).
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closestMatch, editDistance, withinReach } from '../../src/schema/did-you-mean.js';
import { closestName } from '../../src/template/errors.js';

test('swapped neighbours are one edit; other edits count one each', () => {
  assert.equal(editDistance('titel', 'title'), 1);
  assert.equal(editDistance('contnet', 'content'), 1);
  assert.equal(editDistance('fee', 'fees'), 1);
  assert.equal(editDistance('abc', 'xyz'), 3);
});

test('suggestions for the typos staff make', () => {
  assert.equal(closestMatch('timelimit', ['time_limit', 'title', 'fee']), 'time_limit');
  assert.equal(closestMatch('titel', ['time_limit', 'title', 'fee']), 'title');
  assert.equal(closestName('chineseDat', ['chineseDate', 'anchor', 'qr']), 'chineseDate');
  assert.equal(closestName('zzzz', ['chineseDate', 'anchor', 'qr']), undefined);
});

test('a name much longer than every candidate gets no suggestion and is not aligned with them', () => {
  const long = `title${'1900-01-01'.repeat(3000)}`;
  assert.equal(withinReach(long, 'title', Math.floor(long.length / 3)), false);
  assert.equal(withinReach('titel', 'title', 1), true);
  assert.equal(closestName(long, ['title', 'content']), undefined);
  assert.equal(closestMatch(long, ['content', 'fee']), undefined);
});

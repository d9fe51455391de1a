/**
 * A short seeded fuzzing run (see fuzz/fuzz.ts): every target file and command once, then random
 * cases until the time is up. Any crash, stack trace, hang or empty output fails the test; the
 * findings, minimised, are left in a temporary folder named in the failure.
 */

import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeTotals, fuzz } from '../../fuzz/fuzz.js';
import { targets } from '../../fuzz/targets.js';

test('a seeded fuzzing run finds no crash, stack trace, hang or empty output', async () => {
  const findingsDir = mkdtempSync(join(tmpdir(), 'guide-fuzz-findings-'));
  // A fixed number of cases, so the run is the same on a slow machine and a fast one. Case 41 of
  // this seed is a YAML firm list nested 20,000 deep (once a stack overflow, now E-YAML-DEPTH).
  const totals = await fuzz({
    seconds: 60,
    cases: 60,
    seed: 20200305,
    findingsDir,
    timeoutMs: 30_000,
    minimiseTries: 40,
  });
  const pairs = targets.reduce((sum, target) => sum + target.commands.length, 0);
  assert.ok(totals.mutations >= pairs, `every target and command ran: ${totals.mutations} of ${pairs}`);
  // Mutants both pass and fail: the cases reach guide's checks and its writers, not a wall.
  assert.ok(totals.exits['0']! > 0 && totals.exits['1']! > 0, JSON.stringify(totals.exits));
  assert.deepEqual(totals.findings, [], describeTotals(totals));
});

/** The fuzzer's own parts: mutations replay from a seed, failures are recognised, minimising keeps the failure. */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { minimise } from '../../fuzz/minimise.js';
import { mutate, seededRandom } from '../../fuzz/mutate.js';
import { CaseRunner, classify } from '../../fuzz/run-case.js';
import { targets } from '../../fuzz/targets.js';

test('the same seed gives the same mutants, another seed others', () => {
  const measure = targets.find((t) => t.name === 'measure')!;
  const mutants = (seed: number) => {
    const random = seededRandom(seed);
    return Array.from({ length: 20 }, () => mutate(measure.seed, measure, random).toString('base64'));
  };
  assert.deepEqual(mutants(1), mutants(1));
  assert.notDeepEqual(mutants(1), mutants(2));
  assert.ok(mutants(3).some((m) => m !== measure.seed.toString('base64')));
});

test('exit 70, a stack trace, a hang and exit 0 without output are failures; a diagnostic is not', () => {
  const ok = { code: 0, stdout: 'x', stderr: '', wrote: true };
  const trace = 'TypeError: x is undefined\n    at render (/repo/src/template/render.ts:10:5)\n';
  assert.equal(classify(ok, {}), undefined);
  assert.equal(classify({ ...ok, code: 1, stderr: 'guide.yaml:3:1 error E-YAML bad' }, {}), undefined);
  assert.equal(classify({ ...ok, code: 70, stderr: `guide: internal error\n${trace}` }, {})?.kind, 'exit-70');
  assert.equal(classify({ ...ok, code: 1, stderr: trace }, {})?.kind, 'stack-trace');
  assert.equal(classify({ hang: true }, {})?.kind, 'hang');
  assert.equal(classify({ ...ok, wrote: false }, { writes: {} })?.kind, 'empty-output');
  assert.equal(classify({ ...ok, stdout: ' \n' }, { prints: true })?.kind, 'empty-output');
});

test('minimising keeps only what the failure needs', async () => {
  const file = Buffer.from('a: 1\nb: 2\nbad: {{\nc: 3\nd: 4\n');
  const minimal = await minimise(file, async (candidate) => candidate.includes('{{'), 200);
  assert.equal(minimal.toString(), '{{');
});

test('a case past the time limit is ended and reported as a hang', async () => {
  const runner = new CaseRunner(50);
  const base = mkdtempSync(join(tmpdir(), 'guide-fuzz-test-'));
  try {
    const outcome = await runner.run({ base, path: 'guide.yaml', bytes: Buffer.from(''), argv: ['validate'] });
    assert.deepEqual(outcome, { hang: true });
  } finally {
    await runner.close();
    rmSync(base, { recursive: true, force: true });
  }
});

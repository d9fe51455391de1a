/**
 * `npm run fuzz [-- --seconds N] [-- --seed S] [-- --out DIR]`: mutation fuzzing of measure files,
 * guide.yaml, templates and firm lists through validate, build and batch (see fuzz/fuzz.ts).
 * Findings go to fuzz-findings/ (git-ignored), each with repro.sh; exit code 1 if there are any.
 * Never part of `npm test`, which runs a short seeded run of its own (test/fuzz/fuzz.test.ts).
 */

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeTotals, fuzz } from './fuzz.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string' },
    out: { type: 'string', default: 'fuzz-findings' },
  },
});
const seconds = Number(values.seconds);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isFinite(seconds) || seconds < 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--seconds N] [--seed S] [--out DIR]');
  process.exit(2);
}
console.log(`fuzzing for ${seconds} s with --seed ${seed}; findings in ${values.out}/`);
const totals = await fuzz({ seconds, seed, findingsDir: resolve(values.out), log: (line) => console.log(line) });
console.log(describeTotals(totals));
process.exitCode = totals.findings.length > 0 ? 1 : 0;

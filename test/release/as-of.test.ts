/**
 * Builds as of a date: measures not yet in effect or ended are left out and listed with the
 * reason (report and manifest); measures ending soon are warnings, in a window set by
 * --expiring-within or guide.yaml review.expiring_within_days; --strict makes warnings fail.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Manifest } from '../../src/release/manifest.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { copyEdition, editFile, tempDir } from './helpers.js';

// On 2020-05-10 in the sample: si-large-firm-halving ended (2020-04-30); tax-small-scale-vat ends
// in 21 days (2020-05-31); finance-deferral-second-round starts on 2020-06-01.
const asOf = '2020-05-10';

const codes = (stderr: string) => [...stderr.matchAll(/ warning (W-[A-Z-]+) /g)].map((m) => m[1]);

describe('guide build --as-of', () => {
  it('leaves out ended and upcoming measures, says why, and records it in the manifest', async () => {
    const out = await tempDir();
    const run = await runCli(['build', '--as-of', asOf, '--out', out, '--format', 'pdf'], { cwd: repoRoot });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /38 measures in effect on 2020-05-10; 2 left out:/);
    assert.match(
      run.stderr,
      /left out: si-large-firm-halving \(ended 2020-04-30\) 大型企業三項社會保險單位繳費減半徵收/,
    );
    assert.match(run.stderr, /left out: finance-deferral-second-round \(starts 2020-06-01\)/);
    assert.deepEqual(codes(run.stderr).sort(), ['W-EXPIRING-SOON', 'W-MEASURE-EXPIRED']);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    assert.equal(manifest.asOf, asOf);
    assert.deepEqual(
      manifest.measures.excluded.map((m) => [m.id, m.reason, m.reason === 'expired' ? m.until : m.from]),
      [
        ['si-large-firm-halving', 'expired', '2020-04-30'],
        ['finance-deferral-second-round', 'upcoming', '2020-06-01'],
      ],
    );
    const ids = manifest.measures.included.map((m) => m.id);
    assert.ok(ids.includes('tax-export-rebate-raise'), 'started on 2020-03-20, so it is in');
    assert.ok(!ids.includes('si-large-firm-halving'));
  });

  it('--strict turns the warnings into exit code 1 and writes nothing', async () => {
    const out = await tempDir();
    const run = await runCli(['build', '--as-of', asOf, '--out', out, '--strict'], { cwd: repoRoot });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /W-EXPIRING-SOON/);
    assert.match(run.stderr, /nothing was written/);
    assert.deepEqual(await readdir(out), []);
  });

  it('--strict passes when there is nothing to warn about', async () => {
    const out = await tempDir();
    const run = await runCli(['build', '--strict', '--out', out, '--format', 'docx'], { cwd: repoRoot });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(path.join(out, 'manifest.json')));
  });
});

describe('the expiring-soon window', () => {
  it('is 30 days by default, and --expiring-within changes it for validate and build', async () => {
    const byDefault = await runCli(['validate', '--as-of', asOf], { cwd: repoRoot });
    assert.match(
      byDefault.stderr,
      /W-EXPIRING-SOON "小規模納稅人增值稅減按1%徵收" ends on 2020-05-31, 21 days after 2020-05-10/,
    );

    const narrow = await runCli(['validate', '--as-of', asOf, '--expiring-within', '20', '--strict'], {
      cwd: repoRoot,
    });
    assert.deepEqual(codes(narrow.stderr), ['W-MEASURE-EXPIRED']);
    assert.equal(narrow.code, 1, 'the expired measure still warns');

    const wide = await runCli(['validate', '--as-of', asOf, '--expiring-within', '60'], { cwd: repoRoot });
    assert.ok(codes(wide.stderr).filter((c) => c === 'W-EXPIRING-SOON').length > 1, 'measures ending 2020-06-30 too');

    const out = await tempDir();
    const build = await runCli(['build', '--as-of', '2020-05-25', '--expiring-within', '5', '--strict', '--out', out], {
      cwd: repoRoot,
    });
    assert.equal(build.code, 1);
    assert.deepEqual([...new Set(codes(build.stderr))].sort(), ['W-MEASURE-EXPIRED']);
  });

  it('can be set in guide.yaml review.expiring_within_days; the option wins', async () => {
    const dir = await copyEdition();
    await editFile(path.join(dir, 'guide.yaml'), (text) =>
      text.replace('review: { max_age_days: 365 }', 'review: { max_age_days: 365, expiring_within_days: 10 }'),
    );
    const fromFile = await runCli(['validate', '--as-of', asOf], { cwd: dir });
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.deepEqual(codes(fromFile.stderr), ['W-MEASURE-EXPIRED']);
    const overridden = await runCli(['validate', '--as-of', asOf, '--expiring-within', '30'], { cwd: dir });
    assert.deepEqual(codes(overridden.stderr).sort(), ['W-EXPIRING-SOON', 'W-MEASURE-EXPIRED']);
  });

  it('rejects a window that is not a whole number of days (usage, exit code 2)', async () => {
    for (const bad of ['-1', 'soon', '1.5']) {
      const run = await runCli(['validate', '--expiring-within', bad], { cwd: repoRoot });
      assert.equal(run.code, 2, bad);
      assert.match(run.stderr, /number of days/);
    }
    const dir = await copyEdition();
    await editFile(path.join(dir, 'guide.yaml'), (text) =>
      text.replace('review: { max_age_days: 365 }', 'review: { max_age_days: 365, expiring_within_days: -3 }'),
    );
    const run = await runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /guide\.yaml:\d+:\d+ error E-NUMBER-RANGE/);
  });
});

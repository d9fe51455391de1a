/**
 * Date options are checked as dates in YAML are: a day the calendar lacks (2020-02-30) is a usage
 * error on the command line and in the library, never a letter dated 2020年2月31日.
 */

import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  build,
  buildFirm,
  loadEdition,
  matchFirms,
  UsageError,
  validate,
  type LoadedEdition,
} from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

describe('date options', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'guide-dates-'));
    for (const entry of ['guide.yaml', 'policies', 'templates']) {
      await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
    }
    await writeFile(path.join(dir, 'firms.csv'), '編號,企業名稱\nE-01,公司\n');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const argv of [
    ['validate', '--as-of', '2020-02-31'],
    ['list', '--as-of', '2021-02-29'],
    ['build', '--as-of', '2020-04-31', '--out', 'out'],
    ['batch', '--firms', 'firms.csv', '--letter-date', '2020-02-30', '--out', 'out'],
    ['batch', '--firms', 'firms.csv', '--as-of', '2020-00-10', '--out', 'out'],
  ]) {
    it(`${argv.slice(0, 1)} ${argv.slice(-3).join(' ')}: a day the calendar lacks is a usage error`, async () => {
      const run = await runCli(argv, { cwd: dir });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /the calendar has no such day; write a real date as YYYY-MM-DD/);
      assert.deepEqual(
        (await readdir(dir)).filter((name) => name === 'out'),
        [],
      );
    });
  }

  it('a date not written YYYY-MM-DD keeps its own message', async () => {
    const run = await runCli(['validate', '--as-of', '2020/3/5'], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /expected a date written YYYY-MM-DD/);
  });

  it('29 February of a leap year is a date', async () => {
    const run = await runCli(['list', '--as-of', '2020-02-29'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /as of 2020-02-29/);
  });

  it('says it in Chinese too', async () => {
    const hans = await runCli(['list', '--as-of', '2020-02-30', '--lang', 'zh-Hans'], { cwd: dir });
    assert.match(hans.stderr, /日历上没有这一天/);
    const hant = await runCli(['list', '--as-of', '2020-02-30', '--lang', 'zh-Hant'], { cwd: dir });
    assert.match(hant.stderr, /日曆上沒有這一天/);
  });

  describe('in the library', () => {
    let edition: LoadedEdition;
    before(async () => {
      edition = await loadEdition({ config: path.join(dir, 'guide.yaml') });
    });
    const firm = { id: 'E-01', name: '公司', needs: [], regions: [] } as never;

    it('validate, matchFirms, build and buildFirm refuse 2020-02-30', async () => {
      assert.throws(() => validate(edition, { asOf: '2020-02-30' }), UsageError);
      assert.throws(() => matchFirms(edition, [], { asOf: '2020-02-30' }), UsageError);
      await assert.rejects(build(edition, { asOf: '2020-02-30' }), /asOf must be a date/);
      await assert.rejects(buildFirm(edition, firm, { letterDate: '2020-02-30' }), /letterDate must be a date/);
    });
  });
});

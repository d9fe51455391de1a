/**
 * `guide diff` between two editions made in temporary folders (a deadline extended with its
 * notice added, a new measure, a removed one), against a build's manifest.json, and against a
 * git ref in a temporary repository.
 */

import assert from 'node:assert/strict';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { EditionDiff } from '../../src/release/diff.js';
import { assertGolden } from '../helpers/golden.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { copyEdition, editFile, git, makeNextEdition, tempDir } from './helpers.js';

const golden = path.join(repoRoot, 'test/release/golden');

/** Everything after the first line, which names the two sides. */
const changeLines = (text: string) => text.split('\n').slice(1).join('\n');

describe('guide diff', () => {
  let parent: string;

  before(async () => {
    parent = await tempDir('guide-diff-');
    await copyEdition(path.join(parent, 'old'));
    await copyEdition(path.join(parent, 'new'));
    await makeNextEdition(path.join(parent, 'new'));
  });

  it('says what was added, removed and changed, in plain Chinese', async () => {
    const run = await runCli(['diff', 'old', 'new'], { cwd: parent });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    assertGolden(path.join(golden, 'diff.txt'), run.stdout);
    assert.match(run.stdout, /^新增措施：4\.1\u3000政府性融資擔保降費（2020年3月1日至2020年12月31日）$/m);
    assert.match(run.stdout, /^停止執行：非居民用氣提前執行淡季價格$/m);
    assert.match(run.stdout, /^ {2}有效期延長至2020年12月31日$/m);
    assert.match(
      run.stdout,
      /^ {2}政策依據新增：《關於延長小規模納稅人減免增值稅政策執行期限的公告》（財政部 稅務總局公告2020年第24號）$/m,
    );
  });

  it('--json gives the same changes for machines', async () => {
    const run = await runCli(['diff', 'old', 'new', '--json'], { cwd: parent });
    assert.equal(run.code, 0, run.stderr);
    const diff = JSON.parse(run.stdout) as EditionDiff & { old: { source: string } };
    assert.equal(diff.old.source, 'old');
    assert.equal(diff.old.asOf, '2020-03-05');
    assert.deepEqual(
      diff.added.map((m) => [m.id, m.number]),
      [['finance-guarantee-fee-cut', '4.1']],
    );
    assert.deepEqual(
      diff.removed.map((m) => [m.id, m.reason]),
      [['costs-gas-offseason', 'deleted']],
    );
    assert.deepEqual(
      diff.changed.map((m) => [m.id, m.changes.map((c) => [c.field, c.kind])]),
      [
        [
          'tax-small-scale-vat',
          [
            ['effective', 'extended'],
            ['basis', 'added'],
          ],
        ],
      ],
    );
  });

  it('reads a side from a build manifest without its files', async () => {
    const out = path.join(parent, 'released');
    const build = await runCli(['build', '--out', out, '--format', 'pdf'], { cwd: path.join(parent, 'old') });
    assert.equal(build.code, 0, build.stderr);
    const fromManifest = await runCli(['diff', 'released/manifest.json', 'new'], { cwd: parent });
    assert.equal(fromManifest.code, 0, fromManifest.stderr);
    const fromFolder = await runCli(['diff', 'old', 'new'], { cwd: parent });
    assert.equal(changeLines(fromManifest.stdout), changeLines(fromFolder.stdout));
    // A manifest against the edition it was built from: nothing changed.
    const same = await runCli(['diff', 'released/manifest.json', 'old'], { cwd: parent });
    assert.match(same.stdout, /^措施沒有變動。$/m);
  });

  it('reads a bare folder of measure files with the current guide.yaml', async () => {
    const run = await runCli(['diff', 'old/policies', '--config', 'new/guide.yaml'], { cwd: parent });
    assert.equal(run.code, 0, run.stderr);
    const fromFolder = await runCli(['diff', 'old', 'new'], { cwd: parent });
    assert.equal(changeLines(run.stdout), changeLines(fromFolder.stdout));
    assert.match(run.stdout, /^old\/policies（2020年3月版/);
  });

  it('names a measure that ended, and one that starts later, when the dates move on', async () => {
    const later = path.join(parent, 'later');
    await copyEdition(later);
    await editFile(path.join(later, 'guide.yaml'), (text) =>
      text.replace('edition: "2020年3月版"', 'edition: "2020年5月版"').replace('date: 2020-03-05', 'date: 2020-05-10'),
    );
    await editFile(path.join(later, 'policies/tax/tax-export-rebate-raise.yaml'), (text) =>
      text.replace('from: 2020-03-20', 'from: 2020-07-01'),
    );
    const run = await runCli(['diff', 'old', 'later'], { cwd: parent });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^停止執行：大型企業三項社會保險單位繳費減半徵收（已於2020年4月30日到期）$/m);
    assert.match(
      run.stdout,
      /^新增措施：1\.\d\u3000小型微利企業延緩繳納2020年企業所得稅（2020年5月1日至2020年12月31日）$/m,
    );
    // Not in the March guide (it started 2020-03-20) and not in May's (now 2020-07-01): no line.
    assert.ok(!run.stdout.includes('提高部分產品出口退稅率'));
    assert.match(
      run.stdout,
      /^old（2020年3月版，按2020年3月5日計37項措施） → later（2020年5月版，按2020年5月10日計37項措施）$/m,
    );
  });

  it('refuses what is neither a file, a folder nor a git ref (exit code 2), and a bad manifest (1)', async () => {
    const missing = await runCli(['diff', 'no-such-thing', 'new'], { cwd: parent });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /"no-such-thing" is not a manifest\.json, an edition folder/);
    await writeFile(path.join(parent, 'other.json'), '{"version": 1}\n');
    const bad = await runCli(['diff', 'other.json', 'new'], { cwd: parent });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /other\.json error E-MANIFEST-INVALID not a build manifest/);
  });

  it('reports an invalid side with its diagnostics (exit code 1)', async () => {
    const broken = path.join(parent, 'broken');
    await copyEdition(broken);
    await editFile(path.join(broken, 'policies/tax/tax-small-scale-vat.yaml'), (text) =>
      text.replace(/^fee:/m, 'fees:'),
    );
    const run = await runCli(['diff', 'old', 'broken'], { cwd: parent });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /broken\/policies\/tax\/tax-small-scale-vat\.yaml:\d+:1 error E-FIELD-UNKNOWN/);
    assert.match(run.stderr, /could not read broken/);
    assert.equal(run.stdout, '');
  });
});

describe('guide diff against a git ref', () => {
  it('reads the edition at a tag or commit without checking it out; the working tree is the default new side', async () => {
    const repo = await tempDir('guide-git-');
    const edition = path.join(repo, 'editions', 'shandong');
    await mkdir(path.dirname(edition), { recursive: true });
    await copyEdition(edition);
    await git(repo, ['init', '--quiet']);
    await git(repo, ['add', '.']);
    await git(repo, ['commit', '--quiet', '-m', '2020年3月版']);
    await git(repo, ['tag', 'v2020.03']);
    await makeNextEdition(edition);

    const run = await runCli(['diff', 'v2020.03'], { cwd: edition });
    assert.equal(run.code, 0, run.stderr);
    const parent = await tempDir('guide-diff-');
    await copyEdition(path.join(parent, 'old'));
    await copyEdition(path.join(parent, 'new'));
    await makeNextEdition(path.join(parent, 'new'));
    const folders = await runCli(['diff', 'old', 'new'], { cwd: parent });
    assert.equal(changeLines(run.stdout), changeLines(folders.stdout));
    assert.match(run.stdout, /^v2020\.03（2020年3月版，按2020年3月5日計37項措施） → guide\.yaml（/);

    // Both sides from git, from the repository's top with --config; an uncommitted file is not seen.
    await git(repo, ['add', '.']);
    await git(repo, ['commit', '--quiet', '-m', '延長、新增、停止'], '2020-04-10T09:00:00+08:00');
    await rename(path.join(edition, 'policies/trade'), path.join(edition, 'trade-aside'));
    const refs = await runCli(['diff', 'v2020.03', 'HEAD', '--config', 'editions/shandong/guide.yaml'], { cwd: repo });
    assert.equal(refs.code, 0, refs.stderr);
    assert.equal(changeLines(refs.stdout), changeLines(folders.stdout));
    await rename(path.join(edition, 'trade-aside'), path.join(edition, 'policies/trade'));

    // A diagnostic in a committed file is named as git names it.
    await editFile(path.join(edition, 'policies/tax/tax-small-scale-vat.yaml'), (text) =>
      text.replace(/^fee:/m, 'fees:'),
    );
    await git(repo, ['commit', '--quiet', '-am', '打錯欄位'], '2020-04-11T09:00:00+08:00');
    const broken = await runCli(['diff', 'v2020.03', 'HEAD'], { cwd: edition });
    assert.equal(broken.code, 1);
    assert.match(
      broken.stderr,
      /HEAD:editions\/shandong\/policies\/tax\/tax-small-scale-vat\.yaml:\d+:1 error E-FIELD-UNKNOWN/,
    );

    const unknown = await runCli(['diff', 'v1999'], { cwd: edition });
    assert.equal(unknown.code, 2);
    const option = await runCli(['diff', '--', '--output=x'], { cwd: edition });
    assert.equal(option.code, 2, 'a ref that looks like an option is never passed to git as one');
  });
});

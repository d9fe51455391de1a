import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

async function tempEdition(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-fix-punctuation-'));
  await cp(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  await cp(path.join(repoRoot, 'policies'), path.join(dir, 'policies'), { recursive: true });
  return dir;
}

const measure = 'policies/tax/tax-small-scale-vat.yaml';
const trapCodes = ['E-YAML-FULLWIDTH-COLON', 'E-YAML-COLON-SPACE', 'E-YAML-FULLWIDTH-INDENT', 'E-YAML-FULLWIDTH-QUOTE'];

/**
 * The sample measure as a Chinese keyboard types it, saved with CRLF: all four traps, a trap on the
 * line that opens a block scalar (whose prose holds “…” and 「…」 on purpose), and Simplified text.
 */
function withTraps(original: string): string {
  return original
    .replace('content: |\n', 'content：|\n  “本項”為「免申即享」。\n')
    .replace(/^( {2}- )(在山東省登記)/m, '\u3000\u3000- $2')
    .replace(/^authority: (.*)$/m, 'authority: “$1”')
    .replace(/^time_limit: .*$/m, 'time_limit:即时办结')
    .replace(/^fee: .*$/m, '# 收费：见文件\nfee：“不收费”  # 按文件')
    .replaceAll('\n', '\r\n');
}

describe('guide convert --fix-punctuation', () => {
  it('fixes all four keyboard traps and the Simplified text in one go; guide validate then passes', async () => {
    const dir = await tempEdition();
    const file = path.join(dir, measure);
    const original = await readFile(file, 'utf8');
    const broken = withTraps(original);
    await writeFile(file, broken);

    const invalid = await runCli(['validate'], { cwd: dir });
    assert.equal(invalid.code, 1);
    for (const code of trapCodes) assert.match(invalid.stderr, new RegExp(`error ${code} `));
    assert.match(invalid.stderr, /hint: run guide convert --fix-punctuation, or/);

    const check = await runCli(['convert', '--fix-punctuation', '--check'], { cwd: dir });
    assert.equal(check.code, 1);
    assert.match(
      check.stdout,
      /^policies\/tax\/tax-small-scale-vat\.yaml: 6 punctuation mistakes would be fixed, 2 values would change$/m,
    );
    assert.match(
      check.stderr,
      /1 file of 41 files would change \(6 punctuation mistakes, 2 values\); run `guide convert --fix-punctuation`/,
    );
    const dry = await runCli(['convert', '--fix-punctuation', '--dry-run'], { cwd: dir });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /@@ line \d+ @@\n-fee：“不收费” {2}# 按文件\r\n\+fee: "不收費" {2}# 按文件\r\n/);
    assert.match(dry.stdout, /-time_limit:即时办结\r\n\+time_limit: 即時辦結\r\n/);
    assert.equal(await readFile(file, 'utf8'), broken, '--check and --dry-run write nothing');

    const run = await runCli(['convert', '--fix-punctuation'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /tax-small-scale-vat\.yaml: 6 punctuation mistakes fixed, 2 values converted/);
    const fixed = await readFile(file, 'utf8');
    // Only the six trap lines and the Simplified values changed; comments, prose and CRLF stay.
    assert.equal(
      fixed,
      broken
        .replace('content：|', 'content: |')
        .replace('\u3000\u3000- 在山東省登記', '  - 在山東省登記')
        .replace(/^authority: “(.*)”/m, 'authority: "$1"')
        .replace('time_limit:即时办结', 'time_limit: 即時辦結')
        .replace('fee：“不收费”', 'fee: "不收費"'),
    );
    assert.match(fixed, /# 收费：见文件\r\n/);
    assert.match(fixed, /content: \|\r\n {2}“本項”為「免申即享」。\r\n/);

    const valid = await runCli(['validate', '--strict'], { cwd: dir });
    assert.equal(valid.code, 0, valid.stderr);
    for (const code of trapCodes) assert.doesNotMatch(valid.stderr, new RegExp(code));
    assert.equal((await runCli(['convert', '--fix-punctuation', '--check'], { cwd: dir })).code, 0);
  });

  it('fixes guide.yaml too, which must parse before the measure files can be listed', async () => {
    const dir = await tempEdition();
    const config = path.join(dir, 'guide.yaml');
    const original = await readFile(config, 'utf8');
    await writeFile(config, original.replace(/^publisher: /m, 'publisher：'));
    const file = path.join(dir, measure);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^fee: .*$/m, 'fee:不收費'));

    const without = await runCli(['convert'], { cwd: dir });
    assert.equal(without.code, 1);
    assert.match(without.stderr, /guide\.yaml:\d+:10 error E-YAML-FULLWIDTH-COLON/);

    const run = await runCli(['convert', '--fix-punctuation'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^guide\.yaml: 1 punctuation mistake fixed$/m);
    assert.match(run.stdout, /^policies\/tax\/tax-small-scale-vat\.yaml: 1 punctuation mistake fixed$/m);
    assert.match(run.stderr, /2 punctuation mistakes fixed in 2 files of 41 files/);
    assert.equal(await readFile(config, 'utf8'), original);
    assert.equal((await runCli(['validate'], { cwd: dir })).code, 0);
  });

  it('without the option, a file that fails on a keyboard trap is skipped with the way out', async () => {
    const dir = await tempEdition();
    const file = path.join(dir, measure);
    const broken = (await readFile(file, 'utf8')).replace(/^fee: .*$/m, 'fee：不收費');
    await writeFile(file, broken);
    const run = await runCli(['convert'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /tax-small-scale-vat\.yaml has full-width punctuation YAML cannot read; run guide convert --fix-punctuation/,
    );
    assert.equal(await readFile(file, 'utf8'), broken);
  });

  it('writes the punctuation fixes of a file that other mistakes keep from parsing, and says so', async () => {
    const dir = await tempEdition();
    const file = path.join(dir, measure);
    const broken = (await readFile(file, 'utf8'))
      .replace(/^fee: .*$/m, 'fee：不收费')
      .replace(/^time_limit: .*$/m, 'time_limit: "即時辦結');
    await writeFile(file, broken);
    const run = await runCli(['convert', '--fix-punctuation'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /tax-small-scale-vat\.yaml is still not valid YAML once its punctuation is fixed; run guide validate/,
    );
    assert.match(run.stdout, /tax-small-scale-vat\.yaml: 1 punctuation mistake fixed$/m);
    assert.equal(await readFile(file, 'utf8'), broken.replace('fee：不收费', 'fee: 不收费'));
  });

  it('is in the help', async () => {
    const run = await runCli(['convert', '--help'], { cwd: repoRoot });
    assert.match(run.stdout, /--fix-punctuation/);
    assert.match(run.stdout, /guide convert --fix-punctuation/);
  });
});

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

async function tempEdition(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-convert-'));
  await cp(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  await cp(path.join(repoRoot, 'policies'), path.join(dir, 'policies'), { recursive: true });
  return dir;
}

const measure = 'policies/tax/tax-small-scale-vat.yaml';

describe('guide convert', () => {
  it('the sample edition is Taiwan Traditional already: --check passes and nothing is written', async () => {
    const dir = await tempEdition();
    const before = await readFile(path.join(dir, measure), 'utf8');
    const run = await runCli(['convert', '--check'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /41 files checked: already in Taiwan Traditional/);
    assert.equal(await readFile(path.join(dir, measure), 'utf8'), before);
  });

  it('--check and --dry-run report a Simplified file and write nothing; convert rewrites it, keeping comments', async () => {
    const dir = await tempEdition();
    const file = path.join(dir, measure);
    const original = await readFile(file, 'utf8');
    const simplified = original
      .replace(/^title: .*$/m, 'title: 小规模纳税人增值税减征  # 标题按文件写')
      .replace(/^fee: .*$/m, '# 收费：按审核结果\nfee: 不收费');
    await writeFile(file, simplified);

    const check = await runCli(['convert', '--check'], { cwd: dir });
    assert.equal(check.code, 1);
    assert.match(check.stdout, /policies\/tax\/tax-small-scale-vat\.yaml: 2 values would change/);
    const dry = await runCli(['convert', '--dry-run'], { cwd: dir });
    assert.equal(dry.code, 0);
    assert.match(
      dry.stdout,
      /-title: 小规模纳税人增值税减征 {2}# 标题按文件写\n\+title: 小規模納稅人增值稅減徵 {2}# 标题按文件写\n/,
    );
    assert.equal(await readFile(file, 'utf8'), simplified);

    const run = await runCli(['convert', measure], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /2 values converted/);
    const converted = await readFile(file, 'utf8');
    assert.match(converted, /^title: 小規模納稅人增值稅減徵 {2}# 标题按文件写$/m);
    assert.match(converted, /^# 收费：按审核结果\nfee: 不收費$/m);
    assert.equal((await runCli(['convert', '--check'], { cwd: dir })).code, 0);
    assert.equal((await runCli(['validate'], { cwd: dir })).code, 0);
  });

  it('guide validate warns about Simplified text at its first Simplified character, and not after convert', async () => {
    const dir = await tempEdition();
    const file = path.join(dir, measure);
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^fee: .*$/m, 'fee: 不收费'));
    const line = original.split('\n').findIndex((l) => l.startsWith('fee: ')) + 1;
    const run = await runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `policies/tax/tax-small-scale-vat\\.yaml:${line}:8 warning W-SCRIPT-SIMPLIFIED text in Simplified characters \\(费\\)`,
      ),
    );
    assert.match(run.stderr, /hint: run guide convert/);
    assert.equal((await runCli(['validate', '--strict'], { cwd: dir })).code, 1);
    await runCli(['convert'], { cwd: dir });
    const after = await runCli(['validate', '--strict'], { cwd: dir });
    assert.equal(after.code, 0, after.stderr);
  });

  it('has help with examples', async () => {
    const run = await runCli(['convert', '--help'], { cwd: repoRoot });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Examples:\n {2}guide convert/);
  });
});

/**
 * `guide validate` in the reader's language: a few representative schema, YAML and rule
 * diagnostics with their hints, in Simplified (LANG=zh_CN) and Traditional (--lang zh-Hant)
 * Chinese. Codes, field names, file names and values stay as written; every case in every
 * language is in test/fixtures/invalid/.
 */

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

/** The sample edition with three mistakes: a misspelt field, a slash date and a duplicated key. */
async function brokenEdition(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-zh-'));
  await cp(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  await cp(path.join(repoRoot, 'policies'), path.join(dir, 'policies'), { recursive: true });
  const vat = path.join(dir, 'policies/tax/tax-small-scale-vat.yaml');
  await writeFile(
    vat,
    (await readFile(vat, 'utf8')).replace(/^fee:/m, 'fees:').replace(/^reviewed: .*$/m, 'reviewed: 2020/3/5'),
  );
  const deferral = path.join(dir, 'policies/tax/tax-deferred-payment.yaml');
  await writeFile(deferral, `${await readFile(deferral, 'utf8')}title: 重複的標題\n`);
  return dir;
}

describe('guide validate speaks Chinese', async () => {
  const dir = await brokenEdition();

  it('in Simplified Chinese for a mainland locale', async () => {
    const run = await runCli(['validate'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /^policies\/tax\/tax-small-scale-vat\.yaml:\d+:1 错误 E-FIELD-UNKNOWN 未知字段“fees”（是不是要写“fee”？）$/m,
    );
    assert.match(run.stderr, /^ {2}提示：请改成 fee$/m);
    assert.match(
      run.stderr,
      /E-DATE-INVALID reviewed：“2020\/3\/5”不是有效的日期\n[^]*?提示：请写成 2020-03-05（日期格式为 YYYY-MM-DD）/,
    );
    assert.match(run.stderr, /E-YAML-DUPLICATE-KEY 字段“title”在同一组中出现了两次/);
    assert.match(run.stderr, /提示：请只保留其中一行：删除另一行，或把两行的内容合并/);
    assert.doesNotMatch(run.stderr, /unknown field|did you mean|hint:/);
  });

  it('in Traditional Chinese with --lang zh-Hant', async () => {
    const run = await runCli(['validate', '--lang', 'zh-Hant'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /錯誤 E-FIELD-UNKNOWN 未知欄位「fees」（是不是要寫「fee」？）/);
    assert.match(run.stderr, /^ {2}提示：請改成 fee$/m);
    assert.match(run.stderr, /E-DATE-INVALID reviewed：「2020\/3\/5」不是有效的日期/);
    assert.match(run.stderr, /E-YAML-DUPLICATE-KEY 欄位「title」在同一組中出現了兩次/);
  });

  it('says where guide.yaml is missing and what to do, in each language', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'guide-zh-empty-'));
    const hans = await runCli(['validate'], { cwd: empty, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(hans.code, 1);
    assert.match(hans.stderr, /E-CONFIG-MISSING 找不到 guide\.yaml/);
    assert.match(
      hans.stderr,
      /提示：请在 guide\.yaml 所在的文件夹或其下级文件夹中运行 guide，或用 --config path\/to\/guide\.yaml 指定它的位置/,
    );
    const hant = await runCli(['validate'], { cwd: empty, env: { LC_ALL: 'zh_TW.UTF-8' } });
    assert.match(hant.stderr, /提示：請在 guide\.yaml 所在的資料夾或其下層資料夾中執行 guide/);
  });

  it('keeps codes and the English wording for English readers', async () => {
    const run = await runCli(['validate'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    assert.match(run.stderr, /error E-FIELD-UNKNOWN unknown field "fees" \(did you mean "fee"\?\)/);
    assert.match(run.stderr, /hint: rename it to "fee"/);
  });
});

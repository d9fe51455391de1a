import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BatchManifest } from '../../src/batch/manifest.js';
import { Progress } from '../../src/batch/progress.js';
import { currentLanguage, setLanguage } from '../../src/messages/language.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { makeXlsx } from './xlsx-fixture.js';

/** The sample edition with a firm list in Simplified headers: an unknown column, a bad email, a duplicate id. */
async function edition(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-batch-i18n-'));
  await cp(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  await cp(path.join(repoRoot, 'policies'), path.join(dir, 'policies'), { recursive: true });
  await cp(path.join(repoRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
  const list = [
    '编号,企业名称,电子邮箱,行业,规模,备注',
    'TW-0001,臺商精密機械（青島）有限公司,wang@example.com.tw,装备制造,中型,老客户',
    'TW-0002,鴻達電子科技（煙臺）有限公司,lin@,电子资讯,大型,',
    'tw-0001,福味食品（濟南）有限公司,chen@example.com.tw,食品,小型,',
    'TW-0004,海峽旅遊文化（威海）有限公司,,文化旅游,微型,',
  ];
  await writeFile(path.join(dir, 'firms.csv'), `${list.join('\n')}\n`);
  return dir;
}

describe('guide batch in Chinese', () => {
  it('reports the firm list’s problems, the progress and the summary in Simplified Chinese (LANG=zh_CN.UTF-8)', async () => {
    const dir = await edition();
    const run = await runCli(['batch', '--firms', 'firms.csv', '--format', 'pdf', '--jobs', '2'], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    assert.equal(run.code, 1, run.stderr);
    const err = run.stderr;
    assert.match(err, /firms\.csv:1:\d+ 警告 W-FIRM-COLUMN-UNKNOWN 第 1 行 F 列：列“备注”不是企业名单的字段，已忽略\n/);
    assert.match(
      err,
      / {2}提示：企业名单的列是：编号、企业名称、联系人、称谓、电子邮箱、所在城市、行业、规模、是否出口、困难诉求；请删去其他列，或忽略这条警告\n/,
    );
    assert.match(err, /firms\.csv:3:\d+ 错误 E-FIRM-EMAIL 第 3 行 C 列（电子邮箱）：“lin@”不是电子邮箱地址\n/);
    assert.match(err, / {2}提示：请只写一个地址，例如 service@example\.com\.tw\n/);
    assert.match(err, /firms\.csv:4:1 错误 E-FIRM-ID-DUPLICATE 第 4 行 A 列（编号）：编号“tw-0001”已被第 2 行使用\n/);
    assert.match(err, / {2}另见 firms\.csv:2:1：第一家使用这个编号的企业\n/);
    assert.match(err, / {2}提示：请给每家企业不同的编号（只有大小写不同的编号算作相同，因为编号用作文件夹名称）\n/);
    // 电子资讯 is 電子資訊 in Simplified characters, so it is read as the code electronics.
    assert.doesNotMatch(err, /E-FIRM-CODE-UNKNOWN/);
    assert.match(err, /本次共 2 家企业：2 家待生成，0 家已是最新（跳过）；输出到 dist\/firms\/\n/);
    assert.match(err, /\n2\/2 家企业（100%），[\d.]+ 家\/秒，用时 \d+:\d\d\n/);
    assert.match(
      err,
      /\n已生成 2 家，0 家已是最新，0 家失败，firms\.csv 中有 2 行未采用；清单：dist\/firms\/manifest\.json、dist\/firms\/manifest\.csv\n/,
    );
    assert.doesNotMatch(err, /\b(row|column|hint|firms in this run|up to date)\b/);

    // A row left out for its email is in the manifest, failed, with the reason in the reader's language.
    const manifest = JSON.parse(await readFile(path.join(dir, 'dist/firms/manifest.json'), 'utf8')) as BatchManifest;
    const rejected = manifest.firms.find((firm) => firm.id === 'TW-0002')!;
    assert.equal(rejected.status, 'failed');
    assert.equal(rejected.reason, 'E-FIRM-EMAIL firms.csv: 第 3 行 C 列（电子邮箱）：“lin@”不是电子邮箱地址');
    // The duplicate id cannot key its entry: its row does.
    const duplicate = manifest.firms.find((firm) => firm.row === 4)!;
    assert.deepEqual([duplicate.id, duplicate.name, duplicate.status], ['', '福味食品（濟南）有限公司', 'failed']);
    assert.match(
      duplicate.reason!,
      /^E-FIRM-ID-DUPLICATE firms\.csv: 第 4 行 A 列（编号）：编号“tw-0001”已被第 2 行使用/,
    );
  });

  it('a YAML value of the wrong shape and a merged workbook cell, in both Chinese scripts', async () => {
    const dir = await edition();
    await writeFile(
      path.join(dir, 'firms.yaml'),
      'firms:\n  - id: Y1\n    name: 臺商甲\n    needs: [[financing]]\n  - id: Y2\n    name: 臺商乙\n    industry: {code: food}\n',
    );
    const yaml = ['batch', '--firms', 'firms.yaml', '--format', 'pdf', '--jobs', '1'];
    const hans = await runCli(yaml, { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(hans.code, 1, hans.stderr);
    assert.match(hans.stderr, /firms\.yaml:4:12 错误 E-FIRM-VALUE 第 1 家企业，needs：列表里又写了列表或一组键\n/);
    assert.match(
      hans.stderr,
      / {2}提示：请写一个值，或一层由代码或名称组成的列表，例如 needs: \[financing, 物流不畅\]\n/,
    );
    const hant = await runCli([...yaml, '--lang', 'zh-Hant'], { cwd: dir });
    assert.match(
      hant.stderr,
      /firms\.yaml:7:15 錯誤 E-FIRM-VALUE 第 2 家企業，industry：寫成了一組鍵（code），而不是一個值\n/,
    );

    const rows = [
      ['编号', '企业名称', '所在城市'],
      ['X1', '臺商甲', '青岛市'],
      ['X2', '臺商乙', null],
    ];
    await writeFile(path.join(dir, 'firms.xlsx'), makeXlsx([{ name: 'Sheet1', rows, merges: ['C2:C3'] }]));
    const xlsx = ['batch', '--firms', 'firms.xlsx', '--format', 'pdf', '--jobs', '1'];
    const merged = await runCli([...xlsx, '--lang', 'zh-Hant'], { cwd: dir });
    assert.equal(merged.code, 0, merged.stderr);
    assert.match(
      merged.stderr,
      /警告 W-FIRM-MERGED 儲存格 C2:C3 已合併：其中每個儲存格都按 C2 的值（「青岛市」）讀取\n/,
    );
    assert.match(merged.stderr, / {2}提示：如果這些企業並非都是這個值，請在 Excel 中取消合併，並逐列填寫\n/);
    const mergedHans = await runCli(xlsx, { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(
      mergedHans.stderr,
      /警告 W-FIRM-MERGED 单元格 C2:C3 已合并：其中每个单元格都按 C2 的值（“青岛市”）读取\n/,
    );
  });

  it('--explain in Traditional Chinese (--lang zh-Hant): the choice, the reasons and a mistyped id', async () => {
    const dir = await edition();
    const run = await runCli(['batch', '--firms', 'firms.csv', '--explain', 'tw-0004', '--lang', 'zh-Hant'], {
      cwd: dir,
    });
    assert.equal(run.code, 0, run.stderr);
    const text = run.stdout;
    assert.match(text, /^TW-0004 海峽旅遊文化（威海）有限公司（firms\.csv 第 5 列）\n/);
    assert.match(text, /\n {2}2020-03-05 有效的 37 項措施中選出 \d+ 項，其中 0 項針對該企業反映的困難\n/);
    assert.match(text, /\n其他選中的措施，按章排列（\d+ 項）：\n/);
    assert.match(
      text,
      /costs-rent-waiver +承租國有房屋的服務業小微企業減免租金\n +industries（符合）：適用於餐飲住宿、批發零售、文化旅遊；該企業屬於文化旅遊\n/,
    );
    assert.match(text, /\n +needs（不作限制）：針對[^\n]+；該企業未反映困難\n/);
    assert.match(text, /\n未選：措施適用於其他企業（\d+ 項）：\n/);
    assert.match(
      text,
      /si-large-firm-halving +大型企業三項社會保險單位繳費減半徵收\n +sizes（不符合）：適用於大型；該企業屬於微型\n/,
    );
    assert.match(text, /\n未選：2020-03-05 不在有效期內（3 項）：\n.*tax-export-rebate-raise.*\n +2020-03-20 起施行\n/);
    assert.doesNotMatch(text, /\b(of the|measures|Left out|fits|for every firm)\b/);

    const missing = await runCli(['batch', '--firms', 'firms.csv', '--explain', 'TW-004', '--lang', 'zh-Hant'], {
      cwd: dir,
    });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--explain：firms\.csv 中沒有編號為「TW-004」的企業（是不是「TW-0004」？）/);

    const rejected = await runCli(['batch', '--firms', 'firms.csv', '--explain', 'TW-0002', '--lang', 'zh-Hant'], {
      cwd: dir,
    });
    assert.equal(rejected.code, 1);
    // The place names the column by the header the list wrote (Simplified here).
    assert.match(rejected.stderr, /錯誤 E-FIRM-EMAIL 第 3 列 C 欄（电子邮箱）：「lin@」不是電子郵件地址\n/);
    assert.match(rejected.stderr, /企業 TW-0002 所在的列改正之前無法使用/);
  });

  it('usage errors of batch options in Simplified Chinese', async () => {
    const dir = await edition();
    const jobs = await runCli(['batch', '--firms', 'firms.csv', '--jobs', '0'], {
      cwd: dir,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    assert.equal(jobs.code, 2);
    assert.match(jobs.stderr, /--jobs 要写 1 到 256 之间的构建进程数（本进程及其工作线程），而收到的是“0”/);
  });

  it('draws the progress bar line in the reader’s language', () => {
    const language = currentLanguage();
    try {
      setLanguage('zh-Hant');
      let written = '';
      let now = 0;
      const progress = new Progress({ write: (s: string) => (written += s), isTTY: true }, 4, () => now);
      now = 2000;
      progress.tick(true);
      assert.equal(written, '\r\x1b[2K██████░░░░░░░░░░░░░░░░░░ 1/4 家企業（25%），1 家失敗，0.5 家/秒，預計還需 0:06');
    } finally {
      setLanguage(language);
    }
  });
});

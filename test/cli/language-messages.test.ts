/**
 * The command line's own messages in Chinese: diagnostics of reading files, what init, new, list and
 * validate print, and usage errors of option values, in zh-Hans (mainland staff) and zh-Hant.
 */

import assert from 'node:assert/strict';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const hans = { LANG: 'zh_CN.UTF-8' };
const hant = { LANG: 'zh_TW.UTF-8' };

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'guide-lang-'));
}

async function tempEdition(): Promise<string> {
  const dir = await tempDir();
  await cp(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  await cp(path.join(repoRoot, 'policies'), path.join(dir, 'policies'), { recursive: true });
  return dir;
}

describe('the CLI in Chinese', () => {
  it('E-CONFIG-MISSING says what to do, in either script', async () => {
    const dir = await tempDir();
    const simplified = await runCli(['validate'], { cwd: dir, env: hans });
    assert.equal(simplified.code, 1);
    assert.match(simplified.stderr, /错误 E-CONFIG-MISSING 找不到 guide\.yaml/);
    assert.match(
      simplified.stderr,
      /提示：请在 guide\.yaml 所在的文件夹或其下级文件夹中运行 guide，或用 --config path\/to\/guide\.yaml 指定它的位置/,
    );
    const traditional = await runCli(['list'], { cwd: dir, env: hant });
    assert.match(traditional.stderr, /提示：請在 guide\.yaml 所在的資料夾或其下層資料夾中執行 guide/);
  });

  it('a Big5 measure file gets the Big5 hint, a GB18030 one the GB18030 hint', async () => {
    const dir = await tempEdition();
    const big5 = Buffer.concat([
      Buffer.from('id: tax-big5\ntitle: '),
      Buffer.from('a4a3a6acb64f', 'hex'),
      Buffer.from('\n'),
    ]);
    await writeFile(path.join(dir, 'policies/tax/tax-big5.yaml'), big5);
    const traditional = await runCli(['validate'], { cwd: dir, env: hant });
    assert.equal(traditional.code, 1);
    assert.match(traditional.stderr, /policies\/tax\/tax-big5\.yaml:2:8 錯誤 E-ENCODING 檔案沒有以 UTF-8 編碼儲存/);
    assert.match(
      traditional.stderr,
      /提示：這個檔案像是 Big5 編碼（臺灣或香港的繁體中文 Windows 編輯器儲存的格式）：請開啟檔案，另存新檔時把編碼選為「UTF-8」/,
    );

    const gbk = Buffer.concat([
      Buffer.from('id: tax-gbk\ntitle: '),
      Buffer.from('b2bbcad5b7d1', 'hex'),
      Buffer.from('\n'),
    ]);
    await writeFile(path.join(dir, 'policies/tax/tax-big5.yaml'), gbk);
    const simplified = await runCli(['validate'], { cwd: dir, env: hans });
    assert.match(simplified.stderr, /错误 E-ENCODING 文件没有以 UTF-8 编码保存/);
    assert.match(
      simplified.stderr,
      /提示：这个文件像是 GB18030\/GBK 编码（中文 Windows 编辑器的默认保存方式）：请打开文件，另存为时把编码选为“UTF-8”/,
    );
  });

  it('validate and list summarise in Chinese', async () => {
    const dir = await tempEdition();
    const validate = await runCli(['validate'], { cwd: dir, env: hans });
    assert.equal(validate.code, 0, validate.stderr);
    assert.match(validate.stderr, /已检查 guide\.yaml 和 \d+ 个措施文件\n$/);
    const list = await runCli(['list', '--category', 'tax', '--lang', 'zh-Hant'], { cwd: dir });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^編號\s+類別\s+標題\s+有效期\s+狀態\n/);
    assert.match(list.stderr, /^列出 \d+ 項措施（共 \d+ 項），狀態按 2020-03-05 計\n$/);
    const unknown = await runCli(['list', '--category', 'taxes'], { cwd: dir, env: hans });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /guide：没有类别“taxes”；可用的类别：tax, /);
  });

  it("init and new speak the reader's script, with hints that say what to do", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    const refused = await runCli(['init'], { cwd: dir, env: hant });
    assert.equal(refused.code, 3);
    assert.match(
      refused.stderr,
      /^guide：本資料夾不是空的（notes\.txt），沒有寫入任何檔案。\n {2}提示：請在新資料夾中開始這一版/,
    );
    const made = await runCli(['init', 'my-edition'], { cwd: dir, env: hans });
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stderr, /^已写入 my-edition\/policies\//m);
    assert.match(
      made.stderr,
      /\n新版本已建在文件夹 my-edition，使用 guide 内置的模板。下一步：\n {2}cd my-edition && guide validate && guide build\n/,
    );
    const again = await runCli(['init', 'my-edition'], { cwd: dir, env: hans });
    assert.match(again.stderr, /^guide：文件夹 my-edition 不是空的（/);

    const edition = path.join(dir, 'my-edition');
    const badId = await runCli(['new', 'tax', 'Tax_Relief'], { cwd: edition, env: hans });
    assert.equal(badId.code, 2);
    assert.match(badId.stderr, /\n {2}提示：编号要简短，只用小写字母、数字和连字符，例如 tax-rent-relief\n/);
    const written = await runCli(['new', 'tax', 'tax-rent-relief'], { cwd: edition, env: hant });
    assert.equal(written.code, 0, written.stderr);
    assert.equal(
      written.stderr,
      '已寫入 policies/tax/tax-rent-relief.yaml：請填寫每個欄位，然後執行 `guide validate`\n',
    );
    const exists = await runCli(['new', 'tax', 'tax-rent-relief'], { cwd: edition, env: hans });
    assert.equal(exists.code, 3);
    assert.match(exists.stderr, /已存在，不会覆盖它。请换一个编号，或直接编辑那个文件。/);
  });

  it('option values: a bad date, a bad --format, a bad SOURCE_DATE_EPOCH', async () => {
    const dir = await tempEdition();
    const date = await runCli(['list', '--as-of', '2020-3-5'], { cwd: dir, env: hans });
    assert.equal(date.code, 2);
    assert.match(date.stderr, /无效：请写成 YYYY-MM-DD 格式的日期，例如 2020-03-05。/);
    const format = await runCli(['build', '--format', 'pdf,rtf'], { cwd: dir, env: hant });
    assert.equal(format.code, 2);
    assert.match(format.stderr, /^guide：--format 可取 pdf, docx, html，多個時用逗號分隔；收到的是「pdf,rtf」\n$/);
    const epoch = await runCli(['new', 'tax', 'tax-x'], { cwd: dir, env: { ...hans, SOURCE_DATE_EPOCH: 'soon' } });
    assert.equal(epoch.code, 2);
    assert.match(epoch.stderr, /SOURCE_DATE_EPOCH 必须是 1970 年以来的整秒数/);
  });
});

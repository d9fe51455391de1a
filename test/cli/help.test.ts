/**
 * `guide --help` and each command's `--help` in every language, against golden files in
 * test/golden/help/<language>/<command>.txt (80 columns, as into a pipe). After a reviewed change
 * to a help text: `UPDATE_GOLDEN=1 node --import tsx --test test/cli/help.test.ts`.
 */

import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { displayWidth } from '../../src/diagnostics/display-width.js';
import { languages } from '../../src/messages/language.js';
import { runCli } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';
import { repoRoot } from '../helpers/paths.js';

const commands = ['validate', 'list', 'init', 'new', 'schema', 'convert', 'build', 'preview', 'diff', 'batch', 'mail'];
const goldenDir = path.join(repoRoot, 'test/golden/help');

async function help(language: string, command?: string, columns?: number): Promise<string> {
  const argv = [...(command ? [command] : []), '--help', '--lang', language];
  const run = await runCli(argv, { cwd: repoRoot, ...(columns ? { tty: true, columns } : {}) });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  return run.stdout;
}

describe('help texts', () => {
  for (const language of languages) {
    it(`match the golden files in ${language}`, async () => {
      assertGolden(path.join(goldenDir, language, 'guide.txt'), await help(language));
      for (const command of commands) {
        assertGolden(path.join(goldenDir, language, `${command}.txt`), await help(language, command));
      }
    });
  }

  it('are the same from `guide help <command>` as from `guide <command> --help`', async () => {
    // Each command defines its options only as it reads its arguments or shows its help.
    for (const command of commands) {
      const run = await runCli(['help', command], { cwd: repoRoot });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, await help('en', command), command);
    }
  });

  it('fit in 80 columns and never start a line with closing punctuation or end one with an opening bracket', async () => {
    for (const language of ['zh-Hans', 'zh-Hant']) {
      for (const command of [undefined, ...commands]) {
        const text = await help(language, command);
        for (const line of text.split('\n')) {
          const where = `${language} ${command ?? 'guide'}: ${line}`;
          assert.ok(displayWidth(line) <= 80, where);
          assert.doesNotMatch(line.trimStart(), /^[，。、；：？！）」』】》]/, where);
          assert.doesNotMatch(line, /[（「『【《“]$/, where);
        }
      }
    }
  });

  it('is in the language asked for, headings, explanations and examples alike', async () => {
    const hans = await help('zh-Hans', 'init');
    assert.match(hans, /^用法：guide init \[options\] \[dir\]\n/);
    assert.match(hans, /\n示例：\n {2}guide init my-edition && cd my-edition/);
    assert.match(hans, /\n {2}guide init {23}当前文件夹，必须是空的\n/);
    assert.match(hans, /不是空的文件夹会被拒绝（退出码 3），除非加上 --force。/);
    const hant = await help('zh-Hant');
    assert.match(hant, /\n範例：\n {2}guide validate {17}檢查本資料夾中這一版的所有措施檔案\n/);
    assert.match(hant, /結束代碼：0 成功，1 輸入有誤/);
    // Option extras join the description without a space before the full-width bracket.
    assert.match(hant, /LANG）（可選：zh-Hans,/);
  });

  it('wraps at the width of the terminal it goes to', async () => {
    const wide = await help('zh-Hans', 'batch', 120);
    assert.match(wide, /\n {2}--jobs <n> {16}同时生成的企业数：本进程加 n-1 个工作线程（默认：CPU 核心数）\n/);
    const narrow = await help('en', 'validate', 70);
    for (const line of narrow.split('\n').filter((l) => l.startsWith('  -'))) assert.ok(line.length <= 70, line);
  });
});

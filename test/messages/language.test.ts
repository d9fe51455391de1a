import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageFromEnvironment, languageOfLocale } from '../../src/messages/language.js';
import { message } from '../../src/messages/message.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

describe('the language of messages', () => {
  it('follows the locale: mainland and Singapore Simplified, Taiwan, Hong Kong, Macao Traditional', () => {
    const cases: [string, string][] = [
      ['zh_CN.UTF-8', 'zh-Hans'],
      ['zh_SG', 'zh-Hans'],
      ['zh_TW.UTF-8', 'zh-Hant'],
      ['zh_HK.Big5', 'zh-Hant'],
      ['zh_MO', 'zh-Hant'],
      ['zh-Hant', 'zh-Hant'],
      ['zh-Hans-HK', 'zh-Hans'],
      ['en_US.UTF-8', 'en'],
      ['C', 'en'],
      ['POSIX', 'en'],
      ['de_DE@euro', 'en'],
    ];
    assert.deepEqual(
      cases.map(([locale]) => [locale, languageOfLocale(locale)]),
      cases,
    );
  });

  it('reads GUIDE_LANG, then LC_ALL, LC_MESSAGES and LANG, the first that is set', () => {
    assert.equal(languageFromEnvironment({}), 'en');
    assert.equal(languageFromEnvironment({ LANG: 'zh_TW.UTF-8' }), 'zh-Hant');
    assert.equal(languageFromEnvironment({ LANG: 'zh_TW.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }), 'zh-Hans');
    assert.equal(languageFromEnvironment({ LC_MESSAGES: 'zh_CN.UTF-8', LC_ALL: 'C' }), 'en');
    assert.equal(languageFromEnvironment({ LC_ALL: 'C', GUIDE_LANG: 'zh-Hant', LANG: '' }), 'zh-Hant');
    assert.equal(languageFromEnvironment({ LC_ALL: '', LANG: 'zh_SG.GBK' }), 'zh-Hans');
  });

  it('fills placeholders and English plurals', () => {
    const files = message({
      en: '«n» «n|file|files» in «dir»',
      'zh-Hans': '«dir» 中有 «n» 个文件',
      'zh-Hant': '«dir» 中有 «n» 個檔案',
    });
    assert.equal(files.in('en', { n: 1, dir: 'policies' }), '1 file in policies');
    assert.equal(files.in('en', { n: 3, dir: 'policies' }), '3 files in policies');
    assert.equal(files.in('zh-Hans', { n: 3, dir: 'policies' }), 'policies 中有 3 个文件');
  });
});

describe('the command line speaks the language asked for', () => {
  const cwd = repoRoot;

  it('prints commander usage errors in the locale of LANG', async () => {
    const hans = await runCli(['validate', '--bogus'], { cwd, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(hans.code, 2);
    assert.match(hans.stderr, /错误：未知选项“--bogus”/);
    const hant = await runCli(['list', '--status', 'old'], { cwd, env: { LC_ALL: 'zh_TW.UTF-8' } });
    assert.match(hant.stderr, /錯誤：選項「--status <status>」的值「old」無效：可選的值為 active, expired, upcoming/);
    const en = await runCli(['buld'], { cwd, env: { LANG: 'en_GB.UTF-8' } });
    assert.match(en.stderr, /error: unknown command 'buld'\n\(Did you mean build\?\)/);
  });

  it('takes --lang before or after the command, over the environment', async () => {
    const before = await runCli(['--lang', 'zh-Hant', 'validate', '--bogus'], { cwd, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(before.stderr, /錯誤：未知選項「--bogus」/);
    const after = await runCli(['buld', '--lang=en'], { cwd, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(after.stderr, /unknown command 'buld'/);
    const help = await runCli(['--help', '--lang', 'zh-Hans'], { cwd });
    assert.match(help.stdout, /^用法：/);
    assert.match(help.stdout, /\n选项：\n/);
    assert.match(help.stdout, /\n命令：\n/);
  });

  it('refuses a language it does not speak', async () => {
    const run = await runCli(['--lang', 'fr', 'validate'], { cwd });
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /option '--lang <language>' has an invalid value 'fr': allowed choices are zh-Hans, zh-Hant, en/,
    );
  });

  it('summarises diagnostics in the language asked for', async () => {
    for (const [lang, summary] of [
      ['zh-Hans', '没有发现问题'],
      ['zh-Hant', '沒有發現問題'],
      ['en', 'no problems'],
    ] as const) {
      const run = await runCli(['validate', '--lang', lang], { cwd });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, new RegExp(summary));
    }
  });
});

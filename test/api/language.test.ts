/**
 * The library's messages follow the language set with `setLanguage`, as the command's follow
 * `--lang`: a GuideInputError's diagnostics and hints come in that language. Imports the built
 * package, as a script would.
 */

import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { build, currentLanguage, GuideInputError, languages, loadEdition, setLanguage, type Language } from 'guide';
import { repoRoot } from '../helpers/paths.js';

/** A copy of the sample edition whose guide template leaves {{#if}} open. */
async function brokenEdition(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-api-language-'));
  for (const item of ['guide.yaml', 'policies', 'templates'])
    await cp(path.join(repoRoot, item), path.join(dir, item), { recursive: true });
  await appendFile(path.join(dir, 'templates/guide.md.hbs'), '\n{{#if subtitle}}\n');
  return dir;
}

/** The message and hint of the unclosed block, built in `language`. */
async function unclosedBlock(dir: string, language: Language): Promise<{ message: string; hint?: string }> {
  setLanguage(language);
  const edition = await loadEdition({ config: 'guide.yaml', cwd: dir });
  try {
    await build(edition, { formats: ['pdf'] });
  } catch (error) {
    assert.ok(error instanceof GuideInputError);
    const found = error.diagnostics.find((d) => d.code === 'E-TEMPLATE');
    assert.ok(found, 'an E-TEMPLATE diagnostic');
    return { message: found.message, ...(found.hint !== undefined ? { hint: found.hint } : {}) };
  }
  assert.fail('build should throw GuideInputError');
}

describe('the library’s language', () => {
  const before = currentLanguage();
  after(() => setLanguage(before));

  it('exports the languages it speaks', () => {
    assert.deepEqual([...languages], ['zh-Hans', 'zh-Hant', 'en']);
  });

  it('gives GuideInputError diagnostics in the language set', async () => {
    const dir = await brokenEdition();
    assert.deepEqual(await unclosedBlock(dir, 'zh-Hans'), {
      message: '{{#if}} 没有结束',
      hint: '请在块结束处加上 {{/if}}',
    });
    assert.equal(currentLanguage(), 'zh-Hans');
    assert.deepEqual(await unclosedBlock(dir, 'zh-Hant'), {
      message: '{{#if}} 沒有結束',
      hint: '請在區塊結束處加上 {{/if}}',
    });
    assert.deepEqual(await unclosedBlock(dir, 'en'), {
      message: '{{#if}} is not closed',
      hint: 'add {{/if}} where the block ends',
    });
  });
});

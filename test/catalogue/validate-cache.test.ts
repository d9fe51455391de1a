/**
 * `guide validate` through the build cache: a measure file that loaded without a word is kept
 * with its parsed value and text values, and a later run (validate or build) does not parse it
 * again unless a rule must point into it. What is reported is what a run without the cache
 * reports, wherever the problems sit: in a file parsed this run, or in files taken from the cache.
 */

import assert from 'node:assert/strict';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, type CliRun } from '../helpers/cli.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';
import { entries, made } from '../helpers/cache-entries.js';

const env = { SOURCE_DATE_EPOCH: '1583366400' };

async function validate(dir: string, args: string[]): Promise<CliRun> {
  return runCli(['validate', ...args], { cwd: dir, env });
}

function assertSameRun(actual: CliRun, expected: CliRun, what: string): void {
  assert.equal(actual.code, expected.code, `${what}: exit code`);
  assert.equal(actual.stdout, expected.stdout, `${what}: stdout`);
  assert.equal(actual.stderr, expected.stderr, `${what}: stderr`);
}

describe('validate through the build cache', () => {
  it('reports what a run without it reports, cold, warm and after an edit, and keeps only clean files', async () => {
    const dir = copySampleEdition('validate-cache');
    const policies = path.join(dir, 'policies');
    // Problems each kind of check finds, all in files that load without a word of their own:
    // a duplicate id (a rule pointing into two files), a character the fonts lack and Simplified
    // text (the glyph and script checks, from the text values).
    copyFileSync(path.join(policies, 'costs/costs-rent-waiver.yaml'), path.join(policies, 'costs/copy-of-rent.yaml'));
    editFile(path.join(policies, 'tax/tax-small-scale-vat.yaml'), /^title: (.*)$/m, 'title: $1😷');
    editFile(path.join(policies, 'tax/tax-small-scale-vat.yaml'), '本項優惠', '本项优惠');
    // And a file with a warning of its own, which is never kept.
    editFile(path.join(policies, 'costs/costs-electricity-95.yaml'), 'content: |\n', 'content: |\n  ## 不是標題\n\n');

    const text = await validate(dir, ['--no-cache']);
    const json = await validate(dir, ['--no-cache', '--format', 'json']);
    assert.equal(text.code, 1);
    for (const code of ['E-ID-DUPLICATE', 'E-GLYPH-MISSING', 'W-SCRIPT-SIMPLIFIED', 'W-MARKDOWN-BLOCK'])
      assert.match(text.stderr, new RegExp(code));
    const cache = path.join(dir, '.guide-cache');
    assert.equal(existsSync(cache), false, '--no-cache wrote a cache');

    const measureFiles = Number(/and (\d+) measure files/.exec(text.stderr)![1]);
    assertSameRun(await validate(dir, []), text, 'cold');
    const kept = entries(cache);
    assert.deepEqual(
      made(new Set(), kept),
      { 'edition-file': 1, 'theme-file': 1, 'measure-file': measureFiles - 1 },
      'guide.yaml, the theme and every clean measure file kept',
    );
    assertSameRun(await validate(dir, []), text, 'warm');
    assertSameRun(await validate(dir, ['--format', 'json']), json, 'warm, JSON');
    assert.deepEqual(made(kept, entries(cache)), {}, 'a run that changed nothing kept nothing new');

    // An edit: that file alone is parsed again and kept anew.
    editFile(path.join(policies, 'costs/copy-of-rent.yaml'), /^id: .*$/m, 'id: copy-of-rent');
    const edited = await validate(dir, []);
    assert.deepEqual(made(kept, entries(cache)), { 'measure-file': 1 });
    assertSameRun(edited, await validate(dir, ['--no-cache']), 'after an edit');
    assert.doesNotMatch(edited.stderr, /E-ID-DUPLICATE/);

    // `--cache DIR` keeps it there instead.
    const elsewhere = path.join(dir, 'elsewhere');
    assertSameRun(await validate(dir, ['--cache', 'elsewhere']), edited, '--cache DIR');
    assert.equal(entries(elsewhere).size, measureFiles + 1);
  });

  it('finds the places in guide.yaml and theme.yaml from the cache, parsing them again only then', async () => {
    // A templates folder that is not there, and a font file that is not there: both found after the
    // files loaded without a word, so both files are kept, and parsed again to point into them.
    const noTemplates = copySampleEdition('validate-cache-templates');
    editFile(path.join(noTemplates, 'guide.yaml'), /^templates: .*$/m, 'templates: templatez');
    const noFont = copySampleEdition('validate-cache-font');
    editFile(
      path.join(noFont, 'templates/theme.yaml'),
      'noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
      'missing.ttf',
    );
    for (const [dir, code] of [
      [noTemplates, 'E-TEMPLATES-MISSING'],
      [noFont, 'E-FONT'],
    ] as const) {
      const uncached = await validate(dir, ['--no-cache']);
      assert.equal(uncached.code, 1);
      assert.match(uncached.stderr, new RegExp(`${code}[^\\n]*\\n.*\\n.*\\n> `), 'a code frame at its place');
      assertSameRun(await validate(dir, []), uncached, `${code}, cold`);
      assert.ok(entries(path.join(dir, '.guide-cache')).size > 0);
      assertSameRun(await validate(dir, []), uncached, `${code}, warm`);
    }
  });
});

/**
 * `guide validate` through the build cache: a measure file that loaded without a word is kept
 * with its parsed value and text values, and a later run (validate or build) does not parse it
 * again unless a rule must point into it. What is reported is what a run without the cache
 * reports, wherever the problems sit: in a file parsed this run, or in files taken from the cache.
 * The whole run is kept too, and repeated while nothing it looked at has changed.
 */

import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { runCli, type CliRun } from '../helpers/cli.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';
import { entries, made } from '../helpers/cache-entries.js';
import { repoRoot } from '../helpers/paths.js';

const env = { SOURCE_DATE_EPOCH: '1583366400' };

async function validate(dir: string, args: string[]): Promise<CliRun> {
  return runCli(['validate', ...args], { cwd: dir, env });
}

/** Drops the kept runs, so the next validate checks the files (through the entries kept of each). */
function forgetRuns(cache: string): void {
  for (const name of entries(cache)) if (name.startsWith('validate-run.')) rmSync(path.join(cache, name));
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
      { 'edition-file': 1, 'theme-file': 1, 'measure-file': measureFiles - 1, 'validate-run': 1 },
      'guide.yaml, the theme, every clean measure file and the run kept',
    );
    assertSameRun(await validate(dir, []), text, 'warm');
    forgetRuns(cache);
    assertSameRun(await validate(dir, []), text, 'warm, the run not kept');
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
    assert.equal(entries(elsewhere).size, measureFiles + 2);
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
      forgetRuns(path.join(dir, '.guide-cache'));
      assertSameRun(await validate(dir, []), uncached, `${code}, warm`);
    }
  });
});

describe('validate repeating its last run', () => {
  /** A run repeated: with the entries of each file gone, nothing is loaded, so nothing is kept anew. */
  async function assertRepeated(dir: string, expected: CliRun, what: string): Promise<void> {
    const cache = path.join(dir, '.guide-cache');
    for (const name of entries(cache)) if (!name.startsWith('validate-run.')) rmSync(path.join(cache, name));
    assertSameRun(await validate(dir, []), expected, what);
    assert.deepEqual(Object.keys(made(new Set(), entries(cache))), ['validate-run'], `${what}: no file loaded`);
  }

  it('repeats it while nothing it looked at changed, and checks again after any change', async () => {
    const dir = copySampleEdition('validate-run');
    const policies = path.join(dir, 'policies');
    const outside = mkdtempSync(path.join(tmpdir(), 'guide-validate-run-outside-'));
    // A warning with a code frame, so a repeated run must quote the file as the first did.
    editFile(path.join(policies, 'tax/tax-small-scale-vat.yaml'), '本項優惠', '本项優惠');
    const first = await validate(dir, []);
    assert.match(first.stderr, /W-SCRIPT-SIMPLIFIED[^\n]*\n.*\n.*\n> /);
    await assertRepeated(dir, first, 'repeated');
    assertSameRun(
      await validate(dir, ['--format', 'json']),
      await validate(dir, ['--no-cache', '--format', 'json']),
      'JSON',
    );

    // Each change is seen: the run after it reports what a run without the cache reports, and
    // says something new, so it was not the last run repeated.
    let last = first;
    const afterChange = async (what: string, args: string[] = []) => {
      const run = await validate(dir, args);
      assertSameRun(run, await validate(dir, ['--no-cache', ...args]), what);
      assert.notEqual(run.stderr, last.stderr, `${what}: checked again`);
      last = run;
    };
    // The same number of bytes, at once: told apart by the bytes, not the size or the time.
    editFile(path.join(policies, 'tax/tax-small-scale-vat.yaml'), '本项優惠', '本项优惠');
    await afterChange('an edit of the same size');
    copyFileSync(path.join(policies, 'costs/costs-rent-waiver.yaml'), path.join(policies, 'costs/copy.yaml'));
    await afterChange('a new measure file');
    unlinkSync(path.join(policies, 'costs/copy.yaml'));
    await afterChange('a measure file gone');
    // A file the patterns do not match, then a folder of that name holding a measure file.
    writeFileSync(path.join(policies, 'tax/extra'), 'notes\n');
    assertSameRun(await validate(dir, []), last, 'a file no pattern matches');
    unlinkSync(path.join(policies, 'tax/extra'));
    mkdirSync(path.join(policies, 'tax/extra'));
    copyFileSync(path.join(policies, 'costs/costs-rent-waiver.yaml'), path.join(policies, 'tax/extra/copy.yaml'));
    await afterChange('a file become a folder');
    rmSync(path.join(policies, 'tax/extra'), { recursive: true });
    await afterChange('that folder gone');
    // A measure file that becomes a link leading out of the edition folder.
    copyFileSync(path.join(policies, 'costs/costs-gas-offseason.yaml'), path.join(outside, 'gas.yaml'));
    unlinkSync(path.join(policies, 'costs/costs-gas-offseason.yaml'));
    symlinkSync(path.join(outside, 'gas.yaml'), path.join(policies, 'costs/costs-gas-offseason.yaml'));
    await afterChange('a link leading out');
    // A link to a folder that is not there yet, then is.
    symlinkSync(path.join(outside, 'shared'), path.join(policies, 'shared'));
    assertSameRun(await validate(dir, []), await validate(dir, ['--no-cache']), 'a broken link');
    mkdirSync(path.join(outside, 'shared'));
    await afterChange('the folder it leads to made');
    unlinkSync(path.join(policies, 'shared'));
    await afterChange('that link gone');
    // A font package put in the edition folder, in front of the one guide found, and taken away.
    // Node keeps the packages it found for the life of a process, so these runs are processes of
    // their own, as a user's are.
    const inProcess = async (args: string[]): Promise<CliRun> => {
      const child = await promisify(execFile)(
        process.execPath,
        [path.join(repoRoot, 'bin/guide.cjs'), 'validate', ...args],
        {
          cwd: dir,
          env: { ...process.env, ...env, GUIDE_LANG: 'en' },
        },
      ).catch((error: { code: number; stdout: string; stderr: string }) => error);
      return {
        code: 'code' in child && typeof child.code === 'number' ? child.code : 0,
        stdout: child.stdout,
        stderr: child.stderr,
      };
    };
    const beforePackage = await inProcess([]);
    assertSameRun(await inProcess([]), beforePackage, 'in a process of its own, repeated');
    const shadow = path.join(dir, 'node_modules/@expo-google-fonts/noto-sans-tc/400Regular');
    mkdirSync(shadow, { recursive: true });
    writeFileSync(path.join(shadow, 'NotoSansTC_400Regular.ttf'), Buffer.alloc(2 * 1024 * 1024));
    const withPackage = await inProcess([]);
    assertSameRun(withPackage, await inProcess(['--no-cache']), 'a font package in front');
    assert.match(withPackage.stderr, /E-THEME-FONT/);
    rmSync(path.join(dir, 'node_modules'), { recursive: true });
    assertSameRun(await inProcess([]), beforePackage, 'that package gone');
    editFile(
      path.join(dir, 'templates/theme.yaml'),
      '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
      'fonts/body.ttf',
    );
    await afterChange('a font named that is not there');
    // A font file is printed by its size and times, not its 7 MB of bytes.
    mkdirSync(path.join(dir, 'fonts'));
    copyFileSync(
      path.join(repoRoot, 'node_modules/@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf'),
      path.join(dir, 'fonts/body.ttf'),
    );
    await afterChange('the font put there');
    writeFileSync(path.join(dir, 'fonts/body.ttf'), Buffer.alloc(2 * 1024 * 1024));
    await afterChange('the font damaged');

    // Another language or another date is another run; each is kept apart.
    const english = last;
    await afterChange('in Chinese', ['--lang', 'zh-Hans']);
    await afterChange('on another date', ['--as-of', '2020-06-01']);
    await assertRepeated(dir, english, 'in English again, repeated');
    rmSync(outside, { recursive: true });
  });

  it('keeps no run where there is no edition, so it makes no cache folder there', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'guide-validate-run-empty-'));
    const run = await validate(empty, []);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /guide\.yaml/);
    await validate(empty, ['--config', 'nothere/guide.yaml']);
    assert.deepEqual(readdirSync(empty), []);
    rmSync(empty, { recursive: true });
  });
});

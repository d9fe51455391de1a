/**
 * Mistakes at the edges (a font path, a folder where a file should be, an out-of-range date, a
 * template that reads a field of a text): each is a diagnostic or a plain message with its exit
 * code (1 input, 2 usage, 3 output), never "internal error" and a stack trace.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { positionAt } from '../../src/diagnostics/format.js';
import { OutputError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/io/write-atomic.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

/** A copy of the sample edition: guide.yaml, policies and templates. */
async function tempEdition(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-edge-'));
  for (const entry of ['guide.yaml', 'policies', 'templates']) {
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

/** Replaces `from` with `to` in a file of the edition (the text must be there). */
async function edit(dir: string, file: string, from: string, to: string): Promise<void> {
  const full = path.join(dir, file);
  const text = await readFile(full, 'utf8');
  assert.ok(text.includes(from), `${file} has ${from}`);
  await writeFile(full, text.replace(from, to));
}

const build = (dir: string, env: Record<string, string> = {}) =>
  runCli(['build', '--format', 'pdf', '--out', path.join(dir, 'out')], { cwd: dir, env });

/** A user's mistake: the expected exit code, no crash report, no stack frames. */
function assertUserError(run: CliRun, code: number): void {
  assert.equal(run.code, code, run.stderr);
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at |node_modules/, run.stderr);
}

/** The first line of stderr is `<file>:<line>:<col> error <code> …`, pointing at `marked` in `file`. */
async function assertFirstLineAt(run: CliRun, dir: string, file: string, marked: string, code: string) {
  const text = await readFile(path.join(dir, file), 'utf8');
  const offset = text.indexOf(marked);
  assert.ok(offset >= 0, `${file} has ${marked}`);
  const { line, column } = positionAt(text, offset);
  const first = run.stderr.split('\n')[0]!;
  assert.ok(first.startsWith(`${file}:${line}:${column} error ${code} `), first);
  return first;
}

describe('theme fonts', () => {
  it('a misspelt font path is E-THEME-FONT at the value in theme.yaml (1)', async () => {
    const dir = await tempEdition();
    const wrong = '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regularr.ttf';
    await edit(
      dir,
      'templates/theme.yaml',
      '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
      wrong,
    );
    const run = await build(dir);
    assertUserError(run, 1);
    const first = await assertFirstLineAt(run, dir, 'templates/theme.yaml', `"${wrong}"`, 'E-THEME-FONT');
    assert.match(first, /fonts\.pdf\.regular: .*there is no such file/);
    assert.match(run.stderr, /hint: write the path of a \.ttf or \.otf font file, relative to the edition folder/);
  });

  it('a font collection (.ttc) is E-THEME-FONT at the bold value (1)', async () => {
    const dir = await tempEdition();
    // A TrueType collection starts with "ttcf"; guide needs one font, not a collection.
    await writeFile(path.join(dir, 'NotoSansCJK-Bold.ttc'), Buffer.from('ttcf\0\x02\0\0\0\0\0\x01', 'latin1'));
    await edit(
      dir,
      'templates/theme.yaml',
      '"@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf"',
      'NotoSansCJK-Bold.ttc',
    );
    const run = await build(dir);
    assertUserError(run, 1);
    const first = await assertFirstLineAt(run, dir, 'templates/theme.yaml', 'NotoSansCJK-Bold.ttc', 'E-THEME-FONT');
    assert.match(first, /fonts\.pdf\.bold: "NotoSansCJK-Bold\.ttc" is a font collection \(\.ttc\)/);
  });

  it('a file that only looks like a font is E-THEME-FONT, not a fontkit crash (1)', async () => {
    const dir = await tempEdition();
    await writeFile(path.join(dir, 'broken.ttf'), Buffer.from('\0\x01\0\0 not really a font', 'latin1'));
    await edit(
      dir,
      'templates/theme.yaml',
      '"@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf"',
      'broken.ttf',
    );
    const run = await build(dir);
    assertUserError(run, 1);
    const first = await assertFirstLineAt(run, dir, 'templates/theme.yaml', 'broken.ttf', 'E-THEME-FONT');
    assert.match(first, /is damaged or is not a font/);
  });
});

describe('writing outputs', () => {
  it('guide schema --out under a regular file exits 3 and names the file in the way', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guide-edge-'));
    await writeFile(path.join(dir, 'README.md'), 'a file\n');
    const run = await runCli(['schema', '--out', 'README.md/x'], { cwd: dir });
    assertUserError(run, 3);
    assert.equal(
      run.stderr.split('\n')[0],
      'guide: could not write README.md/x/guide.schema.json: README.md is a file, not a folder (ENOTDIR); existing files were left as they were',
    );
  });

  it('guide new where the category folder is a file exits 3 (a folder root cannot write to)', async () => {
    const dir = await tempEdition();
    await rm(path.join(dir, 'policies/tax'), { recursive: true });
    await writeFile(path.join(dir, 'policies/tax'), 'not a folder\n');
    const run = await runCli(['new', 'tax', 'tax-rent-relief'], { cwd: dir });
    assertUserError(run, 3);
    assert.match(
      run.stderr.split('\n')[0]!,
      /^guide: could not write policies\/tax\/tax-rent-relief\.yaml: policies\/tax is a file, not a folder/,
    );
  });

  it('guide new refuses an id longer than 100 characters up front (2), and validate agrees', async () => {
    const dir = await tempEdition();
    const long = `tax-${'a'.repeat(226)}`;
    const run = await runCli(['new', 'tax', long], { cwd: dir });
    assertUserError(run, 2);
    assert.match(
      run.stderr,
      /^guide: id "tax-a+…" is 230 characters long; an id has at most 100\n {2}hint: an id is short kebab-case/,
    );
    assert.deepEqual(await readdir(path.join(dir, 'policies/tax')), await readdir(path.join(repoRoot, 'policies/tax')));

    const file = 'policies/tax/tax-small-scale-vat.yaml';
    const id = `tax-${'b'.repeat(97)}`;
    await edit(dir, file, 'id: tax-small-scale-vat', `id: ${id}`);
    const validate = await runCli(['validate'], { cwd: dir });
    assertUserError(validate, 1);
    const first = await assertFirstLineAt(validate, dir, file, id, 'E-PATTERN');
    assert.match(first, /id is 101 characters long; it may have at most 100/);
  });

  it('a long target name never overflows NAME_MAX because of the temporary name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guide-edge-'));
    const target = path.join(dir, `${'長'.repeat(80)}.yaml`); // 245 bytes: fits, with no room for a suffix
    await writeFileAtomic(target, 'ok\n');
    assert.equal(await readFile(target, 'utf8'), 'ok\n');
    assert.deepEqual(await readdir(dir), [path.basename(target)]);
  });

  it('writeFileAtomic writes text given in pieces one after the other, and replaces a longer file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guide-edge-'));
    const target = path.join(dir, 'manifest.json');
    await writeFile(target, 'x'.repeat(100_000));
    const pieces = ['{"a": "臺', '資"', ',\n"b": ', '2}\n'];
    await writeFileAtomic(
      target,
      (function* () {
        yield* pieces;
      })(),
    );
    assert.equal(await readFile(target, 'utf8'), pieces.join(''));
    assert.deepEqual(await readdir(dir), ['manifest.json']);
  });

  it('writeFileAtomic throws OutputError with the reason in plain words and the system code', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guide-edge-'));
    await mkdir(path.join(dir, 'out.pdf'));
    await assert.rejects(writeFileAtomic(path.join(dir, 'out.pdf'), 'x', { shownAs: 'out.pdf' }), (error) => {
      assert.ok(error instanceof OutputError);
      assert.equal(error.code, 'EISDIR');
      assert.match(error.message, /^could not write out\.pdf: there is a folder of that name \(EISDIR\)/);
      return true;
    });
    assert.deepEqual(await readdir(dir), ['out.pdf'], 'no temporary file is left');
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('a date past 9999-12-31 is a usage error (2) that gives the allowed range', async () => {
    const dir = await tempEdition();
    const run = await build(dir, { SOURCE_DATE_EPOCH: '99999999999999' });
    assertUserError(run, 2);
    assert.equal(
      run.stderr.split('\n')[0],
      'guide: SOURCE_DATE_EPOCH must be whole seconds since 1970, from 0 (1970-01-01) to 253402300799 (9999-12-31), got "99999999999999"',
    );
  });
});

describe('template mistakes at run time', () => {
  const cases: { name: string; file: string; from: string; to: string; marked: string; message: RegExp }[] = [
    {
      name: 'a sub-field of a text: {{category.title.x}}',
      file: 'templates/chapter.md.hbs',
      from: '{{category.title}}',
      to: '{{category.title.x}}',
      marked: 'category.title.x',
      message: /"category\.title\.x" reads the field "x" of a text or number \("減稅降費"\)/,
    },
    {
      name: '{{#if category.intro}} inside {{#each measures}}, where category is a text',
      file: 'templates/measure.md.hbs',
      from: '## ',
      to: '{{#if category.intro}}x{{/if}}\n## ',
      marked: 'category.intro',
      message: /"category\.intro" reads the field "intro" of a text or number/,
    },
    {
      name: '{{helperMissing "x"}}',
      file: 'templates/preface.md.hbs',
      from: '{{{edition.preface}}}',
      to: '{{helperMissing "x"}}',
      marked: '{{helperMissing',
      message: /"helperMissing" is Handlebars' own hook/,
    },
    {
      name: '{{blockHelperMissing}}',
      file: 'templates/preface.md.hbs',
      from: '{{{edition.preface}}}',
      to: '{{blockHelperMissing}}',
      marked: '{{blockHelperMissing',
      message: /"blockHelperMissing" is Handlebars' own hook/,
    },
    {
      name: 'a decorator {{* foo}}',
      file: 'templates/preface.md.hbs',
      from: '{{{edition.preface}}}',
      to: '{{* foo}}',
      marked: '{{* foo}}',
      message: /\{\{\* foo\}\} is a decorator, which templates cannot use/,
    },
    {
      name: 'a dynamic partial {{> (lookup . "name")}}',
      file: 'templates/preface.md.hbs',
      from: '{{{edition.preface}}}',
      to: '{{> (lookup . "name")}}',
      marked: '{{> (lookup',
      message: /chooses its template while rendering/,
    },
    {
      name: 'an inline partial that includes itself',
      file: 'templates/preface.md.hbs',
      from: '{{{edition.preface}}}',
      to: '{{#*inline "x"}}{{> x}}{{/inline}}{{> x}}',
      marked: '{{> x}}',
      message: /\{\{> x\}\} includes itself without end/,
    },
    {
      name: '{{#indent 999999999}}',
      file: 'templates/preface.md.hbs',
      from: '{{{edition.preface}}}',
      to: '{{#indent 999999999}}{{{edition.preface}}}{{/indent}}',
      marked: '{{#indent',
      message: /indent needs the number of spaces, from 0 to 40/,
    },
  ];
  for (const c of cases) {
    it(`${c.name} is E-TEMPLATE at its place (1)`, async () => {
      const dir = await tempEdition();
      await edit(dir, c.file, c.from, c.to);
      const run = await build(dir);
      assertUserError(run, 1);
      const first = await assertFirstLineAt(run, dir, c.file, c.marked, 'E-TEMPLATE');
      assert.match(first, c.message);
      assert.match(run.stderr, /\n {2}hint: /);
    });
  }

  it('in a batch, {{#if l.e.e}} (a helper argument read on through a name not defined) fails each firm with E-TEMPLATE (1)', async () => {
    const dir = await tempEdition();
    await edit(dir, 'templates/letter.md.hbs', '{{firm.name}}', '{{#if l.e.e}}y{{/if}}{{firm.name}}');
    await cp(path.join(repoRoot, 'test/fixtures/firms/firms.csv'), path.join(dir, 'firms.csv'));
    const run = await runCli(['batch', '--firms', 'firms.csv', '--format', 'pdf', '--jobs', '1'], { cwd: dir });
    assertUserError(run, 1);
    assert.match(
      run.stderr,
      /E-TEMPLATE templates\/letter\.md\.hbs: "l\.e\.e" reads the field "e" of a value that is not defined/,
    );
  });

  it('in a batch, {{firm.name.x}} fails each firm with the diagnostic and the run exits 1', async () => {
    const dir = await tempEdition();
    await edit(dir, 'templates/letter.md.hbs', '{{firm.name}}', '{{firm.name.x}}');
    await cp(path.join(repoRoot, 'test/fixtures/firms/firms.csv'), path.join(dir, 'firms.csv'));
    const run = await runCli(['batch', '--firms', 'firms.csv', '--format', 'pdf', '--jobs', '1'], { cwd: dir });
    assertUserError(run, 1);
    assert.match(
      run.stderr,
      /failed \S+ .*: E-TEMPLATE templates\/letter\.md\.hbs: "firm\.name\.x" reads the field "x"/,
    );
    const text = await readFile(path.join(dir, 'templates/letter.md.hbs'), 'utf8');
    const { line, column } = positionAt(text, text.indexOf('firm.name.x'));
    assert.match(run.stderr, new RegExp(`^templates/letter\\.md\\.hbs:${line}:${column} error E-TEMPLATE `, 'm'));
  });
});

describe('the templates folder', () => {
  it('a folder named like a template is E-TEMPLATE "is not a file" (1)', async () => {
    const dir = await tempEdition();
    await mkdir(path.join(dir, 'templates/x.md.hbs'));
    const run = await build(dir);
    assertUserError(run, 1);
    assert.match(run.stderr.split('\n')[0]!, /^templates\/x\.md\.hbs error E-TEMPLATE x\.md\.hbs is not a file$/);
  });

  it('a named pipe named like a template is reported, not read (no hang)', async () => {
    const dir = await tempEdition();
    execFileSync('mkfifo', [path.join(dir, 'templates/y.md.hbs')]);
    const run = await build(dir);
    assertUserError(run, 1);
    assert.match(run.stderr.split('\n')[0]!, /^templates\/y\.md\.hbs error E-TEMPLATE y\.md\.hbs is not a file$/);
  });
});

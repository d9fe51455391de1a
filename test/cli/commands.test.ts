import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { displayWidth } from '../../src/diagnostics/display-width.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

async function tempEdition(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-cli-'));
  await cp(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  await cp(path.join(repoRoot, 'policies'), path.join(dir, 'policies'), { recursive: true });
  return dir;
}

describe('guide (no command)', () => {
  it('--help lists every command with examples and the exit codes', async () => {
    const run = await runCli(['--help'], { cwd: repoRoot });
    assert.equal(run.code, 0);
    for (const command of ['validate', 'list', 'new', 'schema', 'build'])
      assert.match(run.stdout, new RegExp(`\\n  ${command} `));
    assert.match(run.stdout, /Examples:/);
    assert.match(run.stdout, /Exit codes: 0 ok, 1 invalid input, 2 usage/);
  });

  it('every command has --help with examples', async () => {
    for (const command of ['validate', 'list', 'new', 'schema', 'build']) {
      const run = await runCli([command, '--help'], { cwd: repoRoot });
      assert.equal(run.code, 0, command);
      assert.match(run.stdout, /Examples:\n {2}guide /, command);
    }
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version'], { cwd: repoRoot });
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), pkg.version);
  });

  it('an unknown option or command is a usage error (2)', async () => {
    assert.equal((await runCli(['validate', '--strcit'], { cwd: repoRoot })).code, 2);
    assert.equal((await runCli(['valdate'], { cwd: repoRoot })).code, 2);
    const badDate = await runCli(['validate', '--as-of', '2020-13-01'], { cwd: repoRoot });
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /YYYY-MM-DD/);
  });
});

describe('guide validate', () => {
  it('reports no problems on the sample edition', async () => {
    const run = await runCli(['validate', '--strict'], { cwd: repoRoot });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^no problems$/m);
  });

  it('prints JSON diagnostics for CI', async () => {
    const dir = await tempEdition();
    const file = path.join(dir, 'policies/tax/tax-small-scale-vat.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^fee:/m, 'fees:'));
    const run = await runCli(['validate', '--format', 'json'], { cwd: dir });
    assert.equal(run.code, 1);
    const json = JSON.parse(run.stdout) as {
      errors: number;
      diagnostics: { code: string; file: string; start: { line: number } }[];
    };
    const codes = json.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['E-FIELD-UNKNOWN']);
    const unknown = json.diagnostics.find((d) => d.code === 'E-FIELD-UNKNOWN')!;
    assert.equal(unknown.file, 'policies/tax/tax-small-scale-vat.yaml');
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.startsWith('fees:')) + 1;
    assert.equal(unknown.start.line, line);
  });

  it('--strict turns warnings into exit code 1; --as-of moves the date', async () => {
    const later = await runCli(['validate', '--as-of', '2021-06-01'], { cwd: repoRoot });
    assert.equal(later.code, 0);
    assert.match(later.stderr, /W-MEASURE-EXPIRED/);
    assert.match(later.stderr, /W-REVIEW-STALE/);
    const strict = await runCli(['validate', '--strict', '--as-of', '2021-06-01'], { cwd: repoRoot });
    assert.equal(strict.code, 1);
  });

  it('names a missing guide.yaml and says how to fix it (exit 1)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guide-empty-'));
    const run = await runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /E-CONFIG-MISSING guide\.yaml not found/);
    assert.match(run.stderr, /--config/);
  });

  it('finds guide.yaml in the nearest parent folder; paths stay relative to where the user stands', async () => {
    const dir = await tempEdition();
    const clean = await runCli(['validate'], { cwd: path.join(dir, 'policies/tax') });
    assert.equal(clean.code, 0, clean.stderr);
    assert.match(clean.stderr, /^no problems$/m);
    assert.match(clean.stderr, /^checked \.\.\/\.\.\/guide\.yaml and 40 measure files$/m);

    const file = path.join(dir, 'policies/tax/tax-small-scale-vat.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^fee:/m, 'fees:'));
    const run = await runCli(['validate'], { cwd: path.join(dir, 'policies/tax') });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^tax-small-scale-vat\.yaml:\d+:1 error E-FIELD-UNKNOWN/m);
    const list = await runCli(['list', '--json'], { cwd: path.join(dir, 'policies') });
    assert.equal(list.code, 1, 'list refuses the broken edition found in the parent, too');
  });

  it('finds the edition through --config from another folder', async () => {
    const run = await runCli(['validate', '--config', path.join(repoRoot, 'guide.yaml')], { cwd: tmpdir() });
    assert.equal(run.code, 0, run.stderr);
  });

  it('uses colour only on a terminal and never with NO_COLOR', async () => {
    const dir = await tempEdition();
    const file = path.join(dir, 'policies/tax/tax-small-scale-vat.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^fee:/m, 'fees:'));
    const escape = '\u001b[';
    assert.ok((await runCli(['validate'], { cwd: dir, tty: true })).stderr.includes(escape));
    assert.ok(!(await runCli(['validate'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stderr.includes(escape));
    assert.ok(!(await runCli(['validate'], { cwd: dir, tty: false })).stderr.includes(escape));
  });
});

describe('guide list', () => {
  it('prints an aligned table, counting Chinese characters as two columns', async () => {
    const run = await runCli(['list'], { cwd: repoRoot });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^ID +CATEGORY +TITLE +EFFECTIVE +STATUS$/);
    const effectiveColumn = displayWidth(lines[0]!.slice(0, lines[0]!.indexOf('EFFECTIVE')));
    for (const line of lines.slice(1)) {
      const at = line.search(/\d{4}-\d{2}-\d{2} – /);
      assert.equal(displayWidth(line.slice(0, at)), effectiveColumn, line);
    }
    assert.ok(lines.length >= 27);
  });

  it('filters by category and status, and prints JSON', async () => {
    const run = await runCli(['list', '--category', 'tax', '--status', 'upcoming', '--json'], { cwd: repoRoot });
    assert.equal(run.code, 0);
    const rows = JSON.parse(run.stdout) as { id: string; category: string; status: string; from: string }[];
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.equal(row.category, 'tax');
      assert.equal(row.status, 'upcoming');
      assert.ok(row.from > '2020-03-05');
    }
    assert.equal((await runCli(['list', '--category', 'nope'], { cwd: repoRoot })).code, 2);
  });
});

describe('guide new', () => {
  it('writes a skeleton whose example texts are errors until replaced, and refuses to overwrite it', async () => {
    const dir = await tempEdition();
    const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2020, 2, 5) / 1000) };
    const first = await runCli(['new', 'tax', 'tax-rent-relief'], { cwd: dir, env });
    assert.equal(first.code, 0, first.stderr);
    const file = path.join(dir, 'policies/tax/tax-rent-relief.yaml');
    const written = await readFile(file, 'utf8');
    assert.match(written, /^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/measure\.schema\.json/);
    assert.match(written, /# 必填：收費標準/);
    const unfilled = await runCli(['validate'], { cwd: dir });
    assert.equal(unfilled.code, 1, unfilled.stderr);
    assert.match(unfilled.stdout + unfilled.stderr, /tax-rent-relief\.yaml:\d+:\d+ error E-PLACEHOLDER "（措施名稱）"/);
    assert.match(unfilled.stdout + unfilled.stderr, /error E-AUDIENCE-EMPTY audience\.industries is an empty list/);

    // Filled in: every example text replaced, the empty audience lists removed.
    const filled = written.replace(/（[^）\n]*）/g, '房租減免').replace(/^ {2}(industries|needs): \[\]\n/gm, '');
    await writeFile(file, filled);
    const validate = await runCli(['validate'], { cwd: dir });
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);

    await writeFile(file, filled + '# edited\n');
    const again = await runCli(['new', 'tax', 'tax-rent-relief'], { cwd: dir, env });
    assert.equal(again.code, 3);
    assert.match(again.stderr, /already exists/);
    assert.match(await readFile(file, 'utf8'), /# edited\n$/);
  });

  it('rejects an undeclared category or a bad id as usage errors', async () => {
    const dir = await tempEdition();
    assert.equal((await runCli(['new', 'taxes', 'tax-x'], { cwd: dir })).code, 2);
    assert.equal((await runCli(['new', 'tax', 'Tax_X'], { cwd: dir })).code, 2);
  });
});

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const env = { SOURCE_DATE_EPOCH: '1583366400' };

async function tempFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'guide-init-'));
}

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(path.join(dir, entry.name), `${name}/`)));
    else out.push(name);
  }
  return out.sort();
}

async function assertValidatesAndBuilds(dir: string): Promise<void> {
  for (const argv of [['validate'], ['validate', '--strict']]) {
    const run = await runCli(argv, { cwd: dir, env });
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.match(run.stdout + run.stderr, /no problems/);
    assert.doesNotMatch(run.stdout + run.stderr, /warning|error/i);
  }
  const build = await runCli(['build', '--format', 'pdf', '--strict'], { cwd: dir, env });
  assert.equal(build.code, 0, build.stderr);
  const pdfs = (await readdir(path.join(dir, 'dist'))).filter((name) => name.endsWith('.pdf'));
  assert.equal(pdfs.length, 1);
  const bytes = await readFile(path.join(dir, 'dist', pdfs[0]!));
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
}

describe('guide init', () => {
  it('writes a new edition that validates (strict too) and builds, using guide’s own templates', async () => {
    const parent = await tempFolder();
    const run = await runCli(['init', 'my-edition'], { cwd: parent });
    assert.equal(run.code, 0, run.stderr);
    const dir = path.join(parent, 'my-edition');
    assert.deepEqual(await filesUnder(dir), [
      '.gitignore',
      'README.md',
      'guide.yaml',
      'policies/labour/labour-job-retention-refund.yaml',
      'schema/guide.schema.json',
      'schema/measure.schema.json',
    ]);
    assert.match(run.stderr, /wrote my-edition\/guide\.yaml/);
    assert.match(run.stderr, /cd my-edition && guide validate && guide build/);
    const guideYaml = await readFile(path.join(dir, 'guide.yaml'), 'utf8');
    assert.match(guideYaml, /^# templates: templates$/m, 'no templates folder: guide’s own templates');
    assert.match(await readFile(path.join(dir, '.gitignore'), 'utf8'), /^dist\/$/m);
    assert.match(await readFile(path.join(dir, '.gitignore'), 'utf8'), /^\.guide-cache\/$/m);
    await assertValidatesAndBuilds(dir);
  });

  it('every top-level field of guide.yaml has a comment line above it', async () => {
    const text = await readFile(path.join(repoRoot, 'init', 'guide.yaml'), 'utf8');
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (/^[a-z_]+:/.test(line)) assert.match(lines[i - 1] ?? '', /^# /, `field on line ${i + 1}: ${line}`);
    });
  });

  it('schema files are what `guide schema` exports, and each $schema line points at one', async () => {
    const dir = await tempFolder();
    assert.equal((await runCli(['init'], { cwd: dir })).code, 0);
    for (const file of ['guide.yaml', 'policies/labour/labour-job-retention-refund.yaml']) {
      const first = (await readFile(path.join(dir, file), 'utf8')).split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      assert.ok(match, file);
      const schemaFile = path.resolve(path.dirname(path.join(dir, file)), match[1]!);
      assert.ok((await stat(schemaFile)).isFile(), `${file} → ${match[1]}`);
      const which = path.basename(schemaFile, '.schema.json');
      const exported = await runCli(['schema', which], { cwd: dir });
      assert.equal(await readFile(schemaFile, 'utf8'), exported.stdout);
    }
  });

  it('--template copies the templates and sets templates: templates; the edition builds', async () => {
    const dir = await tempFolder();
    const run = await runCli(['init', '.', '--template'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /\n {2}guide validate && guide build/);
    const bundled = (await readdir(path.join(repoRoot, 'templates'))).sort();
    assert.deepEqual((await readdir(path.join(dir, 'templates'))).sort(), bundled);
    assert.ok(bundled.includes('theme.yaml') && bundled.includes('README.md'));
    assert.match(await readFile(path.join(dir, 'guide.yaml'), 'utf8'), /^templates: templates$/m);
    await assertValidatesAndBuilds(dir);
  });

  it('refuses a folder that is not empty, says what is there, and writes nothing', async () => {
    const dir = await tempFolder();
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const run = await runCli(['init'], { cwd: dir });
    assert.equal(run.code, 3);
    assert.match(run.stderr, /this folder is not empty \(notes\.txt\); nothing was written/);
    assert.match(run.stderr, /--force/);
    assert.deepEqual(await readdir(dir), ['notes.txt']);
  });

  it('counts a folder holding only .git as empty', async () => {
    const dir = await tempFolder();
    await mkdir(path.join(dir, '.git'));
    assert.equal((await runCli(['init'], { cwd: dir })).code, 0);
  });

  it('--force adds the missing files and never overwrites one', async () => {
    const dir = await tempFolder();
    await writeFile(path.join(dir, 'README.md'), 'our own readme\n');
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const run = await runCli(['init', '--force'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /kept README\.md \(already there; not overwritten\)/);
    assert.equal(await readFile(path.join(dir, 'README.md'), 'utf8'), 'our own readme\n');
    assert.equal(await readFile(path.join(dir, 'notes.txt'), 'utf8'), 'mine');
    assert.ok((await stat(path.join(dir, 'guide.yaml'))).isFile());
    // Adding the templates to an edition later: only templates/ is new.
    const again = await runCli(['init', '--template', '--force'], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /wrote templates\/theme\.yaml/);
    assert.match(again.stderr, /kept guide\.yaml/);
    assert.doesNotMatch(again.stderr, /wrote (guide\.yaml|README\.md|policies)/);
  });

  it('refuses a file as the folder (exit 3)', async () => {
    const dir = await tempFolder();
    await writeFile(path.join(dir, 'edition'), '');
    const run = await runCli(['init', 'edition'], { cwd: dir });
    assert.equal(run.code, 3);
    assert.match(run.stderr, /edition is a file, not a folder/);
  });

  it('--help has examples', async () => {
    const run = await runCli(['init', '--help'], { cwd: repoRoot });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Examples:\n {2}guide init /);
  });
});

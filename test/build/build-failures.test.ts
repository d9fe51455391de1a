/**
 * How `guide build` fails: a clear diagnostic with file:line:col and the right exit code, and
 * never a half-written file; a good guide from an earlier build survives a failed one.
 */

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';
import { repoRoot } from '../helpers/paths.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The line and column where `needle` first occurs in a file, as diagnostics print them. */
function locate(file: string, needle: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${[...lines[line]!.slice(0, lines[line]!.indexOf(needle))].length + 1}`;
}

describe('guide build failures', () => {
  it('a character the font lacks fails the build at its place, and the earlier guide survives', async () => {
    const dir = copySampleEdition('broken');
    const first = await runCli(['build', '--format', 'pdf'], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    const pdf = path.join(
      dir,
      'dist',
      readdirSync(path.join(dir, 'dist')).find((f) => f.endsWith('.pdf'))!,
    );
    const before = sha(pdf);

    const measure = path.join(dir, 'policies/tax/tax-small-scale-vat.yaml');
    editFile(measure, /^title: (.*)$/m, 'title: $1😷');
    const second = await runCli(['build', '--format', 'pdf'], { cwd: dir });
    assert.equal(second.code, 1);
    assert.ok(
      second.stderr.includes(
        `policies/tax/tax-small-scale-vat.yaml:${locate(measure, '😷')} error E-GLYPH-MISSING title: the character "😷" (U+1F637) cannot be drawn`,
      ),
      second.stderr,
    );
    assert.match(second.stderr, /nothing was written/);
    assert.equal(sha(pdf), before, 'the earlier PDF was replaced');
    assert.deepEqual(
      readdirSync(path.join(dir, 'dist')).sort(),
      ['manifest.json', path.basename(pdf)],
      'a temporary or partial file was left',
    );
  });

  it('an output folder that cannot be written is exit code 3', async () => {
    const dir = copySampleEdition('broken');
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const run = await runCli(['build', '--format', 'pdf', '--out', path.join(blocker, 'dist')], { cwd: dir });
    assert.equal(run.code, 3);
    assert.match(run.stderr, /could not write .+\.pdf/);
  });

  it('a template mistake is E-TEMPLATE at the template line and column', async () => {
    const dir = copySampleEdition('broken');
    const template = path.join(dir, 'templates/measure.md.hbs');
    editFile(template, '{{authority}}', '{{authorty}}');
    const run = await runCli(['build'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      new RegExp(`templates/measure\\.md\\.hbs:${locate(template, 'authorty')} error E-TEMPLATE`),
    );
    assert.match(run.stderr, /authority/, 'a did-you-mean hint');
    assert.ok(!readdirSync(dir).includes('dist'), 'nothing is written on a template error');
  });

  it('an invalid theme value is reported in theme.yaml', async () => {
    const dir = copySampleEdition('broken');
    const theme = path.join(dir, 'templates/theme.yaml');
    editFile(theme, 'accent: "#8b1a1a"', 'accent: crimson');
    const run = await runCli(['build'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, new RegExp(`templates/theme\\.yaml:${locate(theme, 'crimson')} error E-PATTERN`));
  });

  // fuzz findings 002 and 003: the theme's footer and table mark reached layout unchecked (exit 70).
  it("a character the fonts lack in the theme's own text is E-GLYPH-MISSING at its place in theme.yaml", async () => {
    const dir = copySampleEdition('broken');
    const theme = path.join(dir, 'templates/theme.yaml');
    editFile(theme, 'footer: "第 {page} 頁', 'footer: "第 {page} 𪚥頁');
    editFile(theme, 'continued: "（續）"', 'continued: "（\uFFFD）"');
    for (const command of ['build', 'validate']) {
      const run = await runCli([command], { cwd: dir });
      assert.equal(run.code, 1, run.stderr);
      assert.match(
        run.stderr,
        new RegExp(`templates/theme\\.yaml:${locate(theme, '𪚥')} error E-GLYPH-MISSING running\\.footer: .*U\\+2A6A5`),
      );
      assert.match(
        run.stderr,
        new RegExp(
          `templates/theme\\.yaml:${locate(theme, '\uFFFD')} error E-GLYPH-MISSING table\\.continued: .*U\\+FFFD`,
        ),
      );
      assert.doesNotMatch(run.stderr, /internal error/);
    }
  });

  it('bad formats and a malformed SOURCE_DATE_EPOCH are usage errors', async () => {
    assert.equal((await runCli(['build', '--format', 'pdf,rtf'], { cwd: repoRoot })).code, 2);
    const epoch = await runCli(['build', '--format', 'pdf', '--out', mkdtempSync(path.join(tmpdir(), 'guide-'))], {
      cwd: repoRoot,
      env: { SOURCE_DATE_EPOCH: 'yesterday' },
    });
    assert.equal(epoch.code, 2);
    assert.match(epoch.stderr, /SOURCE_DATE_EPOCH/);
  });

  it('--format json prints the problems as one JSON document, writes nothing, and shows what a template produced', async () => {
    const dir = copySampleEdition('broken');
    editFile(path.join(dir, 'policies/tax/tax-small-scale-vat.yaml'), /^fee:/m, 'fees:');
    const run = await runCli(['build', '--format', 'pdf,json'], { cwd: dir });
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as {
      errors: number;
      diagnostics: { code: string; file: string; start: { line: number } }[];
    };
    assert.equal(report.errors, 1);
    assert.equal(report.diagnostics[0]!.code, 'E-FIELD-UNKNOWN');
    assert.equal(report.diagnostics[0]!.file, 'policies/tax/tax-small-scale-vat.yaml');
    assert.ok(report.diagnostics[0]!.start.line > 1);
    assert.deepEqual(readdirSync(dir).sort(), ['guide.yaml', 'policies', 'templates']);

    // A directive a template produced points into that template's rendered Markdown, held in memory.
    const fresh = copySampleEdition('broken');
    editFile(path.join(fresh, 'templates/measure.md.hbs'), ':::lead', ':::leed');
    const reader = await runCli(['build', '--format', 'docx,json'], { cwd: fresh });
    assert.equal(reader.code, 1);
    const found = (JSON.parse(reader.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics;
    assert.ok(
      found.some((d) => d.code === 'E-TEMPLATE-DIRECTIVE' && d.file.startsWith('(rendered templates/measure.md.hbs: ')),
      reader.stdout,
    );
    assert.deepEqual(readdirSync(fresh).sort(), ['guide.yaml', 'policies', 'templates']);
  });

  it('--format json with --json gives the manifest in the same document', async () => {
    const dir = copySampleEdition('broken');
    const run = await runCli(['build', '--format', 'docx,json', '--json'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { errors: number; manifest: { outputs: { format: string }[] } };
    assert.equal(report.errors, 0);
    assert.deepEqual(
      report.manifest.outputs.map((output) => output.format),
      ['docx'],
    );
  });

  it("guide batch --format json reports a firm list's problems as JSON", async () => {
    const dir = copySampleEdition('broken');
    writeFileSync(path.join(dir, 'firms.csv'), '編號,企業名稱,行業\nF1,臺資企業,不存在的行業\n');
    const run = await runCli(['batch', '--firms', 'firms.csv', '--format', 'pdf,json', '--jobs', '1'], { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; file: string }[] };
    assert.ok(
      report.diagnostics.some((d) => d.code === 'E-FIRM-CODE-UNKNOWN' && d.file === 'firms.csv'),
      run.stdout,
    );
  });
});

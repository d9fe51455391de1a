/**
 * guide as a package: the library imported by its name (which resolves, through package.json
 * `exports`, to the built lib/index.js), and the tarball `npm pack` makes, installed into a fresh
 * project: its command, its library and its types. Run after `npm run build`.
 */

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import {
  build,
  buildFirm,
  formatDiagnostics,
  GuideInputError,
  loadEdition,
  matchFirms,
  readFirmList,
  type LoadedEdition,
} from 'guide';
import { repoRoot } from '../helpers/paths.js';
import { pdfPageTexts, squeeze } from '../helpers/readers.js';

const run = promisify(execFile);
const config = path.join(repoRoot, 'guide.yaml');
const firmsCsv = path.join(repoRoot, 'test/fixtures/firms/firms.csv');
const signature = (bytes: Uint8Array, length: number) => Buffer.from(bytes.subarray(0, length)).toString('latin1');

/** A copy of the sample edition (guide.yaml, policies, templates) in a new folder under `parent`. */
async function copyEdition(parent: string): Promise<string> {
  const target = await mkdtemp(path.join(parent, 'edition-'));
  for (const entry of ['guide.yaml', 'policies', 'templates']) {
    await cp(path.join(repoRoot, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}

describe('the library, imported by its package name', () => {
  let edition: LoadedEdition;
  let temp: string;
  before(async () => {
    temp = await mkdtemp(path.join(tmpdir(), 'guide-api-'));
    edition = await loadEdition({ config });
  });
  after(() => rm(temp, { recursive: true, force: true }));

  it('resolves to the built lib/index.js', () => {
    assert.equal(fileURLToPath(import.meta.resolve('guide')), path.join(repoRoot, 'lib/index.js'));
  });

  it('builds the sample edition as a PDF and a DOCX in memory', async () => {
    assert.deepEqual(
      edition.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    const result = await build(edition);
    const { title, edition: name } = edition.catalogue!.edition;
    assert.deepEqual(
      result.files.map((file) => [file.format, file.name]),
      [
        ['pdf', `${title}-${name}.pdf`],
        ['docx', `${title}-${name}.docx`],
      ],
    );
    const [pdf, docx] = result.files;
    assert.equal(signature(pdf!.bytes, 5), '%PDF-');
    assert.equal(signature(docx!.bytes, 2), 'PK');
    assert.ok(pdf!.pages! > 10, `${pdf!.pages} pages`);
    assert.equal(docx!.pages, undefined);
    assert.equal((await pdfPageTexts(pdf!.bytes)).length, pdf!.pages, 'PDF.js counts the pages guide reports');
    assert.equal(result.measures.length, new Set(result.measures).size);
    assert.ok(result.measures.length > 10);
  });

  it("builds a firm's guide with the measures matchFirms chose", async () => {
    const list = await readFirmList(firmsCsv, edition);
    const firm = list.firms[0]!;
    const [match] = matchFirms(edition, [firm]);
    const expected = [...match!.answering, ...match!.others].map((entry) => entry.measure.id);
    assert.ok(match!.answering.length > 0, 'the firm reported needs some measures answer');

    const result = await buildFirm(edition, firm, { formats: ['pdf'] });
    assert.deepEqual(result.measures, expected);
    assert.deepEqual(
      result.files.map((file) => [file.format, file.name]),
      [['pdf', `${firm.name}-惠企政策指南.pdf`]],
    );
    const pdf = result.files[0]!;
    assert.equal(signature(pdf.bytes, 5), '%PDF-');
    assert.ok(squeeze((await pdfPageTexts(pdf.bytes)).join('')).includes(squeeze(firm.name)));
    // The same choice, passed in as a FirmMatch.
    assert.deepEqual((await buildFirm(edition, match!, { formats: ['pdf'] })).measures, expected);
  });

  it('throws GuideInputError on an unknown field, with file, range and a printable location', async () => {
    const copy = await copyEdition(temp);
    const measure = 'policies/labour/labour-stable-jobs-refund.yaml';
    const text = await readFile(path.join(copy, measure), 'utf8');
    assert.match(text, /^fee:/m);
    await writeFile(path.join(copy, measure), text.replace(/^fee:/m, 'fees:'));
    const line = text.slice(0, text.search(/^fee:/m)).split('\n').length;

    const broken = await loadEdition({ config: 'guide.yaml', cwd: copy });
    await assert.rejects(build(broken, { formats: ['pdf'] }), (error: unknown) => {
      assert.ok(error instanceof GuideInputError);
      const unknown = error.diagnostics.find((d) => d.code === 'E-FIELD-UNKNOWN');
      assert.ok(unknown, 'an E-FIELD-UNKNOWN diagnostic');
      assert.equal(unknown.severity, 'error');
      assert.equal(unknown.file, measure);
      assert.ok(unknown.range, 'with a source range');
      assert.equal(error.sources.get(measure)?.slice(...unknown.range), 'fees');
      const printed = formatDiagnostics(error.diagnostics, error.sources);
      assert.ok(printed.includes(`${measure}:${line}:1 error E-FIELD-UNKNOWN`), printed);
      assert.match(printed, /did you mean "fee"/);
      return true;
    });
  });
});

describe('the packed package, installed into a fresh project', () => {
  let temp: string;
  let project: string;
  let edition: string;
  let started = 0;

  before(
    async () => {
      started = Date.now();
      temp = await mkdtemp(path.join(tmpdir(), 'guide-pack-'));
      // --ignore-scripts: lib/ is already built, and `prepare` would delete and rebuild it under the
      // other test files that run bin/guide.cjs at the same time.
      const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], {
        cwd: repoRoot,
        maxBuffer: 16 << 20,
      });
      const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
      const paths = packed!.files.map((file) => file.path);
      for (const needed of [
        'bin/guide.cjs',
        'lib/index.js',
        'lib/index.d.ts',
        'templates/theme.yaml',
        'package.json',
      ]) {
        assert.ok(paths.includes(needed), `${needed} is packed`);
      }
      assert.ok(
        paths.some((p) => p.startsWith('schema/')),
        'schema/ is packed',
      );
      assert.ok(!paths.some((p) => p.startsWith('src/') || p.startsWith('test/')), 'no sources or tests packed');

      project = path.join(temp, 'project');
      await mkdir(project);
      await writeFile(path.join(project, 'package.json'), '{"type":"module","private":true}\n');
      const tarball = path.join(temp, packed!.filename);
      const install = (mode: string) =>
        run('npm', ['install', '--no-audit', '--no-fund', mode, tarball], { cwd: project, maxBuffer: 16 << 20 });
      // Dependencies from the local npm cache; fetch what it lacks only when it lacks something.
      await install('--offline').catch(() => install('--prefer-offline'));
      edition = await copyEdition(temp);
    },
    { timeout: 180000 },
  );
  after(async () => {
    console.log(`pack, install and use: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await rm(temp, { recursive: true, force: true });
  });

  it('the packed command builds the sample edition', { timeout: 180000 }, async () => {
    const out = path.join(temp, 'out');
    const bin = path.join(project, 'node_modules/.bin/guide');
    const { stdout, stderr } = await run(bin, ['build', '--config', path.join(edition, 'guide.yaml'), '--out', out], {
      cwd: project,
    }).catch((error: { code: number; stdout: string; stderr: string }) => {
      assert.fail(`guide build exited ${error.code}\n${error.stdout}\n${error.stderr}`);
    });
    const written = (await readdir(out)).sort();
    const text = await readFile(path.join(edition, 'guide.yaml'), 'utf8');
    const base = `${/^title: (.+)$/m.exec(text)![1]}-${/^edition: "(.+)"$/m.exec(text)![1]}`;
    for (const name of [`${base}.pdf`, `${base}.docx`, 'manifest.json']) {
      assert.ok(written.includes(name), `${name} in ${written.join(', ')}\n${stdout}\n${stderr}`);
    }
    assert.equal(signature(await readFile(path.join(out, `${base}.pdf`)), 5), '%PDF-');
  });

  it('the packed library builds the sample PDF in memory', { timeout: 180000 }, async () => {
    await writeFile(
      path.join(project, 'build.js'),
      [
        "import { build, loadEdition } from 'guide';",
        'const edition = await loadEdition({ config: process.argv[2] });',
        "const { files } = await build(edition, { formats: ['pdf'] });",
        'console.log(files[0].pages);',
        '',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['build.js', path.join(edition, 'guide.yaml')], { cwd: project });
    assert.ok(Number(stdout.trim()) > 10, `pages: ${stdout}`);
  });

  it('the packed types resolve (TS2307 was the bug)', { timeout: 180000 }, async () => {
    await writeFile(
      path.join(project, 'check.ts'),
      [
        "import { build, GuideInputError, loadEdition, readFirmList } from 'guide';",
        "import type { BuildResult, Diagnostic, FirmListResult, GuideFile } from 'guide';",
        'const edition = await loadEdition({});',
        'const result: BuildResult = await build(edition);',
        'const file: GuideFile | undefined = result.files[0];',
        "const list: FirmListResult = await readFirmList('firms.csv', edition);",
        'const diagnostics: Diagnostic[] = [...result.diagnostics, ...list.diagnostics];',
        'export const checked = [file?.pages, diagnostics, new GuideInputError(diagnostics).sources];',
        '',
      ].join('\n'),
    );
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    const args = ['--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--strict'];
    await run(process.execPath, [tsc, ...args, 'check.ts'], { cwd: project }).catch((error: { stdout: string }) =>
      assert.fail(`tsc failed:\n${error.stdout}`),
    );
  });
});

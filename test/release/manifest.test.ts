import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Manifest } from '../../src/release/manifest.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { sha256File, tempDir } from './helpers.js';

const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

/** The sample edition's files, relative to the repository, sorted as the manifest sorts them. */
async function sampleInputs(): Promise<string[]> {
  const policies = (await readdir(path.join(repoRoot, 'policies'), { recursive: true }))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => `policies/${file.split(path.sep).join('/')}`);
  const templates = (await readdir(path.join(repoRoot, 'templates')))
    .filter((file) => file.endsWith('.md.hbs') || file === 'theme.yaml')
    .map((file) => `templates/${file}`);
  return ['guide.yaml', ...policies, ...templates];
}

describe('guide build writes manifest.json', () => {
  let out: string;
  let run: CliRun;
  let manifestText: string;
  let manifest: Manifest;

  before(async () => {
    out = await tempDir();
    // A stale manifest from an earlier build must not survive.
    await writeFile(path.join(out, 'manifest.json'), '{"stale": true}\n');
    run = await runCli(['build', '--out', out, '--json'], { cwd: repoRoot });
    manifestText = await readFile(path.join(out, 'manifest.json'), 'utf8');
    manifest = JSON.parse(manifestText) as Manifest;
  });

  it('prints the manifest on stdout and everything for people on stderr', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, manifestText, '--json prints exactly the file written');
    assert.match(run.stderr, /wrote .+\.pdf \(\d+ KB, \d+ pages\)/);
    assert.match(run.stderr, /wrote .+manifest\.json/);
    assert.match(run.stderr, /37 measures in effect on 2020-03-05; 3 left out:/);
    assert.match(
      run.stderr,
      /left out: finance-deferral-second-round \(starts 2020-06-01\) 普惠小微企業貸款延期還本付息延至2021年3月/,
    );
    assert.ok(!run.stderr.includes('{'), 'no JSON on stderr');
  });

  it('names the tool, the edition, the as-of date and the pinned instant', () => {
    assert.equal(manifest.manifestVersion, 1);
    assert.deepEqual(manifest.tool, { name: 'guide', version: pkg.version });
    assert.deepEqual(manifest.edition, {
      title: '山東省貫徹落實「26條措施」辦事指南',
      edition: '2020年3月版',
      date: '2020-03-05',
    });
    assert.equal(manifest.asOf, '2020-03-05');
    // No SOURCE_DATE_EPOCH: the edition date, midnight UTC.
    assert.equal(manifest.sourceDateEpoch, Date.UTC(2020, 2, 5) / 1000);
    assert.ok(!/"\d{4}-\d{2}-\d{2}T/.test(manifestText), 'no timestamps in the manifest');
  });

  it('lists every input file, sorted, with its sha256 and one digest over them all', async () => {
    const expected = [
      ...(await sampleInputs()),
      '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
      '@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf',
    ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const files = manifest.inputs.files;
    assert.deepEqual(
      files.map((f) => f.path),
      expected,
    );
    assert.ok(files.some((f) => f.path === 'templates/changes.md.hbs'));
    for (const file of files.filter((f) => !f.path.startsWith('@'))) {
      assert.equal(file.sha256, await sha256File(path.join(repoRoot, file.path)), file.path);
    }
    // As `sha256sum <files> | sha256sum` prints it.
    const listing = files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
    assert.equal(manifest.inputs.sha256, createHash('sha256').update(listing).digest('hex'));
  });

  it('describes each output: path next to the manifest, format, bytes, pages, sha256', async () => {
    assert.deepEqual(
      manifest.outputs.map((o) => o.format),
      ['pdf', 'docx'],
    );
    for (const output of manifest.outputs) {
      const file = path.join(out, output.path);
      assert.ok(!output.path.includes('/'), 'the outputs sit next to the manifest');
      assert.equal(output.bytes, (await readFile(file)).length);
      assert.equal(output.sha256, await sha256File(file));
    }
    const pdf = manifest.outputs.find((o) => o.format === 'pdf')!;
    const document = await getDocument({ data: new Uint8Array(await readFile(path.join(out, pdf.path))) }).promise;
    assert.equal(pdf.pages, document.numPages);
    await document.destroy();
    assert.equal(manifest.outputs.find((o) => o.format === 'docx')!.pages, undefined);
  });

  it('lists the measures in the guide with their data, and those left out with the reason', () => {
    const included = manifest.measures.included;
    assert.equal(included.length, 37);
    assert.deepEqual(
      { ...included[0]!, data: undefined },
      {
        id: 'tax-deferred-payment',
        number: '1.1',
        title: '受疫情影響企業延期繳納稅款',
        file: 'policies/tax/tax-deferred-payment.yaml',
        data: undefined,
      },
    );
    const vat = included.find((m) => m.id === 'tax-small-scale-vat')!;
    assert.deepEqual(vat.data['effective'], { from: '2020-03-01', until: '2020-05-31' });
    assert.equal(vat.data['fee'], '不收費');
    assert.deepEqual(manifest.measures.excluded, [
      {
        id: 'tax-export-rebate-raise',
        title: '提高部分產品出口退稅率',
        file: 'policies/tax/tax-export-rebate-raise.yaml',
        reason: 'upcoming',
        from: '2020-03-20',
      },
      {
        id: 'tax-small-profit-income-tax-deferral',
        title: '小型微利企業延緩繳納2020年企業所得稅',
        file: 'policies/tax/tax-small-profit-income-tax-deferral.yaml',
        reason: 'upcoming',
        from: '2020-05-01',
      },
      {
        id: 'finance-deferral-second-round',
        title: '普惠小微企業貸款延期還本付息延至2021年3月',
        file: 'policies/finance/finance-deferral-second-round.yaml',
        reason: 'upcoming',
        from: '2020-06-01',
      },
    ]);
    assert.equal(manifest.changes, undefined);
  });

  it('carries SOURCE_DATE_EPOCH into the manifest and the files, and lists only the formats built', async () => {
    const dir = await tempDir();
    const pinned = await runCli(['build', '--out', dir, '--format', 'pdf'], {
      cwd: repoRoot,
      env: { SOURCE_DATE_EPOCH: '1600000000' },
    });
    assert.equal(pinned.code, 0, pinned.stderr);
    assert.equal(pinned.stdout, '', 'without --json nothing goes to stdout');
    const again = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    assert.equal(again.sourceDateEpoch, 1600000000);
    assert.deepEqual(
      again.outputs.map((o) => o.format),
      ['pdf'],
    );
    assert.equal(again.inputs.sha256, manifest.inputs.sha256, 'same inputs, same digest');
    const bytes = new Uint8Array(await readFile(path.join(dir, again.outputs[0]!.path)));
    const document = await getDocument({ data: bytes }).promise;
    const { info } = (await document.getMetadata()) as { info: { CreationDate?: string } };
    await document.destroy();
    assert.match(info.CreationDate ?? '', /^D:20200913122640/, 'the PDF is dated 2020-09-13 12:26:40 UTC');
  });

  it('writes no manifest when the build fails', async () => {
    const dir = await tempDir();
    const failed = await runCli(['build', '--out', dir, '--json', '--as-of', '2020-05-10', '--strict'], {
      cwd: repoRoot,
    });
    assert.equal(failed.code, 1);
    assert.equal(failed.stdout, '');
    assert.ok(!existsSync(path.join(dir, 'manifest.json')));
  });
});

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BatchManifest } from '../../src/batch/manifest.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { deadPid } from '../helpers/processes.js';
import { makeXlsx } from './xlsx-fixture.js';

const header = '編號,企業名稱,聯繫人,電子郵箱,所在城市,行業,規模,是否出口,困難訴求';
const rows = [
  'TW-0001,臺商精密機械（青島）有限公司,王小明,wang@example.com.tw,青島市,裝備製造,中型,是,融資困難；物流不暢',
  'TW-0002,鴻達電子科技（煙臺）有限公司,林美玲,lin@example.com.tw,煙臺市,電子資訊,大型,是,市場訂單減少',
  'TW-0003,福味食品（濟南）有限公司,陳建國,chen@example.com.tw,濟南市,食品,小型,否,用工緊張；經營成本高',
  'TW-0004,海峽旅遊文化（威海）有限公司,張雅婷,,威海市,文化旅遊,微型,否,經營成本高',
];

/** An edition folder with the sample's guide.yaml, measures and templates, and a firm list. */
async function edition(firmRows: string[] = rows): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-batch-'));
  await cp(path.join(repoRoot, 'guide.yaml'), path.join(dir, 'guide.yaml'));
  await cp(path.join(repoRoot, 'policies'), path.join(dir, 'policies'), { recursive: true });
  await cp(path.join(repoRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
  await writeFile(path.join(dir, 'firms.csv'), `${header}\n${firmRows.join('\n')}\n`);
  return dir;
}

const batch = (dir: string, ...args: string[]) =>
  runCli(['batch', '--firms', 'firms.csv', '--format', 'pdf', '--jobs', '2', ...args], { cwd: dir });

async function manifest(dir: string): Promise<BatchManifest> {
  return JSON.parse(await readFile(path.join(dir, 'dist/firms/manifest.json'), 'utf8')) as BatchManifest;
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** Every file an `ok` entry lists is there with the size and checksum the manifest gives. */
async function assertManifestMatchesFiles(dir: string): Promise<void> {
  for (const firm of (await manifest(dir)).firms) {
    if (firm.status !== 'ok') continue;
    for (const file of firm.files) {
      const full = path.join(dir, 'dist/firms', file.path);
      assert.equal((await stat(full)).size, file.bytes, file.path);
      assert.equal(await sha256(full), file.sha256, file.path);
    }
  }
}

describe('guide batch', () => {
  it('writes a guide per firm and a manifest for the mailing (JSON, and CSV with a BOM)', async () => {
    const dir = await edition();
    const run = await runCli(['batch', '--firms', 'firms.csv', '--jobs', '2'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /4 firms in this run: 4 to build, 0 up to date/);
    assert.match(run.stderr, /built 4, 0 up to date, 0 failed/);
    assert.deepEqual(await readdir(path.join(dir, 'dist/firms/TW-0001')), [
      '臺商精密機械（青島）有限公司-惠企政策指南.docx',
      '臺商精密機械（青島）有限公司-惠企政策指南.pdf',
    ]);
    const written = await manifest(dir);
    assert.equal(written.generator.startsWith('guide '), true);
    assert.deepEqual(written.formats, ['pdf', 'docx']);
    assert.match(written.inputsHash, /^[0-9a-f]{64}$/);
    const first = written.firms[0]!;
    assert.deepEqual(
      { ...first, files: first.files.map((f) => [f.format, f.path]), measures: first.measures.slice(0, 2) },
      {
        id: 'TW-0001',
        name: '臺商精密機械（青島）有限公司',
        contact: '王小明',
        email: 'wang@example.com.tw',
        status: 'ok',
        measures: ['tax-deferred-payment', 'si-deferral'],
        files: [
          ['pdf', 'TW-0001/臺商精密機械（青島）有限公司-惠企政策指南.pdf'],
          ['docx', 'TW-0001/臺商精密機械（青島）有限公司-惠企政策指南.docx'],
        ],
        inputsHash: first.inputsHash,
      },
    );
    assert.ok(first.files[0]!.pages! > 5);
    await assertManifestMatchesFiles(dir);

    const csv = await readFile(path.join(dir, 'dist/firms/manifest.csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFFid,name,contact,email,status,reason,pdf,pdf_bytes,pdf_sha256,docx,'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 5);
    assert.match(lines[4]!, /^TW-0004,海峽旅遊文化（威海）有限公司,張雅婷,,ok,,TW-0004\/.*\.pdf,\d+,[0-9a-f]{64},/);
  });

  it('reads back: the PDF opens with the letter, then the difficulties the firm reported', async () => {
    const dir = await edition();
    const run = await batch(dir, '--only', 'TW-0001');
    assert.equal(run.code, 0, run.stderr);
    const pdf = path.join(dir, 'dist/firms/TW-0001/臺商精密機械（青島）有限公司-惠企政策指南.pdf');
    const page = (n: number) =>
      execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
    const letter = page(1).replace(/\s+/g, '');
    for (const text of [
      '惠企政策服務專函',
      '臺商精密機械（青島）有限公司',
      '王小明',
      '困難訴求：融資困難、物流不暢',
      '0531-86061234',
      '山東省委臺港澳辦',
      '2020年3月5日',
    ]) {
      assert.ok(letter.includes(text), `letter lacks ${text}:\n${letter}`);
    }
    assert.match(letter, /選出\d+項/);
    const contents = page(2).replace(/\s+/g, '');
    assert.match(contents, /目錄第一章針對貴公司反映的困難/);
    const chapter = page(3).replace(/\s+/g, '');
    assert.match(chapter, /第一章針對貴公司反映的困難/);
    // Quoted items side by side take no 、 between them: 」、「 would leave a hole of three half-blank marks.
    assert.match(chapter, /貴公司反映了「融資困難」「物流不暢」方面的困難/);
    assert.match(chapter, /困難訴求對應措施融資困難/);
  });

  it('sets the letter as a formal letter: honorific, indented paragraphs, 此致／敬禮, signature flush right', async () => {
    const dir = await edition();
    // A 稱謂 column: 女士 for one firm, empty (the default, 君) for the other.
    await writeFile(path.join(dir, 'firms.csv'), `${header},稱謂\n${rows[0]},\n${rows[1]},女士\n`);
    const run = await batch(dir);
    assert.equal(run.code, 0, run.stderr);
    const pdf = (id: string, name: string) => path.join(dir, 'dist/firms', id, `${name}-惠企政策指南.pdf`);
    const first = pdf('TW-0001', '臺商精密機械（青島）有限公司');
    const text = (file: string, page: number) =>
      execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
    assert.match(text(first, 1).replace(/[ \n]/g, ''), /有限公司王小明君台鑒：/);
    assert.match(text(pdf('TW-0002', '鴻達電子科技（煙臺）有限公司'), 1).replace(/[ \n]/g, ''), /林美玲女士台鑒：/);
    // Words with their boxes: paragraphs start two characters in, 此致 too, 敬禮 at the margin,
    // the sender and date end at the right margin.
    const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', first, '-'], { encoding: 'utf8' });
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map(
      (m) => ({ x: Number(m[1]), y: Number(m[2]), right: Number(m[3]), text: m[4]! }),
    );
    const word = (pattern: RegExp) => {
      const found = words.find((w) => pattern.test(w.text));
      assert.ok(found, `no word ${pattern} on the letter page: ${words.map((w) => w.text).join(' ')}`);
      return found;
    };
    const margin = word(/^臺商精密機械/).x;
    const size = 10.5;
    assert.ok(
      Math.abs(word(/^為協助/).x - (margin + 2 * size)) < 1,
      'the first paragraph is not indented by two characters',
    );
    assert.ok(Math.abs(word(/^此致$/).x - (margin + 2 * size)) < 1, '此致 is not indented by two characters');
    const salute = word(/^敬禮$/);
    assert.ok(Math.abs(salute.x - margin) < 1, '敬禮 is not at the left margin');
    assert.ok(salute.y > word(/^此致$/).y, '敬禮 is not on the line after 此致');
    // The text block's right edge: where justified lines end (the measure may be narrower than the margins).
    const rightEdge = Math.max(...words.map((w) => w.right));
    assert.ok(rightEdge > 400, `no justified line reaches the right: ${rightEdge}`);
    for (const signature of [word(/^山東省委臺港澳辦$/), word(/^2020年3月5日$/)])
      assert.ok(Math.abs(signature.right - rightEdge) < 1, `${signature.text} is not flush right`);
    // The firm's guide names itself in the running header, not the edition.
    assert.match(text(first, 3), /^臺商精密機械（青島）有限公司惠企政策指南/);
  });

  it('names files by --name-pattern, and refuses unknown placeholders', async () => {
    const dir = await edition(rows.slice(0, 1));
    const run = await batch(dir, '--name-pattern', '{編號}_{name}/指南', '--json');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(await readdir(path.join(dir, 'dist/firms/TW-0001')), [
      'TW-0001_臺商精密機械（青島）有限公司_指南.pdf',
    ]);
    // --json: the manifest on stdout, for scripts.
    assert.deepEqual(JSON.parse(run.stdout), await manifest(dir));
    const bad = await batch(dir, '--name-pattern', '{公司}');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown placeholder \{公司\}/);
  });

  it('writes each firm an HTML page with --format html, listed in both manifests with its checksum', async () => {
    const dir = await edition(rows.slice(0, 1));
    const run = await runCli(['batch', '--firms', 'firms.csv', '--format', 'html', '--jobs', '1'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const [firm] = (await manifest(dir)).firms;
    assert.deepEqual(
      firm!.files.map((file) => [file.format, file.path]),
      [['html', 'TW-0001/臺商精密機械（青島）有限公司-惠企政策指南.html']],
    );
    await assertManifestMatchesFiles(dir);
    const page = await readFile(path.join(dir, 'dist/firms', firm!.files[0]!.path), 'utf8');
    assert.match(page, /^<!DOCTYPE html>\n<html lang="zh-Hant-TW">/);
    assert.match(page, /臺商精密機械（青島）有限公司/);
    const csv = (await readFile(path.join(dir, 'dist/firms/manifest.csv'), 'utf8')).split('\r\n');
    const columns = csv[0]!.replace(/^\uFEFF/, '').split(',');
    const values = csv[1]!.split(',');
    assert.equal(values[columns.indexOf('html_sha256')], firm!.files[0]!.sha256);
    assert.equal(columns.at(-4), 'row', 'html columns come after row, so positions of older columns hold');
  });

  it('skips firms whose guides are up to date, and rebuilds what changed or went missing', async () => {
    const dir = await edition();
    assert.equal((await batch(dir)).code, 0);
    const before = await manifest(dir);

    const again = await batch(dir);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /0 to build, 4 up to date/);
    assert.deepEqual(await manifest(dir), before);

    // A renamed firm gets new files (the old ones go); a deleted or altered file is rebuilt.
    const renamed = rows.map((row) => row.replace('福味食品（濟南）有限公司', '福味食品（山東）有限公司'));
    await writeFile(path.join(dir, 'firms.csv'), `${header}\n${renamed.join('\n')}\n`);
    await rm(path.join(dir, 'dist/firms/TW-0001/臺商精密機械（青島）有限公司-惠企政策指南.pdf'));
    await writeFile(path.join(dir, 'dist/firms/TW-0002/鴻達電子科技（煙臺）有限公司-惠企政策指南.pdf'), 'not a pdf');
    const third = await batch(dir);
    assert.equal(third.code, 0, third.stderr);
    assert.match(third.stderr, /3 to build, 1 up to date/);
    assert.deepEqual(await readdir(path.join(dir, 'dist/firms/TW-0003')), [
      '福味食品（山東）有限公司-惠企政策指南.pdf',
    ]);
    await assertManifestMatchesFiles(dir);

    const forced = await batch(dir, '--force');
    assert.match(forced.stderr, /4 to build, 0 up to date/);
  });

  it('builds only --only firms or one --shard, keeping the other firms’ manifest entries', async () => {
    const dir = await edition();
    const only = await batch(dir, '--only', 'tw-0002,TW-0004');
    assert.equal(only.code, 0, only.stderr);
    assert.deepEqual(
      (await manifest(dir)).firms.map((f) => [f.id, f.status]),
      [
        ['TW-0002', 'ok'],
        ['TW-0004', 'ok'],
      ],
    );
    const unknown = await batch(dir, '--only', 'TW-0009');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no firm with id "TW-0009".*did you mean/);

    // Shards split by a hash of the id: together they are every firm, each once.
    const shardOf = async (shard: string) => {
      const run = await batch(dir, '--shard', shard, '--force');
      assert.equal(run.code, 0, run.stderr);
      return Number(/(\d+) to build/.exec(run.stderr)![1]);
    };
    assert.equal((await shardOf('1/2')) + (await shardOf('2/2')), rows.length);
    assert.deepEqual(
      (await manifest(dir)).firms.map((f) => [f.id, f.status]),
      rows.map((row) => [row.slice(0, 7), 'ok']),
    );
    assert.equal((await batch(dir, '--shard', '3/2')).code, 2);
  });

  it('reports bad rows at their row and column, builds the others, and exits 1', async () => {
    const dir = await edition([
      rows[0]!,
      'TW-0005,錯行業公司,,,,製造,,,',
      'TW-0006,,,,,,,,',
      'TW-0007,𠀋字公司,,,,,,,',
      rows[1]!,
    ]);
    const run = await batch(dir);
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /firms\.csv:3:\d+ error E-FIRM-CODE-UNKNOWN row 3, column F \(行業\): unknown industry "製造" \(did you mean 製造業 \(manufacturing\)\?\)/,
    );
    assert.match(run.stderr, /firms\.csv:4:\d+ error E-FIRM-REQUIRED row 4, column B \(企業名稱\)/);
    assert.match(run.stderr, /firms\.csv:5:9 error E-GLYPH-MISSING row 5, column B \(企業名稱\): 企業名稱 has "𠀋"/);
    assert.match(run.stderr, /built 2, 0 up to date, 0 failed, 3 rows of firms\.csv left out/);
    assert.deepEqual(
      (await manifest(dir)).firms.map((f) => [f.id, f.status, f.reason?.split(' ')[0]]),
      [
        ['TW-0001', 'ok', undefined],
        ['TW-0005', 'failed', 'E-FIRM-CODE-UNKNOWN'],
        ['TW-0006', 'failed', 'E-FIRM-REQUIRED'],
        ['TW-0007', 'failed', 'E-GLYPH-MISSING'],
        ['TW-0002', 'ok', undefined],
      ],
    );
  });

  it('records rows whose id is the problem (duplicate, malformed, empty) by their row number', async () => {
    const dir = await edition([
      rows[0]!,
      'TW-0001,重複編號公司,,,,,,,',
      'con,保留名稱公司,,,,,,,',
      ',無編號公司,,,,,,,',
      rows[1]!,
    ]);
    const run = await batch(dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /firms\.csv:3:1 error E-FIRM-ID-DUPLICATE/);
    assert.match(run.stderr, /built 2, 0 up to date, 0 failed, 3 rows of firms\.csv left out/);
    const firms = (await manifest(dir)).firms;
    assert.deepEqual(
      firms.map((f) => [f.id, f.row, f.name, f.status, f.reason?.split(' ')[0]]),
      [
        ['TW-0001', undefined, '臺商精密機械（青島）有限公司', 'ok', undefined],
        ['', 3, '重複編號公司', 'failed', 'E-FIRM-ID-DUPLICATE'],
        ['', 4, '保留名稱公司', 'failed', 'E-FIRM-ID'],
        ['', 5, '無編號公司', 'failed', 'E-FIRM-REQUIRED'],
        ['TW-0002', undefined, '鴻達電子科技（煙臺）有限公司', 'ok', undefined],
      ],
    );
    const csv = (await readFile(path.join(dir, 'dist/firms/manifest.csv'), 'utf8')).slice(1).trimEnd().split('\r\n');
    assert.ok(csv[0]!.endsWith(',inputs_hash,row,html,html_bytes,html_sha256'));
    assert.match(csv[2]!, /^,重複編號公司,,,failed,"?E-FIRM-ID-DUPLICATE .*,3,,,$/);
    assert.match(csv[4]!, /^,無編號公司,,,failed,"?E-FIRM-REQUIRED .*,5,,,$/);
    // A second run reads that manifest back: the good firms are up to date, the bad rows still listed.
    const again = await batch(dir);
    assert.match(again.stderr, /built 0, 2 up to date, 0 failed, 3 rows of firms\.csv left out/);
    assert.equal((await manifest(dir)).firms.filter((f) => f.row !== undefined).length, 3);
  });

  it('reads a CSV list whose needs hold more semicolons than the file has commas', async () => {
    const dir = await edition();
    const needs = 'financing;labour;logistics;costs;market;supplies';
    const list = `編號,企業名稱,困難訴求\nTW-0001,臺商甲,${needs}\nTW-0002,臺商乙,${needs}\n`;
    await writeFile(path.join(dir, 'firms.csv'), list);
    const run = await runCli(['batch', '--firms', 'firms.csv', '--explain', 'TW-0002'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /困難訴求：融資困難、用工緊張、物流不暢、經營成本高、市場訂單減少、防疫物資短缺\n/);
  });

  it('refuses a YAML firm list value of the wrong shape, and records the firm as failed', async () => {
    const dir = await edition();
    const yaml = [
      'needs: &n [financing]',
      'firms:',
      '  - id: Y1',
      '    name: 臺商甲',
      '    needs: *n',
      '  - id: Y2',
      '    name: 臺商乙',
      '    industry: {code: food}',
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'firms.yaml'), yaml);
    const run = await runCli(['batch', '--firms', 'firms.yaml', '--format', 'pdf', '--jobs', '1'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /firms\.yaml:8:15 error E-FIRM-VALUE firm 2, industry: holds a group of keys \(code\), not a value/,
    );
    assert.deepEqual(
      (await manifest(dir)).firms.map((f) => [f.id, f.status, f.reason?.split(' ')[0]]),
      [
        ['Y1', 'ok', undefined],
        ['Y2', 'failed', 'E-FIRM-VALUE'],
      ],
    );
  });

  it('goes on when one firm’s guide fails, and records why', async () => {
    const dir = await edition();
    // The contact printed without {{#if}}: an error for the one firm that has none.
    const letter = path.join(dir, 'templates/letter.md.hbs');
    const text = await readFile(letter, 'utf8');
    await writeFile(
      letter,
      text.replace('{{#if firm.contact}}　{{firm.contact}}{{firm.honorific}}{{/if}}', '　{{firm.contact}}'),
    );
    const noContact = rows.map((row, i) => (i === 2 ? row.replace('陳建國', '') : row));
    await writeFile(path.join(dir, 'firms.csv'), `${header}\n${noContact.join('\n')}\n`);
    const run = await batch(dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /failed TW-0003 福味食品（濟南）有限公司: E-TEMPLATE templates\/letter\.md\.hbs/);
    assert.match(run.stderr, /templates\/letter\.md\.hbs:\d+:\d+ error E-TEMPLATE/);
    assert.match(run.stderr, /built 3, 0 up to date, 1 failed/);
    const failed = (await manifest(dir)).firms.find((f) => f.id === 'TW-0003')!;
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.files, []);
    assert.match(failed.reason!, /^E-TEMPLATE templates\/letter\.md\.hbs: this value is empty/);
  });

  it('removes the guide an earlier run wrote for a firm whose guide now fails', async () => {
    const dir = await edition();
    assert.equal((await batch(dir)).code, 0);
    const before = (await manifest(dir)).firms.find((f) => f.id === 'TW-0003')!;
    assert.ok(before.files.length > 0);
    const letter = path.join(dir, 'templates/letter.md.hbs');
    const text = await readFile(letter, 'utf8');
    await writeFile(
      letter,
      text.replace('{{#if firm.contact}}　{{firm.contact}}{{firm.honorific}}{{/if}}', '　{{firm.contact}}'),
    );
    const noContact = rows.map((row, i) => (i === 2 ? row.replace('陳建國', '') : row));
    await writeFile(path.join(dir, 'firms.csv'), `${header}\n${noContact.join('\n')}\n`);
    assert.equal((await batch(dir)).code, 1);
    const outDir = path.join(dir, 'dist/firms');
    for (const file of before.files) {
      await assert.rejects(readFile(path.join(outDir, file.path)), { code: 'ENOENT' }, file.path);
    }
    // The other firms' guides are still there.
    const other = (await manifest(dir)).firms.find((f) => f.id === 'TW-0001')!;
    assert.equal(other.status, 'ok');
    for (const file of other.files) assert.ok((await readFile(path.join(outDir, file.path))).length > 0);
  });

  it('records a firm whose earlier file cannot be removed as failed, and exits 3 (not 70)', async () => {
    const dir = await edition(rows.slice(0, 2));
    assert.equal((await batch(dir)).code, 0);
    // Renamed files leave the earlier ones stale; one of them is now a folder that holds a file.
    const earlier = path.join(dir, 'dist/firms/TW-0002/鴻達電子科技（煙臺）有限公司-惠企政策指南.pdf');
    await rm(earlier);
    await mkdir(earlier);
    await writeFile(path.join(earlier, 'kept.txt'), 'not guide’s');
    const run = await batch(dir, '--name-pattern', '{編號}_指南');
    assert.equal(run.code, 3, run.stderr);
    assert.match(
      run.stderr,
      /failed TW-0002 鴻達電子科技（煙臺）有限公司: E-FIRM-BUILD could not remove TW-0002\/鴻達電子科技（煙臺）有限公司-惠企政策指南\.pdf, which an earlier run wrote \(/,
    );
    assert.match(run.stderr, /built 1, 0 up to date, 1 failed/);
    assert.equal((await manifest(dir)).firms.find((f) => f.id === 'TW-0002')!.status, 'failed');
  });

  it('records a firm whose file cannot be written, leaves no temporary file, and exits 3', async () => {
    const dir = await edition();
    const firmDir = path.join(dir, 'dist/firms/TW-0002');
    // A folder where the firm's PDF goes: its rename fails.
    await mkdir(path.join(firmDir, '鴻達電子科技（煙臺）有限公司-惠企政策指南.pdf'), { recursive: true });
    const run = await batch(dir);
    assert.equal(run.code, 3, run.stderr);
    assert.match(
      run.stderr,
      /failed TW-0002 鴻達電子科技（煙臺）有限公司: E-FIRM-BUILD could not write TW-0002\/鴻達電子科技（煙臺）有限公司-惠企政策指南\.pdf \(EISDIR\)/,
    );
    assert.match(run.stderr, /built 3, 0 up to date, 1 failed/);
    assert.deepEqual(await readdir(firmDir), ['鴻達電子科技（煙臺）有限公司-惠企政策指南.pdf']);
    const failed = (await manifest(dir)).firms.find((f) => f.id === 'TW-0002')!;
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.files, []);
    await assertManifestMatchesFiles(dir);
  });

  it('refuses an output folder another running batch holds, and takes over one a killed run left', async () => {
    const dir = await edition();
    const outDir = path.join(dir, 'dist/firms');
    await mkdir(outDir, { recursive: true });
    const lock = path.join(outDir, '.guide-batch.lock');
    // A running process holds it.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      await writeFile(lock, `${holder.pid}\n`);
      const refused = await batch(dir);
      assert.equal(refused.code, 3);
      assert.match(refused.stderr, new RegExp(`another guide batch \\(process ${holder.pid}\\) is writing to`));
      assert.match(refused.stderr, /--out/);
      assert.match(refused.stderr, /If no guide batch is running, .* delete .*\.guide-batch\.lock and run again/);
    } finally {
      holder.kill();
    }
    // A process that has ended: its lock is stale.
    await writeFile(lock, `${deadPid()}\n`);
    const run = await batch(dir);
    assert.equal(run.code, 0, run.stderr);
    await assert.rejects(readFile(lock), { code: 'ENOENT' }, 'the lock is given back');
    // Killed, but not yet collected by a parent that does not wait for it: a zombie is no holder.
    const parent = spawn('sh', ['-c', 'sleep 30 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const printed = await new Promise<string>((done) => parent.stdout.once('data', (chunk) => done(String(chunk))));
      const zombie = Number.parseInt(printed, 10);
      process.kill(zombie, 'SIGKILL');
      await new Promise((done) => setTimeout(done, 200));
      await writeFile(lock, `${zombie}\n`);
      const again = await batch(dir);
      assert.equal(again.code, 0, again.stderr);
    } finally {
      parent.kill();
    }
  });

  it('a lock naming a live process that is not guide says so and how to clear it; a reused pid is taken over', async () => {
    const dir = await edition();
    const outDir = path.join(dir, 'dist/firms');
    await mkdir(outDir, { recursive: true });
    const lock = path.join(outDir, '.guide-batch.lock');
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      // As an older guide (or a hand) wrote it: a pid only, and that pid is `sleep`.
      await writeFile(lock, `${other.pid}\n`);
      const refused = await batch(dir);
      assert.equal(refused.code, 3);
      assert.match(
        refused.stderr,
        new RegExp(`says process ${other.pid} is writing to .*, but process ${other.pid} is sleep 60, not guide`),
      );
      assert.match(refused.stderr, /Delete .*\.guide-batch\.lock and run again/);
      const hans = await batch(dir, '--lang', 'zh-Hans');
      assert.match(hans.stderr, /不是 guide：这个锁是已结束的运行留下的。请删除 .*\.guide-batch\.lock 后再运行/);
      // A lock with a start time that is not the running process's: its pid was reused; no one holds it.
      await writeFile(lock, `${other.pid}\n1\n`);
      const taken = await batch(dir);
      assert.equal(taken.code, 0, taken.stderr);
      await assert.rejects(readFile(lock), { code: 'ENOENT' }, 'the lock is given back');
    } finally {
      other.kill();
    }
  });

  it('reads an .xlsx list, from the sheet --sheet names', async () => {
    const dir = await edition();
    const workbook = makeXlsx([
      { name: '說明', rows: [['名單在第二張表']] },
      { name: '名單', rows: [header.split(','), ...rows.map((row) => row.split(','))] },
    ]);
    await writeFile(path.join(dir, 'firms.xlsx'), workbook);
    const run = await runCli(['batch', '--firms', 'firms.xlsx', '--sheet', '名單', '--explain', 'TW-0002'], {
      cwd: dir,
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^TW-0002 鴻達電子科技（煙臺）有限公司 \(row 3 of firms\.xlsx\)/);
    const wrongSheet = await runCli(['batch', '--firms', 'firms.xlsx', '--sheet', '名册'], { cwd: dir });
    assert.equal(wrongSheet.code, 1);
    assert.match(
      wrongSheet.stderr,
      /firms\.xlsx error E-FIRMS-FILE the workbook has no sheet named "名册"\n {2}hint: its sheets are: 說明, 名單/,
    );
    const notWorkbook = await runCli(['batch', '--firms', 'firms.csv', '--sheet', '名單'], { cwd: dir });
    assert.equal(notWorkbook.code, 2);
  });

  it('--explain says which measures the firm gets and why, and builds nothing', async () => {
    const dir = await edition();
    const run = await runCli(['batch', '--firms', 'firms.csv', '--explain', 'tw-0004'], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const text = run.stdout;
    assert.match(text, /^TW-0004 海峽旅遊文化（威海）有限公司 \(row 5 of firms\.csv\)\n/);
    assert.match(text, /行業：文化旅遊；規模：微型；所在城市：威海市；非出口企業；困難訴求：經營成本高/);
    assert.match(
      text,
      /\d+ of the 37 measures in effect on 2020-03-05 are chosen; \d+ answer the difficulties it reported/,
    );
    assert.match(text, /Chapter 1, 針對貴公司反映的困難 \(\d+\):\n {2}1\.1 /);
    assert.match(
      text,
      /costs-rent-waiver +承租國有房屋的服務業小微企業減免租金\n.*industries \(fits\): for 餐飲住宿、批發零售、文化旅遊; the firm is 文化旅遊/,
    );
    assert.match(text, /Left out: the measure is for other firms \(\d+\):/);
    assert.match(
      text,
      /si-large-firm-halving +大型企業三項社會保險單位繳費減半徵收\n +sizes \(does not fit\): for 大型; the firm is 微型/,
    );
    assert.match(
      text,
      /Left out: not in effect on 2020-03-05 \(3\):\n.*tax-export-rebate-raise.*\n +starts 2020-03-20/,
    );
    await assert.rejects(stat(path.join(dir, 'dist')));

    const json = await runCli(['batch', '--firms', 'firms.csv', '--explain', 'TW-0004', '--json'], { cwd: dir });
    const parsed = JSON.parse(json.stdout) as { chosen: { id: string; answers: string[] }[]; leftOut: unknown[] };
    assert.equal(parsed.chosen.length + parsed.leftOut.length, 40);
    assert.deepEqual(parsed.chosen.find((m) => m.id === 'costs-rent-waiver')!.answers, ['costs']);

    const missing = await runCli(['batch', '--firms', 'firms.csv', '--explain', 'TW-004'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no firm with id "TW-004" in firms\.csv \(did you mean "TW-0004"\?\)/);
  });
});

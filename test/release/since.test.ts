/** `guide build --since <old>`: the 本版更新說明 section, read back from the PDF and the DOCX. */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Manifest } from '../../src/release/manifest.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { docxText, firstOutOfOrder, pdfPageTexts, squeeze } from '../helpers/readers.js';
import { copyEdition, editFile, makeNextEdition, tempDir } from './helpers.js';

describe('guide build --since', () => {
  let parent: string;
  let out: string;
  let run: CliRun;
  let manifest: Manifest;

  before(async () => {
    parent = await tempDir('guide-since-');
    await copyEdition(path.join(parent, 'old'));
    await copyEdition(path.join(parent, 'new'));
    await makeNextEdition(path.join(parent, 'new'));
    out = path.join(parent, 'out');
    run = await runCli(['build', '--since', '../old', '--out', out, '--strict'], { cwd: path.join(parent, 'new') });
    manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  });

  it('builds, and says what changed', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /changes since \.\.\/old: 新增措施1項、停止執行1項、內容調整1項/);
  });

  it('puts 本版更新說明 after the table of contents and before the first chapter, in the PDF', async () => {
    const pdf = manifest.outputs.find((o) => o.format === 'pdf')!;
    const pages = await pdfPageTexts(new Uint8Array(await readFile(path.join(out, pdf.path))));
    // PDF.js reads a page's running header (the edition's title) first, then its body and footer.
    const header = squeeze(manifest.edition.title);
    const body = (page: string) => {
      const text = squeeze(page);
      return text.startsWith(header) ? text.slice(header.length) : text;
    };
    const start = pages.findIndex((page) => body(page).startsWith('本版更新說明'));
    assert.ok(start > 0, 'a page starts with the section heading');
    assert.ok(squeeze(pages.slice(0, start).join('')).includes('目錄'), 'the table of contents comes first');
    assert.ok(!squeeze(pages.slice(0, start + 1).join('')).includes('第一章減稅降費1.1'), 'chapters come after');
    const section = pages[start]!;
    const wrong = firstOutOfOrder(section, [
      '本版更新說明',
      '與2020年3月版（2020年3月5日）相比，本版新增措施1項、停止執行1項、內容調整1項，詳列如下。',
      '新增措施',
      '4.1　政府性融資擔保降費（2020年3月1日至2020年12月31日）',
      '停止執行',
      '非居民用氣提前執行淡季價格（本版不再收錄）',
      '內容調整',
      '1.6　小規模納稅人增值稅減按1%徵收',
      '有效期延長至2020年12月31日',
      '政策依據新增：《關於延長小規模納稅人減免增值稅政策執行期限的公告》（財政部 稅務總局公告2020年第24號）',
    ]);
    assert.equal(wrong, -1, `line ${wrong} of the section is missing or out of order:\n${section}`);
    // The TOC lists the section.
    assert.match(squeeze(pages.slice(0, start).join('')), /本版更新說明\d+/);
  });

  it('reads the same with poppler', () => {
    const pdf = manifest.outputs.find((o) => o.format === 'pdf')!;
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '6', path.join(out, pdf.path), '-'], {
      encoding: 'utf8',
    });
    assert.ok(squeeze(text).includes('有效期延長至2020年12月31日'));
    assert.ok(squeeze(text).includes('停止執行'));
  });

  it('has the section in the DOCX too', async () => {
    const docx = manifest.outputs.find((o) => o.format === 'docx')!;
    const text = docxText(new Uint8Array(await readFile(path.join(out, docx.path))));
    assert.equal(firstOutOfOrder(text, ['目錄', '本版更新說明', '有效期延長至2020年12月31日', '第一章']), -1);
  });

  it('records the comparison in the manifest', () => {
    assert.equal(manifest.changes?.old.edition, '2020年3月版');
    assert.deepEqual(
      manifest.changes?.added.map((m) => m.id),
      ['finance-guarantee-fee-cut'],
    );
    assert.equal(manifest.changes?.changed[0]?.changes[0]?.text, '有效期延長至2020年12月31日');
  });

  it('says so when nothing changed', async () => {
    const same = await runCli(['build', '--since', '.', '--out', path.join(parent, 'same'), '--format', 'pdf'], {
      cwd: path.join(parent, 'old'),
    });
    assert.equal(same.code, 0, same.stderr);
    const built = JSON.parse(await readFile(path.join(parent, 'same', 'manifest.json'), 'utf8')) as Manifest;
    const pages = await pdfPageTexts(new Uint8Array(await readFile(path.join(parent, 'same', built.outputs[0]!.path))));
    assert.ok(
      pages.some((page) => squeeze(page).includes('與2020年3月版（2020年3月5日）相比，本版收錄的措施沒有變動。')),
    );
  });

  it('warns when the templates never show the section (an edition with older templates)', async () => {
    const dir = path.join(parent, 'older-templates');
    await copyEdition(dir);
    await editFile(path.join(dir, 'templates/guide.md.hbs'), (text) =>
      text.replace(/\{\{#if changes\}\}[\s\S]*?\{\{\/if\}\}\n/, ''),
    );
    const warned = await runCli(
      ['build', '--since', '../old', '--out', path.join(parent, 'older-out'), '--format', 'pdf'],
      {
        cwd: dir,
      },
    );
    assert.equal(warned.code, 0, warned.stderr);
    assert.match(
      warned.stderr,
      /warning W-CHANGES-NOT-SHOWN --since was given, but the templates never include \{\{> changes\}\}/,
    );
    const strict = await runCli(['build', '--since', '../old', '--out', path.join(parent, 'older-out'), '--strict'], {
      cwd: dir,
    });
    assert.equal(strict.code, 1);
  });

  it('fails on an unreadable old side without writing anything', async () => {
    const missing = await runCli(['build', '--since', 'no-such-tag', '--out', path.join(parent, 'none')], {
      cwd: path.join(parent, 'new'),
    });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /"no-such-tag" is not a manifest\.json/);
  });
});

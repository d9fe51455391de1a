/**
 * DOCX writer, end to end: LibreOffice opens the kitchen sink's DOCX and prints it to PDF, and
 * the PDF's text has every heading, the cover without a footer and the body numbered from 1.
 * One conversion per run (it takes several seconds). Fails, rather than skips, without
 * LibreOffice or poppler's pdftotext: a DOCX nobody has opened is not tested.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { theme } from '../helpers/theme.js';

function headingTexts(model: DocModel): string[] {
  const out: string[] = [];
  const visit = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'heading') out.push(block.children.map((c) => (c.type === 'text' ? c.value : '')).join(''));
      if (block.type === 'list') for (const item of block.items) visit(item.children);
      if (block.type === 'table')
        for (const row of [...block.header, ...block.rows]) for (const cell of row.cells) visit(cell.children);
    }
  };
  for (const section of model.sections) visit(section.blocks);
  return out;
}

/** Text without whitespace: pdftotext spaces CJK text out where LibreOffice adds room between Han and Latin. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

function run(command: string, args: string[], timeout: number): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout });
  assert.equal(
    result.error,
    undefined,
    `could not run ${command} (install libreoffice-writer and poppler-utils): ${result.error?.message}`,
  );
  assert.equal(result.status, 0, `${command} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

describe('DOCX writer: LibreOffice end to end', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-docx-lo-'));
  const docx = path.join(dir, 'kitchen-sink.docx');
  const pdf = path.join(dir, 'kitchen-sink.pdf');
  let pdfText = '';

  before(async () => {
    const { bytes } = await writeDocx(kitchenSink, { theme, creationDate: new Date('2020-03-05T00:00:00Z') });
    writeFileSync(docx, bytes);
    // A fresh profile: a user's LibreOffice (or a second test run) holding the default profile would make soffice exit at once.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      170_000,
    );
    assert.ok(existsSync(pdf), `soffice wrote no ${pdf}`);
    pdfText = run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], 30_000);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every heading', () => {
    const text = squeeze(pdfText);
    for (const heading of headingTexts(kitchenSink))
      assert.ok(text.includes(squeeze(heading)), `"${heading}" is not in the PDF`);
  });

  it('prints the cover without a footer, and numbers the body from 1', () => {
    const pageText = (page: number) =>
      squeeze(run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], 30_000));
    const cover = pageText(1);
    assert.ok(cover.includes(squeeze(kitchenSink.meta.title)));
    assert.ok(!cover.includes('頁，共'), 'the cover has a footer');
    assert.ok(!cover.includes(squeeze(kitchenSink.meta.header)), 'the cover has a header');
    const first = pageText(2);
    assert.ok(first.includes('第1頁'), `page 2 is not body page 1: ${first.slice(-40)}`);
    assert.ok(first.includes(squeeze(kitchenSink.meta.header)));
  });
});

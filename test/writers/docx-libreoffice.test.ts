/**
 * DOCX writer, end to end: LibreOffice opens the kitchen sink's DOCX, the sample edition's DOCX
 * and a firm's DOCX (guide batch) and prints them to PDF. The kitchen sink's PDF has every
 * heading, the cover without a footer and the body numbered from 1; the sample is set in the
 * embedded Noto Sans TC alone (no Japanese face) with every punctuation mark of its text; the
 * firm's letter is set as the PDF sets it. One conversion of the three per run (it takes several
 * seconds). Fails, rather than skips, without LibreOffice or poppler: a DOCX nobody has opened is
 * not tested.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { theme } from '../helpers/theme.js';
import { runCli } from '../helpers/cli.js';
import { copySampleEdition } from '../helpers/edition.js';
import { docxText } from '../helpers/readers.js';
import { repoRoot } from '../helpers/paths.js';

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
  const sampleDocx = path.join(dir, 'sample.docx');
  const letterDocx = path.join(dir, 'letter.docx');
  let pdfText = '';
  const edition = copySampleEdition('docx-lo');

  before(async () => {
    const { bytes } = await writeDocx(kitchenSink, { theme, creationDate: new Date('2020-03-05T00:00:00Z') });
    writeFileSync(docx, bytes);
    const built = await runCli(['build', '--format', 'docx', '--out', 'out'], { cwd: edition });
    assert.equal(built.code, 0, built.stderr);
    const [sample] = readdirSync(path.join(edition, 'out')).filter((name) => name.endsWith('.docx'));
    writeFileSync(sampleDocx, readFileSync(path.join(edition, 'out', sample!)));
    const firms = path.join(repoRoot, 'test/fixtures/firms/firms.csv');
    const batch = await runCli(['batch', '--firms', firms, '--format', 'docx', '--only', 'TW-0001', '--out', 'firms'], {
      cwd: edition,
    });
    assert.equal(batch.code, 0, batch.stderr);
    const [letter] = readdirSync(path.join(edition, 'firms/TW-0001'));
    writeFileSync(letterDocx, readFileSync(path.join(edition, 'firms/TW-0001', letter!)));
    // A fresh profile: a user's LibreOffice (or a second test run) holding the default profile would make soffice exit at once.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        docx,
        sampleDocx,
        letterDocx,
      ],
      170_000,
    );
    for (const file of [pdf, path.join(dir, 'sample.pdf'), path.join(dir, 'letter.pdf')])
      assert.ok(existsSync(file), `soffice wrote no ${file}`);
    pdfText = run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], 30_000);
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(edition, { recursive: true, force: true });
  });

  it('sets the sample in the embedded Noto Sans TC, not a Japanese or Latin fallback face', () => {
    const fonts = run('pdffonts', [path.join(dir, 'sample.pdf')], 30_000)
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    assert.ok(fonts.length > 0, 'pdffonts lists no font');
    assert.deepEqual([...new Set(fonts)].sort(), ['NotoSansTC-Bold', 'NotoSansTC-Regular']);
  });

  it('prints every punctuation mark of the sample text (none hung into the margin and lost)', () => {
    const source = docxText(readFileSync(sampleDocx));
    // The text area only: the running header and footer repeat on every page.
    const printed = run(
      'pdftotext',
      ['-enc', 'UTF-8', '-x', '0', '-y', '52', '-W', '595', '-H', '735', path.join(dir, 'sample.pdf'), '-'],
      30_000,
    );
    const count = (text: string, mark: string) => text.split(mark).length - 1;
    for (const mark of '。，、；：「」（）') {
      assert.ok(count(source, mark) > 0, `the sample has no ${mark}`);
      assert.equal(
        count(printed, mark),
        count(source, mark),
        `${mark}: printed ${count(printed, mark)} of ${count(source, mark)}`,
      );
    }
  });

  it('sets the letter as the PDF does: honorific, 此致 indented, 敬禮 at the margin, signature flush right', () => {
    const letterPdf = path.join(dir, 'letter.pdf');
    const text = squeeze(run('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', letterPdf, '-'], 30_000));
    assert.match(text, /王小明君台鑒：/);
    const html = run('pdftotext', ['-bbox', '-f', '1', '-l', '1', letterPdf, '-'], 30_000);
    const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map(
      (m) => ({ x: Number(m[1]), y: Number(m[2]), right: Number(m[3]), text: m[4]! }),
    );
    const word = (pattern: RegExp) => {
      const found = words.find((w) => pattern.test(w.text));
      assert.ok(found, `no word ${pattern}: ${words.map((w) => w.text).join(' ')}`);
      return found;
    };
    const margin = theme.page.margins.left;
    const em = theme.paragraph.letter.size;
    assert.ok(
      Math.abs(word(/^為協助/).x - (margin + 2 * em)) < 1.5,
      'the first paragraph is not indented by two characters',
    );
    assert.ok(Math.abs(word(/^此致$/).x - (margin + 2 * em)) < 1.5, '此致 is not indented by two characters');
    assert.ok(Math.abs(word(/^敬禮$/).x - margin) < 1.5, '敬禮 is not at the left margin');
    const rightMargin = 595.28 - theme.page.margins.right;
    assert.ok(Math.abs(word(/^山東省委臺港澳辦$/).right - rightMargin) < 1.5, 'the sender is not flush right');
  });

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

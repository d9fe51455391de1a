/**
 * `guide build` end to end on the bundled sample edition, read back with real readers: PDF.js
 * for the PDF, the DOCX package's text, and LibreOffice opening the DOCX.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Prepared } from '../../src/pipeline/prepare.js';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { writePdf } from '../../src/writers/pdf/index.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { sampleGuide } from '../helpers/sample.js';
import { docxText, firstOutOfOrder, modelTexts, pdfPageTexts, squeeze } from '../helpers/readers.js';

const creationDate = new Date(Date.UTC(2020, 2, 5));

interface Built {
  run: CliRun;
  out: string;
  pdf: Uint8Array;
  docx: Uint8Array;
  model: DocModel;
  prepared: Prepared;
}

let built: Built;

before(async () => {
  const out = mkdtempSync(path.join(tmpdir(), 'guide-build-'));
  const run = await runCli(['build', '--config', path.join(repoRoot, 'guide.yaml'), '--out', out], { cwd: tmpdir() });
  const files = readdirSync(out);
  const file = (ext: string) =>
    readFileSync(
      path.join(
        out,
        files.find((f) => f.endsWith(ext))!,
      ),
    );
  // The same pipeline in-process, for the model the files must hold.
  const { model, prepared } = await sampleGuide();
  built = { run, out, pdf: file('.pdf'), docx: file('.docx'), model, prepared };
});

/** Body page text without the running header and footer the PDF adds to each page. */
function bodyText(pages: string[], header: string): string {
  return pages
    .map((page) =>
      page.replace(new RegExp(`${header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}第 \\d+ 頁，共 \\d+ 頁$`), ''),
    )
    .join('');
}

type Heading = Extract<Block, { type: 'heading' }>;

function headings(model: DocModel, keep: (h: Heading) => boolean): Heading[] {
  return model.sections.flatMap((s) => s.blocks).filter((b): b is Heading => b.type === 'heading' && keep(b));
}

const measureHeadings = (model: DocModel) => headings(model, (h) => h.level === 2);

function titleOf(model: DocModel, heading: Heading): string {
  return squeeze(modelTexts({ ...model, sections: [{ kind: 'body', blocks: [heading] }] }).join(''));
}

describe('guide build on the sample edition', () => {
  it('writes the PDF and DOCX and says what it wrote', () => {
    assert.equal(built.run.code, 0, built.run.stderr);
    assert.match(built.run.stderr, /wrote .+\.pdf \(\d+ KB, \d+ pages\)/);
    assert.match(built.run.stderr, /wrote .+\.docx \(\d+ KB\)/);
    assert.match(built.run.stderr, /37 measures in effect on 2020-03-05/);
    assert.match(built.run.stderr, /left out: tax-export-rebate-raise \(starts 2020-03-20\)/);
    // Atomic writes leave no temporary files behind.
    assert.deepEqual(
      readdirSync(built.out).filter((f) => f.startsWith('.')),
      [],
    );
  });

  it('writes the same DOCX without the PDF: its page numbers come from the layout alone', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'guide-build-docx-'));
    const run = await runCli(
      ['build', '--config', path.join(repoRoot, 'guide.yaml'), '--out', out, '--format', 'docx'],
      {
        cwd: tmpdir(),
      },
    );
    assert.equal(run.code, 0, run.stderr);
    const files = readdirSync(out);
    assert.ok(!files.some((f) => f.endsWith('.pdf')), files.join(', '));
    const docx = readFileSync(
      path.join(
        out,
        files.find((f) => f.endsWith('.docx'))!,
      ),
    );
    assert.equal(Buffer.compare(docx, built.docx), 0);
  });

  it('the PDF holds every text of the document model, in order', async () => {
    const pages = await pdfPageTexts(built.pdf);
    const text = bodyText(pages, built.model.meta.header);
    const texts = modelTexts(built.model);
    const missing = firstOutOfOrder(text, texts);
    assert.equal(missing, -1, `not found in order: ${JSON.stringify(texts[missing])}`);
    for (const excluded of ['提高部分產品出口退稅率']) assert.ok(!squeeze(text).includes(excluded));
    // Bold that Markdown could not close (e.g. `**1%**` before a CJK letter) would print its asterisks.
    assert.deepEqual(
      texts.filter((t) => t.includes('**')),
      [],
    );
  });

  it('puts each measure on the page the table of contents says', async () => {
    const pages = await pdfPageTexts(built.pdf);
    const pdf = await writePdf(built.model, { theme: built.prepared.theme, fonts: built.prepared.fonts, creationDate });
    const coverPages = pdf.pageCount - pdf.bodyPageCount;
    assert.equal(measureHeadings(built.model).length, 37);
    const listed = headings(built.model, (h) => h.toc);
    assert.ok(listed.length > 37 + 7, 'chapters, measures and appendices are in the TOC');
    const tocEntries: string[] = [];
    for (const heading of listed) {
      const printed = pdf.headingPages.get(heading.id)!;
      const title = titleOf(built.model, heading);
      assert.ok(squeeze(pages[coverPages + printed - 1]!).includes(title), `${title} is not on page ${printed}`);
      tocEntries.push(`${title}${printed}`);
    }
    // Each TOC line reads "<title> …… <page>" (the leader dots are drawn, not text).
    const toc = pages.slice(coverPages, coverPages + 4).join('');
    const wrong = firstOutOfOrder(toc, tocEntries);
    assert.equal(wrong, -1, `TOC entry ${tocEntries[wrong]} is missing or out of order`);
  });

  it('the DOCX says what the PDF says: every measure title and card field, in the same order', async () => {
    const pdfText = bodyText(await pdfPageTexts(built.pdf), built.model.meta.header);
    const wordText = docxText(built.docx);
    const texts = modelTexts(built.model);
    assert.equal(firstOutOfOrder(wordText, texts), -1, 'DOCX misses model text');
    const landmarks = measureHeadings(built.model).flatMap((h) => [
      titleOf(built.model, h),
      '實施機關',
      '政策依據',
      '收費標準',
      '諮詢電話',
      '有效期',
    ]);
    assert.equal(firstOutOfOrder(pdfText, landmarks), -1);
    assert.equal(firstOutOfOrder(wordText, landmarks), -1);
  });

  it('LibreOffice opens the DOCX and converts it with every measure title', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-lo-'));
    const docx = path.join(dir, 'guide.docx');
    execFileSync('cp', [
      path.join(
        built.out,
        readdirSync(built.out).find((f) => f.endsWith('.docx'))!,
      ),
      docx,
    ]);
    // A fresh profile, so a running LibreOffice or an earlier test cannot make soffice exit at once.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'guide.pdf'), '-'], { encoding: 'utf8' });
    for (const heading of measureHeadings(built.model)) {
      const title = titleOf(built.model, heading);
      assert.ok(squeeze(text).includes(title), `LibreOffice's PDF lacks ${title}`);
    }
  });
});

/**
 * PDF typesetting as a proofreader checks it, on the sample edition and on a copy full of long
 * dates and document numbers, read back from the real PDF with PDF.js (test/helpers/typesetting.ts):
 * no number torn from its unit, no runts, no card row continued under an empty label cell; a
 * row that runs on repeats its label marked 「（續）」 and its card's title; the measure is a
 * whole number of ems; TOC titles line up whatever the number's width, and a chapter's entries
 * stay on its page.
 */

import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { isWide } from '../../src/writers/pdf/chars.js';
import { writePdf, type PdfResult } from '../../src/writers/pdf/index.js';
import { pageGeometry } from '../../src/writers/pdf/page.js';
import type { Theme } from '../../src/writers/theme.js';
import { copyLongNumbersEdition } from '../helpers/edition.js';
import { sampleGuide } from '../helpers/sample.js';
import { isNumberSplit, pdfLines, typesettingFaults, type PdfLine, type PdfPage } from '../helpers/typesetting.js';

const creationDate = new Date(Date.UTC(2020, 2, 5));

interface Built {
  result: PdfResult;
  pages: PdfPage[];
  theme: Theme;
  continued: string;
  bodySize: number;
}

async function build(root?: string): Promise<Built> {
  const { model, prepared } = await sampleGuide(root);
  const result = await writePdf(model, { theme: prepared.theme, fonts: prepared.fonts, creationDate });
  return {
    result,
    pages: await pdfLines(result.bytes),
    theme: prepared.theme,
    continued: prepared.theme.table.continued,
    bodySize: prepared.theme.paragraph.body.size,
  };
}

/** TOC lines of the PDF, in order: numbers (「1.1」, 「第一章」) and the titles beside them. */
function tocRows(pages: PdfPage[]): { page: number; number: PdfLine; title: PdfLine }[] {
  const rows: { page: number; number: PdfLine; title: PdfLine }[] = [];
  // TOC pages: a column of page numbers, right-aligned at the text area's edge.
  const right = Math.max(...pages.flatMap((page) => page.lines.map((line) => line.right)));
  const isToc = (page: PdfPage) =>
    page.lines.filter((line) => /^\d+$/.test(line.text) && Math.abs(line.right - right) < 0.5).length >= 5;
  for (const page of pages.filter(isToc)) {
    page.lines.forEach((line, i) => {
      const title = page.lines[i + 1];
      if (!/^(\d+\.\d+|第.+章|附錄.)$/.test(line.text) || !title) return;
      if (Math.abs(title.baseline - line.baseline) < 0.5) rows.push({ page: page.number, number: line, title });
    });
  }
  return rows;
}

describe('what the proofreading counts as a number torn from its unit', () => {
  it('finds numerals split from units, inside 〔2020〕6號 and inside 1.7, not between date parts', () => {
    for (const [before, after] of [
      ['不超過5', '個月'],
      ['2019年11月4', '日）'],
      ['〔2020', '〕6號'],
      ['〔2020〕', '6號'],
      ['措施1.', '7'],
      ['24', '小時'],
    ])
      assert.ok(isNumberSplit(before!, after!), `${before}｜${after}`);
    for (const [before, after] of [
      ['2019年', '11月'],
      ['第5條', '規定'],
      ['電話12366', '諮詢'],
    ])
      assert.ok(!isNumberSplit(before!, after!), `${before}｜${after}`);
  });
});

for (const [name, root] of [
  ['the sample edition', undefined],
  ['an edition with long dates and document numbers', 'long'],
] as const) {
  describe(`PDF typesetting of ${name}`, () => {
    let built: Built;
    let dir: string | undefined;
    before(async () => {
      dir = root === undefined ? undefined : copyLongNumbersEdition('typesetting');
      built = await build(dir);
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('tears no number from its unit, leaves no runt and continues no row under an empty label', () => {
      const faults = typesettingFaults(built.pages);
      assert.ok(faults.paragraphs > 200, `multi-line paragraphs found (${faults.paragraphs})`);
      assert.deepEqual(faults.numberSplits, []);
      assert.deepEqual(faults.runts, []);
      assert.deepEqual(faults.midRowSplits, []);
    });

    it('repeats a split row’s label marked continued, and captions a continued card with its title', () => {
      const { pages, continued } = built;
      const marked = pages.flatMap((page) => page.lines.filter((line) => line.text.endsWith(continued)));
      const captions = marked.filter((line) => Math.abs(line.size - built.theme.paragraph.note.size) < 0.01);
      const labels = marked.filter((line) => Math.abs(line.size - built.theme.table.fontSize) < 0.01);
      assert.equal(captions.length + labels.length, marked.length, 'every mark is a caption or a label');
      assert.ok(captions.length >= 10, `cards continued with a caption (${captions.length})`);
      assert.ok(labels.length >= 1, 'a row split across pages repeats its label');
      const headings = new Set(pages.flatMap((page) => page.lines.filter((l) => l.size > 12).map((l) => l.text)));
      for (const caption of captions) {
        const page = pages[caption.page - 1]!;
        const body = page.lines.filter((line) => line.baseline > 66 && line.baseline < page.height - 66);
        // PDF.js reads the number before the ideographic space as a line of its own.
        assert.equal(body[0]!.baseline, caption.baseline, `the caption opens page ${caption.page}`);
        assert.ok(headings.has(caption.text.slice(0, -continued.length)), `"${caption.text}" names a heading`);
      }
      for (const label of labels) {
        const before = pages[label.page - 2]!;
        const text = label.text.slice(0, -continued.length);
        assert.ok(
          before.lines.some((line) => line.text === text && Math.abs(line.x - label.x) < 0.5),
          `"${label.text}" on page ${label.page} repeats a label of page ${label.page - 1}`,
        );
      }
    });

    it('keeps at least two lines of a split cell on either side of the page break', () => {
      const { pages } = built.result.layout;
      const cells = new Map<string, number[]>();
      for (const page of pages) {
        for (const box of page.boxes) {
          if (box.kind !== 'cell' || box.header || box.col === 0) continue;
          const lines = page.lines.filter(
            (line) =>
              line.x >= box.x &&
              line.x < box.x + box.width &&
              line.y >= box.y - 0.01 &&
              line.y + line.height <= box.y + box.height + 0.01,
          );
          const key = `${box.table}/${box.row}/${box.col}`;
          if (lines.length > 0) cells.set(key, [...(cells.get(key) ?? []), lines.length]);
        }
      }
      const split = [...cells].filter(([, counts]) => counts.length > 1);
      assert.ok(split.length > 0, 'some cells run across pages');
      for (const [key, counts] of split) assert.ok(Math.min(...counts) >= 2, `cell ${key} split ${counts.join('|')}`);
    });

    it('sets full lines solid on a measure of whole ems', () => {
      const width = pageGeometry(built.theme).textWidth;
      assert.equal(width / built.bodySize, Math.round(width / built.bodySize), `measure ${width} pt`);
      let solid = 0;
      for (const page of built.result.layout.pages) {
        for (const line of page.lines) {
          if (line.role !== 'text' || line.size !== built.bodySize || Math.abs(line.width - width) > 0.01) continue;
          if (![...line.text].every((char) => isWide(char.codePointAt(0)!))) continue;
          solid++;
          // A full line of CJK characters fills a whole-em measure without stretching.
          const body = built.pages[page.index - 1]!.lines.find((l) => Math.abs(l.baseline - line.baseline) < 0.5);
          assert.ok(body && Math.abs(body.right - body.x - width) < 0.1, `"${line.text}" is ${width} pt in the PDF`);
        }
      }
      assert.ok(solid > 20, `full CJK body lines (${solid})`);
    });

    it('lines up TOC titles after numbers of any width and keeps a chapter’s entries on its page', () => {
      const rows = tocRows(built.pages);
      assert.ok(rows.length > 37, `TOC rows read (${rows.length})`);
      const measures = rows.filter((row) => /^\d+\.\d+$/.test(row.number.text));
      assert.ok(
        measures.some((row) => /\.\d\d$/.test(row.number.text)),
        'two-digit measure numbers',
      );
      const titleX = new Set(measures.map((row) => row.title.x.toFixed(1)));
      assert.equal(titleX.size, 1, `measure titles start at ${[...titleX].join(', ')}`);
      const chapters = rows.filter((row) => row.number.text.startsWith('第'));
      assert.equal(new Set(chapters.map((row) => row.title.x.toFixed(1))).size, 1, 'chapter titles line up');
      let chapterPage = 0;
      for (const row of rows) {
        if (row.number.text.startsWith('第')) chapterPage = row.page;
        else if (/^\d/.test(row.number.text))
          assert.equal(row.page, chapterPage, `${row.number.text} is on its chapter's page`);
      }
    });
  });
}

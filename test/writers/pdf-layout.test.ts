/**
 * PDF writer, page level: the layout snapshot of the kitchen-sink fixture and of generated
 * documents must keep the typesetting rules (kinsoku, fitting lines, keeps, widows and
 * orphans, table rows split between lines, repeated grid headers, TOC page numbers, running
 * header and footer), and the fixture's snapshot must match its golden file.
 *
 * UPDATE_GOLDEN=1 rewrites test/golden/pdf/kitchen-sink.layout.json.
 */

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { Block, DocModel } from '../../src/model/doc-model.js';
import { isNoLineEnd, isNoLineStart } from '../../src/writers/pdf/chars.js';
import { pageGeometry } from '../../src/writers/pdf/page.js';
import {
  writePdf,
  type LayoutSnapshot,
  type PdfResult,
  type SnapshotBox,
  type SnapshotLine,
  type SnapshotPage,
} from '../../src/writers/pdf/index.js';
import { kitchenSink } from '../fixtures/model/kitchen-sink.js';
import { fonts, theme } from '../helpers/theme.js';

const creationDate = new Date('2020-03-05T00:00:00Z');
const goldenFile = fileURLToPath(new URL('../golden/pdf/kitchen-sink.layout.json', import.meta.url));

const EPSILON = 0.011; // snapshot numbers are rounded to 0.01
const area = pageGeometry(theme);

const write = (model: DocModel): Promise<PdfResult> => writePdf(model, { theme, fonts, creationDate });

const isRunning = (line: SnapshotLine): boolean => line.role === 'header' || line.role === 'footer';
/** Lines of the flow (no running header or footer), top to bottom. */
const flowLines = (page: SnapshotPage): SnapshotLine[] =>
  page.lines.filter((line) => !isRunning(line)).sort((a, b) => a.y - b.y || a.x - b.x);

/** The golden text: one line or box per line of JSON, so diffs are readable. */
function goldenText(snapshot: LayoutSnapshot): string {
  const list = (items: object[]): string =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => `        ${JSON.stringify(item)}`).join(',\n')}\n      ]`;
  const pages = snapshot.pages.map((page) => {
    const { lines, boxes, ...head } = page;
    return [
      `    {${JSON.stringify(head).slice(1, -1)},`,
      `      "lines": ${list(lines)},`,
      `      "boxes": ${list(boxes)}`,
      '    }',
    ].join('\n');
  });
  return `{\n  "width": ${snapshot.width},\n  "height": ${snapshot.height},\n  "pages": [\n${pages.join(',\n')}\n  ]\n}\n`;
}

/** Kinsoku: no line starts with closing punctuation or ends with an opening bracket. */
function checkKinsoku(snapshot: LayoutSnapshot): void {
  for (const page of snapshot.pages) {
    for (const line of page.lines) {
      if (line.text === '' || line.role === 'url') continue;
      const first = line.text.codePointAt(0)!;
      const last = [...line.text].at(-1)!.codePointAt(0)!;
      assert.ok(!isNoLineStart(first), `page ${page.index}: line starts with ${line.text[0]}: ${line.text}`);
      assert.ok(!isNoLineEnd(last), `page ${page.index}: line ends with an opening bracket: ${line.text}`);
    }
  }
}

/** Every line fits the text area, and a line in a table cell fits the cell (padding included). */
function checkLinesFit(snapshot: LayoutSnapshot): void {
  const padding = theme.table.cellPadding;
  for (const page of snapshot.pages) {
    const cells = page.boxes.filter((box) => box.kind === 'cell');
    for (const line of page.lines) {
      const where = `page ${page.index} "${line.text}"`;
      assert.ok(
        line.x >= area.left - EPSILON && line.x + line.width <= area.right + EPSILON,
        `${where} runs out of the text area`,
      );
      if (isRunning(line)) continue;
      assert.ok(
        line.y >= area.top - EPSILON && line.y + line.height <= area.bottom + EPSILON,
        `${where} is above or below the text area`,
      );
      const cx = line.x + 0.5;
      const cy = line.y + line.height / 2;
      const cell = cells.find((c) => cx >= c.x && cx <= c.x + c.width && cy >= c.y && cy <= c.y + c.height);
      if (!cell) continue;
      assert.ok(line.x >= cell.x + padding - EPSILON, `${where} starts left of its cell's padding`);
      assert.ok(line.x + line.width <= cell.x + cell.width - padding + EPSILON, `${where} is wider than its cell`);
      assert.ok(
        line.y >= cell.y - EPSILON && line.y + line.height <= cell.y + cell.height + EPSILON,
        `${where} is cut by its cell's edge`,
      );
    }
  }
}

/** A heading is never the last thing on a page, and has at least 2 lines of what follows. */
function checkHeadingsKept(snapshot: LayoutSnapshot): void {
  for (const page of snapshot.pages) {
    const lines = flowLines(page);
    const last = lines.at(-1);
    if (!last) continue;
    assert.notEqual(last.role, 'heading', `page ${page.index} ends with heading "${last.text}"`);
    const lastHeading = lines.findLastIndex((line) => line.role === 'heading' || line.role === 'toc-title');
    if (lastHeading === -1) continue;
    const after = lines.slice(lastHeading + 1).filter((line) => line.role !== 'marker');
    const followingBlock = after[0]!;
    const linesOfBlockOnNextPages = snapshot.pages
      .slice(page.index)
      .flatMap((p) => p.lines)
      .filter((line) => line.block === followingBlock.block).length;
    assert.ok(
      after.length >= 2 || linesOfBlockOnNextPages === 0,
      `page ${page.index}: heading "${lines[lastHeading]!.text}" has only ${after.length} line after it`,
    );
  }
}

/** No paragraph leaves a single line at the bottom or top of a page (repeated table headers aside). */
function checkWidowsAndOrphans(snapshot: LayoutSnapshot): void {
  const pagesOfBlock = new Map<number, Map<number, number>>();
  for (const page of snapshot.pages) {
    const headerCells = page.boxes.filter((box) => box.kind === 'cell' && box.header);
    for (const line of page.lines) {
      if (line.role !== 'text') continue;
      const cy = line.y + line.height / 2;
      if (
        headerCells.some(
          (cell) => line.x >= cell.x && line.x <= cell.x + cell.width && cy >= cell.y && cy <= cell.y + cell.height,
        )
      )
        continue;
      const counts = pagesOfBlock.get(line.block) ?? new Map<number, number>();
      counts.set(page.index, (counts.get(page.index) ?? 0) + 1);
      pagesOfBlock.set(line.block, counts);
    }
  }
  for (const [block, counts] of pagesOfBlock) {
    if (counts.size < 2) continue;
    for (const [page, count] of counts) {
      assert.ok(count >= 2, `block ${block} has a single line on page ${page} of ${[...counts.keys()].join(', ')}`);
    }
  }
}

/** Footer "第 N 頁，共 M 頁" and the header on every body page; neither on cover pages. */
function checkRunningText(snapshot: LayoutSnapshot, header: string): void {
  const bodyPages = snapshot.pages.filter((page) => page.section === 'body').length;
  let number = 0;
  for (const page of snapshot.pages) {
    const running = page.lines.filter(isRunning);
    if (page.section === 'cover') {
      assert.equal(page.number, null);
      assert.deepEqual(running, [], `cover page ${page.index} has running text`);
      continue;
    }
    number++;
    assert.equal(page.number, number);
    assert.deepEqual(
      running.map((line) => [line.role, line.text]),
      [
        ['header', header],
        ['footer', `第 ${number} 頁，共 ${bodyPages} 頁`],
      ],
    );
    const [head, foot] = running;
    assert.ok(head!.y + head!.height <= area.top && foot!.y >= area.bottom, 'running text outside the text area');
  }
}

/** Printed page number of each heading's first line (or anchor, for an empty heading), from the snapshot. */
function headingPagesOf(snapshot: LayoutSnapshot): Map<string, number> {
  const pages = new Map<string, number>();
  const anchors = new Map<string, number>();
  for (const page of snapshot.pages) {
    if (page.number === null) continue;
    for (const line of page.lines) if (line.role === 'heading' && line.index === 0) pages.set(line.ref!, page.number);
    for (const box of page.boxes) if (box.kind === 'anchor') anchors.set(box.id, page.number);
  }
  for (const [id, page] of anchors) if (!pages.has(id)) pages.set(id, page);
  return pages;
}

function checkAll(result: PdfResult, model: DocModel): void {
  const { layout } = result;
  checkKinsoku(layout);
  checkLinesFit(layout);
  checkHeadingsKept(layout);
  checkWidowsAndOrphans(layout);
  checkRunningText(layout, model.meta.header);
  assert.deepEqual(result.headingPages, headingPagesOf(layout));
  assert.equal(result.pageCount, layout.pages.length);
}

describe('PDF layout of the kitchen-sink fixture', () => {
  let result: PdfResult;
  before(async () => {
    result = await write(kitchenSink);
  });

  it('keeps every typesetting rule', () => {
    checkAll(result, kitchenSink);
  });

  it('sets TOC page numbers to the page where each heading starts, and links each entry', () => {
    const headingPages = headingPagesOf(result.layout);
    const tocPages = result.layout.pages.filter((page) => page.lines.some((line) => line.role === 'toc-page'));
    assert.equal(tocPages.length, 1);
    const [toc] = tocPages;
    const numbers = toc!.lines.filter((line) => line.role === 'toc-page');
    const expected = kitchenSink.sections[1]!.blocks.filter(
      (block): block is Extract<Block, { type: 'heading' }> =>
        block.type === 'heading' && block.toc && block.level <= theme.toc.depth,
    );
    assert.deepEqual(
      numbers.map((line) => line.ref),
      expected.map((heading) => heading.id),
    );
    for (const line of numbers) {
      assert.equal(Number(line.text), headingPages.get(line.ref!), `TOC number of ${line.ref}`);
      assert.ok(Math.abs(line.x + line.width - area.right) < EPSILON, 'page numbers are right-aligned');
      const link = toc!.boxes.find((box) => box.kind === 'link' && box.target === `#${line.ref}`);
      assert.ok(
        link && link.y <= line.y && link.y + link.height >= line.y + line.height,
        `TOC entry ${line.ref} is clickable`,
      );
    }
    const leaders = toc!.boxes.filter((box) => box.kind === 'rule' && box.role === 'leader');
    assert.equal(leaders.length, numbers.length, 'every entry has a dotted leader');
  });

  it('splits a tall card row between lines and continues it on the next page', () => {
    const fragments = new Map<string, number[]>();
    for (const page of result.layout.pages) {
      for (const box of page.boxes) {
        if (box.kind !== 'cell' || box.header) continue;
        const key = `${box.table}/${box.row}/${box.col}`;
        fragments.set(key, [...(fragments.get(key) ?? []), page.index]);
      }
    }
    const split = [...fragments].filter(([, pages]) => pages.length > 1);
    assert.ok(split.length > 0, 'the fixture has a row split across pages');
    for (const [key, pages] of split) {
      assert.deepEqual(pages, [pages[0]!, pages[0]! + 1], `row ${key} continues on the next page`);
    }
    // Every fragment of a split cell keeps two lines or more, and the label is repeated, marked.
    const linesIn = (page: SnapshotPage, cell: SnapshotBox): SnapshotLine[] =>
      page.lines.filter(
        (line) =>
          line.x >= cell.x &&
          line.x < cell.x + cell.width &&
          line.y >= cell.y - EPSILON &&
          line.y + line.height <= cell.y + cell.height + EPSILON,
      );
    const cellOn = (page: SnapshotPage, key: string) =>
      page.boxes.find((box) => box.kind === 'cell' && !box.header && `${box.table}/${box.row}/${box.col}` === key)!;
    for (const [key, [first, second]] of split) {
      const [before, after] = [result.layout.pages[first! - 1]!, result.layout.pages[second! - 1]!];
      const [head, tail] = [linesIn(before, cellOn(before, key)), linesIn(after, cellOn(after, key))];
      if (key.endsWith('/0')) {
        assert.ok(
          tail.length > 0 && tail.every((line) => line.role === 'continued'),
          `label ${key} repeated on page ${second}`,
        );
        assert.ok(
          tail
            .map((line) => line.text)
            .join('')
            .endsWith(theme.table.continued),
          `label ${key} marked`,
        );
        assert.equal(
          tail.map((line) => line.text).join(''),
          head.map((line) => line.text).join('') + theme.table.continued,
        );
      } else if (head.length > 0 && tail.length > 0) {
        assert.ok(head.length >= 2 && tail.length >= 2, `cell ${key} split ${head.length}|${tail.length}`);
      }
    }
  });

  it('never leaves the first or last row of a table alone on a page', () => {
    const rowsOn = (page: SnapshotPage, table: number): Set<number> =>
      new Set(
        page.boxes.flatMap((box) => (box.kind === 'cell' && box.table === table && !box.header ? [box.row] : [])),
      );
    const tables = new Set(
      result.layout.pages.flatMap((page) => page.boxes.flatMap((box) => (box.kind === 'cell' ? [box.table] : []))),
    );
    for (const table of tables) {
      const pages = result.layout.pages.filter((page) => rowsOn(page, table).size > 0);
      if (pages.length < 2) continue;
      const first = rowsOn(pages[0]!, table);
      const last = rowsOn(pages.at(-1)!, table);
      assert.ok(
        first.size >= 2 || rowsOn(pages[1]!, table).has(0),
        `table ${table}'s first row alone on page ${pages[0]!.index}`,
      );
      assert.ok(
        last.size >= 2 || rowsOn(pages.at(-2)!, table).has([...last][0]!),
        `table ${table}'s last row alone on page ${pages.at(-1)!.index}`,
      );
    }
  });

  it('repeats the grid header row on every page the grid table runs onto', () => {
    const tables = new Set<number>();
    for (const page of result.layout.pages) {
      for (const box of page.boxes) if (box.kind === 'cell' && box.header) tables.add(box.table);
    }
    assert.equal(tables.size, 1);
    for (const table of tables) {
      const pages = result.layout.pages.filter((page) =>
        page.boxes.some((box) => box.kind === 'cell' && box.table === table && !box.header),
      );
      assert.ok(pages.length >= 3, `grid table runs over ${pages.length} pages`);
      for (const page of pages) {
        const cells = page.boxes.filter((box) => box.kind === 'cell' && box.table === table);
        const headerCells = cells.filter((box) => box.kind === 'cell' && box.header);
        assert.equal(headerCells.length, 3, `header on page ${page.index}`);
        const headerBottom = Math.max(...headerCells.map((box) => box.y + box.height));
        const bodyTop = Math.min(...cells.filter((box) => box.kind === 'cell' && !box.header).map((box) => box.y));
        assert.ok(headerBottom <= bodyTop + EPSILON, `header above the rows on page ${page.index}`);
        assert.ok(
          page.boxes.some((box) => box.kind === 'frame' && box.table === table),
          `borders on page ${page.index}`,
        );
      }
    }
  });

  it('anchors every heading and bookmarks chapters and measures', () => {
    const anchors = result.layout.pages.flatMap((page) => page.boxes.filter((box) => box.kind === 'anchor'));
    const headings = kitchenSink.sections.flatMap((section) =>
      section.blocks.filter((block): block is Extract<Block, { type: 'heading' }> => block.type === 'heading'),
    );
    assert.deepEqual(
      anchors.map((anchor) => anchor.kind === 'anchor' && [anchor.id, anchor.outline]),
      headings.map((heading) => [heading.id, heading.toc && heading.level <= 2 ? heading.level : null]),
    );
  });

  it('matches the golden snapshot', () => {
    const text = goldenText(result.layout);
    assert.deepEqual(JSON.parse(text), result.layout, 'the golden text is the snapshot');
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(dirname(goldenFile), { recursive: true });
      writeFileSync(goldenFile, text);
    }
    assert.equal(text, readFileSync(goldenFile, 'utf8'), 'layout changed: review, then UPDATE_GOLDEN=1');
  });
});

describe('PDF layout of generated documents', () => {
  const filler = (i: number): Block => ({
    type: 'paragraph',
    role: 'body',
    children: [{ type: 'text', value: `第${i + 1}段：企業可直接向貸款銀行提出申請。` }],
  });
  const long: Block = {
    type: 'paragraph',
    role: 'body',
    children: [
      {
        type: 'text',
        value:
          '對2020年1月25日以來到期的困難中小微企業（含小微企業主、個體工商戶）貸款本金，銀行業金融機構根據企業申請，' +
          '給予臨時性延期償還安排；付息日在2020年1月25日至6月30日之間的，經企業申請，可延期至6月30日前支付，免收罰息。' +
          '延期期間不下調貸款風險分類，不影響徵信記錄。企業可直接向貸款銀行提出申請，也可通過「山東省融資服務平台」線上提交需求；' +
          '對辦理過程中遇到的問題，可聯繫當地金融監管部門。',
      },
    ],
  };
  const model = (blocks: Block[]): DocModel => ({
    meta: { ...kitchenSink.meta },
    sections: [{ kind: 'body', blocks }],
  });

  it('keeps headings with what follows and leaves no widows or orphans, wherever the page breaks', async () => {
    for (let fillers = 20; fillers <= 40; fillers++) {
      const blocks: Block[] = [
        ...Array.from({ length: fillers }, (_, i) => filler(i)),
        { type: 'heading', level: 2, id: 'h', children: [{ type: 'text', value: '3.1　貸款延期還本付息' }], toc: true },
        { type: 'heading', level: 3, id: 'h3', children: [{ type: 'text', value: '政策內容' }], toc: false },
        long,
        long,
      ];
      const doc = model(blocks);
      checkAll(await write(doc), doc);
    }
  });

  it('numbers the TOC right when the TOC itself runs over several pages', async () => {
    const blocks: Block[] = [{ type: 'toc', title: '目錄' }];
    for (let i = 1; i <= 60; i++) {
      blocks.push({
        type: 'heading',
        level: 2,
        id: `m${i}`,
        children: [{ type: 'text', value: `${i}\u3000措施` }],
        toc: true,
      });
      blocks.push(filler(i), filler(i + 1), filler(i + 2), filler(i + 3));
    }
    const doc = model(blocks);
    const result = await write(doc);
    checkAll(result, doc);
    const numbers = result.layout.pages.flatMap((page) => page.lines.filter((line) => line.role === 'toc-page'));
    assert.equal(numbers.length, 60);
    assert.ok(
      new Set(result.layout.pages.filter((page) => page.lines.some((line) => line.role === 'toc-page'))).size >= 2,
    );
    for (const line of numbers) assert.equal(Number(line.text), result.headingPages.get(line.ref!));
  });

  it('copes with unusual content: empty blocks, mismatched columns, nested tables, a cell taller than a page', async () => {
    const text = (value: string): Block => ({ type: 'paragraph', role: 'body', children: [{ type: 'text', value }] });
    const doc = model([
      { type: 'paragraph', role: 'body', children: [] },
      { type: 'heading', level: 2, id: 'empty', children: [], toc: true },
      { type: 'toc', title: '目錄' },
      text(`https://www.example.gov.cn/${'a'.repeat(300)}`),
      { type: 'list', ordered: true, start: 98, items: [{ children: [] }, { children: [text('九十九')] }] },
      {
        type: 'table',
        variant: 'grid',
        columns: [1],
        header: [{ cells: [{ children: [text('標題')] }, { children: [text('多餘的欄')] }] }],
        rows: [{ cells: [] }, { cells: [{ children: Array.from({ length: 80 }, (_, i) => text(`第${i + 1}行`)) }] }],
      },
      {
        type: 'table',
        variant: 'card',
        columns: [0.3, 0.7],
        header: [],
        rows: [
          {
            cells: [
              {
                children: [
                  {
                    type: 'heading',
                    level: 3,
                    id: 'in-cell',
                    children: [{ type: 'text', value: '格內標題' }],
                    toc: false,
                  },
                ],
              },
              {
                children: [
                  {
                    type: 'table',
                    variant: 'grid',
                    columns: [0.5, 0.5],
                    header: [{ cells: [{ children: [text('甲')] }, { children: [text('乙')] }] }],
                    rows: [{ cells: [{ children: [text('丙')] }, { children: [text('丁')] }] }],
                  },
                  { type: 'page-break' },
                  { type: 'qr', url: 'https://x.example/', label: [] },
                ],
              },
            ],
          },
        ],
      },
      {
        type: 'paragraph',
        role: 'body',
        children: [{ type: 'link', url: '#nowhere', children: [{ type: 'text', value: '壞連結' }] }],
      },
      { type: 'page-break' },
    ]);
    const result = await write(doc);
    checkAll(result, doc);
    assert.equal(result.pageCount, 3, 'the tall cell runs over three pages, nothing after the last page break');
    for (const page of result.layout.pages) {
      assert.ok(
        page.boxes.some((box) => box.kind === 'cell' && box.header && box.table === 0),
        `header on page ${page.index}`,
      );
    }
    assert.deepEqual(
      [...result.headingPages],
      [
        ['empty', 1],
        ['in-cell', 3],
      ],
    );
  });

  it('restarts numbering per list and honours start', async () => {
    const item = (value: string) => ({
      children: [{ type: 'paragraph' as const, role: 'body' as const, children: [{ type: 'text' as const, value }] }],
    });
    const doc = model([
      { type: 'list', ordered: true, start: 1, items: [item('甲'), item('乙')] },
      { type: 'list', ordered: true, start: 7, items: [item('丙'), item('丁')] },
    ]);
    const result = await write(doc);
    const markers = result.layout.pages[0]!.lines.filter((line) => line.role === 'marker').map((line) => line.text);
    assert.deepEqual(markers, ['1.', '2.', '7.', '8.']);
  });

  it('adds no empty pages for leading, repeated or trailing page breaks', async () => {
    const doc = model([
      { type: 'page-break' },
      filler(0),
      { type: 'page-break' },
      { type: 'page-break' },
      filler(1),
      { type: 'page-break' },
    ]);
    const result = await write(doc);
    assert.equal(result.pageCount, 2);
    assert.deepEqual(
      result.layout.pages.map((page) => flowLines(page).map((line) => line.text.slice(0, 3))),
      [['第1段'], ['第2段']],
    );
  });
});

/**
 * A workbook that would unpack to more than a firm list ever holds (a zip bomb) is refused as
 * E-FIRMS-FILE before it is inflated, or while it is, when its headers understate the size. The
 * bomb is made here, in memory: 200 MB of spaces in a sheet, about 200 KB deflated.
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { readFirmList } from '../../src/firms/read.js';
import { XLSX_UNPACKED_LIMIT } from '../../src/firms/xlsx.js';
import { setLanguage } from '../../src/messages/language.js';
import { readZip, writeZip, type ZipEntry } from '../../src/writers/docx/zip.js';
import { makeXlsx } from './xlsx-fixture.js';

const vocabularies = { industries: {}, needs: {} };
const read = (bytes: Uint8Array) => readFirmList('firms.xlsx', bytes, { vocabularies });

const SHEET = 'xl/worksheets/sheet1.xml';
const PADDING = 200 * 1024 * 1024;

/** The sheet's XML with `PADDING` spaces before its end, deflated a megabyte at a time. */
async function bombSheet(xml: string): Promise<{ data: Uint8Array; size: number; crc: number }> {
  const cut = xml.lastIndexOf('</worksheet>');
  const head = Buffer.from(xml.slice(0, cut));
  const tail = Buffer.from(xml.slice(cut));
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < PADDING / spaces.length; i++) {
    deflate.write(spaces);
    crc = crc32(spaces, crc);
  }
  deflate.end(tail);
  crc = crc32(tail, crc);
  await done;
  return { data: Buffer.concat(chunks), size: head.length + PADDING + tail.length, crc };
}

/** A real workbook whose first sheet is the bomb, its size in the headers `declared`. */
async function bombWorkbook(declared: (size: number) => number): Promise<Uint8Array> {
  const entries = readZip(
    makeXlsx([
      {
        name: '名單',
        rows: [
          ['編號', '企業名稱'],
          ['E-01', '臺商甲'],
        ],
      },
    ]),
  );
  const sheet = entries.find((entry) => entry.name === SHEET)!;
  const bomb = await bombSheet(new TextDecoder().decode(sheet.data));
  const replaced: ZipEntry[] = entries.map((entry) =>
    entry === sheet
      ? { name: SHEET, method: 8, flags: 0, crc32: bomb.crc, size: declared(bomb.size), data: bomb.data }
      : entry,
  );
  return writeZip(replaced, new Date(Date.UTC(2020, 2, 5)));
}

describe('XLSX size bound', () => {
  it('refuses a bomb by the sizes its central directory declares, before inflating it', async () => {
    const bytes = await bombWorkbook((size) => size);
    assert.ok(bytes.length < 1024 * 1024, `the bomb is small: ${bytes.length} bytes`);
    const before = process.memoryUsage().rss;
    const list = await read(bytes);
    assert.deepEqual(
      list.diagnostics.map((d) => [d.code, d.message, d.hint]),
      [
        [
          'E-FIRMS-FILE',
          'the workbook would unpack to more than 50 MB: far more than a firm list, so it is not read (the file may be damaged, or made to exhaust memory)',
          'save the firm list again from Excel with only the sheet of firms, or as "CSV UTF-8"',
        ],
      ],
    );
    assert.deepEqual(list.rows, []);
    assert.ok(process.memoryUsage().rss - before < XLSX_UNPACKED_LIMIT, 'nothing near the bomb’s size was inflated');
  });

  it('stops inflating at the bound when the headers understate the size', async () => {
    const bytes = await bombWorkbook(() => 1000);
    const list = await read(bytes);
    assert.deepEqual(
      list.diagnostics.map((d) => d.code),
      ['E-FIRMS-FILE'],
    );
    assert.match(list.diagnostics[0]!.message, /more than 50 MB/);
  });

  it('says so in Chinese too', async () => {
    const bytes = await bombWorkbook((size) => size);
    try {
      setLanguage('zh-Hans');
      const hans = (await read(bytes)).diagnostics[0]!;
      assert.equal(
        hans.message,
        '这个工作簿解压后会超过 50 MB，远大于一份企业名单，因此不读取（文件可能已损坏，或是有意耗尽内存的文件）',
      );
      assert.match(hans.hint!, /^请用 Excel 重新保存企业名单/);
      setLanguage('zh-Hant');
      assert.match((await read(bytes)).diagnostics[0]!.message, /^這個活頁簿解壓縮後會超過 50 MB/);
    } finally {
      setLanguage('en');
    }
  });

  it('still reads an ordinary workbook', async () => {
    const list = await read(
      makeXlsx([
        {
          name: '名單',
          rows: [
            ['編號', '企業名稱'],
            ['E-01', '臺商甲'],
          ],
        },
      ]),
    );
    assert.deepEqual(list.diagnostics, []);
    assert.deepEqual(
      list.rows.map((r) => [r.firm.id, r.firm.name]),
      [['E-01', '臺商甲']],
    );
  });
});

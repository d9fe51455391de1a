/**
 * XLSX firm lists, read with read-excel-file: the first worksheet, or the one `--sheet` names.
 * A workbook has no text to point into, so places are row and column, as Excel shows them.
 */

import { crc32, inflateRawSync } from 'node:zlib';
import { readSheet, SheetNotFoundError } from 'read-excel-file/node';
import { firmListMessages as say, firmPlaceMessages } from '../messages/firms.js';
import { readZip, writeZip, type ZipEntry } from '../writers/docx/zip.js';
import type { TableCell, TableRow } from './table.js';
import { mergedRanges, type MergedRange } from './xlsx-merges.js';

/**
 * Most the parts of a workbook read-excel-file reads may unpack to, in all. A firm list of
 * thousands of rows is a few MB; a zip bomb (gigabytes of one repeated byte in a few hundred
 * KB) is refused before it can take the process's memory.
 */
export const XLSX_UNPACKED_LIMIT = 50 * 1024 * 1024;

/**
 * Most a part larger than `RATIO_FLOOR` may unpack to per byte stored: sheets compress 5–20 to
 * one, a bomb thousands to one.
 */
const RATIO_LIMIT = 100;
const RATIO_FLOOR = 1024 * 1024;

/** The parts read-excel-file reads (it skips pictures and printer settings). */
function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.xml.rels');
}

/**
 * The workbook's XML parts unpacked within the limits, as a new archive of stored parts for
 * read-excel-file: it then never inflates anything itself, so a header that understates a
 * part's size (or a part the central directory does not list) cannot get past the limit.
 * Undefined when the workbook would unpack past them.
 */
function boundedWorkbook(bytes: Uint8Array): Uint8Array | undefined {
  const parts = readZip(bytes).filter((entry) => isXmlPart(entry.name));
  // What the central directory declares, checked before anything is inflated.
  let declared = 0;
  for (const part of parts) {
    declared += part.size;
    if (part.size > RATIO_FLOOR && part.size > RATIO_LIMIT * part.data.length) return undefined;
  }
  if (declared > XLSX_UNPACKED_LIMIT) return undefined;
  // What the data really unpacks to, with inflating stopped at the budget left.
  let unpacked = 0;
  const stored: ZipEntry[] = [];
  for (const part of parts) {
    let data: Uint8Array;
    if (part.method === 0) data = part.data;
    else if (part.method === 8) {
      try {
        data = inflateRawSync(part.data, { maxOutputLength: Math.max(1, XLSX_UNPACKED_LIMIT - unpacked) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
        throw error;
      }
    } else throw new Error(`zip compression method ${part.method} of ${part.name}`);
    unpacked += data.length;
    if (unpacked > XLSX_UNPACKED_LIMIT) return undefined;
    if (data.length > RATIO_FLOOR && data.length > RATIO_LIMIT * part.data.length) return undefined;
    stored.push({ name: part.name, method: 0, flags: 0, crc32: crc32(data), size: data.length, data });
  }
  return writeZip(stored, new Date(0));
}

/** The rows of a worksheet, or why the workbook could not be read. */
export async function readXlsxRows(
  bytes: Uint8Array,
  sheet: string | undefined,
): Promise<{ rows: TableRow[] } | { error: string; hint: string }> {
  let data: unknown[][];
  let workbook: Uint8Array | undefined;
  try {
    workbook = boundedWorkbook(bytes);
    if (workbook === undefined) {
      const limit = String(XLSX_UNPACKED_LIMIT / 1024 / 1024);
      return { error: say.workbookTooLarge({ limit }), hint: say.workbookTooLargeHint() };
    }
    const input = Buffer.from(workbook.buffer, workbook.byteOffset, workbook.byteLength);
    data = sheet === undefined ? await readSheet(input) : await readSheet(input, sheet);
  } catch (error) {
    if (error instanceof SheetNotFoundError) {
      const sheets = (error as SheetNotFoundError & { sheets?: string[] }).sheets ?? [];
      return {
        error: say.noSheet({ sheet: sheet ?? '' }),
        hint:
          sheets.length > 0
            ? say.sheetsAre({ sheets: sheets.join(firmPlaceMessages.listSeparator()) })
            : say.checkSheet(),
      };
    }
    return {
      error: say.notWorkbook({ reason: error instanceof Error ? error.message : String(error) }),
      hint: say.saveAsXlsx(),
    };
  }
  // read-excel-file keeps rows and columns where the sheet has them, empty ones included.
  const rows = data.map((row, index): TableRow => ({
    number: index + 1,
    cells: row.map((value): TableCell | undefined => {
      if (value === null || value === undefined) return undefined;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
      // A date cell: no firm column holds dates, so it is kept as the date it shows.
      if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
      return { value: String(value) };
    }),
  }));
  try {
    // From the same bounded, unpacked parts read-excel-file read.
    fillMerged(rows, mergedRanges(workbook, sheet));
  } catch (error) {
    return {
      error: say.mergedUnreadable({ reason: error instanceof Error ? error.message : String(error) }),
      hint: say.saveAsXlsx(),
    };
  }
  return { rows };
}

/**
 * Every cell of a merged range takes the value of its first cell, marked with the range so the
 * table reader can warn (W-FIRM-MERGED): staff merge a city or an industry down over the firms
 * that share it, and mean it for each. Only rows and columns the sheet has are filled.
 */
function fillMerged(rows: TableRow[], merges: readonly MergedRange[]): void {
  const width = rows.reduce((most, row) => Math.max(most, row.cells.length), 0);
  for (const merge of merges) {
    const first = rows[merge.top]?.cells[merge.left];
    if (!first) continue;
    for (let r = merge.top; r <= Math.min(merge.bottom, rows.length - 1); r++) {
      const cells = rows[r]!.cells;
      for (let c = merge.left; c <= Math.min(merge.right, width - 1); c++) {
        if ((r !== merge.top || c !== merge.left) && cells[c] === undefined) {
          cells[c] = { value: first.value, merged: { ref: merge.ref, row: merge.top + 1 } };
        }
      }
    }
  }
}

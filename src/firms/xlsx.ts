/**
 * XLSX firm lists, read with read-excel-file: the first worksheet, or the one `--sheet` names.
 * A workbook has no text to point into, so places are row and column, as Excel shows them.
 */

import { readSheet, SheetNotFoundError } from 'read-excel-file/node';
import { firmListMessages as say, firmPlaceMessages } from '../messages/firms.js';
import type { TableCell, TableRow } from './table.js';
import { mergedRanges, type MergedRange } from './xlsx-merges.js';

/** The rows of a worksheet, or why the workbook could not be read. */
export async function readXlsxRows(
  bytes: Uint8Array,
  sheet: string | undefined,
): Promise<{ rows: TableRow[] } | { error: string; hint: string }> {
  let data: unknown[][];
  try {
    const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
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
    fillMerged(rows, mergedRanges(bytes, sheet));
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

/**
 * A firm list read as a table (CSV or a worksheet): rows of cells, each cell with its place.
 * The header row is found, not assumed: spreadsheets often carry a title line above it.
 */

import type { Range } from '../diagnostics/diagnostic.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firmListMessages as say, firmPlaceMessages as place } from '../messages/firms.js';
import { columnLetter, describeField, fieldOfHeader, suggestHeader } from './columns.js';
import type { RawRecord } from './records.js';
import { firmFieldLabels, type FirmField } from './types.js';

/** A cell as the file holds it: text for CSV; text, number or true/false for XLSX. */
export type CellValue = string | number | boolean;

/** One cell and where it is. */
export interface TableCell {
  value: CellValue;
  /** Offsets of the value in the decoded text (CSV only). */
  range?: Range;
  /** XLSX: the merged range (`E3:E5`) whose first cell's value this empty cell was given, and that cell's row. */
  merged?: { ref: string; row: number };
}

/** One row of a CSV file or worksheet. */
export interface TableRow {
  /** 1-based row number as a spreadsheet program shows it. */
  number: number;
  /** By column, 0-based; a missing or empty cell is undefined. */
  cells: (TableCell | undefined)[];
  /** The whole row in the text (CSV only). */
  range?: Range;
}

/** How many rows from the top may come before the header row (a title, a note, a blank line). */
const headerSearchRows = 10;

function isBlank(cell: TableCell | undefined): boolean {
  return cell === undefined || (typeof cell.value === 'string' && cell.value.trim() === '');
}

function fromFirmRows(cell: TableCell | undefined, headerRow: number): TableCell | undefined {
  return cell?.merged && cell.merged.row <= headerRow ? undefined : cell;
}

function cellText(cell: TableCell): string {
  return typeof cell.value === 'string' ? cell.value : String(cell.value);
}

/**
 * Finds the header row, maps its columns to firm fields and turns every later non-blank row into a
 * record. Unknown headers are warnings (the column is ignored); a field named by two columns, or a
 * list without id and name columns, is an error and no record is returned.
 */
export function tableRecords(
  file: string,
  rows: readonly TableRow[],
): { records: RawRecord[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const headerIndex = rows
    .slice(0, headerSearchRows)
    .findIndex(
      (row) =>
        row.cells.filter((cell) => cell && !cell.merged && fieldOfHeader(cellText(cell)) !== undefined).length >= 2,
    );
  if (headerIndex < 0) {
    diagnostics.push(diagnostic('E-FIRMS-FILE', say.noHeader(), { file, hint: say.noHeaderHint() }));
    return { records: [], diagnostics };
  }
  const header = rows[headerIndex]!;
  const columns = new Map<number, { field: FirmField; header: string }>();
  const seen = new Map<FirmField, number>();
  header.cells.forEach((cell, index) => {
    // A header merged across columns names the first of them only.
    if (!cell || isBlank(cell) || cell.merged) return;
    const text = cellText(cell).trim();
    const where = place.cell({ row: header.number, column: columnLetter(index + 1) });
    const field = fieldOfHeader(text);
    if (field === undefined) {
      const near = suggestHeader(text);
      diagnostics.push(
        diagnostic('W-FIRM-COLUMN-UNKNOWN', say.unknownColumn({ where, header: text }), {
          file,
          ...(cell.range ? { range: cell.range } : {}),
          hint: near !== undefined ? say.didYouMean({ near }) : say.unknownColumnHint(),
        }),
      );
      return;
    }
    const first = seen.get(field);
    if (first !== undefined) {
      diagnostics.push(
        diagnostic(
          'E-FIRMS-FILE',
          say.columnAgain({ where, header: text, field: describeField(field), first: columnLetter(first + 1) }),
          { file, ...(cell.range ? { range: cell.range } : {}), hint: say.oneColumnPerField() },
        ),
      );
      return;
    }
    seen.set(field, index);
    columns.set(index, { field, header: text });
  });
  for (const required of ['id', 'name'] as const) {
    if (!seen.has(required)) {
      diagnostics.push(
        diagnostic('E-FIRMS-FILE', say.missingColumn({ field: describeField(required) }), {
          file,
          ...(header.range ? { range: header.range } : {}),
          hint: say.missingColumnHint({ label: firmFieldLabels[required], field: required }),
        }),
      );
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { records: [], diagnostics };

  const records: RawRecord[] = [];
  const mergesSaid = new Set<string>();
  for (const row of rows.slice(headerIndex + 1)) {
    if (row.cells.every(isBlank)) continue;
    const rowLabel = place.row({ row: row.number });
    const record: RawRecord = {
      label: rowLabel,
      number: row.number,
      place: { label: rowLabel, ...(row.range ? { range: row.range } : {}) },
      values: {},
    };
    for (const [index, { field, header: name }] of columns) {
      // A merge is read within the firms' rows only: a header merged down over two rows is no value.
      const cell = fromFirmRows(row.cells[index], header.number);
      const label = place.cellWithHeader({ row: row.number, column: columnLetter(index + 1), header: name });
      if (!cell || isBlank(cell)) {
        record.values[field] = { value: null, place: { label, ...(cell?.range ? { range: cell.range } : {}) } };
        continue;
      }
      record.values[field] = { value: cell.value, place: { label, ...(cell.range ? { range: cell.range } : {}) } };
      if (cell.merged !== undefined && !mergesSaid.has(cell.merged.ref)) {
        mergesSaid.add(cell.merged.ref);
        const { ref } = cell.merged;
        const first = ref.split(':')[0]!;
        diagnostics.push(
          diagnostic('W-FIRM-MERGED', say.merged({ range: ref, first, value: cellText(cell) }), {
            file,
            hint: say.mergedHint(),
          }),
        );
      }
    }
    records.push(record);
  }
  return { records, diagnostics };
}

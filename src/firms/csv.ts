/**
 * CSV as Excel and other tools write it (RFC 4180): fields separated by a comma (or a semicolon or
 * tab, which some Excel locales and "Unicode text" exports use), quoted with "…" when they hold a
 * separator, a quote ("" inside) or a line break. Every cell keeps its offsets in the text, so a
 * diagnostic prints as firms.csv:3:25 with a code frame.
 */

import type { TableCell, TableRow } from './table.js';

const candidates = [',', ';', '\t'] as const;

/**
 * Splits CSV text into rows of cells. Rows are numbered 1, 2, … as a spreadsheet shows them.
 *
 * The separator is the one that splits every line, header included, into the same number of
 * fields (more than one). Counting characters would be fooled by a needs column written
 * "financing;labour": such a file has more semicolons than commas, yet only the comma gives every
 * row the header's width. When no separator is that consistent (ragged rows, a title line), the
 * one that gives the most lines one width wins; a tie keeps the comma.
 */
export function parseCsv(text: string): TableRow[] {
  let best: TableRow[] = [];
  let bestScore = -1;
  for (const separator of candidates) {
    const rows = splitCsv(text, separator);
    const counts = new Map<number, number>();
    let lines = 0;
    let common = 0;
    for (const row of rows) {
      if (row.cells.every((cell) => cell === undefined || cell.value === '')) continue;
      lines++;
      const width = row.cells.length;
      if (width < 2) continue;
      const count = (counts.get(width) ?? 0) + 1;
      counts.set(width, count);
      common = Math.max(common, count);
    }
    // Consistent on every line beats any partial agreement.
    const score = common > 0 && common === lines ? Number.MAX_SAFE_INTEGER : common;
    if (score > bestScore) [best, bestScore] = [rows, score];
  }
  return best;
}

function splitCsv(text: string, separator: string): TableRow[] {
  const rows: TableRow[] = [];
  let cells: (TableCell | undefined)[] = [];
  let rowStart = 0;
  let i = 0;
  const endRow = (end: number) => {
    rows.push({ number: rows.length + 1, cells, range: [rowStart, end] });
    cells = [];
  };
  while (i <= text.length) {
    // One field starts at i.
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote < 0) {
          // An unclosed quote runs to the end, as Excel reads it.
          value += text.slice(j);
          j = text.length;
          break;
        }
        value += text.slice(j, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          j = quote + 2;
          continue;
        }
        j = quote + 1;
        break;
      }
      const contentEnd = Math.max(i + 1, j - 1);
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      let k = j;
      while (k < text.length && text[k] !== separator && text[k] !== '\n' && text[k] !== '\r') k++;
      value += text.slice(j, k);
      cells.push({ value, range: [i + 1, Math.max(i + 1, Math.min(contentEnd, k))] });
      i = k;
    } else {
      let k = i;
      while (k < text.length && text[k] !== separator && text[k] !== '\n' && text[k] !== '\r') k++;
      // An empty cell keeps its place too, so "name is empty" can point at it.
      cells.push({ value: text.slice(i, k), range: [i, k] });
      i = k;
    }
    if (i >= text.length) {
      if (i > rowStart) endRow(i);
      break;
    }
    if (text[i] === separator) {
      i++;
      continue;
    }
    // A line break: \r\n, \n or \r.
    const end = i;
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    endRow(end);
    rowStart = i;
    if (i >= text.length) break;
  }
  return rows;
}
